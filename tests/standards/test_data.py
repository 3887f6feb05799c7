"""The bundled encoding: counts per instrument, ids, references, generator and schema up to date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lexcheck.resources import data_dir
from lexcheck.standards import load_standards
from lexcheck.standards.schema import json_schemas

ROOT = Path(__file__).resolve().parents[2]
CORE_IDS = {
    "jj.child_definition",
    "jj.macr",
    "jj.death_penalty",
    "jj.life_imprisonment",
    "jj.corporal_punishment",
    "jj.detention_last_resort",
    "jj.first_appearance",
    "jj.separation_adults",
    "jj.parental_notification",
    "jj.legal_assistance",
    "jj.privacy",
    "jj.diversion",
}


def _tops(instrument: str) -> list[str]:
    std = load_standards(attached=False)
    return [
        p.id
        for p in std.provisions.values()
        if std.provision_instrument[p.id] == instrument
        and p.parent is None
        and p.kind != "preamble"
    ]


@pytest.mark.parametrize(
    ("instrument", "count"),
    [
        ("crc", 54),
        ("beijing", 30),
        ("gc24", 115),
        ("havana", 87),
        ("riyadh", 66),
        ("opac", 13),
        ("opsc", 17),
    ],
)
def test_every_top_level_unit_is_encoded(instrument: str, count: int) -> None:
    tops = _tops(instrument)
    assert len(tops) == count
    numbers = [int(load_standards(attached=False).provisions[t].number[0]) for t in tops]
    assert numbers == list(range(1, count + 1))


def test_beijing_has_70_sub_rules_and_30_commentaries() -> None:
    std = load_standards(attached=False)
    beijing = [p for p in std.provisions.values() if p.id.startswith("beijing.")]
    assert sum(1 for p in beijing if len(p.number) == 2) == 70
    assert sum(1 for p in beijing if p.commentary) == 30
    assert "capital punishment" in std.provisions["beijing.r17"].commentary.lower()


def test_pinpoint_ids_and_citations() -> None:
    std = load_standards(attached=False)
    assert std.provisions["crc.art37.b"].citation == "CRC art. 37(b)"
    assert std.provisions["crc.art40.2.b.ii"].citation == "CRC art. 40(2)(b)(ii)"
    assert std.provisions["beijing.r17.1.b"].citation == "Beijing Rules 17.1(b)"
    assert std.provisions["gc24.para22"].citation == "CRC/C/GC/24 para. 22"
    assert std.provisions["havana.r67"].citation == "Havana Rules 67"
    assert std.provisions["riyadh.para54"].citation == "Riyadh Guidelines 54"
    assert std.provisions["opsc.art3.1.a.i.b"].citation == "OPSC art. 3(1)(a)(i)(b)"
    assert "14 years" in std.provisions["gc24.para22"].text


def test_unlettered_item_is_flagged_unverified() -> None:
    prov = load_standards(attached=False).provisions["beijing.r2.3.c"]
    assert not prov.verified
    assert prov.text == "To implement the following rules thoroughly and fairly."


def test_model_strategies_carry_no_official_text() -> None:
    std = load_standards(attached=False)
    ms = [
        p for p in std.provisions.values() if std.provision_instrument[p.id] == "model_strategies"
    ]
    assert ms and all(p.text is None and p.text_status == "summary" for p in ms)
    assert {p.id for p in ms if p.verified} == {
        "ms.para19",
        "ms.para20",
        "ms.para30",
        "ms.para31",
        "ms.para44",
    }


def test_core_requirements_present_with_thresholds() -> None:
    std = load_standards(attached=False)
    assert set(std.requirements) >= CORE_IDS
    assert std.requirements["jj.macr"].thresholds == {"minimum_age": 14}
    assert std.requirements["jj.first_appearance"].thresholds == {"max_hours": 24}
    for rid in CORE_IDS:
        assert std.requirements[rid].check == rid


def test_every_reference_resolves() -> None:
    std = load_standards(attached=False)
    for req in std.requirements.values():
        for pid in req.derived_from:
            assert pid in std.provisions, (req.id, pid)
    for prov in std.provisions.values():
        assert prov.parent is None or prov.parent in std.provisions, prov.id


def test_citations_mark_unverified_numbers() -> None:
    cites = load_standards(attached=False).citations(["jj.diversion"])
    assert "Model Strategies para. 30" in cites
    assert "Model Strategies, strategy X (unverified)" in cites


def test_generated_files_are_up_to_date() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_standards.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


def test_json_schemas_are_up_to_date() -> None:
    folder = data_dir("standards") / "schema"
    for name, text in json_schemas().items():
        assert (folder / name).read_text(encoding="utf-8") == text, name


def test_full_text_brackets_labels_and_gaps_the_source_does_not_print() -> None:
    std = load_standards(attached=False)
    text = std.full_text("beijing.r2.3")
    assert "\n(b) To meet the need of society;\n" in text
    assert text.endswith("\n[(c)] To implement the following rules thoroughly and fairly.")
    assert std.full_text("ecosoc2005.para3.d").endswith("with child victims and [...]")
    assert std.full_text("crc.art40").startswith("1. States Parties recognize")
