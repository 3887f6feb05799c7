"""Stage 1: split the normalised text into lines and classify their layout (markdown, quotes)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FRONT_KEY = re.compile(r"^[A-Za-z_][\w-]*:(\s|$)")
_MD_HEADING = re.compile(r"#{1,6}(?=\s|$)")


@dataclass(slots=True)
class Line:
    """One source line: its offsets and its content with layout markup stripped."""

    index: int
    start: int  # offset of the first character of the line
    end: int  # offset just past the last character (newline excluded)
    cstart: int  # offset where the content begins, after indentation and markdown markers
    content: str  # text[cstart:end], right-stripped
    md_level: int = 0  # number of '#' of a markdown heading, else 0
    quoted: bool = False  # a markdown blockquote (text quoted from another Act)
    bullet: bool = False  # a markdown list item ("- (1) …")
    skip: bool = False  # front matter and other non-statute matter
    blank: bool = False  # no content (set from ``content``; a field, read very often)

    def __post_init__(self) -> None:
        self.blank = not self.content


def split_lines(text: str) -> list[Line]:
    """Return the document's lines with markdown markers and YAML front matter recognised."""
    lines: list[Line] = []
    offset = 0
    for index, raw in enumerate(text.split("\n")):
        start = offset
        end = start + len(raw)
        offset = end + 1
        lines.append(_classify(index, raw, start, end))
    _mark_front_matter(lines)
    return lines


def _classify(index: int, raw: str, start: int, end: int) -> Line:
    pos = 0
    n = len(raw)
    while pos < n and raw[pos] in " \t\u00a0\ufeff":
        pos += 1
    md_level = 0
    quoted = False
    bullet = False
    if pos < n:
        ch = raw[pos]
        if ch == "#":
            m = _MD_HEADING.match(raw, pos)
            if m:
                md_level = m.end() - m.start()
                pos = m.end()
        elif ch == ">":
            quoted = True
            while pos < n and raw[pos] in "> \t":
                pos += 1
        elif ch in "-*+" and pos + 1 < n and raw[pos + 1] == " ":
            bullet = True
            pos += 2
        while pos < n and raw[pos] in " \t":
            pos += 1
        # bold/italic wrappers around a heading: **Section 7.**
        while raw.startswith("**", pos) or raw.startswith("__", pos):
            pos += 2
    content = raw[pos:].rstrip(" \t\r\u00a0")
    if md_level or content.endswith("**"):
        content = content.rstrip("*# ")
    return Line(index, start, end, start + pos, content, md_level, quoted, bullet)


def _mark_front_matter(lines: list[Line]) -> None:
    """Mark YAML front-matter blocks (``---`` / ``key: value`` … / ``---``) as skipped."""
    i = 0
    total = len(lines)
    while i < total:
        line = lines[i]
        if line.content == "---" and i + 1 < total and _FRONT_KEY.match(lines[i + 1].content):
            j = i + 1
            limit = min(total, i + 400)
            while j < limit and lines[j].content != "---":
                j += 1
            if j < limit:
                for k in range(i, j + 1):
                    lines[k].skip = True
                i = j + 1
                continue
        i += 1


def line_index(lines: list[Line], offset: int) -> int:
    """Index of the line holding ``offset`` (the last line starting at or before it)."""
    lo, hi = 0, len(lines) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lines[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo
