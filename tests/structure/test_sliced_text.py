"""A tree built from text slices each provision's ``text`` from the statute when it is read;
it must behave exactly like a tree that stores it (value, equality, JSON, copies)."""

from __future__ import annotations

import copy
import json
import pickle
from pathlib import Path

from lexcheck import ingest, structure
from lexcheck.models import ParsedDocument, Provision

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "statutes"


def _parsed() -> ParsedDocument:
    return structure.build(ingest.read(FIXTURES / "mw_child_care_protection_justice_act_2010.txt"))


def _stored(p: Provision) -> Provision:
    """The same node built the ordinary way, with its text stored."""
    return Provision(
        **{name: getattr(p, name) for name in Provision.model_fields if name != "children"},
        children=[_stored(c) for c in p.children],
    )


def test_text_is_the_span_of_the_statute_and_is_not_stored() -> None:
    doc = _parsed()
    nodes = doc.walk()
    assert len(nodes) > 500
    for p in nodes:
        assert p.text == doc.text[p.start : p.end]
        assert "text" not in p.__dict__
    # a subsection's text is inside its section's, children included
    section = next(p for p in nodes if p.kind == "section" and p.children)
    assert section.children[0].text in section.text


def test_equal_to_a_stored_tree_and_serialised_the_same() -> None:
    doc = _parsed()
    stored = [_stored(p) for p in doc.provisions]
    assert doc.provisions == stored and stored == doc.provisions
    as_stored = doc.model_copy(update={"provisions": stored})
    assert doc.model_dump_json() == as_stored.model_dump_json()
    assert doc.model_dump() == as_stored.model_dump()
    # keys in field order, text in its place
    first = json.loads(doc.model_dump_json())["provisions"][0]
    assert list(first) == list(Provision.model_fields)
    # serialising lends the text for the while; it is not left behind
    assert "text" not in doc.provisions[0].__dict__
    again = ParsedDocument.model_validate_json(doc.model_dump_json())
    assert again == doc and again.model_dump_json() == doc.model_dump_json()


def test_a_different_text_is_a_different_value() -> None:
    doc = _parsed()
    p = doc.walk()[3]
    other = _stored(p).model_copy(update={"text": p.text + " and more"})
    assert p != other
    # the statute a node slices from is not part of its value: equal nodes of two parses
    assert _parsed().walk()[3] == p


def test_copies_and_assignment() -> None:
    doc = _parsed()
    p = doc.walk()[3]
    assert p.model_copy() == p
    assert copy.deepcopy(doc) == doc
    assert pickle.loads(pickle.dumps(doc)) == doc
    replaced = p.model_copy(update={"text": "(a) replaced;"})
    assert replaced.text == "(a) replaced;" and p.text != "(a) replaced;"
    assert list(replaced.model_dump()) == list(Provision.model_fields)
    p.text = "(a) assigned;"
    assert p.text == "(a) assigned;"
    assert json.loads(p.model_dump_json())["text"] == "(a) assigned;"
    assert "text='(a) assigned;'" in repr(p)
