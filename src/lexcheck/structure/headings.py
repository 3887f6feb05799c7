"""Stage 2: find Part/Chapter/Title/Division/Book headings and schedules."""

from __future__ import annotations

import re

from lexcheck.structure.lines import Line
from lexcheck.structure.nodes import Node
from lexcheck.structure.numbers import ORDINALS, container_value

# drafting word -> (kind in the contract, eId prefix, English label word)
CONTAINER_WORDS: dict[str, tuple[str, str, str]] = {
    "book": ("part", "book", "Book"),
    "libro": ("part", "book", "Book"),
    "part": ("part", "part", "Part"),
    "parte": ("part", "part", "Part"),
    "title": ("title", "title", "Title"),
    "título": ("title", "title", "Title"),
    "titulo": ("title", "title", "Title"),
    "chapter": ("chapter", "chp", "Chapter"),
    "capítulo": ("chapter", "chp", "Chapter"),
    "capitulo": ("chapter", "chp", "Chapter"),
    "division": ("division", "dvs", "Division"),
    "subpart": ("division", "subpart", "Subpart"),
    "sub-part": ("division", "subpart", "Subpart"),
    "sección": ("division", "dvs", "Section"),
}

_WORD_NUM = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    + "|".join(ORDINALS)
    + "|primero|segundo|tercero|cuarto|quinto|sexto|único|unico|preliminar|preliminary"
)
_CONTAINER_RE = re.compile(
    r"^(?P<kw>book|libro|part|parte|title|t[ií]tulo|chapter|cap[ií]tulo|division|sub-?part|secci[óo]n)"
    r"\s+(?P<num>\d+[A-Z]?|[IVXLCDM]+|[A-Z]|(?:" + _WORD_NUM + r"))"
    r"(?![\w:/])(?P<rest>.*)$",
    re.IGNORECASE,
)
_SCHEDULE_RE = re.compile(
    r"^(?:(?P<ord>" + "|".join(ORDINALS) + r")\s+)?(?P<kw>schedule|annex|anexo|appendix)"
    r"(?:\s+(?P<num>\d+[A-Z]?|[IVXLCDM]+|[A-Z])(?![\w:/]))?(?P<rest>.*)$",
    re.IGNORECASE,
)
_INLINE_SCHEDULE_RE = re.compile(
    r"(?<=[\s.;:])(?P<ord>" + "|".join(o.capitalize() for o in ORDINALS) + r")\s+"
    r"(?P<kw>Schedule|SCHEDULE)\b"
)
_SECTION_REF = re.compile(
    r"^\s*\((?:Sections?|Secs?\.|ss?\.|Articles?|Regulations?|Rules?)\s[^)]{1,60}\)|\((?:Sections?|Secs?\.|ss?\.|Articles?)\s[^)]{1,60}\)\s*$"
)
_SEP = re.compile(r"^\s*(?:[-–—:.]+\s*)?")


def _heading_rest(rest: str) -> str | None:
    """The heading text that follows a container number on its line, or None if not a heading."""
    if not rest.strip():
        return ""
    stripped = rest.strip()
    if stripped[0] in "-–—:.":
        return _SEP.sub("", stripped).strip() or ""
    if stripped[0] == "(":
        return stripped
    # "Part II of the Act applies" is a cross-reference, not a heading
    if stripped[0].islower():
        return None
    if len(stripped) > 200 or stripped.endswith((";", ",")):
        return None
    return stripped


def find_container(line: Line) -> Node | None:
    """A Part/Chapter/… heading at the start of ``line``, or None."""
    content = line.content
    if line.quoted or line.skip or len(content) > 250 or not content:
        return None
    m = _CONTAINER_RE.match(content)
    if not m:
        return None
    kw = m.group("kw").lower()
    if kw == "subpart":
        kw = "sub-part"
    # a lower-case drafting word at the start of a line is running text ("part of the …")
    if m.group("kw")[0].islower():
        return None
    num = m.group("num")
    if container_value(num) is None:
        return None
    heading = _heading_rest(m.group("rest"))
    if heading is None:
        return None
    key = kw.replace("í", "i").replace("ó", "o")
    node = Node(
        kind=CONTAINER_WORDS[kw][0],
        number=num,
        start=line.cstart,
        heading=heading or None,
        keyword=key,
        body_start=line.end,
    )
    return node


def find_schedule(line: Line) -> Node | None:
    """A schedule heading at the start of ``line`` ("First Schedule", "SCHEDULE 2"), or None."""
    content = line.content
    if line.quoted or line.skip or not content:
        return None
    m = _SCHEDULE_RE.match(content)
    if not m:
        return None
    word = m.group("kw")
    if word[0].islower() and not m.group("ord"):
        return None
    if m.group("ord") and m.group("ord")[0].islower():
        return None
    rest = m.group("rest")
    stripped = rest.strip()
    # "Schedule 2 to the Act applies" is running text
    if stripped and stripped[0].islower():
        return None
    number = m.group("num") or (m.group("ord") or None)
    heading = _SEP.sub("", stripped).strip() if stripped else None
    if heading:
        # "(Section 38)" says which section the schedule serves; it is not the title
        heading = _SECTION_REF.sub(" ", heading).strip() or heading
    if heading and len(heading) > 160:
        # a scraped schedule run into one line: keep its opening words as the heading
        heading = heading[:160].rsplit(" ", 1)[0] + " …"
    return Node(
        kind="schedule",
        number=number,
        start=line.cstart,
        heading=heading or None,
        keyword="schedule",
        body_start=line.cstart + len(content) - len(rest),
    )


def find_inline_schedules(line: Line, last_ordinal: int) -> list[Node]:
    """Schedules run into the middle of a line ("… 16. Manslaughter Seventh Schedule (Section
    147) …"), accepted only when their ordinal continues the sequence."""
    found: list[Node] = []
    expected = last_ordinal + 1
    for m in _INLINE_SCHEDULE_RE.finditer(line.content):
        value = ORDINALS.index(m.group("ord").lower()) + 1
        if value != expected:
            continue
        start = line.cstart + m.start()
        found.append(
            Node(
                kind="schedule",
                number=m.group("ord"),
                start=start,
                lead_start=start,  # mid-line: the schedule before it ends right here
                keyword="schedule",
                body_start=line.cstart + m.end(),
                heading=_inline_heading(line.content[m.end() :]),
            )
        )
        expected += 1
    return found


def _inline_heading(rest: str) -> str | None:
    text = _SECTION_REF.sub(" ", rest).strip()
    if not text:
        return None
    if len(text) > 160:
        text = text[:160].rsplit(" ", 1)[0] + " …"
    return text


def schedule_ordinal(node: Node) -> int:
    """Position of a schedule in the First, Second … sequence (0 when unnumbered)."""
    if not node.number:
        return 0
    value = container_value(node.number)
    return value or 0


def find_headings(lines: list[Line], schedules_from: int = 0) -> list[Node]:
    """All container and schedule headings in document order, with headings on the next line.

    A number-only heading ("CAPITULO I") takes its title from the next non-blank line when
    that line is itself heading-like (Spanish and many gazettes print it below). Schedules
    come after the Act: a "SCHEDULE" line before ``schedules_from`` (the first section) is a
    leftover of a contents list, not a schedule.
    """
    out: list[Node] = []
    last_schedule = 0
    in_schedules = False
    for i, line in enumerate(lines):
        if line.skip or line.blank:
            continue
        node = find_schedule(line) if line.start >= schedules_from else None
        if node is not None:
            if node.heading is None or (
                node.heading.startswith("(") and node.heading.endswith(")")
            ):
                # "FIRST SCHEDULE (Section 2)" with its title on the next line
                nxt = _next_content(lines, i)
                if nxt is not None and _is_title_line(nxt) and nxt.content.isupper():
                    node.heading = nxt.content
                    node.body_start = nxt.end
            in_schedules = True
            last_schedule = schedule_ordinal(node) or last_schedule + 1
            out.append(node)
            for inline in find_inline_schedules(line, last_schedule):
                out.append(inline)
                last_schedule += 1
            continue
        if in_schedules:
            for inline in find_inline_schedules(line, last_schedule):
                out.append(inline)
                last_schedule += 1
            # Parts and Chapters inside a schedule are the schedule's own structure
            continue
        node = find_container(line)
        if node is None:
            continue
        if node.heading is None:
            nxt = _next_content(lines, i)
            if nxt is not None and _is_title_line(nxt):
                node.heading = nxt.content
                node.body_start = nxt.end
        out.append(node)
    return out


def _next_content(lines: list[Line], i: int) -> Line | None:
    for j in range(i + 1, min(len(lines), i + 4)):
        if lines[j].skip:
            return None
        if not lines[j].blank:
            return lines[j]
    return None


_NOT_TITLE_START = re.compile(
    r"^(?:\(?\d|\(|§|art[ií]culo\b|article\b|art\.|section\b|sec\.|\[)", re.IGNORECASE
)


def _is_title_line(line: Line) -> bool:
    text = line.content
    if not text or len(text) > 200 or line.quoted:
        return False
    if _NOT_TITLE_START.match(text) or find_container(line) or find_schedule(line):
        return False
    return not text.endswith((";", ",", ":"))
