"""Fuzzy search over requirements and provisions (rapidfuzz), ranked with deterministic ties."""

from __future__ import annotations

from dataclasses import dataclass

from lexcheck.standards.loader import Standards


@dataclass(frozen=True)
class Hit:
    """One search result: what it is, how well it matched, and a one-line label."""

    score: float
    id: str
    kind: str  # "requirement" or "provision"
    label: str


def _label(text: str, width: int = 90) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= width else one_line[: width - 1] + "…"


def _found(query: list[str], tokens: set[str]) -> float:
    """Share of query words present in ``tokens``, allowing small misspellings."""
    from rapidfuzz import fuzz, process

    if not query or not tokens:
        return 0.0
    choices = sorted(tokens)
    hits = sum(
        1 for word in query if process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=85)
    )
    return hits / len(query)


def search_standards(std: Standards, query: str, *, limit: int = 10) -> list[Hit]:
    """Rank requirements (title, topics, statement) and provisions (citation, heading, text).

    Score out of 100: 80 for the share of query words found anywhere (fuzzy, so "detension"
    finds "detention"), 15 for the share found in a title, heading or citation, and 5 for how
    concentrated the words are (short texts that match beat long ones). Ties are broken by kind
    (requirements first), then id, so the order never varies.
    """
    from rapidfuzz.utils import default_process

    words = [w for w in default_process(query).split() if w not in _STOP]
    if not words:
        return []
    hits: list[Hit] = []

    def score(title: str, body: str) -> float:
        title_tokens = set(default_process(title).split())
        body_tokens = set(default_process(body).split()) | title_tokens
        found = _found(words, body_tokens)
        if found == 0:
            return 0.0
        density = min(1.0, 10 * len(words) / max(len(body_tokens), 1))
        return round(80 * found + 15 * _found(words, title_tokens) + 5 * density, 1)

    for req in std.requirements.values():
        title = req.title + " " + " ".join(req.topics)
        hits.append(Hit(score(title, req.statement), req.id, "requirement", _label(req.title)))
    for prov in std.provisions.values():
        text = prov.text or prov.summary or ""
        title = f"{prov.citation} {prov.heading or ''}"
        label = _label(f"{prov.citation}: {text}")
        hits.append(Hit(score(title, text), prov.id, "provision", label))
    order = {"requirement": 0, "provision": 1}
    hits = [h for h in hits if h.score > 0]
    hits.sort(key=lambda h: (-h.score, order[h.kind], h.id))
    return hits[:limit]


_STOP = frozenset({"a", "an", "and", "the", "of", "or", "to", "in", "for", "on", "by", "with"})
