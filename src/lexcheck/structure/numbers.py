"""Numbering arithmetic: roman numerals, letter sequences, sequence keys and eId cleaning."""

from __future__ import annotations

import functools
import re
import unicodedata

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_RE = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")

ORDINALS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
]  # fmt: skip
_WORD_NUMBERS = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty",
]  # fmt: skip
_SPANISH_ORDINALS = [
    "primero", "segundo", "tercero", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno",
    "décimo",
]  # fmt: skip


def is_roman(token: str) -> bool:
    """True for a well-formed roman numeral (either case)."""
    return bool(token) and bool(_ROMAN_RE.match(token.lower()))


def roman_to_int(token: str) -> int:
    """Value of a well-formed roman numeral."""
    total = 0
    prev = 0
    for ch in reversed(token.lower()):
        value = _ROMAN_VALUES[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total


def alpha_to_int(token: str) -> int:
    """Value of a letter sequence: a=1 … z=26, aa=27 (drafting doubles letters after z)."""
    token = token.lower()
    if len(token) > 1 and len(set(token)) == 1:
        return 26 * (len(token) - 1) + ord(token[0]) - 96
    value = 0
    for ch in token:
        value = value * 26 + ord(ch) - 96
    return value


def word_to_int(token: str) -> int | None:
    """Value of an ordinal or cardinal written in words (first, Second, one, único)."""
    t = token.lower()
    if t in ORDINALS:
        return ORDINALS.index(t) + 1
    if t in _WORD_NUMBERS:
        return _WORD_NUMBERS.index(t) + 1
    if t in _SPANISH_ORDINALS:
        return _SPANISH_ORDINALS.index(t) + 1
    if t in ("único", "unico", "sole"):
        return 1
    return None


def container_value(token: str) -> int | None:
    """Integer value of a Part/Chapter number: arabic, roman, a single letter or a word."""
    m = _LEADING_DIGITS.match(token)
    if m:
        return int(m.group(1))
    if is_roman(token):
        return roman_to_int(token)
    if len(token) == 1 and token.isalpha():
        return ord(token.upper()) - 64
    return word_to_int(token)


_DIGITS = re.compile(r"\d+")
_LEADING_DIGITS = re.compile(r"^(\d+)")
_KEY_PART = re.compile(r"(\d+)|([A-Za-z]+)")


@functools.lru_cache(maxsize=8192)
def section_key(number: str) -> tuple[tuple[int, str], ...]:
    """Sortable key of a section number: ``7`` < ``7A`` < ``7B`` < ``8``; ``1.2A`` ≈ (1, 2A)."""
    parts: list[tuple[int, str]] = []
    for m in _KEY_PART.finditer(number):
        if m.group(1) is not None:
            parts.append((int(m.group(1)), ""))
        elif parts:
            n, suffix = parts[-1]
            parts[-1] = (n, suffix + m.group(2).upper())
        else:
            # a leading letter (Article L. 11-1): its own rank, before any number
            parts.append((0, m.group(2).upper()))
    return tuple(parts)


def first_int(number: str) -> int | None:
    """The first integer in a section number (``7A`` → 7, ``L. 11-1`` → 11)."""
    m = _DIGITS.search(number)
    return int(m.group()) if m else None


@functools.lru_cache(maxsize=4096)
def clean_number(number: str) -> str:
    """AKN-style number cleaning for eIds: ``(i)`` → ``i``, ``1.2.`` → ``1-2``, accents dropped."""
    text = unicodedata.normalize("NFKD", number)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[\s()\[\]]+", "", text)
    text = re.sub(r"[^A-Za-z0-9]+", "-", text)
    return text.strip("-") or "nn"


def slug(text: str) -> str:
    """A lower-case eId fragment for a defined term: ``"child in need"`` → ``child-in-need``."""
    return clean_number(re.sub(r"\s+", "-", text.strip().lower()))[:40].strip("-") or "nn"
