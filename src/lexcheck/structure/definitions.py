"""Stage: recognise definitions (``"child" means …``) and capture the terms they define.

Two places: a definition that opens a line or a list item (``"child" means …``,
``(12) "child" means …``), and one inside running text (``the term “State” includes …``,
``a “juvenile” is a person …``, ``Se entiende por privación de la libertad …``).
"""

from __future__ import annotations

import re

_VERBS = (
    r"(?:means|mean|includes|include|shall\s+mean|shall\s+include|shall\s+have|has\s+the\s+"
    r"(?:same\s+)?meanings?|have\s+the\s+(?:same\s+)?meanings?|refers\s+to|shall\s+be\s+construed"
    r"|used\s+in\s+relation\s+to|in\s+relation\s+to|with\s+reference\s+to|when\s+used"
    # "is"/"are" define only when a noun phrase follows: 'the “2011 Act” is amended' does not
    r"|(?:is|are)(?=\s+(?:a|an|the|any|every)\s)"
    r"|significa|comprende|incluye)"
)
_QUOTED = (
    # ''adult'' and ‘‘adult’’: doubled single quotes in text extracted from some gazettes
    r"(?:(?:''|‘‘)(?P<term4>[^'’‘\n]{1,80})(?:''|’’)"
    r"|[\"“”]\*?(?P<term>[^\"“”\n*]{1,80})\*?[\"”“]"
    r"|['‘]\*?(?P<term2>[^'’‘\n*]{1,80})\*?['’]"
    r"|«\s?(?P<term3>[^»\n]{1,80})\s?»)"
)
_MORE = r"[\"“”«'‘][^\"“”«»'’\n]{1,80}[\"”“»'’]"
_PREFIX = r"(?:(?:the|a|an)\s+(?:terms?|expressions?|words?)\s+|(?:an?|the)\s+)"
_BODY = (
    _QUOTED + r"(?P<more>(?:\s*(?:,|or|and)\s*" + _MORE + r")*)"
    # a qualifier may sit between the term and the verb: "x" for inter-country adoption means
    r"(?:\s*,)?(?:\s+[a-z][\w-]*){0,6}?"
    r"\s*(?:\([^)]{0,80}\)\s*)?,?\s*" + _VERBS + r"\b"
)
_TERM = re.compile(_PREFIX + "?" + _BODY)
_TERM_BODY = re.compile(_BODY)
# "In this Act "child" means …" (no comma after the opening words)
_IN_THIS_ACT = re.compile(r"\b[Ii]n\s+this\s+[A-Z]?[a-z]+\s*$")
_QUOTE_CHAR = re.compile(r"[\"“”«'‘]")
_PREFIX_BEFORE = re.compile(_PREFIX + r"$")
# inside running text a definition starts a sentence or a clause
_BOUNDARY_BEFORE = re.compile(r"(?:[.;:—–]\s+|,\s+|\band\s+|\bor\s+|\n\s*)$")
_MORE_TERMS = re.compile(r"[\"“”«'‘](?P<term>[^\"“”«»'’\n]{1,80})[\"”“»'’]")
_SPANISH_CORE = (
    r"(?:(?:Para|Para\s+todos)\s+(?:los\s+)?efectos[^.;:]{0,120}?,\s*)?"
    r"[Ss]e\s+(?:entiende|entender[áa]|considera|considerar[áa])\s+(?:como\s+)?por\s+"
)
_SPANISH = re.compile(_SPANISH_CORE)
_SPANISH_CUE = re.compile(r"[Ss]e\s+(?:entiende|entender|considera)")
_SENTENCE_START = re.compile(r"(?:[.;:]\s+|\n\s*)(?=\S)")
_SPANISH_TERM = re.compile(
    r"(?P<term>[^,:;.]{2,80}?)(?=\s*[,:;]|\s+(?:a\s+|al\s+)?(?:toda|todo|cualquier|aquel|aquella"
    r"|aquellos|aquellas|el\s+conjunto|la\s+que|el\s+que)\b)"
)
_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z“\"(¿¡ÁÉÍÓÚÑ])|\n\s*\n")


def term_at(text: str, pos: int) -> list[str] | None:
    """The term(s) defined by a definition starting at ``text[pos]``, or None.

    Accepts the usual drafting forms: ``"child" means``, ``“court”, in relation to …,
    includes``, ``"parent" or "guardian" means``, ``the term “State” includes``.
    """
    m = _TERM.match(text, pos)
    if not m:
        return None
    return _terms(m)


# Federal Canadian and some other styles print the defined term without quotes (bold or
# italic in the original, lost in plain text): "young person means a person who ...".
# Only at the start of a paragraph, two to six words at most, never a pronoun or article.
_UNQUOTED = re.compile(
    r"(?P<term>(?!(?:a|an|the|this|that|these|those|such|any|every|each|no|it|he|she|they|"
    r"there|where|when|if|nothing|which|who)\b)[A-Za-z][\w’'-]*(?:[ \t][a-z][\w’'-]*){0,4})"
    r"[ \t](?:means|includes)\s",
    re.IGNORECASE,
)


def unquoted_term_at(text: str, pos: int) -> list[str] | None:
    """The term of an unquoted definition opening a paragraph at ``text[pos]``, or None."""
    m = _UNQUOTED.match(text, pos)
    return [m.group("term")] if m else None


def _terms(m: re.Match[str]) -> list[str]:
    found = m.group("term") or m.group("term2") or m.group("term3") or m.group("term4")
    terms = [(found or "").strip()]
    more = m.group("more")
    if more:
        terms.extend(t.group("term").strip() for t in _MORE_TERMS.finditer(more))
    return [t for t in terms if t]


def spanish_term(text: str, pos: int = 0) -> str | None:
    """The term of a Spanish definition (``se entiende por privación de la libertad toda …``)."""
    t = _SPANISH_TERM.match(text, pos)
    if not t:
        return None
    term = t.group("term").strip()
    return term if 0 < len(term.split()) <= 8 else None


def find_inline(text: str, start: int, end: int) -> list[tuple[int, int, list[str]]]:
    """Definitions inside running text in ``text[start:end]``: (start, end, terms), in order.

    Each runs to the end of its sentence or to the next definition, whichever comes first.
    Quote characters anchor the search, so text without quotes costs one scan.
    """
    found: dict[int, list[str]] = {}
    for q in _QUOTE_CHAR.finditer(text, start, end):
        pos = q.start()
        if text[pos] == "'" and pos > 0 and text[pos - 1].isalpha():
            continue  # an apostrophe, not a quotation mark
        m = _TERM_BODY.match(text, pos, end)
        if not m:
            continue
        lo = max(start, pos - 24)
        prefix = _PREFIX_BEFORE.search(text, lo, pos)
        begin = prefix.start() if prefix else pos
        if (
            begin > start
            and not _BOUNDARY_BEFORE.search(text, max(start, begin - 8), begin)
            and not _IN_THIS_ACT.search(text, max(start, begin - 40), begin)
        ):
            continue
        terms = _terms(m)
        if terms:
            found.setdefault(begin, terms)
    for cue in _SPANISH_CUE.finditer(text, start, end):
        # the definition is the sentence that contains "se entiende por"
        begin = start
        for b in _SENTENCE_START.finditer(text, max(start, cue.start() - 200), cue.start()):
            begin = b.end()
        m = _SPANISH.match(text, begin, end)
        if not m:
            continue
        term = spanish_term(text, m.end())
        if term:
            found.setdefault(begin, [term])
    positions = sorted(found)
    out: list[tuple[int, int, list[str]]] = []
    for i, pos in enumerate(positions):
        if out and pos < out[-1][1]:
            continue
        limit = positions[i + 1] if i + 1 < len(positions) else end
        stop = _SENTENCE_END.search(text, pos, limit)
        stop_at = stop.start() if stop else limit
        while stop_at > pos and text[stop_at - 1] in " \t\n,":
            stop_at -= 1
        if stop is None:
            # "and"/"or" that joins two definitions belongs to neither
            for joiner in (" and", " or"):
                if text.endswith(joiner, pos, stop_at):
                    stop_at -= len(joiner)
            while stop_at > pos and text[stop_at - 1] in " \t\n,":
                stop_at -= 1
        out.append((pos, stop_at, found[pos]))
    return out
