"""The parser's working node, mutable while the stages build the tree."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Node:
    """A provision being built; ``assemble`` turns it into a ``Provision``."""

    kind: str
    number: str | None
    start: int
    end: int = -1
    heading: str | None = None
    # where the node's own text (after its number and heading) begins; stages scan from here
    body_start: int = -1
    # where a preceding heading line begins: the previous node ends before it
    lead_start: int = -1
    # the drafting word: part, chapter, book, title, division, section, article, schedule …
    keyword: str = ""
    # numbering style of a list item: arabic, alpha, roman, upper, upper_roman, dot, close, …
    style: str = ""
    terms: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    label: str = ""
    eid: str = ""
    line: int = 0
    level: int = 0  # rank among containers (smaller = outer), for nesting
