"""What every reader returns (``Extracted``) and the shared title and language heuristics."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lexcheck.models import Provision, SourceFormat


@dataclass
class Extracted:
    """A reader's result before normalisation.

    ``raw`` is the decoded text (txt/md) or the text the reader extracted, one paragraph or
    extracted line per line (docx/pdf/html/akn); ``SourceText.offsets`` map back into it.
    """

    format: SourceFormat
    raw: str
    title: str | None = None
    language: str | None = None
    start: int = 0  # characters of ``raw`` dropped before the text (e.g. YAML front matter)
    join_hyphens: bool = False
    provisions: list[Provision] | None = None
    normalised: bool = False  # the reader already produced normalised text (no map needed)


# Short, frequent function words; counted as whole words in the first part of the text.
_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the of and to in a is that for be by or any shall with as on an which this are "
        "such it person not from under may",
        "es": "el la de que y en los las del se por un una con para al su lo como más sus o "
        "será podrá cuando",
        "fr": "le la les de des du et en un une est que qui dans pour par au aux sur ou ne pas "
        "sont être peut",
    }.items()
}
_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str, *, sample: int = 50_000) -> str | None:
    """``en``, ``es`` or ``fr`` by stopword counts, or None when the evidence is thin."""
    counts: Counter[str] = Counter()
    for m in _WORD.finditer(text[:sample].lower()):
        w = m.group()
        for lang, words in _STOPWORDS.items():
            if w in words:
                counts[lang] += 1
    if not counts:
        return None
    (best, n), *rest = counts.most_common()
    runner_up = rest[0][1] if rest else 0
    # Shared words ("de", "la", "en", "a") make short texts ambiguous: ask for a clear lead.
    if n < 3 or n < runner_up * 1.2:
        return None
    return best


_MD_MARK = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s*)|\s+#+\s*$")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(.+?)\1")


def clean_title(s: str | None, *, limit: int = 200) -> str | None:
    """Collapse whitespace, strip Markdown marks and quotes; None if nothing is left."""
    if s is None:
        return None
    s = " ".join(s.split())
    s = _MD_MARK.sub("", s)
    s = _EMPHASIS.sub(r"\2", s).strip().strip("\"'").strip()
    if not s:
        return None
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def first_line_title(text: str) -> str | None:
    """The first substantive line: at least three letters, not a bracketed editorial note."""
    for line in text[:20_000].split("\n")[:200]:
        t = line.strip()
        if not t or t.startswith(("[", "<!--", "---", "|")):
            continue
        if sum(c.isalpha() for c in t) < 3:
            continue
        return clean_title(t)
    return None
