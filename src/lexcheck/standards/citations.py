"""Compact citation lists: "CRC/C/GC/24 para. 20; … para. 27" becomes "CRC/C/GC/24 paras 20-27"."""

from __future__ import annotations

import re
from dataclasses import dataclass

UNVERIFIED = " (unverified)"
# "<instrument> [art.|para.] <number>[.<number>][(sub)...]": the instrument name is the shortest
# head that leaves a well-formed pinpoint, so "ECOSOC res. 2005/20 Guidelines para. 3(a)" and
# "CRC/C/GC/24 para. 20" split at the last number.
_PINPOINT = re.compile(
    r"^(?P<head>.*?)\s+(?:(?P<unit>art\.|para\.)\s*)?"
    r"(?P<major>\d+)(?:\.(?P<minor>\d+))?(?P<sub>(?:\([^()\s]+\))*)$"
)
# "Model Strategies, strategy XII", "ECOSOC res. 2005/20 Guidelines, section VII".
_ROMAN_PINPOINT = re.compile(
    r"^(?P<head>.+,)\s+(?P<unit>section|strategy|part)\s+(?P<roman>[IVXLC]+)$"
)
_PLURAL = {
    "art.": "arts",
    "para.": "paras",
    "section": "sections",
    "strategy": "strategies",
    "part": "parts",
}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _from_roman(text: str) -> int:
    values = [_ROMAN[c] for c in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _to_roman(n: int) -> str:
    out = ""
    for value, numeral in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += numeral
            n -= value
    return out


@dataclass(frozen=True)
class _Cite:
    head: str
    unit: str
    major: int
    minor: int | None
    sub: str
    unverified: bool
    roman: bool = False

    def number(self) -> str:
        if self.roman:
            return _to_roman(self.major)
        minor = f".{self.minor}" if self.minor is not None else ""
        return f"{self.major}{minor}{self.sub}"

    def key(self) -> tuple[str, int, int, str]:
        return (self.unit, self.major, -1 if self.minor is None else self.minor, self.sub)

    def follows(self, other: _Cite) -> bool:
        """Whether this pinpoint is the next one after ``other`` (so the two form a range)."""
        if self.sub or other.sub or self.unit != other.unit:
            return False
        if self.unverified != other.unverified:  # a range is verified or unverified as a whole
            return False
        if self.minor is None and other.minor is None:
            return self.major == other.major + 1
        if self.minor is not None and other.minor is not None:
            return self.major == other.major and self.minor == other.minor + 1
        return False


def _parse(citation: str) -> _Cite | None:
    text = citation.strip()
    unverified = text.endswith(UNVERIFIED)
    if unverified:
        text = text[: -len(UNVERIFIED)].rstrip()
    r = _ROMAN_PINPOINT.match(text)
    if r is not None and _to_roman(_from_roman(r["roman"])) == r["roman"]:
        return _Cite(r["head"], r["unit"], _from_roman(r["roman"]), None, "", unverified, True)
    m = _PINPOINT.match(text)
    if m is None or not m["head"]:
        return None
    minor = m["minor"]
    return _Cite(
        m["head"],
        m["unit"] or "",
        int(m["major"]),
        int(minor) if minor is not None else None,
        m["sub"],
        unverified,
    )


def _group(items: list[_Cite]) -> str:
    """One instrument's pinpoints of one unit: sorted, consecutive ones as ranges, the
    instrument and the unit said once."""
    items = sorted(set(items), key=_Cite.key)
    parts: list[str] = []
    count = 0
    i = 0
    while i < len(items):
        j = i
        while j + 1 < len(items) and items[j + 1].follows(items[j]):
            j += 1
        first, last = items[i], items[j]
        text = first.number() if i == j else f"{first.number()}-{last.number()}"
        count += 1 if i == j else 2
        parts.append(text + (UNVERIFIED if first.unverified else ""))
        i = j + 1
    head, unit = items[0].head, items[0].unit
    if unit:
        return f"{head} {_PLURAL[unit] if count > 1 else unit} " + ", ".join(parts)
    return f"{head} " + ", ".join(parts)


def compact(citations: list[str]) -> list[str]:
    """Citations grouped by instrument (in order of first mention), ranges for runs.

    ``["CRC/C/GC/24 para. 20", "CRC/C/GC/24 para. 21", "CRC/C/GC/24 para. 22"]`` gives
    ``["CRC/C/GC/24 paras 20-22"]``. Sub-paragraph pinpoints ("para. 6(c)(i)") are kept as they
    are, an unverified pinpoint keeps its mark (a range is made only of pinpoints that are all
    verified or all unverified), and a citation that is not a numbered pinpoint ("CRC
    preamble", "Model Strategies, part one") is kept whole, in its place.
    """
    order: list[str] = []  # instrument heads and unparsed citations, in order of first mention
    groups: dict[str, list[_Cite]] = {}
    for citation in citations:
        c = _parse(citation)
        if c is None:
            if citation not in order:
                order.append(citation)
            continue
        key = f"\x00{c.head}\x00{c.unit}"  # never equal to a citation kept whole
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(c)
    return [_group(groups[k]) if k in groups else k for k in order]


def compact_text(citations: list[str]) -> str:
    """The compact citations as one string, instruments separated by semicolons."""
    return "; ".join(compact(citations))
