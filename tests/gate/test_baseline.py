"""Baseline ratchet: line-independent fingerprints, counted, so only new or worse gaps fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lexcheck.errors import InputError
from lexcheck.gate import evaluate, fingerprint, load_baseline, occurrences
from lexcheck.models import Review, Status

from .conftest import BILL, WHIPPING, Spec, bill_specs, build_review

PATH = "bills/child_justice_bill.md"


def _review(text: str, specs: list[Spec] | None = None) -> Review:
    return build_review(PATH, text, specs if specs is not None else bill_specs(text))


def _failing(review: Review, baseline: Review, fail_on: str = "non_compliant") -> dict[str, str]:
    outcome = evaluate(review, baseline=baseline, fail_on=fail_on)
    return {
        f.check: f.gate.baseline_state or ""
        for f in outcome.review.findings
        if f.gate is not None and f.gate.fails
    }


def test_same_bill_against_its_own_baseline_passes() -> None:
    review = _review(BILL)
    outcome = evaluate(review, baseline=review, fail_on="not_addressed")
    assert outcome.passed
    gate = outcome.review.gate
    assert gate is not None and gate.baselined == 6 and gate.failing == 0
    states = {f.check: f.gate.baseline_state for f in outcome.review.findings if f.gate}
    assert states["jj.macr"] == "unchanged"
    assert states["jj.child_definition"] is None  # compliant: not matched


def test_moving_text_to_other_lines_does_not_refire() -> None:
    baseline = _review(BILL)
    moved = BILL.replace("## PART I", "Memorandum of objects.\n\n\n\n## PART I")
    # Reflowed: a line break and a double space where there were none.
    reflowed = "A  child under the age of twelve years shall not be held\ncriminally responsible"
    moved = moved.replace(
        "A child under the age of twelve years shall not be held criminally responsible", reflowed
    )
    specs = bill_specs(moved)
    specs[1].evidence = [("section 7(1)", "sec_7__subsec_1", reflowed)]
    review = _review(moved, specs)
    assert review.findings[1].evidence[0].line != baseline.findings[1].evidence[0].line
    assert fingerprint(review.findings[1]) == fingerprint(baseline.findings[1])
    assert _failing(review, baseline, "not_addressed") == {}


def test_new_gap_fails_against_baseline() -> None:
    baseline = _review(BILL)
    amended = _review(BILL + WHIPPING)
    assert _failing(amended, baseline) == {"jj.corporal_punishment": "updated"}


def test_new_check_is_new() -> None:
    baseline = _review(BILL, [s for s in bill_specs(BILL) if s.check != "jj.macr"])
    assert _failing(_review(BILL), baseline) == {"jj.macr": "new"}


def test_one_old_finding_cannot_hide_two_identical_new_ones() -> None:
    whipping_bill = BILL + WHIPPING
    baseline = _review(whipping_bill)
    # The same whipping clause appears a second time (section 30(2) duplicated in a redraft).
    twice = whipping_bill + WHIPPING
    specs = bill_specs(twice)
    quote = "may order that a male child be whipped"
    specs[-1].evidence = [
        ("section 30(2)", "sec_30__subsec_2", quote),
        ("section 30(2)", "sec_30__subsec_2", quote),
    ]
    review = _review(twice, specs)
    occ = occurrences(review.findings[-1])
    assert occ[0] == occ[1]  # identical keys: only counting tells them apart
    outcome = evaluate(review, baseline=baseline)
    punish = next(f for f in outcome.review.findings if f.check == "jj.corporal_punishment")
    assert punish.gate is not None and punish.gate.fails
    assert punish.gate.baseline_state == "updated"
    assert punish.gate.new_evidence == ["section 30(2)"]


def test_identical_evidence_in_a_new_provision_fails() -> None:
    whipping_bill = BILL + WHIPPING
    baseline = _review(whipping_bill)
    extra = "\n### 45. Discipline in institutions\n" + WHIPPING.replace("(2)", "(1)")
    text = whipping_bill + extra
    specs = bill_specs(text)
    quote = "may order that a male child be whipped"
    specs[-1].evidence = [
        ("section 30(2)", "sec_30__subsec_2", quote),
        ("section 45(1)", "sec_45__subsec_1", quote),
    ]
    outcome = evaluate(_review(text, specs), baseline=baseline)
    punish = next(f for f in outcome.review.findings if f.check == "jj.corporal_punishment")
    assert punish.gate is not None and punish.gate.new_evidence == ["section 45(1)"]
    assert outcome.exit_code == 1


def test_two_silent_findings_need_two_in_the_baseline() -> None:
    baseline = _review(BILL)
    specs = bill_specs(BILL)
    specs.append(Spec("jj.diversion", Status.NOT_ADDRESSED))
    outcome = evaluate(_review(BILL, specs), baseline=baseline, fail_on="not_addressed")
    states = [f.gate.baseline_state for f in outcome.review.findings if f.check == "jj.diversion"]
    assert states == ["unchanged", "new"]
    assert outcome.exit_code == 1


def test_worsened_status_fails_and_improved_passes() -> None:
    baseline = _review(BILL)
    worse = bill_specs(BILL)
    worse[3].status = Status.NON_COMPLIANT  # first appearance: 48 hours now judged non-compliant
    assert _failing(_review(BILL, worse), baseline) == {"jj.first_appearance": "updated"}
    better = bill_specs(BILL)
    better[1].status = Status.PARTIALLY_COMPLIANT
    assert _failing(_review(BILL, better), baseline, "partially_compliant") == {}


def test_previously_compliant_gap_is_new() -> None:
    specs = bill_specs(BILL)
    specs[2].status = Status.COMPLIANT
    baseline = _review(BILL, specs)
    assert _failing(_review(BILL), baseline, "partially_compliant") == {
        "jj.parental_notification": "new"
    }


def test_load_baseline_round_trip_and_errors(tmp_path: Path) -> None:
    review = _review(BILL)
    good = tmp_path / "baseline.json"
    good.write_text(review.model_dump_json(indent=2), encoding="utf-8")
    assert load_baseline(good) == review
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not JSON"):
        load_baseline(bad)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"findings": 3}), encoding="utf-8")
    with pytest.raises(InputError, match="not a lexcheck JSON review"):
        load_baseline(wrong)
    with pytest.raises(InputError, match="cannot read"):
        load_baseline(tmp_path / "missing.json")


def test_renumbering_does_not_refire_but_a_copy_still_fails() -> None:
    whipping_bill = BILL + WHIPPING
    baseline = _review(whipping_bill)
    quote = "may order that a male child be whipped"
    # A section was inserted before section 30: it is now section 31.
    renumbered = bill_specs(whipping_bill)
    renumbered[-1].evidence = [("section 31(2)", "sec_31__subsec_2", quote)]
    assert evaluate(_review(whipping_bill, renumbered), baseline=baseline).passed
    # Renumbered and copied: one occurrence is covered, the copy is new.
    text = whipping_bill + WHIPPING
    copied = bill_specs(text)
    copied[-1].evidence = [
        ("section 31(2)", "sec_31__subsec_2", quote),
        ("section 46(1)", "sec_46__subsec_1", quote),
    ]
    outcome = evaluate(_review(text, copied), baseline=baseline)
    punish = next(f for f in outcome.review.findings if f.check == "jj.corporal_punishment")
    assert punish.gate is not None and punish.gate.new_evidence == ["section 46(1)"]
    assert outcome.exit_code == 1
