"""Document title and language when the reader could not supply them."""

from __future__ import annotations

import re

_ES_WORDS = re.compile(r"\b(?:art[íi]culo|el|la|los|las|del|que|por|para)\b", re.IGNORECASE)
_EN_WORDS = re.compile(r"\b(?:section|the|of|and|shall|to|any|by)\b", re.IGNORECASE)
_SKIP = re.compile(r"^(?:---|[A-Za-z_]+:\s|\[|\(|§|\d)")


def detect_language(text: str) -> str:
    """A crude guess between Spanish and English from function-word frequency."""
    sample = text[:200_000]
    es = len(_ES_WORDS.findall(sample))
    en = len(_EN_WORDS.findall(sample))
    return "es" if es > en else "en"


def derive_title(text: str, limit: int | None = None) -> str | None:
    """The first heading-like line before ``limit`` (where the first provision starts)."""
    in_front = False
    head = text[: min(20_000, limit if limit is not None else len(text))]
    for raw in head.split("\n"):
        line = raw.strip()
        if line == "---" and not in_front:
            in_front = True
            continue
        if in_front:
            if line == "---":
                in_front = False
            continue
        if not line:
            continue
        line = line.lstrip("#").strip().strip("*").strip()
        if not line or _SKIP.match(line) or len(line) > 200:
            continue
        return line
    return None
