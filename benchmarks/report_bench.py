"""Time the report stage on a review of a synthetic 1 MB act with many findings and evidence.

Run: PYTHONPATH=src python benchmarks/report_bench.py [--repeat N]
Prints seconds per stage (recommend, docx, md, html, redline); the Word report must add < 1 s.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from datetime import date

from lexcheck.models import (
    DocumentInfo,
    Evidence,
    Finding,
    ParsedDocument,
    Provision,
    Review,
    Severity,
    SourceFormat,
    Status,
)

THEMES = [
    "minimum_age", "child_definition", "deprivation_of_liberty", "fair_trial", "sentencing",
    "diversion", "privacy", "victims_and_witnesses", "violence", "specialisation",
    "conditions_of_detention",
]  # fmt: skip
STATUSES = list(Status)


def synthetic_act(target_bytes: int = 1_000_000) -> ParsedDocument:
    """Parts of sections of subsections, about ``target_bytes`` of text, with exact spans."""
    lines: list[str] = []
    provisions: list[Provision] = []
    pos = 0
    section = 0
    part = 0
    body = (
        "A child who is arrested shall be brought before the Children's Court within the period"
        " prescribed, and the officer in charge shall notify the parent or guardian of the child"
        " of the arrest, of the reasons for it and of the place where the child is held."
    )
    while pos < target_bytes:
        part += 1
        part_start, part_line = pos, len(lines) + 1
        heading = f"PART {part} - GENERAL PROVISIONS {part}"
        lines.append(heading)
        pos += len(heading) + 1
        sections: list[Provision] = []
        for _ in range(20):
            section += 1
            sec_start, sec_line = pos, len(lines) + 1
            title = f"{section}. Provision number {section}"
            lines.append(title)
            pos += len(title) + 1
            subs: list[Provision] = []
            for k in range(1, 5):
                text = f"({k}) {body}"
                subs.append(
                    Provision(
                        kind="subsection",
                        number=str(k),
                        label=f"section {section}({k})",
                        eid=f"sec_{section}__subsec_{k}",
                        text=text,
                        start=pos,
                        end=pos + len(text) + 1,
                        line=len(lines) + 1,
                    )
                )
                lines.append(text)
                pos += len(text) + 1
            sections.append(
                Provision(
                    kind="section",
                    number=str(section),
                    label=f"section {section}",
                    eid=f"sec_{section}",
                    heading=f"Provision number {section}",
                    text="\n".join(lines[sec_line - 1 :]) + "\n",
                    start=sec_start,
                    end=pos,
                    line=sec_line,
                    children=subs,
                )
            )
        provisions.append(
            Provision(
                kind="part",
                number=str(part),
                label=f"Part {part}",
                eid=f"part_{part}",
                heading=f"General provisions {part}",
                text="",
                start=part_start,
                end=pos,
                line=part_line,
                children=sections,
            )
        )
    text = "\n".join(lines) + "\n"
    info = DocumentInfo(
        path="synthetic_act.txt",
        title="Synthetic Children Act",
        language="en",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )
    return ParsedDocument(
        document=info,
        format=SourceFormat.TXT,
        text=text,
        provisions=provisions,
        line_starts=[0],
    )


def synthetic_review(doc: ParsedDocument, findings: int, evidence_each: int) -> Review:
    subs = [p for p in doc.walk() if p.kind == "subsection"]
    out: list[Finding] = []
    for i in range(findings):
        status = STATUSES[i % len(STATUSES)]
        ev = (
            []
            if status == Status.NOT_ADDRESSED
            else [
                Evidence(
                    document=doc.document.path,
                    provision=p.label,
                    eid=p.eid,
                    quote=p.text,
                    start=p.start,
                    end=p.end,
                    line=p.line,
                )
                for p in subs[i * 37 % len(subs) :][:evidence_each]
            ]
        )
        out.append(
            Finding(
                check=f"jj.synthetic_{i:03d}",
                title=f"Synthetic requirement {i}",
                theme=THEMES[i % len(THEMES)],
                requirements=[f"jj.synthetic_{i:03d}"],
                status=status,
                evidence=ev,
                explanation="A synthetic gap for timing.",
                severity=list(Severity)[i % 3],
                confidence=0.8,
                values={"max_hours": 48} if i % 5 == 0 else {},
            )
        )
    from lexcheck.api import make_review

    return make_review(out, [doc])


def main(argv: list[str] | None = None) -> int:
    from lexcheck.recommend import recommend
    from lexcheck.redline import redline, statute_docx
    from lexcheck.report import RenderOptions, render

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--findings", type=int, default=60)
    ap.add_argument("--evidence", type=int, default=8)
    args = ap.parse_args(argv)
    doc = synthetic_act()
    review = synthetic_review(doc, args.findings, args.evidence)
    opts = RenderOptions(report_date=date(2026, 1, 1), documents=[doc])
    print(
        f"act: {len(doc.text.encode()) / 1e6:.2f} MB, {len(doc.walk())} provisions;"
        f" {len(review.findings)} findings, {sum(len(f.evidence) for f in review.findings)}"
        " evidence quotes"
    )

    def best(fn: object) -> float:
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            fn()  # type: ignore[operator]
            times.append(time.perf_counter() - t)
        return min(times)

    findings = recommend(review.findings, [doc])
    review = review.model_copy(update={"findings": findings})
    print(f"recommend  {best(lambda: recommend(review.findings, [doc])):.3f} s")
    for fmt in ("docx", "md", "html"):
        size = len(render(review, fmt, opts))
        print(f"{fmt:<10} {best(lambda fmt=fmt: render(review, fmt, opts)):.3f} s  ({size} bytes)")
    source = statute_docx(doc, date(2026, 1, 1))
    print(f"statute→docx {best(lambda: statute_docx(doc, date(2026, 1, 1))):.3f} s")
    print(f"redline    {best(lambda: redline(source, doc, findings, when=date(2026, 1, 1))):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
