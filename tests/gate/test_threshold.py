"""--fail-on: which statuses are at or beyond each threshold."""

from __future__ import annotations

import pytest

from lexcheck.gate import at_or_beyond, evaluate
from lexcheck.models import Review, Status

C, NA, PC, NC = (
    Status.COMPLIANT,
    Status.NOT_ADDRESSED,
    Status.PARTIALLY_COMPLIANT,
    Status.NON_COMPLIANT,
)


@pytest.mark.parametrize(
    ("threshold", "failing"),
    [
        (NC, {NC}),
        (PC, {PC, NC}),
        (NA, {NA, PC, NC}),
    ],
)
def test_at_or_beyond_follows_status_rank(threshold: Status, failing: set[Status]) -> None:
    for status in Status:
        assert at_or_beyond(status, threshold) == (status in failing), (status, threshold)


def test_compliant_is_never_at_a_threshold() -> None:
    assert not any(at_or_beyond(C, t) for t in (NA, PC, NC))


@pytest.mark.parametrize(
    ("fail_on", "expected_failing"),
    [
        ("non_compliant", {"jj.macr"}),
        (
            "partially_compliant",
            {"jj.macr", "jj.parental_notification", "jj.first_appearance", "jj.separation_adults"},
        ),
        (
            "not_addressed",
            {
                "jj.macr",
                "jj.parental_notification",
                "jj.first_appearance",
                "jj.separation_adults",
                "jj.diversion",
                "jj.corporal_punishment",
            },
        ),
    ],
)
def test_threshold_levels_on_the_bill(
    bill_review: Review, fail_on: str, expected_failing: set[str]
) -> None:
    outcome = evaluate(bill_review, fail_on=fail_on)
    failing = {f.check for f in outcome.review.findings if f.gate and f.gate.fails}
    assert failing == expected_failing
    assert outcome.exit_code == 1
    assert outcome.review.gate is not None
    assert outcome.review.gate.failing == len(expected_failing)


def test_clean_review_passes(bill_review: Review) -> None:
    clean = bill_review.model_copy(
        update={"findings": [f for f in bill_review.findings if f.status == C]}
    )
    outcome = evaluate(clean, fail_on="not_addressed")
    assert outcome.passed and outcome.exit_code == 0


def test_every_finding_is_kept_and_annotated(bill_review: Review) -> None:
    outcome = evaluate(bill_review)
    assert [f.check for f in outcome.review.findings] == [f.check for f in bill_review.findings]
    assert all(f.gate is not None and f.gate.fingerprint for f in outcome.review.findings)
