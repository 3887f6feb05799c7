"""Decide the CI verdict for a review: threshold, reservations and baseline together."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from lexcheck.models import FindingGate, GateSummary, Review, Status

from .baseline import Ratchet, fingerprint
from .config import GateConfig
from .locate import display_path
from .reservations import ReservationBook
from .select import apply_selection
from .threshold import at_or_beyond

EXIT_PASSED = 0
EXIT_FAILED = 1


@dataclass
class GateOutcome:
    """The annotated review (every finding kept, each with its ``gate``) and the verdict."""

    review: Review
    notices: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.review.gate is not None and self.review.gate.passed

    @property
    def exit_code(self) -> int:
        return EXIT_PASSED if self.passed else EXIT_FAILED


def evaluate(
    review: Review,
    config: GateConfig | None = None,
    *,
    fail_on: Status | str | None = None,
    baseline: Review | None = None,
    baseline_name: str | None = None,
    today: date | None = None,
    notices: Sequence[str] = (),
    instruments_for: Callable[[list[str]], set[str] | None] | None = None,
) -> GateOutcome:
    """Gate ``review``: a finding fails when its status is at or beyond the threshold, no
    active reservation covers it, and (with a baseline) it is new or worse than before.

    ``fail_on`` (the command line) overrides ``config.fail_on``. Nothing is dropped except
    checks the configuration leaves out of the selection. ``notices`` are reported before the
    reservations' own (expired, unused).
    """
    cfg = config or GateConfig()
    threshold = Status(fail_on or cfg.fail_on)
    selected = apply_selection(review, cfg, instruments_for=instruments_for)
    book = ReservationBook(cfg.reservations, today or date.today())
    ratchet = Ratchet(baseline) if baseline is not None else None

    gaps = [f for f in selected.findings if f.status != Status.COMPLIANT]
    matches = dict(zip(map(id, gaps), ratchet.match_all(gaps), strict=True)) if ratchet else {}

    findings = []
    failing = reserved = baselined = 0
    for f in selected.findings:
        at = at_or_beyond(f.status, threshold)
        gate = FindingGate(fails=False, at_threshold=at, fingerprint=fingerprint(f))
        if f.status != Status.COMPLIANT:
            gate.reservation = book.reserve(f)
            if id(f) in matches:
                gate.baseline_state = matches[id(f)].state
                gate.new_evidence = matches[id(f)].new_evidence
            if at and gate.reservation is not None:
                reserved += 1
            elif at and gate.baseline_state == "unchanged":
                baselined += 1
            elif at:
                gate.fails = True
                failing += 1
        findings.append(f.model_copy(update={"gate": gate}))

    notices = [*notices, *book.notices()]
    summary = GateSummary(
        fail_on=threshold,
        passed=failing == 0,
        failing=failing,
        reserved=reserved,
        baselined=baselined,
        baseline=display_path(baseline_name) if baseline_name else None,
        # Shown relative to the working folder, so reports do not depend on the checkout path.
        config=display_path(cfg.source) if cfg.source else None,
        notices=notices,
    )
    gated = selected.model_copy(update={"findings": findings, "gate": summary})
    return GateOutcome(review=gated, notices=notices)
