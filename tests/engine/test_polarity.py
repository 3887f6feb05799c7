"""Polarity: negation, prohibition, penalties, definitions and exceptions, read from the clause
and from the provision tree (lead-ins, provisos, cross-references)."""

from __future__ import annotations

import pytest
from tests.engine.treebuilder import build

from lexcheck.checks.loader import load_cues, load_rules
from lexcheck.matching.engine import match_document
from lexcheck.matching.polarity import compile_cues, polarity, sentence_bounds

CUES = compile_cues(load_cues("en"))


def _polarity(sentence: str, target: str, lead_in: str = "") -> str:
    start = sentence.index(target)
    return polarity(sentence, start, start + len(target), CUES, lead_in=lead_in).value


@pytest.mark.parametrize(
    ("sentence", "target", "expected"),
    [
        ("No child shall be sentenced to death.", "sentenced to death", "negated"),
        ("No court shall sentence a child to whipping.", "whipping", "negated"),
        ("The court may order whipping.", "whipping", "affirmed"),
        ("A sentence of death shall not be pronounced on a child.", "sentence of death", "negated"),
        ("In no case shall a child be placed in a police lockup.", "police lockup", "negated"),
        (
            "Corporal punishment is prohibited in all institutions.",
            "Corporal punishment",
            "negated",
        ),
        (
            "Any person who subjects a child to corporal punishment shall be liable to a fine.",
            "corporal punishment",
            "penalised",
        ),
        ("No child shall be liable to the death penalty.", "death penalty", "negated"),
        (
            '"corporal punishment" means any punishment using force;',
            "corporal punishment",
            "defined",
        ),
        # A negation inside a later exception does not negate the rule before it.
        (
            "The court may order caning, except that no girl shall be caned.",
            "caning",
            "affirmed",
        ),
        # A negation in another clause of the sentence does not reach the hit.
        ("No fee shall be charged; the court may order whipping.", "whipping", "affirmed"),
    ],
)
def test_clause_polarity(sentence: str, target: str, expected: str) -> None:
    assert _polarity(sentence, target) == expected


def test_lead_in_negation_reaches_list_items() -> None:
    assert _polarity("(a) sentenced to death;", "sentenced to death", "A child shall not be") == (
        "negated"
    )


def test_sentences_do_not_split_at_abbreviations() -> None:
    text = "As provided in s. 5 of the Act, no child shall be detained. A child may be released."
    spans = sentence_bounds(text, CUES)
    assert [text[a:b].strip() for a, b in spans] == [
        "As provided in s. 5 of the Act, no child shall be detained.",
        "A child may be released.",
    ]


def _hits(text: str, check: str) -> list:  # type: ignore[type-arg]
    rules = tuple(r for r in load_rules() if r.id == check)
    return match_document(build(text), 0, rules, "en").hits.get(check, [])


def test_proviso_child_is_an_exception_of_its_parent() -> None:
    text = (
        "Section 4. Custody\n"
        "(1) A child in custody shall be kept separate from adults.\n"
        "Provided that a child may be held with an adult relative.\n"
    )
    hits = _hits(text, "jj.separation_adults")
    [hit] = [h for h in hits if h.signal == "separation" and h.node.label == "section 4(1)"]
    assert [e.cue for e in hit.exceptions] == ["proviso"]
    assert hit.exceptions[0].node is not None
    assert hit.exceptions[0].node.label == "section 4(1) proviso"


def test_subject_to_resolves_to_the_named_section() -> None:
    text = (
        "Section 9. Exception\n"
        "A child may be detained with adults where no juvenile facility exists.\n"
        "Section 10. Separation\n"
        "Subject to section 9, every child shall be kept separate from adults.\n"
    )
    hits = [h for h in _hits(text, "jj.separation_adults") if h.node.label == "section 10"]
    targets = [e.node.label for h in hits for e in h.exceptions if e.node is not None]
    assert "section 9" in targets


def test_disapplying_subsection_qualifies_its_target() -> None:
    text = (
        "Section 28. Police stations\n"
        "(6) A child must not be kept with adults in a cell.\n"
        "(7) Subsection (6) does not apply if no other place is reasonably practicable.\n"
    )
    hits = [h for h in _hits(text, "jj.separation_adults") if h.node.label == "section 28(6)"]
    assert hits
    assert any(e.node is not None and e.node.label == "section 28(7)" for e in hits[0].exceptions)


@pytest.mark.parametrize(
    ("sentence", "exceptions"),
    [
        # "subject to" after a form of "be" is what the rule says, not a qualification of it
        ("A child under fourteen years shall not be subject to criminal proceedings.", []),
        ("No child is subject to the death penalty.", []),
        # ... but it still qualifies a rule when it introduces one
        (
            "Subject to section 9, a child may be detained in a place of safety.",
            ["subject to"],
        ),
        ("A child shall be released unless the court orders otherwise.", ["unless"]),
    ],
)
def test_exception_cues_and_lookalikes(sentence: str, exceptions: list[str]) -> None:
    from lexcheck.matching.polarity import analyse

    assert [cue for _, _, cue in analyse(sentence, CUES).exceptions] == exceptions


@pytest.mark.parametrize(
    ("sentence", "target", "expected"),
    [
        # A saving clause keeps what it mentions lawful: it forbids nothing.
        (
            "Nothing in this section prevents a parent from administering reasonable "
            "chastisement to a child.",
            "reasonable chastisement",
            "affirmed",
        ),
        (
            "Nothing in this Part shall be construed as limiting the power of the court to "
            "order the detention of a child.",
            "detention",
            "affirmed",
        ),
        (
            "The Minister shall not restrict the access of a detained child to legal aid.",
            "legal aid",
            "affirmed",
        ),
        # Without a saving verb close after it, the negation stands.
        ("Nothing in this Act authorises the whipping of a child.", "whipping", "negated"),
        (
            "A child shall not be detained in a prison, and no rule made under this Act shall "
            "limit that protection.",
            "detained",
            "negated",
        ),
    ],
)
def test_saving_clauses(sentence: str, target: str, expected: str) -> None:
    assert _polarity(sentence, target) == expected


def test_first_appearance_as_an_anchor_is_no_appearance() -> None:
    """'at the time of his or her first appearance' dates something else: no appearance hit."""
    rules = tuple(r for r in load_rules() if r.id == "jj.first_appearance")
    text = (
        "Section 25. Right to counsel\n"
        "(11) Subsections (4) to (9) do not apply to a person who had attained the age of twenty "
        "years at the time of his or her first appearance before a youth justice court.\n"
        "Section 26. Appearance\n"
        "(1) The young person's first appearance shall take place without delay after the arrest.\n"
    )
    found = match_document(build(text), 0, rules).hits.get("jj.first_appearance", [])
    labels = {h.node.label for h in found if h.signal == "appearance"}
    assert labels == {"section 26(1)"}
