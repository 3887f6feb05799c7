"""The five real statutes: every top-level section/article in order, nothing spurious."""

from __future__ import annotations

from collections import Counter
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
        assert p.text.strip(), f"{p.label} is empty"
        assert p.line == doc.line_at(p.start)
    eids = [p.eid for p in doc.walk()]
    assert len(eids) == len(set(eids))


# Per-kind counts: exact where the statute states them (sections, Parts, schedules), ranges
# where they depend on drafting detail.
COUNTS = {
    "mw_child_care_protection_justice_act_2010.txt": {
        "part": (10, 10),
        "division": (11, 11),
        "schedule": (8, 8),
        "definition": (28, 40),
        "subsection": (350, 550),
        "paragraph": (350, 600),
    },
    "in_juvenile_justice_act_2015.txt": {
        "definition": (58, 75),
        "subsection": (230, 330),
        "proviso": (40, 70),
        "paragraph": (150, 250),
    },
    "co_ley_1098_2006_libro_ii.txt": {
        "part": (1, 1),  # Libro II
        "title": (2, 2),
        "chapter": (5, 5),
        "proviso": (20, 30),  # parágrafos
        "paragraph": (55, 75),  # numerales
    },
    "gb_sct_age_of_criminal_responsibility_act_2019.md": {
        "part": (7, 7),
        "chapter": (8, 8),
        "definition": (40, 70),
        "subsection": (280, 380),
    },
    "us_usc_title18_ch403_juvenile_delinquency.md": {
        "subsection": (12, 20),
        "paragraph": (15, 30),
        "definition": (4, 10),
        "division": (0, 0),
    },
}


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_per_kind_counts_are_plausible(name: str) -> None:
    counts = Counter(p.kind for p in parse(name).walk())
    for kind, (low, high) in COUNTS[name].items():
        assert low <= counts[kind] <= high, (kind, counts[kind])


# Labels the evaluation's expected evidence uses (section 10(1), section 2(12), artículo 188).
LABELS = {
    "in_juvenile_justice_act_2015.txt": [
        "section 2(12)",
        "section 10(1)",
        "section 10(1)(proviso)",
        "section 18(1)(g)",
        "section 19(1)",
        "section 53(1)",
    ],
    "mw_child_care_protection_justice_act_2010.txt": [
        'section 2("child")',
        "section 141(7)",
        "section 90(h)",
        "section 112(e)",
        "Third Schedule paragraph 3",
        "Eighth Schedule paragraph 2",
    ],
    "co_ley_1098_2006_libro_ii.txt": [
        "article 188(5)",
        "article 187(parágrafo 1)",
        'article 160("privación de la libertad")',
    ],
    "gb_sct_age_of_criminal_responsibility_act_2019.md": [
        'section 80("child")',
        "section 39(3)",
        "section 28(2)",
    ],
    "us_usc_title18_ch403_juvenile_delinquency.md": [
        "section 5037(c)",
        "section 5038(e)",
        'section 5031("juvenile")',
        "section 5043(b)(2)(A)(i)(II)",
    ],
}


@pytest.mark.parametrize("name", sorted(LABELS))
def test_labels_used_as_evidence_exist(name: str) -> None:
    labels = {p.label: p for p in parse(name).walk()}
    for label in LABELS[name]:
        assert label in labels, label


def test_definition_terms_and_spans() -> None:
    doc = parse("in_juvenile_justice_act_2015.txt")
    child = {p.label: p for p in doc.walk()}["section 2(12)"]
    assert child.kind == "definition" and child.terms == ["child"]
    assert child.text.startswith('(12) "child" means a person who has not completed eighteen')
    assert child.text.endswith(";")


def test_provisions_are_valid_pydantic_models() -> None:
    # the tree is built without per-node validation; it must still validate and round-trip
    from lexcheck.models import ParsedDocument

    doc = parse("gb_sct_age_of_criminal_responsibility_act_2019.md")
    again = ParsedDocument.model_validate_json(doc.model_dump_json())
    assert again == doc
    first = doc.provisions[0]
    assert first.model_fields_set == set(type(first).model_fields)
