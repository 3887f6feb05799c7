"""Split an instrument's text into numbered units (articles, rules, paragraphs, lettered items).

Used by the generator (``scripts/build_standards.py``) on the bundled official texts and by
``lexcheck standards attach`` on a user's copy, so that both are aligned by the same numbering.
The grammar is that of UN instruments: "Article 37", "1.", "(a)", "(i)", Beijing "13.1", and
section headings "IV." / "K." in the Havana Rules and Riyadh Guidelines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Style = Literal["articles", "rules", "paragraphs"]

ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv"]
ORDINALS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

_BRACKETED = re.compile(r"\s*\[[^\]]*\]")
_ARTICLE = re.compile(r"^(?:Article|Art\.)\s+(\d+)\s*\.?\s*(.*)$", re.IGNORECASE)
_PART_ARTICLES = re.compile(r"^PART\s+([IVX]+)\s*$")
_PART_RULES = re.compile(r"^Part\s+(" + "|".join(ORDINALS) + r")\b\s*(.*)$", re.IGNORECASE)
_SUBRULE = re.compile(r"^(\d+)\s?\.\s?(\d+)\s*\.?\s+(.*)$")
_NUMBERED = re.compile(r"^(\d+)\s?\.\s+(.*)$")
_PAREN = re.compile(r"^\(\s?([a-z]{1,4})\s?\)\s*(.*)$")
_DOTTED_LETTER = re.compile(r"^([a-z])\.\s+(.*)$")
_SECTION = re.compile(r"^([IVX]+|[A-Z])\.\s+(.*)$")
_ROMAN_NUMERALS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


@dataclass
class Unit:
    """One numbered unit: its number path (("37", "b")), kind and text lines as printed."""

    path: tuple[str, ...]
    kind: str
    lines: list[str] = field(default_factory=list)
    heading: str | None = None
    part: str | None = None
    verified: bool = True
    note: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def clean_line(line: str) -> str | None:
    """Drop editorial matter: ``***`` and ``> `` lines, ``[bracketed]`` notes; None if empty."""
    stripped = line.strip()
    if not stripped or stripped.startswith("***") or stripped.startswith("> "):
        return None
    stripped = _BRACKETED.sub("", stripped).strip()
    return stripped or None


def normalise_ws(text: str) -> str:
    """Collapse all whitespace runs to one space (the comparison used for official text)."""
    return " ".join(text.split())


def _is_roman_here(token: str, last_letter: str | None) -> bool:
    """Is "(i)", "(v)" or "(x)" a roman sub-item, or the next letter after (h), (u), (w)?"""
    if token not in ROMANS:
        return False
    if len(token) > 1:
        return True
    if last_letter is None:
        return True
    return ord(token) != ord(last_letter) + 1


class _Splitter:
    """Stateful line-by-line splitter shared by the three styles."""

    def __init__(self, style: Style) -> None:
        self.style = style
        self.units: list[Unit] = []
        self.top: Unit | None = None  # article / rule / paragraph
        self.level2: Unit | None = None  # article paragraph / Beijing sub-rule
        self.letter: Unit | None = None
        self.roman: Unit | None = None
        self.dotted: Unit | None = None
        self.current: Unit | None = None
        self.part: str | None = None
        self.section_roman: str | None = None
        self.section_letter: str | None = None
        self.pending_part_title = False
        self.started = False
        self.preamble: Unit | None = None
        self.in_commentary = False  # Beijing Rules: skipping an official Commentary block

    def add(self, unit: Unit) -> Unit:
        unit.part = self.part
        self.units.append(unit)
        self.current = unit
        return unit

    def item_parent(self) -> Unit | None:
        return self.level2 or self.top

    def feed(self, line: str) -> None:
        if self.style == "articles":
            self._articles(line)
        elif self.style == "rules":
            self._rules(line)
        else:
            self._paragraphs(line)

    # --- shared: lettered, roman and dotted items ---------------------------------------
    def _items(self, line: str) -> bool:
        m = _PAREN.match(line)
        parent = self.item_parent()
        if m and parent is not None:
            token, rest = m.group(1), m.group(2)
            last = self.letter.path[-1] if self.letter else None
            if _is_roman_here(token, last):
                owner = self.letter or parent
                self.roman = self.add(Unit((*owner.path, token), "item", [rest]))
                self.dotted = None
                return True
            if len(token) == 1:
                self.letter = self.add(Unit((*parent.path, token), "subparagraph", [rest]))
                self.roman = self.dotted = None
                return True
        m = _DOTTED_LETTER.match(line)
        if m and self.roman is not None:
            self.dotted = self.add(Unit((*self.roman.path, m.group(1)), "item", [m.group(2)]))
            return True
        return False

    def _continue(self, line: str) -> None:
        """An unlabelled line continues the unit before it (chapeau, bullets, testimonium)."""
        if self.current is not None:
            self.current.lines.append(line)

    def _reset_items(self) -> None:
        self.letter = self.roman = self.dotted = None

    # --- CRC and optional protocols -----------------------------------------------------
    def _articles(self, line: str) -> None:
        if line == "---":
            self.started = False
            self.current = None
            self.top = None
            return
        if line.upper() == "PREAMBLE":
            self.preamble = self.add(Unit(("preamble",), "preamble"))
            self.started = True
            return
        m = _PART_ARTICLES.match(line)
        if m:
            self.part = f"Part {m.group(1)}"
            self.current = None
            return
        m = _ARTICLE.match(line)
        if m:
            self.started = True
            self.top = self.add(Unit((m.group(1),), "article", [m.group(2)] if m.group(2) else []))
            self.level2 = None
            self._reset_items()
            return
        if not self.started:
            return
        if self.top is not None:
            m = _NUMBERED.match(line)
            if m:
                self.level2 = self.add(
                    Unit((*self.top.path, m.group(1)), "paragraph", [m.group(2)])
                )
                self._reset_items()
                return
            if self._items(line):
                return
        self._continue(line)

    # --- Beijing Rules ------------------------------------------------------------------
    def _rules(self, line: str) -> None:
        if line.rstrip(":").lower() == "commentary":
            # Editions of the Beijing Rules print each rule's Commentary after it; its
            # paragraphs (and their own "(a)" items) are not rule text.
            self.in_commentary = True
            self.current = None
            return
        if self.in_commentary:
            m = _NUMBERED.match(line)
            nxt = str(int(self.top.path[0]) + 1) if self.top else "1"
            if not (_PART_RULES.match(line) or (m and m.group(1) == nxt)):
                return
            self.in_commentary = False
        m = _PART_RULES.match(line)
        if m:
            self.part = f"Part {m.group(1).lower()}"
            if m.group(2):
                self.part += f": {m.group(2)}"
            else:
                self.pending_part_title = True
            self.current = None
            self.started = True
            return
        if self.pending_part_title and line.isupper():
            self.part = f"{self.part}: {line}"
            self.pending_part_title = False
            return
        self.pending_part_title = False
        m = _SUBRULE.match(line)
        if m and self.top is not None and m.group(1) == self.top.path[0]:
            self.level2 = self.add(Unit((m.group(1), m.group(2)), "rule", [m.group(3)]))
            self._reset_items()
            return
        m = _NUMBERED.match(line)
        if m and not m.group(2)[:1].isdigit():
            self.started = True
            self.top = self.add(Unit((m.group(1),), "rule", heading=m.group(2)))
            self.level2 = None
            self._reset_items()
            return
        if not self.started:
            return
        if self._items(line):
            return
        if self.letter is not None and self.level2 is not None:
            # An item printed without its letter (Beijing 2.3, third item): give it the next
            # letter, but flag the number as unconfirmed.
            nxt = chr(ord(self.letter.path[-1]) + 1)
            self.letter = self.add(
                Unit(
                    (*self.level2.path, nxt),
                    "subparagraph",
                    [line],
                    verified=False,
                    note=f"Printed without a letter in the source edition; ({nxt}) is the"
                    " probable label, not confirmed against the official document.",
                )
            )
            return
        self._continue(line)

    # --- General comment, Havana Rules, Riyadh Guidelines, ECOSOC Guidelines ------------
    def _section(self, line: str) -> bool:
        m = _SECTION.match(line)
        if not m:
            return False
        label, title = m.group(1), m.group(2)
        # A roman numeral later than the current section starts a new section; "I." after
        # "H." inside section IV (Havana Rules) is the next lettered sub-section instead.
        current = _ROMAN_NUMERALS.index(self.section_roman) if self.section_roman else -1
        expected_letter = chr(ord(self.section_letter) + 1) if self.section_letter else "A"
        if (
            label in _ROMAN_NUMERALS
            and _ROMAN_NUMERALS.index(label) > current
            and not (label == expected_letter and self.section_roman)
        ):
            self.section_roman, self.section_letter = label, None
            self.part = f"{label}. {title}"
        elif label == expected_letter and self.section_roman:
            self.section_letter = label
            base = (self.part or "").split(" / ")[0]
            self.part = f"{base} / {label}. {title}"
        else:
            return False
        self.started = True
        self.current = None
        return True

    def _paragraphs(self, line: str) -> None:
        if self._section(line):
            return
        m = _NUMBERED.match(line)
        if m:
            self.started = True
            self.top = self.add(Unit((m.group(1),), "paragraph", [m.group(2)]))
            self.level2 = None
            self._reset_items()
            return
        if not self.started:
            return
        if self._items(line):
            return
        self._continue(line)


def split_units(text: str, style: Style) -> list[Unit]:
    """Split ``text`` into numbered units in document order."""
    splitter = _Splitter(style)
    for raw in text.splitlines():
        line = clean_line(raw)
        if line is not None:
            splitter.feed(line)
    return splitter.units
