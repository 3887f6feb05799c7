"""Build .docx fixtures at test time with python-docx, including Word automatic numbering.

python-docx has no numbering API, so list definitions go into numbering.xml and each numbered
paragraph gets a ``w:numPr`` through python-docx's XML objects.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"


def abstract_num(
    aid: int,
    levels: list[tuple[str, str]],
    *,
    restart: dict[int, int] | None = None,
    starts: dict[int, int] | None = None,
) -> Any:
    """An abstractNum whose level i has numFmt/lvlText ``levels[i]``."""
    restart = restart or {}
    starts = starts or {}
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{starts.get(i, 1)}"/><w:numFmt w:val="{fmt}"/>'
        + (f'<w:lvlRestart w:val="{restart[i]}"/>' if i in restart else "")
        + f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{aid}">'
        f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
    )


def num(nid: int, aid: int, *, start_override: dict[int, int] | None = None) -> Any:
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
        for i, v in (start_override or {}).items()
    )
    return parse_xml(
        f'<w:num xmlns:w="{W_NS}" w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>'
        f"{overrides}</w:num>"
    )


class StatuteDoc:
    """A python-docx Document with helpers to add numbered paragraphs."""

    def __init__(self) -> None:
        self.doc = docx.Document()
        self.numbering = self.doc.part.numbering_part.element

    def define(self, abstract: Any, *nums: Any) -> None:
        first_num = self.numbering.find(W + "num")
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.numbering.append(abstract)
        for n in nums:
            self.numbering.append(n)

    def para(
        self, text: str, num_id: int | None = None, ilvl: int = 0, style: str | None = None
    ) -> Any:
        p = self.doc.add_paragraph(text, style=style)
        if num_id is not None:
            numpr = p._p.get_or_add_pPr().get_or_add_numPr()
            numpr.get_or_add_ilvl().val = ilvl
            numpr.get_or_add_numId().val = num_id
        return p

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path


def child_justice_bill(path: Path) -> Path:
    """A Commonwealth-style bill whose section, subsection and paragraph labels are automatic."""
    d = StatuteDoc()
    d.doc.core_properties.title = ""
    # Sections "1.", subsections "(1)", paragraphs "(a)", subparagraphs "(i)".
    d.define(
        abstract_num(
            90,
            [
                ("decimal", "%1."),
                ("decimal", "(%2)"),
                ("lowerLetter", "(%3)"),
                ("lowerRoman", "(%4)"),
            ],
        ),
        num(91, 90),
    )
    # Part headings "PART I", "PART II" from their own list.
    d.define(abstract_num(92, [("upperRoman", "PART %1")]), num(93, 92))
    d.para("Child Justice Bill, 2026", style="Title")
    d.para("ARRANGEMENT OF SECTIONS is omitted in this draft.")
    d.para("— PRELIMINARY", 93, 0, style="Heading 1")
    d.para("Short title and commencement", 91, 0, style="Heading 2")
    d.para("This Act may be cited as the Child Justice Act, 2026.", 91, 1)
    d.para("It comes into force on a date the Minister appoints by notice.", 91, 1)
    d.para("Interpretation", 91, 0, style="Heading 2")
    d.para("In this Act—", 91, 1)
    d.para("\u201cchild\u201d means a person under the age of eighteen years;", 91, 2)
    d.para("\u201cdetention\u201d means any form of deprivation of liberty, including—", 91, 2)
    d.para("police custody; and", 91, 3)
    d.para("placement in a child justice centre;", 91, 3)
    d.para("\u201cdiversion\u201d has the meaning given in section 9.", 91, 2)
    d.para("A reference to an age is a reference to age at the time of the offence.", 91, 1)
    d.para("For the purposes of subsection (1)—", 91, 1)
    d.para("a person whose age is uncertain is presumed to be a child;", 91, 2)
    d.para("— CRIMINAL CAPACITY", 93, 0, style="Heading 1")
    d.para("Minimum age of criminal responsibility", 91, 0, style="Heading 2")
    d.para("A child who is under the age of 14 years cannot commit an offence.", 91, 1)
    table = d.doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Offence"
    table.cell(0, 1).text = "Maximum period of detention"
    table.cell(1, 0).text = "Theft"
    table.cell(1, 1).text = "3 months"
    d.para("Dated this 1st day of June, 2026.")
    return d.save(path)


CHILD_JUSTICE_BILL_TEXT = """\
Child Justice Bill, 2026
ARRANGEMENT OF SECTIONS is omitted in this draft.
PART I — PRELIMINARY
1. Short title and commencement
(1) This Act may be cited as the Child Justice Act, 2026.
(2) It comes into force on a date the Minister appoints by notice.
2. Interpretation
(1) In this Act—
(a) \u201cchild\u201d means a person under the age of eighteen years;
(b) \u201cdetention\u201d means any form of deprivation of liberty, including—
(i) police custody; and
(ii) placement in a child justice centre;
(c) \u201cdiversion\u201d has the meaning given in section 9.
(2) A reference to an age is a reference to age at the time of the offence.
(3) For the purposes of subsection (1)—
(a) a person whose age is uncertain is presumed to be a child;
PART II — CRIMINAL CAPACITY
3. Minimum age of criminal responsibility
(1) A child who is under the age of 14 years cannot commit an offence.
Offence | Maximum period of detention
Theft | 3 months
Dated this 1st day of June, 2026.
"""
