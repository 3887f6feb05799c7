"""Property tests: arbitrary text never crashes the parser and the tree is always well formed."""

from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lexcheck import structure
from lexcheck.models import Provision, SourceFormat, SourceText

# Pieces of real drafting, so that random text often looks like a statute.
FRAGMENTS = [
    "1. Short title\n", "2. Interpretation\n", "7.—(1) ", "Section 3. ", "SEC. 4. ", "§ 5031. ",
    "Article 7 – Title\n", "Artículo 139. ", "ARTICLE 2\n", "Art. 5 ", "PART I – Preliminary\n",
    "CHAPTER 2\n", "CAPÍTULO I\n", "Division 1 - General\n", "FIRST SCHEDULE\n", "Schedule 2\n",
    "(1) ", "(2) ", "(a) ", "(b) ", "(i) ", "(ii) ", "(A) ", "a) ", "1. ", "2. ",
    '"child" means a person under 18;\n', "“court” includes a tribunal; ", "Provided that ",
    "Parágrafo 1°. ", "se entiende por niño ", "under section 7(2) ", "subsection (1)(a) or (2) ",
    "article 12 of this Code ", "\n", "\n\n", "—", "; ", ": ", ". ", "##### 7\n", "- (1) ",
    "> (3) quoted\n", "---\ntitle: x\n---\n", "* * * ", "[", "]", "\t", "\r\n",
]  # fmt: skip

text_strategy = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=60
).map("".join)


def source(text: str) -> SourceText:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return SourceText(
        path="prop.txt",
        format=SourceFormat.TXT,
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        text=text,
        line_starts=starts,
    )


def check(nodes: list[Provision], text: str, lo: int, hi: int) -> None:
    prev_end = lo
    for p in nodes:
        assert p.text == text[p.start : p.end]
        assert lo <= p.start <= p.end <= hi
        assert p.start >= prev_end, "siblings overlap or are out of order"
        prev_end = p.end
        check(p.children, text, p.start, p.end)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_arbitrary_text_parses_into_a_well_formed_tree(text: str) -> None:
    doc = structure.build(source(text))
    check(doc.provisions, doc.text, 0, len(doc.text))
    eids = [p.eid for p in doc.walk()]
    assert len(eids) == len(set(eids))
    for p in doc.walk():
        assert p.line == doc.line_at(p.start)
