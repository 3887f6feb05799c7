"""Golden tests: every numbering style a statute uses, one fixture each (cases.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from lexcheck import ingest, structure
from lexcheck.models import ParsedDocument, Provision

FOLDER = Path(__file__).resolve().parent.parent / "fixtures" / "structure"
CASES: dict[str, dict[str, Any]] = yaml.safe_load((FOLDER / "cases.yaml").read_text("utf-8"))


def parse(name: str) -> ParsedDocument:
    return structure.build(ingest.read(FOLDER / name))


def by_label(doc: ParsedDocument) -> dict[str, Provision]:
    return {p.label: p for p in doc.walk()}


def parents(doc: ParsedDocument) -> dict[str, str]:
    out: dict[str, str] = {}

    def visit(nodes: list[Provision], parent: str) -> None:
        for p in nodes:
            out[p.label] = parent
            visit(p.children, p.label)

    visit(doc.provisions, "")
    return out


def test_every_fixture_has_a_case() -> None:
    files = {p.name for p in FOLDER.iterdir() if p.suffix in (".txt", ".md")}
    assert files == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_case(name: str) -> None:
    case = CASES[name]
    doc = parse(name)
    labels = by_label(doc)
    top = [p.label for p in doc.walk() if p.kind in ("section", "article")]
    assert top == case["top"]
    for label, kind in (case.get("labels") or {}).items():
        assert label in labels, f"{label} missing; have {sorted(labels)}"
        assert labels[label].kind == kind, label
    for label in case.get("absent") or []:
        assert label not in labels, label
    for label, heading in (case.get("headings") or {}).items():
        assert labels[label].heading == heading, label
    for label, terms in (case.get("terms") or {}).items():
        assert labels[label].terms == terms, label
    up = parents(doc)
    for label, parent in (case.get("parents") or {}).items():
        assert up[label] == parent, label


@pytest.mark.parametrize("name", sorted(CASES))
def test_spans_and_ids(name: str) -> None:
    doc = parse(name)
    eids = [p.eid for p in doc.walk()]
    assert len(eids) == len(set(eids))
    for p in doc.walk():
        assert p.text == doc.text[p.start : p.end]
        assert p.text == p.text.strip()
        for child in p.children:
            assert p.start <= child.start <= child.end <= p.end


def test_a_marginal_note_belongs_to_the_subsection_below_it() -> None:
    nodes = by_label(parse("marginal_notes.txt"))
    assert nodes["section 30(2)"].text.endswith("under the supervision of a peace officer.")
    assert nodes["section 30(3)"].text.startswith("Detention separate from adults\n(3) A young")
    assert nodes["section 30(6)"].text.endswith("shall consider a pre-sentence report.")
