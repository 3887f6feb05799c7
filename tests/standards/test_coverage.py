"""Coverage: every article and rule encoded, every implementable provision mapped, ids present."""

from __future__ import annotations

import re
from pathlib import Path

from lexcheck.standards import load_standards
from lexcheck.standards.coverage import CORE_CHECK_IDS, coverage, mapped_provisions

TEAM_VOCABULARY_EXTRA = [
    "jj.age_determination",
    "jj.pretrial_charge_limit",
    "jj.pretrial_decision_limit",
    "jj.pretrial_review",
    "jj.alternatives_to_detention",
    "jj.no_adult_trial",
    "jj.specialised_courts",
    "jj.specialised_personnel",
    "jj.records_confidentiality",
    "jj.records_expungement",
    "jj.presumption_of_innocence",
    "jj.right_to_silence",
    "jj.interpreter",
    "jj.appeal",
    "jj.parental_participation",
    "jj.right_to_be_heard",
    "jj.social_inquiry_report",
    "jj.non_custodial_measures",
    "jj.solitary_confinement",
    "jj.restraint_and_force",
    "jj.complaints_inspection",
    "jj.family_contact",
    "jj.education_in_detention",
    "jj.speedy_proceedings",
    "jj.best_interests",
    "jj.armed_groups_victims",
    "vac.prohibition_all_violence",
    "vac.mandatory_reporting",
    "vac.sexual_exploitation_offences",
    "vac.trafficking_sale",
    "vac.child_sexual_abuse_material",
    "vac.limitation_periods",
    "vac.testimony_aids",
    "vac.support_person",
    "vac.no_contact_with_accused",
    "vac.victim_privacy",
    "vac.victim_compensation",
    "vac.violence_by_officials",
]


def _row(cov: dict, instrument: str) -> dict:
    return next(r for r in cov["instruments"] if r["id"] == instrument)


def test_main_instruments_fully_encoded_and_mapped() -> None:
    cov = coverage(load_standards(attached=False))
    crc, beijing, ms = (_row(cov, i) for i in ("crc", "beijing", "model_strategies"))
    assert (crc["top_level_encoded"], crc["top_level_total"]) == (54, 54)
    assert (beijing["top_level_encoded"], beijing["top_level_total"]) == (30, 30)
    assert ms["top_level_encoded"] == 17
    for row in (crc, beijing, ms):
        assert row["unmapped_implementable"] == 0, row["unmapped_implementable_ids"]
        assert row["mapped"] > 0
    assert _row(cov, "gc24")["top_level_encoded"] == 115
    assert _row(cov, "havana")["top_level_encoded"] == 87
    assert _row(cov, "riyadh")["top_level_encoded"] == 66


def test_core_and_vocabulary_ids_are_automated_requirements() -> None:
    std = load_standards(attached=False)
    cov = coverage(std)
    assert cov["core_checks_missing"] == []
    for rid in (*CORE_CHECK_IDS, *TEAM_VOCABULARY_EXTRA):
        assert std.requirements[rid].check == rid, rid
    assert cov["automated"] + cov["manual"] == cov["requirements"]
    assert cov["automated"] >= 50


def test_unverified_numbers_are_reported() -> None:
    cov = coverage(load_standards(attached=False))
    ms = _row(cov, "model_strategies")
    assert "ms.strategy13" in ms["unverified_ids"]
    assert "ms.para44" not in ms["unverified_ids"]
    assert _row(cov, "beijing")["unverified_ids"] == ["beijing.r2.3.c"]


def test_procedural_articles_are_not_implementable_and_not_required() -> None:
    std = load_standards(attached=False)
    for n in range(42, 55):
        assert not std.provisions[f"crc.art{n}"].implementable
    assert std.provisions["crc.art37.b"].implementable
    mapped = mapped_provisions(std)
    # Mapped through its cited parent article, and containers through all their parts.
    assert "crc.art24.2.c" in mapped
    assert "crc.art40.2.b" in mapped


def test_requirement_statements_state_gc24_figures() -> None:
    std = load_standards(attached=False)
    text = {rid: std.requirements[rid].statement for rid in std.requirements}
    assert re.search(r"\b14 years\b.*GC24 para 22", text["jj.macr"])
    assert "GC24 para 25" in text["jj.macr"]
    assert "24 hours" in text["jj.first_appearance"]
    assert "30 days" in text["jj.pretrial_charge_limit"]
    assert "six months" in text["jj.pretrial_decision_limit"]
    assert "GC24 para 81" in text["jj.life_imprisonment"]
    assert "gc24.para90" in std.requirements["jj.pretrial_decision_limit"].derived_from
    assert "gc24.para107" in std.requirements["jj.specialised_courts"].derived_from
    # Paragraph numbers quoted in statements exist and say what the statement relies on.
    assert "14 years" in std.provisions["gc24.para22"].text
    assert "without exception" in std.provisions["gc24.para25"].text
    assert "life imprisonment" in std.provisions["gc24.para81"].text
    assert "six months" in std.provisions["gc24.para90"].text
    assert "child justice courts" in std.provisions["gc24.para107"].text


def test_detention_last_resort_cites_the_instruments_named_in_the_issue() -> None:
    req = load_standards(attached=False).requirements["jj.detention_last_resort"]
    for pid in (
        "crc.art37.b",
        "beijing.r13.1",
        "beijing.r17.1.b",
        "beijing.r19.1",
        "havana.r1",
        "havana.r2",
        "gc24.para85",
        "gc24.para88",
    ):
        assert pid in req.derived_from


def test_no_repo_code_reads_the_shared_folder() -> None:
    src = Path(__file__).resolve().parents[2] / "src" / "lexcheck" / "standards"
    for path in src.rglob("*.py"):
        assert "shared/instruments" not in path.read_text(encoding="utf-8"), path


def test_scope_separates_justice_from_general_convention_rights() -> None:
    std = load_standards(attached=False)
    assert std.requirements["welfare.health"].scope == "general"
    assert all(std.requirements[r].scope == "justice" for r in CORE_CHECK_IDS)
    assert all(r.check == "manual" for r in std.requirements.values() if r.scope == "general")
