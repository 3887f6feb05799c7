"""Guess a statute's language (en, es, fr) from its commonest short words, when no one said."""

from __future__ import annotations

import re

_MARKERS: dict[str, frozenset[str]] = {
    "en": frozenset({"the", "of", "and", "shall", "to", "in", "any", "or", "be", "is"}),
    "es": frozenset({"el", "la", "de", "los", "las", "y", "que", "del", "en", "por", "se"}),
    "fr": frozenset({"le", "la", "les", "de", "des", "et", "du", "est", "une", "aux"}),
}


def guess_language(text: str, sample: int = 20000) -> str:
    """The language whose marker words are commonest in the first ``sample`` characters."""
    words = re.findall(r"[a-záéíóúñàâçèêëîïôûù]+", text[:sample].lower())
    scores = {lang: sum(1 for w in words if w in markers) for lang, markers in _MARKERS.items()}
    best = max(sorted(scores), key=lambda lang: scores[lang])
    return best if scores[best] else "en"
