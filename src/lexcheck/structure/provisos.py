"""Stage: recognise provisos ("Provided that …") and civil-law parágrafos."""

from __future__ import annotations

import re

PROVISO = re.compile(
    r"Provided(?:\s*,?\s*(?:further|also|however|always|nevertheless|that)\s*,?)*\s+that\b"
    r"|Provided\s*,\s*however\s*,|PROVIDED\s+(?:FURTHER\s+)?THAT\b"
)
PARAGRAFO = re.compile(
    r"(?:PAR[ÁA]GRAFO|Par[áa]grafo)(?:\s+(?P<num>\d+|[IVX]+|primero|segundo|tercero|cuarto|"
    r"quinto|[úu]nico|transitorio)(?:\s?[oº°])?)?\s*[.:\-–—]"
)


def proviso_at(text: str, pos: int) -> bool:
    """True when a proviso begins at ``text[pos]``."""
    return PROVISO.match(text, pos) is not None


def paragrafo_at(text: str, pos: int) -> tuple[bool, str | None]:
    """(found, number) for a parágrafo heading at ``text[pos]``."""
    m = PARAGRAFO.match(text, pos)
    if not m:
        return False, None
    return True, m.group("num")
