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
    exception_lookalike: re.Pattern[str]
    override: re.Pattern[str]
    saving: re.Pattern[str]
    saving_after: frozenset[str]
    saving_words: int
    definition: re.Pattern[str]
    sentence_end: re.Pattern[str]
    reference: re.Pattern[str]
    abbreviations: frozenset[str]
    # The exception cues in lower case, single-spaced: a sentence that contains none of them
    # (most sentences) skips the exception regexes.
    exception_phrases: tuple[str, ...] = ()


def _alternation(words: list[str]) -> str:
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) or r"(?!x)x"


def _words(words: list[str]) -> re.Pattern[str]:
    # The lookahead on the words' first letters lets the regex engine skip most positions
    # at once (a third faster on statute text); it changes nothing that matches.
    firsts = "".join(sorted({re.escape(w[0].lower()) for w in words if w}))
    lead = f"(?=[{firsts}])" if firsts else ""
    return re.compile(rf"(?<![\w]){lead}{'(?:' + _alternation(words) + ')'}(?![\w])", re.IGNORECASE)


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
        exception_lookalike=_words(cues.exception_lookalikes),
        override=_words(cues.overrides),
        saving=_words(cues.savings.verbs if cues.savings else []),
        saving_after=frozenset(
            " ".join(w.lower().split()) for w in (cues.savings.after if cues.savings else [])
        ),
        saving_words=cues.savings.within_words if cues.savings else 0,
        definition=re.compile(
            _QUOTED_TERM_DEF.format(defs=_alternation(cues.definitions)), re.IGNORECASE
        ),
        sentence_end=sentence_end,
        reference=reference,
        abbreviations=frozenset(a.lower().rstrip(".") for a in cues.abbreviations),
        exception_phrases=tuple(sorted({" ".join(w.lower().split()) for w in cues.exceptions})),
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


_CLAUSE_BREAK = re.compile(r"[;:—]|\s-{1,3}\s")


def clause_of(sentence: str, offset: int) -> tuple[int, int]:
    """Span of the clause (between semicolons / colons / em dashes) containing ``offset``."""
    start = 0
    for m in _CLAUSE_BREAK.finditer(sentence):
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


@dataclass(frozen=True)
class SentenceInfo:
    """What polarity needs from a sentence, computed once however many hits it carries."""

    clauses: tuple[tuple[int, int], ...]
    exceptions: tuple[tuple[int, int, str], ...]

    def clause(self, offset: int) -> tuple[int, int]:
        for a, b in self.clauses:
            if a <= offset < b:
                return a, b
        return self.clauses[-1]


def analyse(sentence: str, cues: CompiledCues) -> SentenceInfo:
    """Clause spans and exception spans of a sentence."""
    clauses: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        clauses.append((start, m.start()))
        start = m.end()
    clauses.append((start, len(sentence)))
    info = SentenceInfo(tuple(clauses), ())
    lowered = " ".join(sentence.lower().split())
    if not any(p in lowered for p in cues.exception_phrases if p):
        return info
    exceptions = []
    lookalikes: list[tuple[int, int]] | None = None  # looked for only once an exception cue is
    for m in cues.exception.finditer(sentence):
        if lookalikes is None:
            lookalikes = [m.span() for m in cues.exception_lookalike.finditer(sentence)]
        if any(a <= m.start() < b for a, b in lookalikes):
            continue
        # An exception qualifies the rest of its clause (and any list that follows it) ...
        _, e_end = info.clause(m.start())
        end = max(e_end, m.end())
        # ... unless it is parenthetical, before the clause's main verb ("the use of X for any
        # reason other than Y, is prohibited"): then it ends at the comma before that verb.
        for comma in _COMMA.finditer(sentence, m.end(), e_end):
            if _starts_with_verb(sentence, comma.end(), e_end, cues):
                end = comma.start()
                break
        exceptions.append((m.start(), end, m.group(0).lower()))
    return SentenceInfo(tuple(clauses), tuple(exceptions))


_COMMA = re.compile(r",")


_SPACES = re.compile(r"\s*")


def _starts_with_verb(text: str, start: int, end: int, cues: CompiledCues) -> bool:
    """Does ``text[start:end]`` open with a modal, negation, prohibition or penalty ("is
    prohibited")? Read in place: slicing at every comma of a long clause is quadratic."""
    at = _SPACES.match(text, start, end)
    pos = at.end() if at else start
    return any(
        p.match(text, pos, end) for p in (cues.modal, cues.negation, cues.prohibition, cues.penalty)
    )


_WORD_RUN = re.compile(r"\w+")


def negations(text: str, cues: CompiledCues) -> list[re.Match[str]]:
    """The negation cues of ``text``, less saving clauses: "nothing in this section prevents
    a parent from ..." and "shall not affect the power to ..." keep what they mention
    lawful, they do not forbid it (``savings`` in the language's cues)."""
    out = []
    for m in cues.negation.finditer(text):
        if " ".join(m.group(0).lower().split()) in cues.saving_after:
            verb = cues.saving.search(text, m.end())
            if verb and len(_WORD_RUN.findall(text, m.end(), verb.start())) <= cues.saving_words:
                continue
        out.append(m)
    return out


def _negates(text: str, cues: CompiledCues, before: int | None = None) -> bool:
    """Does ``text`` carry a negation ("shall not", "no ... shall", "prohibited")?"""
    if negations(text, cues) or cues.prohibition.search(text):
        return True
    for m in cues.negator.finditer(text):
        if before is not None and m.start() > before:
            break
        if cues.modal.search(text, m.end()):
            return True
    return False


def polarity(
    sentence: str,
    hit_start: int,
    hit_end: int,
    cues: CompiledCues,
    *,
    info: SentenceInfo | None = None,
    lead_in: str = "",
    in_definition: bool = False,
    memo: dict[str, ScopeCues] | None = None,
) -> Polarity:
    """Polarity of the hit at ``sentence[hit_start:hit_end]``.

    ``memo`` keeps the cue scan of each clause scope, shared by every hit in that clause.
    """
    info = info or analyse(sentence, cues)
    c_start, c_end = info.clause(hit_start)
    clause = sentence[c_start:c_end]
    local_in = lead_in_of(sentence, c_start)
    h0, h1 = hit_start - c_start, hit_end - c_start
    exceptions = info.exceptions

    if in_definition or _defines_hit(clause, h0, h1, cues):
        # "corporal punishment" means ... : the hit is defined, not ruled on.
        return Polarity("defined", exceptions)
    # Cues after an exception that follows the hit belong to the exception, except the
    # main verb after a parenthetical exception ("X, other than Y, is prohibited").
    limit = len(clause)
    tail = ""
    for e0, e1, _ in exceptions:
        if e0 - c_start >= h1 and e0 < c_end:
            limit = e0 - c_start
            if e1 < c_end:
                after = clause[e1 - c_start :]
                nxt = cues.exception.search(after)
                tail = " " + (after[: nxt.start()] if nxt else after)
            break
    scope = clause[:limit] + tail
    found = memo.get(scope) if memo is not None else None
    if found is None:
        found = scan_scope(scope, cues)
        if memo is not None:
            memo[scope] = found
    penalised = any(not (s < h1 and e > h0) for s, e in found.penalties)
    negated = any(not (s < h1 and e > h0) for s, e in found.negations) or found.prohibited
    if not negated:
        for start, modal_after in found.negators:
            if start > h0:
                break
            if modal_after:
                negated = True
                break
    if penalised and not negated:
        # "whoever ... shall be liable": the conduct is an offence. (A negated clause such as
        # "no child shall be liable to the death penalty" stays negated.)
        return Polarity("penalised", exceptions)
    if not negated:
        for extra in (local_in, lead_in):
            if not extra:
                continue
            if cues.penalty.search(extra):
                return Polarity("penalised", exceptions)
            if _negates(extra, cues):
                negated = True
                break
    return Polarity("negated" if negated else "affirmed", exceptions)


@dataclass(frozen=True)
class ScopeCues:
    """Where the polarity cues sit in a clause scope (independent of the hit)."""

    penalties: tuple[tuple[int, int], ...]
    negations: tuple[tuple[int, int], ...]
    prohibited: bool
    negators: tuple[tuple[int, bool], ...]  # (start, a modal follows it)


def scan_scope(scope: str, cues: CompiledCues) -> ScopeCues:
    return ScopeCues(
        tuple((m.start(), m.end()) for m in cues.penalty.finditer(scope)),
        tuple((m.start(), m.end()) for m in negations(scope, cues)),
        bool(cues.prohibition.search(scope)),
        tuple(
            (m.start(), bool(cues.modal.search(scope, m.end())))
            for m in cues.negator.finditer(scope)
        ),
    )


def overlaps_abs(m: re.Match[str], start: int, end: int) -> bool:
    return m.start() < end and m.end() > start


def _defines_hit(clause: str, h0: int, h1: int, cues: CompiledCues) -> bool:
    """True when the hit is the quoted term being defined or inside its definition."""
    return any(m.start() <= h1 for m in cues.definition.finditer(clause))
