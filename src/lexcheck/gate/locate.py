"""Where a finding points in the source: the file and line its CI annotations attach to."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lexcheck.models import Evidence, Finding, FindingGate, Review, Status


@dataclass(frozen=True)
class Location:
    path: str  # as shown to the user: relative to the working folder when inside it
    line: int | None  # None for a finding about the whole document (silence)
    evidence: Evidence | None


def display_path(path: str) -> str:
    """``path`` relative to the working folder when it lies inside it, with forward slashes
    (what CI annotations and SARIF viewers resolve against the repository root)."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_posix()
    text = os.path.normpath(str(p))
    return PurePosixPath(*Path(text).parts).as_posix() if text != "." else text


def primary(finding: Finding, review: Review) -> Location:
    """The finding's first piece of evidence, or the first reviewed document when it has none."""
    if finding.evidence:
        ev = finding.evidence[0]
        return Location(display_path(ev.document), max(1, ev.line), ev)
    doc = review.documents[0].path if review.documents else "-"
    return Location(display_path(doc), None, None)


def gap_order(review: Review) -> list[Finding]:
    """Every finding that is not compliant, in a stable order: file, line, check."""

    def key(f: Finding) -> tuple[str, int, str, str]:
        loc = primary(f, review)
        return (loc.path, loc.line or 0, f.check, f.status.value)

    return sorted((f for f in review.findings if f.status != Status.COMPLIANT), key=key)


def split_quiet(review: Review) -> tuple[list[Finding], list[Finding]]:
    """Gaps worth a line of their own, and the quiet rest: silence (no evidence) below the
    threshold and unreserved, which CI logs summarise in one line instead of one per check."""
    shown: list[Finding] = []
    quiet: list[Finding] = []
    for f in gap_order(review):
        g = gate_for(f)
        if not f.evidence and not g.at_threshold and g.reservation is None:
            quiet.append(f)
        else:
            shown.append(f)
    return shown, quiet


def quiet_summary(quiet: list[Finding]) -> str:
    """One line naming the checks the law is silent on, below the threshold."""
    checks = ", ".join(f.check for f in quiet)
    n = len(quiet)
    noun = "requirement" if n == 1 else "requirements"
    return f"{n} {noun} not addressed, below the fail threshold: {checks}"


def labels(finding: Finding) -> list[str]:
    """Provision labels of the evidence, once each, in order."""
    out: list[str] = []
    for e in finding.evidence:
        if e.provision not in out:
            out.append(e.provision)
    return out


def gate_for(finding: Finding) -> FindingGate:
    """The gate's decision on a finding; for a plain review (no gate applied), the default
    threshold (non_compliant) with no reservation or baseline."""
    if finding.gate is not None:
        return finding.gate
    from .baseline import fingerprint
    from .threshold import at_or_beyond

    at = at_or_beyond(finding.status, Status.NON_COMPLIANT)
    return FindingGate(fails=at, at_threshold=at, fingerprint=fingerprint(finding))
