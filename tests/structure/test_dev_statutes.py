"""The five real statutes: every top-level section/article in order, nothing spurious."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexcheck import ingest, structure
from lexcheck.models import ParsedDocument

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "statutes"


def parse(name: str) -> ParsedDocument:
    return structure.build(ingest.read(FIXTURES / name))


def numbers(doc: ParsedDocument, kind: str) -> list[str]:
    return [p.number or "" for p in doc.walk() if p.kind == kind]


def r(a: int, b: int) -> list[str]:
    return [str(n) for n in range(a, b + 1)]


# Lists made by reading each statute (see SOURCES.md).
EXPECTED = {
    "mw_child_care_protection_justice_act_2010.txt": ("section", r(1, 189)),
    "in_juvenile_justice_act_2015.txt": ("section", r(1, 112)),
    "co_ley_1098_2006_libro_ii.txt": ("article", r(139, 200)),
    "gb_sct_age_of_criminal_responsibility_act_2019.md": ("section", r(1, 85)),
    "us_usc_title18_ch403_juvenile_delinquency.md": ("section", r(5031, 5043)),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_top_level_numbers(name: str) -> None:
    kind, expected = EXPECTED[name]
    assert numbers(parse(name), kind) == expected


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_spans_map_back(name: str) -> None:
    doc = parse(name)
    for p in doc.walk():
        assert p.text == doc.text[p.start : p.end]
        assert p.line == doc.line_at(p.start)
    eids = [p.eid for p in doc.walk()]
    assert len(eids) == len(set(eids))
