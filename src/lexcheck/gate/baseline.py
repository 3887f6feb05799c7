"""Baseline ratchet: line-independent fingerprints with counts, so only new or worse gaps fail.

A finding's *occurrences* are its pieces of evidence, each keyed by (check id, provision eId,
normalised quote): moving a provision to another line, or reflowing its text, does not change
the key. Comparison is by counts (a multiset), never by set membership: one baseline
occurrence covers one current occurrence, so an old gap cannot hide a second identical one
(bandit's issue #1467).
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
    """Matches current findings against a baseline review, consuming baseline occurrences."""

    def __init__(self, baseline: Review) -> None:
        self._by_check: dict[str, list[Finding]] = {}
        for f in baseline.findings:
            self._by_check.setdefault(f.check, []).append(f)
        self._used: Counter[Occurrence] = Counter()
        self._used_slots: Counter[str] = Counter()

    def match(self, finding: Finding) -> Match:
        """``unchanged`` when the baseline already had this gap, at least as serious, with every
        piece of evidence; ``updated`` when the gap was there but is now worse or has new
        evidence; ``new`` when the baseline had no gap for this check."""
        earlier = self._by_check.get(finding.check, [])
        previous = [f for f in earlier if f.status != Status.COMPLIANT]
        if not previous:
            return Match("new", [e.provision for e in finding.evidence])
        rank = STATUS_RANK[finding.status]
        eligible = [f for f in previous if STATUS_RANK[f.status] >= rank]
        if not eligible:
            return Match("updated", [e.provision for e in finding.evidence])
        if not finding.evidence:
            # Silence (or a gap without quotable evidence) is covered by one earlier gap of the
            # same check; a second such finding needs a second earlier one.
            if self._used_slots[finding.check] < len(eligible):
                self._used_slots[finding.check] += 1
                return Match("unchanged")
            return Match("new")
        pool: Counter[Occurrence] = Counter()
        for f in eligible:
            pool.update(occurrences(f))
        pool.subtract(self._used)
        new_labels: list[str] = []
        taken: Counter[Occurrence] = Counter()
        for e in sorted(finding.evidence, key=lambda e: (e.eid, e.start)):
            key = (finding.check, e.eid, normalise(e.quote))
            if pool[key] - taken[key] > 0:
                taken[key] += 1
            else:
                new_labels.append(e.provision)
        self._used.update(taken)
        if new_labels:
            return Match("updated", new_labels)
        return Match("unchanged")
