"""Build Word statutes for structure tests with python-docx, numbering done by Word's lists.

python-docx has no numbering API: the list definitions go into numbering.xml and each numbered
paragraph gets a ``w:numPr``, as Word itself writes them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class WordStatute:
    """A document with one multi-level list: ``levels`` are (numFmt, lvlText) per level."""

    def __init__(self, levels: list[tuple[str, str]]) -> None:
        self.doc = docx.Document()
        numbering = self.doc.part.numbering_part.element
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:suff w:val="space"/></w:lvl>'
            for i, (fmt, text) in enumerate(levels)
        )
        abstract = parse_xml(
            f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="7">'
            f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
        )
        first = numbering.find(f"{{{W_NS}}}num")
        if first is not None:
            first.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(
            parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="7"><w:abstractNumId w:val="7"/></w:num>')
        )

    def text(self, text: str, style: str | None = None) -> Any:
        return self.doc.add_paragraph(text, style=style)

    def item(self, level: int, text: str) -> Any:
        """A paragraph numbered automatically at ``level`` of the list."""
        p = self.doc.add_paragraph(text)
        numpr = p._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = level
        numpr.get_or_add_numId().val = 7
        return p

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path
