"""lexcheck diff: gaps closed, opened and changed between two versions, with labels in each."""

from __future__ import annotations

import json

from lexcheck.gate import compare, render_diff
from lexcheck.models import Status

from .conftest import BILL, WHIPPING, bill_specs, build_review

FIRST_APPEARANCE_24H = BILL.replace("within forty-eight hours", "within twenty-four hours")


def _versions() -> tuple[object, object]:
    old = build_review("bill_v1.md", BILL + WHIPPING, bill_specs(BILL + WHIPPING))
    new_text = FIRST_APPEARANCE_24H.replace(
        "A child under the age of twelve years", "A child under the age of ten years"
    )
    specs = bill_specs(new_text)
    specs[3].status = Status.COMPLIANT  # 24 hours
    specs[3].evidence = [("section 13", "sec_13", "within twenty-four hours")]
    specs[1].evidence = [
        ("section 8(1)", "sec_8__subsec_1", "A child under the age of ten years shall not be held")
    ]
    specs[2].status = Status.NOT_ADDRESSED  # notification clause removed in the redraft
    specs[2].evidence = []
    specs[5].status = Status.PARTIALLY_COMPLIANT  # diversion now provided, in part
    specs[5].evidence = [("section 2", "sec_2", "Children's Court")]
    new = build_review("bill_v2.md", new_text, specs)
    return old, new


def test_compare_groups_changes_with_labels_from_both_versions() -> None:
    old, new = _versions()
    d = compare(old, new)  # type: ignore[arg-type]
    by = {e.check: e for group in (d.closed, d.opened, d.changed, d.unchanged) for e in group}
    assert [e.check for e in d.closed] == ["jj.first_appearance"]
    # Deleting the whipping clause without prohibiting it leaves the bill silent: a gap still,
    # but a less serious one.
    punish = by["jj.corporal_punishment"]
    assert (punish.old_status, punish.new_status) == (Status.NON_COMPLIANT, Status.NOT_ADDRESSED)
    assert punish.change == "changed" and punish.direction == "better"
    assert (punish.old_provisions, punish.new_provisions) == (["section 30(2)"], [])
    assert by["jj.first_appearance"].old_provisions == ["section 13"]
    assert by["jj.first_appearance"].new_provisions == ["section 13"]
    assert [e.check for e in d.changed] == [
        "jj.corporal_punishment",
        "jj.diversion",
        "jj.parental_notification",
    ]
    assert by["jj.parental_notification"].direction == "better"  # partial -> silent ranks lower
    assert by["jj.diversion"].direction == "worse"
    macr = by["jj.macr"]
    assert macr.change == "unchanged"
    assert (macr.old_provisions, macr.new_provisions) == (["section 7(1)"], ["section 8(1)"])
    assert d.old_documents == ["bill_v1.md"] and d.new_documents == ["bill_v2.md"]


def test_opened_gap() -> None:
    old = build_review("v1.md", BILL, bill_specs(BILL))
    specs = bill_specs(BILL)
    specs[0].status = Status.NON_COMPLIANT
    new = build_review("v2.md", BILL, specs)
    d = compare(old, new)
    assert [e.check for e in d.opened] == ["jj.child_definition"]
    assert d.opened[0].old_status == Status.COMPLIANT


def test_checks_in_one_version_only_are_listed() -> None:
    old = build_review("v1.md", BILL, bill_specs(BILL)[:3])
    new = build_review("v2.md", BILL, bill_specs(BILL)[1:])
    d = compare(old, new)
    assert d.only_old == ["jj.child_definition"]
    assert "jj.diversion" in d.only_new


def test_renderings() -> None:
    old, new = _versions()
    d = compare(old, new)  # type: ignore[arg-type]
    md = render_diff(d, "md").decode()
    assert md.startswith("# lexcheck diff\n")
    assert "## Gaps closed" in md and "## Gaps changed" in md
    row = "| `jj.first_appearance` Prompt first appearance | partially_compliant | compliant |"
    assert row in md
    assert "section 7(1) | section 8(1)" in md
    data = json.loads(render_diff(d, "json"))
    assert [e["check"] for e in data["closed"]] == ["jj.first_appearance"]
    assert data["changed"][0]["old_provisions"] == ["section 30(2)"]
    text = render_diff(d, "text").decode()
    assert "closed jj.first_appearance: partially_compliant -> compliant" in text
    assert text.endswith("lexcheck: 1 closed, 0 opened, 3 changed, 2 unchanged\n")
    assert render_diff(d, "md") == render_diff(compare(old, new), "md")  # type: ignore[arg-type]
