"""Stage: unnumbered sub-parts (cross-headings) that group the sections below them."""

from __future__ import annotations

from lexcheck.structure.headings import find_container, find_schedule
from lexcheck.structure.lines import Line, line_index
from lexcheck.structure.nodes import Node

_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "for",
        "to",
        "in",
        "on",
        "or",
        "with",
        "by",
        "at",
        "from",
        "as",
        "de",
        "la",
        "el",
        "los",
        "las",
        "del",
        "des",
        "et",
        "du",
        "y",
        "en",
    ]
)


def _heading_like(line: Line, title_case: bool = False) -> bool:
    text = line.content
    if line.skip or line.quoted or not text or len(text) > 160:
        return False
    if line.md_level:
        return True
    if text.endswith((".", ";", ":", ",")) or sum(1 for ch in text if ch.isalpha()) < 4:
        return False
    # a plain-text cross-heading is printed in capitals: "PRELIMINARY", "OFFENCES", or, where
    # asked, in title case: "Extrajudicial Measures", "Principles and Objectives"
    return text.isupper() or (title_case and _title_case(text))


def _title_case(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 8
        and words[0][0].isupper()
        and all(w[0].isupper() or w.lower() in _MINOR_WORDS for w in words)
        and all(w.replace("-", "").replace("’", "").replace("'", "").isalpha() for w in words)
    )


def find_crossheadings(
    lines: list[Line], sections: list[Node], body_end: int, containers: list[Node]
) -> list[Node]:
    """Heading lines between sections that are not a section's own heading.

    A cross-heading must be followed, past blank lines and other headings, by a section (or by
    the heading printed above one); headings trailing the last section are not sub-parts.
    """
    if not sections:
        return []
    section_starts = {s.start for s in sections}
    used = {s.lead_start for s in sections}
    # the title printed under "CHAPTER 2" belongs to the chapter
    used.update(
        lines[line_index(lines, c.body_start)].start for c in containers if c.body_start >= 0
    )
    first = min(section_starts)
    by_start = {line.cstart: line for line in lines}
    out: list[Node] = []
    n = len(lines)
    for i, line in enumerate(lines):
        if line.start >= body_end:
            break
        # Title case only after a blank line or a finished sentence: otherwise it may be a
        # wrapped line of text ("... inform the parent / Without Delay / and ...").
        title_case = i > 0 and (
            lines[i - 1].blank or lines[i - 1].content.endswith((".", ";", ":"))
        )
        if (
            line.cstart in section_starts
            or line.start in used
            or not _heading_like(line, title_case)
        ):
            continue
        if find_container(line) or find_schedule(line):
            continue
        if line.start < first and not _after_container(lines, i):
            continue
        j = i + 1
        while j < n and (
            lines[j].blank
            or lines[j].skip
            or (_heading_like(lines[j], True) and lines[j].start not in used)
        ):
            if lines[j].cstart in section_starts:
                break
            j += 1
        if j >= n:
            continue
        nxt = lines[j]
        if nxt.cstart not in section_starts and nxt.start not in used:
            continue
        if by_start.get(line.cstart) is None:
            continue
        out.append(
            Node(
                kind="division",
                number=None,
                start=line.cstart,
                heading=line.content,
                keyword="crossheading",
                body_start=line.end,
                lead_start=line.start,
            )
        )
    return out


def _after_container(lines: list[Line], i: int) -> bool:
    """True when the nearest non-blank line above is a Part/Chapter heading."""
    j = i - 1
    while j >= 0 and (lines[j].blank or lines[j].skip):
        j -= 1
    return j >= 0 and find_container(lines[j]) is not None
