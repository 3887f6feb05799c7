"""Draft a recommended amendment for each gap, in the statute's own style, from templates."""

from __future__ import annotations

from lexcheck.models import Finding, ParsedDocument
from lexcheck.recommend.drafting import GAP_STATUSES, Drafter

__all__ = ["GAP_STATUSES", "recommend"]


def recommend(findings: list[Finding], documents: list[ParsedDocument]) -> list[Finding]:
    """Return the findings with ``amendment`` filled in where a gap calls for one.

    Findings that are compliant, or already carry an amendment, are returned unchanged.
    Numbers for inserted units are allocated in the order of ``findings``, so the same input
    always gives the same labels.
    """
    drafter = Drafter(documents)
    out: list[Finding] = []
    for finding in findings:
        if finding.status in GAP_STATUSES and finding.amendment is None:
            finding = finding.model_copy(update={"amendment": drafter.draft(finding)})
        out.append(finding)
    return out
