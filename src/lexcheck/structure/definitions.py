"""Stage: recognise definitions (``"child" means …``) and capture the terms they define."""

from __future__ import annotations

import re

_OPEN = "\"“”'‘«"
_CLOSE = "\"”“'’»"
# "child" means / “child” includes / "court", in relation to …, includes / "x" has the meaning
_VERBS = (
    r"(?:means|mean|includes|include|shall\s+mean|shall\s+include|shall\s+have|has\s+the\s+"
    r"(?:same\s+)?meaning|have\s+the\s+(?:same\s+)?meanings?|refers\s+to|is|are|shall\s+be\s+construed"
    r"|used\s+in\s+relation\s+to|in\s+relation\s+to|with\s+reference\s+to|when\s+used|"
    r"significa|comprende|incluye)"
)
_TERM = re.compile(
    r"(?:(?:the|a|an)\s+(?:terms?|expressions?|words?)\s+)?"
    r"[" + _OPEN + r"]\*?(?P<term>[^" + _OPEN + _CLOSE + r"\n*]{1,80})\*?[" + _CLOSE + r"]"
    r"(?P<more>(?:\s*(?:,|or|and)\s*["
    + _OPEN
    + r"][^"
    + _OPEN
    + _CLOSE
    + r"\n]{1,80}["
    + _CLOSE
    + r"])*)"
    r"\s*(?:\([^)]{0,80}\)\s*)?,?\s*" + _VERBS + r"\b"
)
_MORE_TERMS = re.compile(
    r"[" + _OPEN + r"](?P<term>[^" + _OPEN + _CLOSE + r"\n]{1,80})[" + _CLOSE + r"]"
)
_SPANISH = re.compile(
    r"\b[Ss]e\s+entender[áa]\s+por\s+|\b[Ss]e\s+entiende\s+por\s+|\b[Ss]e\s+considera\s+"
)
_SPANISH_TERM = re.compile(
    r"(?P<term>[^,:;.]{2,80}?)(?=\s*[,:;]|\s+(?:toda|todo|cualquier|aquel|aquella|aquellos"
    r"|aquellas|el\s+conjunto)\b)"
)


def term_at(text: str, pos: int) -> list[str] | None:
    """The term(s) defined by a definition starting at ``text[pos]``, or None.

    Accepts the usual drafting forms: ``"child" means``, ``“court”, in relation to …,
    includes``, ``"parent" or "guardian" means``, ``the term “State” includes``.
    """
    m = _TERM.match(text, pos)
    if not m:
        return None
    terms = [m.group("term").strip()]
    more = m.group("more")
    if more:
        terms.extend(t.group("term").strip() for t in _MORE_TERMS.finditer(more))
    return [t for t in terms if t]


def spanish_term(text: str) -> str | None:
    """The term of a Spanish definition (``se entiende por privación de la libertad toda …``)."""
    m = _SPANISH.search(text)
    if not m:
        return None
    t = _SPANISH_TERM.match(text, m.end())
    if not t:
        return None
    term = t.group("term").strip()
    return term if 0 < len(term.split()) <= 8 else None
