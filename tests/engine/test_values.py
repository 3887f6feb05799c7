"""Value extraction: numbers in figures and words, ages with their relation, durations."""

from __future__ import annotations

import pytest

from lexcheck.matching.numbers import find_numbers
from lexcheck.matching.values import EXTRACTORS


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("forty-eight (48) hours", "en", [48]),
        ("twenty four hours", "en", [24]),
        ("one hundred and twenty days", "en", [120]),
        ("his eighteenth birthday", "en", [18]),
        ("section 5 and 12 years", "en", [5, 12]),
        ("dieciocho (18) años", "es", [18]),
        ("veinte y cuatro horas", "es", [24]),
        ("vingt-quatre heures", "fr", [24]),
        ("no one shall", "en", [1]),
    ],
)
def test_numbers(text: str, lang: str, values: list[int]) -> None:
    assert [n.value for n in find_numbers(text, lang)] == values


def test_word_number_absorbs_figure_in_brackets() -> None:
    text = "within forty-eight (48) hours"
    [num] = find_numbers(text, "en")
    assert text[num.start : num.end] == "forty-eight (48)"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ('"child" means a person below the age of sixteen years;', "en", [16]),
        ('"child" means a person who has not completed eighteen years of age', "en", [18]),
        ('a "juvenile" is a person who has not attained his eighteenth birthday', "en", [18]),
        ("In this Act “child” means a person under 16 years of age", "en", [16]),
        ('"young person" means a person aged 17 years or under', "en", [18]),
        ("personas entre catorce (14) y dieciocho (18) años", "es", [18]),
        ("un enfant de moins de dix-huit ans", "fr", [18]),
        ("a child aged sixteen or above", "en", []),  # a lower bound has no upper age
    ],
)
def test_upper_age(text: str, lang: str, expected: list[int]) -> None:
    assert [v.value for v in EXTRACTORS["age_upper"](text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A child under the age of 12 years cannot commit an offence.", [(12, "under")]),
        ("a child above seven years of age and under twelve", [(7, "over"), (12, "under")]),
        ("a child between the ages of 10 and 14 years", [(10, "over"), (14, "under")]),
        ("is below the age of ten years, he or she shall not arrest", [(10, "under")]),
        ("sentenced to imprisonment for five years", []),
        ("for a term of ten years", []),
    ],
)
def test_ages(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(v.value, v.relation) for v in EXTRACTORS["age"](text, "en")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No child under the age of fourteen years shall be prosecuted.", [14]),
        ("A child fifteen (15) years of age or under shall be exempt.", [16]),
        ("a child of thirteen years of age or younger", [14]),
        ("a child of or above the age of twelve years and under fourteen", [12, 14]),
        ("Nothing is an offence which is done by a child under seven years of age", [7]),
    ],
)
def test_floor_age(text: str, expected: list[int]) -> None:
    assert [v.value for v in EXTRACTORS["age_floor"](text, "en")] == expected


@pytest.mark.parametrize(
    ("text", "lang", "hours"),
    [
        ("not later than forty-eight hours after the arrest", "en", [48]),
        ("within a period of twenty-four hours of apprehending the child", "en", [24]),
        ("within two days of the arrest", "en", [48]),
        ("dentro de las 36 horas siguientes", "es", [36]),
        ("dans les vingt-quatre heures", "fr", [24]),
        ("a child of 16 years", "en", []),
    ],
)
def test_hours(text: str, lang: str, hours: list[int]) -> None:
    assert [v.value for v in EXTRACTORS["hours"](text, lang)] == hours


def test_years_are_not_ages() -> None:
    text = "imprisonment for a term of ten years; a person of 16 years of age"
    assert [v.value for v in EXTRACTORS["years"](text, "en")] == [10]
