"""Sentences, clauses and polarity: is a hit affirmed, negated, penalised or a definition?

Polarity is read from the clause that carries the hit and, for a list item, from the lead-in
of its parent ("No child shall be— (a) sentenced to death"); exceptions come from the
sentence ("unless", "save that"), from proviso children and from cross-references that the
tree resolves ("subject to section 9" -> section 9), never from distance in characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lexcheck.checks.schema import LanguageCues

_LAST_WORD = re.compile(r"[\w.]+$")
_ENUM_START = re.compile(r"^\s*\(?(?:[a-z]{1,3}|\d{1,3}|[ivxl]{1,5})\)\s*")
_QUOTED_TERM_DEF = r"[\"“”'‘’]\s*[^\"“”'‘’]{{1,60}}[\"“”'‘’]\s*(?:,\s*)?(?:{defs})\b"


@dataclass(frozen=True)
class CompiledCues:
    """Regular expressions built once per language from ``rules/lang/<lang>.yaml``."""

    negation: re.Pattern[str]
    negator: re.Pattern[str]
    modal: re.Pattern[str]
    prohibition: re.Pattern[str]
    penalty: re.Pattern[str]
    exception: re.Pattern[str]
    override: re.Pattern[str]
    definition: re.Pattern[str]
    sentence_end: re.Pattern[str]
    reference: re.Pattern[str]
    abbreviations: frozenset[str]


def _alternation(words: list[str]) -> str:
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) or r"(?!x)x"


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){'(?:' + _alternation(words) + ')'}(?![\w])", re.IGNORECASE)


def compile_cues(cues: LanguageCues) -> CompiledCues:
    # A sentence ends at . ! ? followed by space and a capital, quote or bracket (checked
    # against abbreviations in ``sentence_bounds``).
    sentence_end = re.compile(r"[.!?](?=\s+[\"“'‘(\[]?[A-ZÁÉÍÓÚÑ])")
    units = _alternation(cues.reference_units)
    reference = re.compile(
        rf"\b(?:{units})\s*\d+[A-Za-z]?(?:\s*\(\s*[\w.]+\s*\))*"
        rf"|\b(?:{units})\s*\(\s*[\w.]+\s*\)(?:\s*\(\s*[\w.]+\s*\))*",
        re.IGNORECASE,
    )
    return CompiledCues(
        negation=_words(cues.negations),
        negator=_words(cues.negators),
        modal=_words(cues.modals),
        prohibition=_words(cues.prohibitions),
        penalty=_words(cues.penalties),
        exception=_words(cues.exceptions),
        override=_words(cues.overrides),
        definition=re.compile(
            _QUOTED_TERM_DEF.format(defs=_alternation(cues.definitions)), re.IGNORECASE
        ),
        sentence_end=sentence_end,
        reference=reference,
        abbreviations=frozenset(a.lower().rstrip(".") for a in cues.abbreviations),
    )


def sentence_bounds(text: str, cues: CompiledCues) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (offsets within it)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in cues.sentence_end.finditer(text):
        word = _LAST_WORD.search(text, max(0, m.start() - 12), m.start())
        if word and (len(word.group(0)) == 1 or word.group(0).lower() in cues.abbreviations):
            continue  # "s. 5", "No. 2", "(a). "
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def clause_of(sentence: str, offset: int) -> tuple[int, int]:
    """Span of the clause (between semicolons / colons / em dashes) containing ``offset``."""
    start = 0
    for m in re.finditer(r"[;:—]|\s-{1,2}\s", sentence):
        if m.end() <= offset:
            start = m.end()
        elif m.start() >= offset:
            return start, m.start()
    return start, len(sentence)


def lead_in_of(sentence: str, clause_start: int) -> str:
    """For an enumerated clause "(b) whipped", the words before the first enumerator."""
    clause = sentence[clause_start:]
    if clause_start == 0 or not _ENUM_START.match(clause):
        return ""
    first = re.search(r"[—:\-]\s*\(?(?:[a-z]{1,3}|\d{1,3}|[ivxl]{1,5})\)", sentence)
    return sentence[: first.start()] if first and first.start() < clause_start else ""


@dataclass(frozen=True)
class Polarity:
    """What a clause says about a hit, and where its exceptions start (offsets in sentence)."""

    value: str  # "affirmed", "negated", "penalised", "defined"
    exceptions: tuple[tuple[int, int, str], ...]  # (start, end, cue) within the sentence


def polarity(
    sentence: str,
    hit_start: int,
    hit_end: int,
    cues: CompiledCues,
    *,
    lead_in: str = "",
    in_definition: bool = False,
) -> Polarity:
    """Polarity of the hit at ``sentence[hit_start:hit_end]``."""
    c_start, c_end = clause_of(sentence, hit_start)
    clause = sentence[c_start:c_end]
    local_in = lead_in_of(sentence, c_start)
    h0, h1 = hit_start - c_start, hit_end - c_start

    exceptions: list[tuple[int, int, str]] = []
    for m in cues.exception.finditer(sentence):
        # An exception qualifies the rest of its clause (and any list that follows it).
        _, e_end = clause_of(sentence, m.start())
        exceptions.append((m.start(), max(e_end, m.end()), m.group(0).lower()))
    # Negation cues after an exception that follows the hit belong to the exception.
    limit = len(clause)
    for m in cues.exception.finditer(clause):
        if m.start() >= h1:
            limit = m.start()
            break
    scope = clause[:limit]

    def overlaps(m: re.Match[str]) -> bool:
        return m.start() < h1 and m.end() > h0

    if in_definition or _defines_hit(clause, h0, h1, cues):
        # "corporal punishment" means ... : the hit is defined, not ruled on.
        return Polarity("defined", tuple(exceptions))
    penalties = [
        m for m in cues.penalty.finditer(sentence) if not overlaps_abs(m, hit_start, hit_end)
    ]
    if penalties:
        return Polarity("penalised", tuple(exceptions))
    negated = any(not overlaps(m) for m in cues.negation.finditer(scope))
    if not negated:
        for m in cues.negator.finditer(scope):
            if m.start() <= h0 and cues.modal.search(scope, m.end()):
                negated = True
                break
    if not negated and cues.prohibition.search(sentence):
        negated = True
    if not negated:
        for extra in (local_in, lead_in):
            if extra and (
                cues.negation.search(extra)
                or (
                    (n := cues.negator.search(extra)) is not None
                    and cues.modal.search(extra, n.end())
                )
                or cues.prohibition.search(extra)
            ):
                negated = True
                break
            if extra and cues.penalty.search(extra):
                return Polarity("penalised", tuple(exceptions))
    return Polarity("negated" if negated else "affirmed", tuple(exceptions))


def overlaps_abs(m: re.Match[str], start: int, end: int) -> bool:
    return m.start() < end and m.end() > start


def _defines_hit(clause: str, h0: int, h1: int, cues: CompiledCues) -> bool:
    """True when the hit is the quoted term being defined or inside its definition."""
    return any(m.start() <= h1 for m in cues.definition.finditer(clause))
