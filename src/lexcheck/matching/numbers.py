"""Find numbers written in figures or in words (English, Spanish, French), with their spans.

``forty-eight (48) hours`` is one number (48) covering the words and the figure in brackets;
``eighteenth`` is the ordinal 18. Offsets point into the text given, so evidence stays exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# Cardinal and ordinal words per language. The converter is mechanism; these are its tables.
_UNITS: dict[str, dict[str, int]] = {
    "en": {
        "zero": 0,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
    },
    "es": {
        "cero": 0,
        "uno": 1,
        "una": 1,
        "un": 1,
        "dos": 2,
        "tres": 3,
        "cuatro": 4,
        "cinco": 5,
        "seis": 6,
        "siete": 7,
        "ocho": 8,
        "nueve": 9,
        "diez": 10,
        "once": 11,
        "doce": 12,
        "trece": 13,
        "catorce": 14,
        "quince": 15,
        "dieciséis": 16,
        "dieciseis": 16,
        "diecisiete": 17,
        "dieciocho": 18,
        "diecinueve": 19,
        "veinte": 20,
        "veintiuno": 21,
        "veintiún": 21,
        "veintidós": 22,
        "veintidos": 22,
        "veintitrés": 23,
        "veintitres": 23,
        "veinticuatro": 24,
        "veinticinco": 25,
        "veintiséis": 26,
        "veintiseis": 26,
        "veintisiete": 27,
        "veintiocho": 28,
        "veintinueve": 29,
        "treinta": 30,
        "cuarenta": 40,
        "cincuenta": 50,
        "sesenta": 60,
        "setenta": 70,
        "ochenta": 80,
        "noventa": 90,
        "cien": 100,
        "ciento": 100,
        "y": -2,
    },
    "fr": {
        "zéro": 0,
        "un": 1,
        "une": 1,
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
        "huit": 8,
        "neuf": 9,
        "dix": 10,
        "onze": 11,
        "douze": 12,
        "treize": 13,
        "quatorze": 14,
        "quinze": 15,
        "seize": 16,
        "vingt": 20,
        "trente": 30,
        "quarante": 40,
        "cinquante": 50,
        "soixante": 60,
        "cent": 100,
        "et": -2,
    },
}
_ORDINALS_EN: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip


@dataclass(frozen=True)
class Number:
    """A number found in text: its value and the span it covers."""

    value: int
    start: int
    end: int
    ordinal: bool = False


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+(?:st|nd|rd|th)?", re.UNICODE)
_PAREN_FIGURE = re.compile(r"\s*\((\d{1,4})\)")


@cache
def _tables(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    units = _UNITS.get(lang, _UNITS["en"])
    ordinals = _ORDINALS_EN if lang == "en" else {}
    return units, ordinals


def _word_value(word: str, lang: str) -> tuple[int, bool] | None:
    """Value of one word ("forty-eight", "eighteenth", "dieciocho"); None if not a number."""
    units, ordinals = _tables(lang)
    w = word.lower()
    if w in ordinals:
        return ordinals[w], True
    if w in units and units[w] >= 0:
        return units[w], False
    if "-" in w:
        parts = w.split("-")
        if lang == "fr" and all(p in units or p == "et" for p in parts):
            total = 0
            for p in parts:
                v = units.get(p, 0)
                total = total * v if v == 20 and total in (4,) else total + max(v, 0)
            return total, False
        if len(parts) == 2 and parts[0] in units and units[parts[0]] >= 20:
            tail = parts[1]
            if tail in units and 0 < units[tail] < 10:
                return units[parts[0]] + units[tail], False
            if tail in ordinals and ordinals[tail] < 10:
                return units[parts[0]] + ordinals[tail], True
    return None


def find_numbers(text: str, lang: str = "en") -> list[Number]:
    """Every number in ``text``, in order; a word number followed by "(N)" absorbs the figure."""
    out: list[Number] = []
    tokens = list(_WORD.finditer(text))
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        word = tok.group(0)
        if word[0].isdigit():
            digits = re.match(r"\d+", word)
            assert digits is not None
            ordinal = len(word) > len(digits.group(0))
            out.append(Number(int(digits.group(0)), tok.start(), tok.end(), ordinal))
            i += 1
            continue
        first = _word_value(word, lang)
        if first is None:
            i += 1
            continue
        value, ordinal = first
        start, end = tok.start(), tok.end()
        j = i + 1
        # Combine "twenty four", "one hundred and twenty", "veinte y cuatro", "ciento veinte".
        while j < len(tokens) and not ordinal:
            gap = text[end : tokens[j].start()]
            if gap.strip() not in ("", "-"):
                break
            nxt = tokens[j].group(0).lower()
            if nxt in ("and", "y", "et") and j + 1 < len(tokens):
                following = _word_value(tokens[j + 1].group(0), lang)
                if following is not None and value >= 20 and following[0] < value:
                    value += following[0]
                    ordinal = following[1]
                    end = tokens[j + 1].end()
                    j += 2
                    continue
                break
            nv = _word_value(nxt, lang)
            if nv is None:
                break
            if nv[0] == 100 and value < 10:
                value *= 100
            elif (value >= 20 and nv[0] < 10 and value % 10 == 0) or (value >= 100 and nv[0] < 100):
                value += nv[0]
            else:
                break
            ordinal = nv[1]
            end = tokens[j].end()
            j += 1
        figure = _PAREN_FIGURE.match(text, end)
        if figure and int(figure.group(1)) == value:
            end = figure.end()
        out.append(Number(value, start, end, ordinal))
        i = j
    # A figure in brackets right after its words was absorbed above; drop its duplicate.
    deduped: list[Number] = []
    for num in out:
        if deduped and deduped[-1].start <= num.start < deduped[-1].end:
            continue
        deduped.append(num)
    return deduped
