"""Baseline ratchet: line-independent fingerprints with counts, so only new or worse gaps fail.

A finding's *occurrences* are its pieces of evidence, each keyed by (check id, provision eId,
normalised quote): moving a provision to another line, or reflowing its text, does not change
the key. When a bill is renumbered the eId changes but the words do not, so an occurrence left
unmatched is then matched on its words alone. Comparison is by counts (a multiset), never by
set membership: one baseline occurrence covers one current occurrence, so an old gap cannot
hide a second identical one (bandit's issue #1467).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from lexcheck.errors import InputError
from lexcheck.models import STATUS_RANK, BaselineState, Finding, Review, Status

Occurrence = tuple[str, str, str]  # (check, eid, normalised quote)

_NOT_WORD = re.compile(r"[^\w]+")


def normalise(quote: str) -> str:
    """Case, accents' composition, punctuation and whitespace removed: wording only."""
    text = unicodedata.normalize("NFKC", quote).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).split())


def occurrences(finding: Finding) -> list[Occurrence]:
    """One key per piece of evidence, sorted; a finding without evidence has one empty key."""
    if not finding.evidence:
        return [(finding.check, "", "")]
    return sorted((finding.check, e.eid, normalise(e.quote)) for e in finding.evidence)


def fingerprint(finding: Finding) -> str:
    """A stable identity for the finding: check, eIds and normalised quotes, never lines."""
    digest = hashlib.sha256()
    for check, eid, quote in occurrences(finding):
        digest.update(f"{check}\x1f{eid}\x1f{quote}\x1e".encode())
    return digest.hexdigest()[:32]


def load_baseline(path: str | Path) -> Review:
    """Read an earlier JSON review (``review --format json`` or ``check --format json``)."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(p), f"cannot read baseline ({exc.strerror})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(p), f"baseline is not JSON ({exc})") from exc
    try:
        return Review.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"])
        problem = f"baseline is not a lexcheck JSON review ({err['msg']} at {where})"
        raise InputError(str(p), problem) from exc


@dataclass
class Match:
    """How one current finding stands against the baseline."""

    state: BaselineState
    new_evidence: list[str] = field(default_factory=list)  # provision labels not in baseline


class Ratchet:
    """Matches current findings one to one with baseline gaps of the same check.

    Each baseline gap covers at most one current finding, no more serious than it, and within
    that pair each baseline occurrence covers at most one current occurrence. Current findings
    are matched most serious first; each claims the free baseline gap sharing the most evidence
    with it (the least serious one on a tie), so a less serious finding never takes the only
    baseline gap a more serious one could use.
    """

    def __init__(self, baseline: Review) -> None:
        self._by_check: dict[str, list[Finding]] = {}
        for f in baseline.findings:
            if f.status != Status.COMPLIANT:
                self._by_check.setdefault(f.check, []).append(f)
        self._claimed: set[int] = set()

    def match_all(self, findings: list[Finding]) -> list[Match]:
        """One ``Match`` per gap, in the order given (compliant findings must not be passed)."""
        order = sorted(range(len(findings)), key=lambda i: -STATUS_RANK[findings[i].status])
        out: dict[int, Match] = {}
        for i in order:
            out[i] = self._match(findings[i])
        return [out[i] for i in range(len(findings))]

    def _match(self, finding: Finding) -> Match:
        """``unchanged``: a baseline gap at least as serious, with every piece of evidence;
        ``updated``: the gap was there but is now worse or rests on new evidence; ``new``: the
        baseline had no gap (or fewer gaps) for this check."""
        everything = [e.provision for e in finding.evidence]
        free = [f for f in self._by_check.get(finding.check, []) if id(f) not in self._claimed]
        if not free:
            return Match("new", everything)
        rank = STATUS_RANK[finding.status]
        eligible = [f for f in free if STATUS_RANK[f.status] >= rank]
        if not eligible:
            return Match("updated", everything)
        current = Counter(occurrences(finding))

        def fit(f: Finding) -> tuple[int, int]:
            shared = current & Counter(occurrences(f))
            return (sum(shared.values()), -STATUS_RANK[f.status])

        best = max(eligible, key=fit)
        self._claimed.add(id(best))
        if not finding.evidence:
            # Silence is covered by any earlier gap of the check at least as serious.
            return Match("unchanged")
        left = Counter(occurrences(best))
        evidence = sorted(finding.evidence, key=lambda e: (e.eid, e.start))
        unmatched = []
        for e in evidence:  # first the same words in the same provision
            key = (finding.check, e.eid, normalise(e.quote))
            if left[key] > 0:
                left[key] -= 1
            else:
                unmatched.append(e)
        new_labels: list[str] = []
        for e in unmatched:
            # Then the same words under another eId: the bill was renumbered (a section
            # inserted before it). Counting still applies, so a copy is never covered twice.
            quote = normalise(e.quote)
            moved = sorted(k for k, n in left.items() if n > 0 and k[2] == quote)
            if moved:
                left[moved[0]] -= 1
            else:
                new_labels.append(e.provision)
        if new_labels:
            return Match("updated", new_labels)
        return Match("unchanged")
