"""The plain-text report: one block per finding, then a summary table, for terminals and logs."""

from __future__ import annotations

import textwrap

from lexcheck.models import Finding, Review, Status
from lexcheck.report import RenderOptions
from lexcheck.standards.citations import compact_text

MARK = {
    Status.COMPLIANT: "OK ",
    Status.PARTIALLY_COMPLIANT: "PART",
    Status.NON_COMPLIANT: "FAIL",
    Status.NOT_ADDRESSED: "GAP ",
}
WIDTH = 96


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, width=WIDTH, initial_indent=indent, subsequent_indent=indent) or [
        indent
    ]


def _finding(f: Finding) -> list[str]:
    head = f"[{MARK[f.status]}] {f.check} - {f.title or f.check}: {f.status.value}"
    if f.values:
        head += " (" + ", ".join(f"{k} = {v}" for k, v in sorted(f.values.items())) + ")"
    lines = [head]
    lines += _wrap(f.explanation, "       ")
    for ev in f.evidence:
        lines += _wrap(
            f"{ev.provision} ({ev.document}:{ev.line}): \u201c{ev.quote}\u201d", "       > "
        )
    for conflict in f.conflicts:
        lines += _wrap(f"conflict: {conflict.description}", "       ! ")
        for ev in conflict.evidence:
            lines += _wrap(
                f"{ev.provision} ({ev.document}:{ev.line}): \u201c{ev.quote}\u201d", "         "
            )
    if f.status == Status.NOT_ADDRESSED:
        for where in f.searched:
            lines += _wrap(f"searched {where}", "       ? ")
    if f.citations:
        lines += _wrap("standards: " + compact_text(f.citations), "       ")
    lines += _wrap(f"severity {f.severity.value}, confidence {f.confidence:.2f}", "       ")
    if f.amendment is not None:
        lines += _wrap("recommended: " + f.amendment.text, "       + ")
    return lines


def summary_table(review: Review) -> list[str]:
    """A fixed-width table: one row per finding and the totals."""
    width = max([len(f.check) for f in review.findings] + [5])
    lines = [f"{'check'.ljust(width)}  {'status'.ljust(19)}  values", "-" * (width + 40)]
    for f in review.findings:
        values = ", ".join(f"{k}={v}" for k, v in sorted(f.values.items()))
        lines.append(f"{f.check.ljust(width)}  {f.status.value.ljust(19)}  {values}".rstrip())
    s = review.summary
    lines.append("-" * (width + 40))
    lines.append(
        f"{s.compliant} compliant, {s.partially_compliant} partially compliant, "
        f"{s.non_compliant} non-compliant, {s.not_addressed} not addressed"
    )
    return lines


def render(review: Review, options: RenderOptions) -> bytes:
    """``review`` as plain UTF-8 text."""
    out = [f"lexcheck {review.lexcheck_version} review"]
    if options.report_date:
        out[0] += f" of {options.report_date.isoformat()}"
    for d in review.documents:
        title = d.title or "untitled"
        out.append(f"  {d.path}: {title} ({d.provisions} provisions, sha256 {d.sha256[:12]})")
    out.append("")
    for f in review.findings:
        out += _finding(f)
        out.append("")
    out += summary_table(review)
    return ("\n".join(out) + "\n").encode("utf-8")
