"""Parenthetical exceptions: "X, other than Y, is prohibited" — the main verb after the
exception still decides the polarity, and the exception stops at the comma before it."""

from __future__ import annotations

import pytest

from lexcheck.checks.loader import load_cues
from lexcheck.matching.polarity import analyse, compile_cues, polarity

CUES = compile_cues(load_cues("en"))


def _polarity(sentence: str, target: str) -> str:
    start = sentence.index(target)
    return polarity(sentence, start, start + len(target), CUES).value


@pytest.mark.parametrize(
    ("sentence", "target", "expected"),
    [
        # The prohibition comes after an exception set off by commas (US drafting).
        (
            "The use of room confinement for discipline, punishment, or any reason other than "
            "as a temporary response to a serious and immediate risk of harm, is prohibited.",
            "room confinement",
            "negated",
        ),
        # Commonwealth offence with a parenthetical exemption before the penalty.
        (
            "Any person, other than a parent or guardian, who removes a child from the "
            "jurisdiction without the leave of the court, commits an offence.",
            "removes a child",
            "penalised",
        ),
        # A permission with an exception that runs to the end of the clause is unchanged.
        (
            "The officer in charge may order separate confinement, except where the child is "
            "ill, for not more than seven days.",
            "separate confinement",
            "affirmed",
        ),
        # A negation that belongs to the exception still does not negate the hit.
        (
            "The court may order whipping, except that no girl shall be whipped.",
            "whipping",
            "affirmed",
        ),
    ],
)
def test_parenthetical_exception_polarity(sentence: str, target: str, expected: str) -> None:
    assert _polarity(sentence, target) == expected


def test_parenthetical_exception_ends_before_the_main_verb() -> None:
    sentence = (
        "The use of force on a child, other than to prevent injury to the child or another "
        "person, shall not be permitted in any institution."
    )
    [(start, end, cue)] = analyse(sentence, CUES).exceptions
    assert cue == "other than"
    assert sentence[start:end] == "other than to prevent injury to the child or another person"


def test_exception_without_a_following_verb_runs_to_the_end_of_its_clause() -> None:
    sentence = "A child may be detained pending trial, unless the offence is minor, and released."
    [(start, end, _)] = analyse(sentence, CUES).exceptions
    assert sentence[start:end].startswith("unless the offence is minor, and released")
