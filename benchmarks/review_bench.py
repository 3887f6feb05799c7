"""Benchmark the review engine: warm throughput (MB/s) and peak memory on >= 5 MB of statute
text, and the cold start of ``lexcheck review`` on a ~100 KB act.

    PYTHONPATH=src python benchmarks/review_bench.py [--statutes DIR_OR_FILE ...] [--mb 5]

Statute text is taken from the files given (default: the .txt/.md statutes over 20 KB in
sample_laws/) and repeated until the target size is reached, then parsed once and reviewed
twice (warm figure = second).
Peak memory is given in this process and for ``lexcheck review`` of the same input run as a
process of its own (what a user sees).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _corpus(paths: list[Path]) -> str:
    texts: list[str] = []
    for path in paths:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.suffix in (".txt", ".md") and f.is_file() and f.stat().st_size > 20_000:
                texts.append(f.read_text(encoding="utf-8", errors="replace"))
    if not texts:
        sys.exit("no statute text found; pass --statutes")
    return "\n\n".join(texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--statutes", type=Path, nargs="*", default=[ROOT / "sample_laws"])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--cold-runs", type=int, default=5, help="cold starts timed (median)")
    args = parser.parse_args()

    from lexcheck import ingest, structure
    from lexcheck.assess.review import review_documents

    base = _corpus(args.statutes)
    target = int(args.mb * 1024 * 1024)
    copies = max(1, -(-target // len(base.encode("utf-8"))))
    text = "\n\n".join(base for _ in range(copies))
    size = len(text.encode("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "framework.txt"
        big.write_text(text, encoding="utf-8")
        # What a user sees: the peak RSS of ``lexcheck review`` on the whole input, in a process
        # of its own. It runs first: a child's ru_maxrss counts the parent's pages it was
        # forked with, and it is the largest of any child waited for so far.
        proc = subprocess.run(
            [sys.executable, "-m", "lexcheck", "review", str(big), "--format", "json"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        cli_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        cli_exit = proc.returncode

        t0 = time.perf_counter()
        document = structure.build(ingest.read(big))
        parse_s = time.perf_counter() - t0
        review_documents([document])  # warm-up: spaCy, matchers, rule files
        t0 = time.perf_counter()
        c0 = time.process_time()
        findings = review_documents([document])
        review_s = time.perf_counter() - t0
        review_cpu = time.process_time() - c0
        # Read before tracemalloc, which adds its own bookkeeping to every allocation.
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        # Memory in a separate run: tracemalloc slows allocation-heavy code several-fold.
        tracemalloc.start()
        review_documents([document])
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        small = Path(tmp) / "act.txt"
        small.write_text(base[: 100 * 1024], encoding="utf-8")
        walls: list[float] = []
        cpus: list[float] = []
        for _ in range(args.cold_runs):
            # CPU time of the child as well as wall time: on a shared machine wall time
            # measures the neighbours too.
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "lexcheck", "review", str(small), "--format", "json"],
                capture_output=True,
                check=False,
            )
            walls.append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(
        f"input: {size / 1e6:.2f} MB, {len(document.walk())} provisions, {len(findings)} findings"
    )
    print(f"parse: {parse_s:.2f} s ({size / 1e6 / parse_s:.2f} MB/s)")
    print(f"review (warm): {review_s:.2f} s wall ({size / 1e6 / review_s:.2f} MB/s)")
    print(f"review (warm): {review_cpu:.2f} s CPU ({size / 1e6 / review_cpu:.2f} MB/s on one core)")
    print(f"review peak traced memory: {peak / 1e6:.0f} MB")
    print(f"process peak RSS (text, tree, spaCy, two reviews; before tracemalloc): {rss:.0f} MB")
    print(
        f"peak RSS of `lexcheck review` of the {size / 1e6:.2f} MB input, own process: "
        f"{cli_rss:.0f} MB (exit {cli_exit})"
    )
    print(
        f"cold `lexcheck review` of 100 KB (median of {len(walls)}): "
        f"{statistics.median(cpus):.2f} s CPU, {statistics.median(walls):.2f} s wall "
        f"(exit {proc.returncode})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
