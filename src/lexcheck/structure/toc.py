"""Stage 1c: skip a table of contents ("ARRANGEMENT OF SECTIONS") printed before the Act.

Commonwealth gazettes and many codes open with a list of every Part, section and schedule.
Read as structure it would give each section twice, and its "SCHEDULE" line would swallow the
whole Act. The list runs from its title to the point where its first entry is printed again
as the real provision; those lines are marked as skipped. With no second appearance the block
is left alone (the word "Contents" was something else).
"""

from __future__ import annotations

import re

from lexcheck.structure.headings import find_container
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


def skip_contents(lines: list[Line]) -> None:
    """Mark the lines of a leading table of contents as skipped (in place)."""
    for i, line in enumerate(lines[:_SCAN]):
        if line.skip or not line.content or not _TITLE.match(line.content):
            continue
        first: str | None = None
        for j in range(i + 1, len(lines)):
            if lines[j].skip or lines[j].blank:
                continue
            entry = _entry(lines[j])
            if entry is None:
                continue
            if first is None:
                first = entry
            elif entry == first:
                for k in range(i, _act_start(lines, i, j)):
                    lines[k].skip = True
                return
        return
