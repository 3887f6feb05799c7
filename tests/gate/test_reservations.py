"""Reservations: reserved findings stay visible and do not fail; expired and unused are reported."""

from __future__ import annotations

from datetime import date

from lexcheck.gate import GateConfig, evaluate
from lexcheck.models import Reservation, Review

TODAY = date(2026, 11, 29)
CRC_37C = "Reservation to CRC art. 37(c) entered on ratification."


def _by_check(review: Review) -> dict[str, object]:
    return {f.check: f.gate for f in review.findings}


def test_active_reservation_suppresses_but_keeps_the_finding(bill_review: Review) -> None:
    cfg = GateConfig(
        fail_on="partially_compliant",
        reservations=[
            Reservation(
                check="jj.separation_adults", justification=CRC_37C, expires=date(2027, 12, 31)
            )
        ],
    )
    outcome = evaluate(bill_review, cfg, today=TODAY)
    finding = next(f for f in outcome.review.findings if f.check == "jj.separation_adults")
    assert finding.gate is not None
    assert finding.gate.reservation is not None
    assert finding.gate.reservation.justification == CRC_37C
    assert finding.gate.at_threshold and not finding.gate.fails
    assert finding.status.value == "partially_compliant"  # status untouched
    gate = outcome.review.gate
    assert gate is not None and gate.reserved == 1
    assert gate.failing == 3  # macr, parental notification, first appearance still fail
    assert outcome.notices == []


def test_reservation_alone_can_make_the_gate_pass(bill_review: Review) -> None:
    cfg = GateConfig(reservations=[Reservation(check="jj.macr", justification="Policy 2026/4.")])
    outcome = evaluate(bill_review, cfg, today=TODAY)
    assert outcome.passed and outcome.exit_code == 0
    assert len(outcome.review.findings) == len(bill_review.findings)


def test_expired_reservation_no_longer_suppresses_and_is_reported(bill_review: Review) -> None:
    cfg = GateConfig(
        reservations=[
            Reservation(check="jj.macr", justification="Transitional.", expires=date(2026, 11, 28))
        ]
    )
    outcome = evaluate(bill_review, cfg, today=TODAY)  # its last day was yesterday
    macr = next(f for f in outcome.review.findings if f.check == "jj.macr")
    assert macr.gate is not None and macr.gate.fails and macr.gate.reservation is None
    assert outcome.exit_code == 1
    assert outcome.notices == [
        "reservation for jj.macr expired after 2026-11-28: it no longer suppresses findings;"
        " renew it with a new expiry date or remove it"
    ]
    still = evaluate(bill_review, cfg, today=date(2026, 11, 28))  # the last day: in force
    assert still.passed and still.notices == []


def test_unused_reservation_is_reported(bill_review: Review) -> None:
    cfg = GateConfig(
        reservations=[
            Reservation(check="jj.macr", justification="Policy."),
            Reservation(check="jj.death_penalty", justification="Typo or obsolete."),
            # Matches only a compliant finding: nothing to suppress, so unused too.
            Reservation(check="jj.child_definition", justification="Obsolete."),
        ]
    )
    outcome = evaluate(bill_review, cfg, today=TODAY)
    assert outcome.passed
    assert [n.split(" is unused")[0] for n in outcome.notices] == [
        "reservation for jj.death_penalty",
        "reservation for jj.child_definition",
    ]


def test_glob_reservation_and_exact_one_wins_for_display(bill_review: Review) -> None:
    cfg = GateConfig(
        fail_on="partially_compliant",
        reservations=[
            Reservation(check="jj.*", justification="Whole bill under policy review."),
            Reservation(check="jj.first_appearance", justification="48 hours pending reform."),
        ],
    )
    outcome = evaluate(bill_review, cfg, today=TODAY)
    gates = _by_check(outcome.review)
    assert outcome.passed
    first = gates["jj.first_appearance"]
    assert first.reservation.justification == "48 hours pending reform."  # type: ignore[attr-defined]
    macr = gates["jj.macr"]
    assert macr.reservation.check == "jj.*"  # type: ignore[attr-defined]
    assert outcome.notices == []  # both used
    assert outcome.review.gate is not None and outcome.review.gate.reserved == 4


def test_reserved_gap_below_threshold_is_marked_and_counts_as_used(bill_review: Review) -> None:
    cfg = GateConfig(reservations=[Reservation(check="jj.diversion", justification="Policy.")])
    outcome = evaluate(bill_review, cfg, today=TODAY)
    diversion = _by_check(outcome.review)["jj.diversion"]
    assert diversion.reservation is not None and not diversion.at_threshold  # type: ignore[attr-defined]
    assert outcome.notices == []
