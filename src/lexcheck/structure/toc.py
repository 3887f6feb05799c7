"""Stage 1c: skip a table of contents ("ARRANGEMENT OF SECTIONS") printed before the Act.

Commonwealth gazettes and many codes open with a list of every Part, section and schedule.
Read as structure it would give each section twice, and its "SCHEDULE" line would swallow the
whole Act. The list runs from its title to the point where its first entry is printed again
as the real provision; those lines are marked as skipped. With no second appearance the block
is left alone (the word "Contents" was something else).
"""

from __future__ import annotations

import re

from lexcheck.structure.headings import find_container, find_schedule
from lexcheck.structure.lines import Line
from lexcheck.structure.sections import FAMILIES, _match

_TITLE = re.compile(
    r"^(?:ARRANGEMENT\s+OF\s+(?:SECTIONS|CLAUSES|ARTICLES|REGULATIONS|RULES|PARAGRAPHS)"
    r"|TABLE\s+OF\s+CONTENTS|CONTENTS|[ÍI]NDICE(?:\s+GENERAL)?|SUMARIO|TABLE\s+DES\s+MATI[ÈE]RES)"
    r"\s*[.:]?$",
    re.IGNORECASE,
)
_SCAN = 3000  # a table of contents is printed near the top; look no further for its title


def _entry(line: Line) -> str | None:
    """The section number a line names, in any numbering family."""
    for family in FAMILIES:
        cand = _match(line, family)
        if cand is not None:
            return f"{family}:{cand.number}"
    return None


def _has_body(lines: list[Line], j: int) -> bool:
    """True when the line after ``lines[j]`` is provision text, not another list entry."""
    for k in range(j + 1, min(len(lines), j + 6)):
        if lines[k].blank or lines[k].skip:
            continue
        return not _is_entry(lines[k])
    return False


def _act_start(lines: list[Line], top: int, j: int) -> int:
    """The first line of the Act proper: the Part or Chapter headings printed right above the
    first section's second appearance belong to the Act, not to the contents list."""
    start = j
    k = j - 1
    while k > top:
        line = lines[k]
        if line.blank or line.skip:
            k -= 1
            continue
        if find_container(line) is not None:
            start = k
            k -= 1
            continue
        # a title printed under its "PART I" line
        above = k - 1
        while above > top and lines[above].blank:
            above -= 1
        if above > top and find_container(lines[above]) is not None and line.content.isupper():
            k = above
            continue
        break
    return start


def _is_entry(line: Line) -> bool:
    """A line a contents list is made of: a short numbered heading, Part or schedule."""
    if len(line.content) > 120:
        return False
    if find_container(line) is not None or find_schedule(line) is not None:
        return True
    return _entry(line) is not None


def _untitled_list(lines: list[Line]) -> int | None:
    """Where an untitled contents list starts: three or more entries in a row, before any
    provision text, near the top. None when the document opens with real provisions."""
    first = None
    count = 0
    for i, line in enumerate(lines[:_SCAN]):
        if line.skip or line.blank:
            continue
        if _is_entry(line):
            first = i if first is None else first
            count += 1
            continue
        if first is not None:
            return first if count >= 3 else None
    return None


def skip_contents(lines: list[Line]) -> None:
    """Mark the lines of a leading table of contents as skipped (in place)."""
    untitled = _untitled_list(lines)
    for i, line in enumerate(lines[:_SCAN]):
        if line.skip or not line.content:
            continue
        if not (_TITLE.match(line.content) or i == untitled):
            continue
        first: str | None = None
        for j in range(i if i == untitled else i + 1, len(lines)):
            if lines[j].skip or lines[j].blank:
                continue
            entry = _entry(lines[j])
            if entry is None:
                continue
            if first is None:
                first = entry
            elif entry == first:
                if i == untitled and not _has_body(lines, j):
                    return  # the "second" entry is itself a list line: not a contents list
                for k in range(i, _act_start(lines, i, j)):
                    lines[k].skip = True
                return
        return
