"""Parse benchmark: throughput (MB/s) and peak memory of ``structure`` on ≥ 5 MB of statutes.

Builds a long Commonwealth-style Act by repeating the bundled Malawi and India statutes with
their Parts and sections renumbered (so the numbering stays in sequence and every copy is
parsed, not demoted), then times:

- structure only: ``lexcheck.structure.build`` on an already-read ``SourceText``;
  CPU time of this process is reported first (the machine's cores are shared, so wall time
  also counts other people's work), wall time beside it;
- ingest + structure: ``lexcheck.api.parse_file`` on the file written to a temporary folder;

and measures peak memory with tracemalloc (Python allocations during ``build``) and the
process's maximum resident set size (``resource.getrusage``). It repeats the structure timing
on a 1 MB prefix to check that cost is linear in size.

Run: ``PYTHONPATH=src python benchmarks/parse_bench.py [--mb 5] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from lexcheck import api, ingest, structure
from lexcheck.models import SourceText

ROOT = Path(__file__).resolve().parent.parent
STATUTES = ROOT / "tests" / "fixtures" / "statutes"
MW = STATUTES / "mw_child_care_protection_justice_act_2010.txt"
IN = STATUTES / "in_juvenile_justice_act_2015.txt"

_PART = re.compile(r"^Part [IVXL]+ – ", re.M)
_MW_SECTION = re.compile(r"^(\d+)\. ", re.M)
_IN_SECTION = re.compile(r"^Section (\d+)\. ", re.M)


def _malawi_body() -> str:
    text = MW.read_text("utf-8")
    start = _PART.search(text)
    end = text.find("\nFirst Schedule")
    assert start is not None and end > 0
    return text[start.start() : end]


def _india_body() -> str:
    text = IN.read_text("utf-8")
    first = _IN_SECTION.search(text)
    assert first is not None
    # India's "Section N. Title" lines become "N. Title" so one numbering runs through
    return _IN_SECTION.sub(lambda m: f"{m.group(1)}. ", text[first.start() :])


def _renumber(chunk: str, offset: int) -> str:
    def shift(m: re.Match[str]) -> str:
        return f"{int(m.group(1)) + offset}. "

    return _MW_SECTION.sub(shift, chunk)


def build_corpus(size: int) -> str:
    """At least ``size`` characters of statute text with continuous numbering."""
    malawi = _malawi_body()
    india = _india_body()
    out = ["Consolidated Children Act (benchmark corpus)\n\n"]
    total = len(out[0])
    offset = 0
    parts = [0]

    def next_part(_: re.Match[str] | None) -> str:
        parts[0] += 1
        return f"Part {parts[0]} – "

    while total < size:
        for body, count in ((malawi, 189), (india, 112)):
            if _PART.search(body):
                chunk = _PART.sub(next_part, body)
            else:
                chunk = next_part(None) + "Provisions\n\n" + body
            chunk = _renumber(chunk, offset)
            out.append(chunk.rstrip() + "\n\n")
            total += len(out[-1])
            offset += count
            if total >= size:
                break
    return "".join(out)


def source_of(text: str) -> SourceText:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return SourceText(
        path="bench.txt",
        format="txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        line_starts=starts,
    )


def time_build(src: SourceText, repeat: int) -> tuple[float, float, int]:
    """Best CPU seconds (this process, one core), best wall seconds, provisions found."""
    best_cpu = best_wall = float("inf")
    count = 0
    for _ in range(repeat):
        gc.collect()
        c0, w0 = time.process_time(), time.perf_counter()
        doc = structure.build(src)
        best_cpu = min(best_cpu, time.process_time() - c0)
        best_wall = min(best_wall, time.perf_counter() - w0)
        count = len(doc.walk())
        del doc
    return best_cpu, best_wall, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs; the best is kept")
    args = parser.parse_args(argv)

    size = int(args.mb * 1_000_000)
    text = build_corpus(size)
    mb = len(text.encode("utf-8")) / 1_000_000
    src = source_of(text)

    seconds, wall, nodes = time_build(src, args.repeat)
    small = source_of(text[: len(text) // max(1, round(mb))])
    small_mb = len(small.text.encode("utf-8")) / 1_000_000
    small_seconds, _, _ = time_build(small, args.repeat)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.txt"
        path.write_text(text, "utf-8")
        best_io = best_io_wall = float("inf")
        for _ in range(args.repeat):
            gc.collect()
            c0, w0 = time.process_time(), time.perf_counter()
            api.parse_file(path, max_bytes=ingest.DEFAULT_MAX_BYTES)
            best_io = min(best_io, time.process_time() - c0)
            best_io_wall = min(best_io_wall, time.perf_counter() - w0)

    gc.collect()
    tracemalloc.start()
    doc = structure.build(src)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    sections = sum(1 for p in doc.provisions for q in p.walk() if q.kind == "section")
    del doc
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_bytes = rss if sys.platform == "darwin" else rss * 1024

    per_mb_big = seconds / mb
    per_mb_small = small_seconds / small_mb
    print(f"corpus: {mb:.2f} MB, {sections} sections, {nodes} provisions")
    print(
        f"structure only: {seconds:.3f} s CPU = {mb / seconds:.2f} MB/s "
        f"(wall {wall:.3f} s = {mb / wall:.2f} MB/s)"
    )
    print(
        f"ingest + structure: {best_io:.3f} s CPU = {mb / best_io:.2f} MB/s "
        f"(wall {best_io_wall:.3f} s = {mb / best_io_wall:.2f} MB/s)"
    )
    print(
        f"linearity: {small_mb:.2f} MB in {small_seconds:.3f} s ({per_mb_small:.3f} s/MB) vs "
        f"{mb:.2f} MB ({per_mb_big:.3f} s/MB): ratio {per_mb_big / per_mb_small:.2f}"
    )
    print(
        f"peak memory during build (tracemalloc): {peak / 1e6:.1f} MB = "
        f"{peak / len(text.encode('utf-8')):.1f}x input"
    )
    print(f"process max RSS: {rss_bytes / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
