"""Value extractors: ages, hours, days, months and years, in figures or words, with spans.

Each extractor takes a piece of statute text and returns ``Value`` objects; the rule files
name the extractor (``extract: age_upper``) and how to pick one value among several.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lexcheck.matching.numbers import Number, find_numbers


@dataclass(frozen=True)
class Value:
    """A figure found in text: the number converted to the extractor's unit, and its span."""

    value: int
    start: int
    end: int
    unit: str  # "age", "hours", "days", "months", "years"
    relation: str = "at"  # ages: "under" (exclusive bound), "upto" (inclusive), "over", "at"


# Unit words per language (lower case), checked right after the number.
_UNIT_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "hours": ("hour", "hours"),
        "days": ("day", "days"),
        "weeks": ("week", "weeks"),
        "months": ("month", "months"),
        "years": ("year", "years", "yrs"),
    },
    "es": {
        "hours": ("hora", "horas"),
        "days": ("día", "días", "dia", "dias"),
        "weeks": ("semana", "semanas"),
        "months": ("mes", "meses"),
        "years": ("año", "años", "ano", "anos"),
    },
    "fr": {
        "hours": ("heure", "heures"),
        "days": ("jour", "jours"),
        "weeks": ("semaine", "semaines"),
        "months": ("mois",),
        "years": ("an", "ans", "année", "années"),
    },
}

# Age cues: words before a number that make it an age, and the relation they set.
_AGE_BEFORE: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "en": [
        (re.compile(r"\b(?:not|never|yet to)\s+(?:yet\s+)?(?:have\s+)?(?:completed|attained|reached|turned|achieved)\b[\w\s()\-]*$"), "under"),  # noqa: E501
        (re.compile(r"\bbetween\b[\w\s()\-]*$"), "over"),
        (re.compile(r"\b(?:under|below|less than|younger than|before|beneath)\b[\w\s()\-]*$"), "under"),  # noqa: E501
        (re.compile(r"\b(?:above|over|older than|more than|not less than|at least|completed|attained|reached|turned|from)\b[\w\s()\-]*$"), "over"),  # noqa: E501
        (re.compile(r"\b(?:aged|age of|age|ages)\b[\w\s()\-]*$"), "at"),
    ],
    "es": [
        (re.compile(r"\bno\s+(?:haya[ns]?|haber|hubiere[ns]?)\s+cumplido\b[\w\s()\-]*$"), "under"),
        (re.compile(r"\bentre\b[\w\s()\-]*$"), "over"),
        (re.compile(r"\b(?:menor(?:es)?|inferior|antes)\s+(?:de|a)\b[\w\s()\-]*$"), "under"),
        (re.compile(r"\b(?:mayor(?:es)?|superior|más)\s+(?:de|a)\b[\w\s()\-]*$"), "over"),
        (re.compile(r"\b(?:cumplido[s]?|desde)\b[\w\s()\-]*$"), "over"),
        (re.compile(r"\bedad\b[\w\s()\-]*$"), "at"),
    ],
    "fr": [
        (re.compile(r"\bentre\b[\w\s()\-]*$"), "over"),
        (re.compile(r"\b(?:moins de|mineurs? de|avant)\b[\w\s()\-]*$"), "under"),
        (re.compile(r"\b(?:plus de|au moins)\b[\w\s()\-]*$"), "over"),
        (re.compile(r"\b(?:âgée?s? de|âge de)\b[\w\s()\-]*$"), "at"),
    ],
}  # fmt: skip
_AGE_AFTER: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "en": [
        (re.compile(r"^\W*(?:years?\s+)?(?:of age\s+)?(?:old\s+)?(?:or|and)\s+(?:above|over|older|more|upwards)\b(?!\s+(?:the\s+)?(?:age|\d|\w+teen|twelve|eleven|ten|twenty))"), "over"),  # noqa: E501
        (re.compile(r"^\W*(?:years?\s+)?(?:of age\s+)?(?:old\s+)?(?:or|and)\s+(?:under|below|less|younger)\b(?!\s+(?:the\s+)?(?:age|\d|\w+teen|twelve|eleven|ten|twenty))"), "upto"),  # noqa: E501
    ],
    "es": [
        (re.compile(r"^\W*(?:años\s+)?(?:de edad\s+)?(?:o|y)\s+(?:más|mayores)\b"), "over"),
        (re.compile(r"^\W*(?:años\s+)?(?:de edad\s+)?(?:o|y)\s+(?:menos|menores)\b"), "upto"),
    ],
    "fr": [
        (re.compile(r"^\W*(?:ans\s+)?(?:ou|et)\s+(?:plus)\b"), "over"),
        (re.compile(r"^\W*(?:ans\s+)?(?:ou|et)\s+(?:moins)\b"), "upto"),
    ],
}  # fmt: skip
_AGE_UNIT_AFTER: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"^[\s\-]*(?:\(\d+\)\s*)?(?:years?|yrs?)\b(?:\s+of\s+age|\s+old|-old)?"),
    "es": re.compile(r"^\s*(?:\(\d+\)\s*)?(?:años|anos)\b(?:\s+de\s+edad)?"),
    "fr": re.compile(r"^\s*(?:\(\d+\)\s*)?ans\b"),
}
_BIRTHDAY = re.compile(r"^\s*(?:birthday|year of (?:his|her|their) age)\b")
_AGE_NOUN_BEFORE = re.compile(r"\b(?:age|aged|ages|edad|âge|âgée?s?)\b[\w\s()\-]*$")


def _lang(lang: str) -> str:
    return lang if lang in _UNIT_WORDS else "en"


_UNIT_SPAN = re.compile(
    r"[\s\-]*(?:\(\d+\)\s*)?(?:clear\s+|calendar\s+|working\s+|consecutive\s+)?\w+"
)


def _unit_after(text: str, num: Number, lang: str) -> str | None:
    after = text[num.end : num.end + 30].lower()
    m = re.match(
        r"[\s\-]*(?:\(\d+\)\s*)?(?:clear\s+|calendar\s+|working\s+|consecutive\s+)?(\w+)", after
    )
    if not m:
        return None
    word = m.group(1)
    for unit, words in _UNIT_WORDS[_lang(lang)].items():
        if word in words:
            return unit
    return None


def extract_durations(text: str, lang: str, unit: str) -> list[Value]:
    """Durations in ``unit``: "hours" also accepts days (x 24); "days" weeks (x 7), months
    (x 30) and years (x 365); "months" years (x 12). A compound duration ("one year and six
    months") counts as one value (18 months)."""
    out: list[tuple[Value, str]] = []
    for num in find_numbers(text, lang):
        found = _unit_after(text, num, lang)
        if found is None or num.ordinal:
            continue
        end_match = _UNIT_SPAN.match(text, num.end)
        end = end_match.end() if end_match else num.end
        factor = None
        if found == unit:
            factor = 1
        elif unit == "hours" and found == "days":
            factor = 24
        elif unit == "days" and found == "weeks":
            factor = 7
        elif unit == "days" and found == "months":
            # A month counts as 30 days, so "six months" compares with a 180-day limit.
            factor = 30
        elif (
            unit == "days"
            and found == "years"
            and not _looks_like_age(text, Value(0, 0, end, unit))
        ):
            factor = 365
        elif unit == "months" and found == "years":
            factor = 12
        if factor is not None:
            out.append((Value(num.value * factor, num.start, end, unit), found))
    return _join_compounds(text, out)


# "one year and six months", "2 days, 12 hours": parts of one duration, joined by "and"/",".
_COMPOUND_JOIN = re.compile(r"^\s*(?:,\s*)?(?:and|y|et)?\s*$", re.IGNORECASE)
_UNIT_RANK = {"years": 5, "months": 4, "weeks": 3, "days": 2, "hours": 1}


def _join_compounds(text: str, parts: list[tuple[Value, str]]) -> list[Value]:
    """Add up a larger unit followed by a smaller one ("one year and six months" = 18)."""
    joined: list[tuple[Value, str]] = []
    for value, found in parts:
        if joined:
            prev, prev_found = joined[-1]
            gap = text[prev.end : value.start]
            if (
                _UNIT_RANK.get(prev_found, 0) > _UNIT_RANK.get(found, 0)
                and gap.strip()
                and _COMPOUND_JOIN.match(gap)
            ):
                total = Value(prev.value + value.value, prev.start, value.end, value.unit)
                joined[-1] = (total, found)
                continue
        joined.append((value, found))
    return [value for value, _ in joined]


def _is_age(text: str, num: Number, lang: str) -> tuple[bool, int]:
    after = text[num.end : num.end + 40].lower()
    before = text[max(0, num.start - 40) : num.start].lower()
    if num.ordinal:
        m = _BIRTHDAY.match(after)
        return (True, num.end + m.end()) if m else (False, num.end)
    unit = _AGE_UNIT_AFTER[_lang(lang)].match(after)
    if unit:
        # "five years" is a duration unless an age cue is around it.
        if (
            "age" in unit.group(0)
            or "old" in unit.group(0)
            or "edad" in unit.group(0)
            or _AGE_NOUN_BEFORE.search(before)
            or any(p.search(before) for p, _ in _AGE_BEFORE[_lang(lang)][:4])
        ):
            return True, num.end + unit.end()
        return False, num.end
    if re.search(r"\b(?:age of|aged|edad de|âge de|âgée? de)\s*$", before):
        return True, num.end
    return False, num.end


_RANGE_OPEN = re.compile(r"\b(?:between|entre|from|de|of)\s+(?:the\s+ages?\s+of\s+)?$")
_RANGE_JOIN = ("and", "y", "et", "to", "a", "-", "and under", "and below")
_BARE_AGE_BEFORE = re.compile(r"\b(?:under|below|above|over|menores de|mayores de)\s*$")


def _relation(text: str, num: Number, lang: str, prev_end: int) -> str:
    if num.ordinal:
        before = text[max(0, num.start - 50) : num.start].lower()
        return "under" if re.search(r"\bnot\b|\bbefore\b|\bunder\b", before) else "over"
    after = text[num.end : num.end + 40].lower()
    before = text[max(prev_end, num.start - 45) : num.start].lower()
    for pattern, rel in _AGE_AFTER[lang]:
        if pattern.search(after):
            return rel
    for pattern, rel in _AGE_BEFORE[lang]:
        if pattern.search(before):
            return rel
    return "at"


def extract_ages(text: str, lang: str) -> list[Value]:
    """Ages with the relation the text puts on them ("under 16" -> 16, "under")."""
    out: list[Value] = []
    lg = _lang(lang)
    nums = find_numbers(text, lang)
    ages: dict[int, int] = {}  # index in nums -> end of the age expression
    for idx, num in enumerate(nums):
        ok, end = _is_age(text, num, lg)
        if not ok and _BARE_AGE_BEFORE.search(text[max(0, num.start - 12) : num.start].lower()):
            # "above seven years of age and under twelve": a bare number after an age.
            context = text[max(0, num.start - 80) : num.start].lower()
            ok = bool(re.search(r"\b(?:age|aged|years|edad|años)\b", context))
        if ok:
            ages[idx] = end
    # "between fourteen and eighteen years": the first number takes its unit from the second.
    ranges: dict[int, str] = {}
    for idx in list(ages):
        if idx == 0:
            continue
        prev = nums[idx - 1]
        joined = text[prev.end : nums[idx].start].strip().lower()
        opener = _RANGE_OPEN.search(text[max(0, prev.start - 25) : prev.start].lower())
        if joined in _RANGE_JOIN and opener:
            ranges[idx - 1], ranges[idx] = "over", "under"
            ages.setdefault(idx - 1, prev.end)
    prev_end = 0
    for idx, num in enumerate(nums):
        if idx not in ages:
            continue
        relation = ranges.get(idx) or _relation(text, num, lg, prev_end)
        out.append(Value(num.value, num.start, ages[idx], "age", relation))
        prev_end = ages[idx]
    return out


def upper_bound(value: Value) -> int | None:
    """The first age NOT covered by an age condition ("under 16" -> 16, "16 or under" -> 17)."""
    if value.relation == "under":
        return value.value
    if value.relation == "upto":
        return value.value + 1
    return None


def floor_age(value: Value) -> int:
    """The youngest age an age condition reaches from below ("14 years or under" -> 15, since a
    child of fourteen is still covered; "under 14" -> 14; "of or above 12" -> 12)."""
    return value.value + 1 if value.relation == "upto" else value.value


EXTRACTORS: dict[str, Callable[[str, str], list[Value]]] = {
    "age": extract_ages,
    "age_floor": lambda text, lang: [
        Value(floor_age(v), v.start, v.end, "age", v.relation) for v in extract_ages(text, lang)
    ],
    "age_upper": lambda text, lang: [
        Value(b, v.start, v.end, "age", v.relation)
        for v in extract_ages(text, lang)
        if (b := upper_bound(v)) is not None
    ],
    # Lower bounds only ("twelve years old or older", "has attained the age of ten"): where a
    # definition says who a youth justice law applies to, its floor.
    "age_lower": lambda text, lang: [v for v in extract_ages(text, lang) if v.relation == "over"],
    "hours": lambda text, lang: extract_durations(text, lang, "hours"),
    "days": lambda text, lang: extract_durations(text, lang, "days"),
    "months": lambda text, lang: extract_durations(text, lang, "months"),
    "years": lambda text, lang: [
        v for v in extract_durations(text, lang, "years") if not _looks_like_age(text, v)
    ],
}


def _looks_like_age(text: str, value: Value) -> bool:
    return bool(re.match(r"\W*(?:of age|old|de edad)", text[value.end : value.end + 12].lower()))
