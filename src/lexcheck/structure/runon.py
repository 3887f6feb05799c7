"""Stage 1b: statutes published with no line breaks: give each section a line of its own.

Some sources run a whole Act (or a whole Part) into one line. Sections named by a keyword
("Section 7. Heading", "Article 7 –", "Artículo 7.", "§ 7.") after a sentence break start a
virtual line there; nothing in the text changes, the later stages just see more lines. Bare
numbers ("7. Heading") are not split this way: inside running text they are too often list
items or citations. The sequence stage still demotes any split that breaks the numbering.
"""

from __future__ import annotations

import re

from lexcheck.structure.lines import Line

_LONG = 80  # a line this long that holds several sections is a run-together statute
_RUN_ON = re.compile(
    # after a sentence break, a bracket or quotation mark, or a title ("… ACT", "… DE 2020")
    r"(?:(?<=[.;:]\s)|(?<=[.;:]\s\s)|(?<=\]\s)|(?<=[”\"]\s)|(?<=[A-Z]{2}\s)|(?<=\d\s))"
    r"(?:SECTION|Section|SEC\.|Sec\.|ARTICLE|Article|ART\.|Art\.|ART[ÍI]CULO|Art[íi]culo|§"
    r"|PART|CHAPTER|CAP[ÍI]TULO|T[ÍI]TULO)"
    r"\s*(?:\d{1,5}[A-Za-z]{0,2}|[IVXLC]{1,6})(?:\s?[oº°])?"
    r"(?:\.\s*[-–—]?|\s[-–—])\s*(?=[A-ZÁÉÍÓÚÑ(\[])"
)


def split_run_on(lines: list[Line], text: str) -> list[Line]:
    """Lines, with long run-together lines cut before each keyword-numbered section.

    Called only when no line starts a section, so a statute laid out normally never has its
    cross-references ("… of this Act. Section 14. The Board …") turned into sections.
    """
    if not any(ln.end - ln.start > _LONG for ln in lines):
        return lines
    out: list[Line] = []
    for line in lines:
        if line.end - line.start <= _LONG or line.skip or line.quoted:
            out.append(line)
            continue
        cuts = [m.start() for m in _RUN_ON.finditer(text, line.cstart, line.end)]
        if len(cuts) < 2:
            out.append(line)
            continue
        bounds = [line.start, *cuts, line.end]
        for k in range(len(bounds) - 1):
            start = bounds[k]
            end = bounds[k + 1]
            cstart = line.cstart if k == 0 else start
            stop = end
            while stop > cstart and text[stop - 1] in " \t\r":
                stop -= 1
            out.append(
                Line(
                    index=len(out),
                    start=start,
                    end=end,
                    cstart=cstart,
                    content=text[cstart:stop],
                    md_level=line.md_level if k == 0 else 0,
                    bullet=line.bullet if k == 0 else False,
                )
            )
    for i, ln in enumerate(out):
        ln.index = i
    return out
