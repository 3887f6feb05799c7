"""A plain Word rendering of a statute read from txt, md, pdf or html, to carry a redline."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, time
from typing import Any

from lexcheck.models import ParsedDocument

_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_HEADING_KINDS = {"part": 1, "chapter": 1, "title": 1, "division": 2, "schedule": 1}


def statute_docx(doc: ParsedDocument, when: date) -> bytes:
    """One Word paragraph per line of the parsed text; Part and Chapter lines become headings.

    Keeping one paragraph per line lets the redline find each provision by its text.
    """
    import docx

    from lexcheck.report.ooxml import normalise_zip

    starts: dict[int, str] = {}
    for prov in doc.walk():
        starts.setdefault(prov.start, prov.kind)
    out = docx.Document()
    stamp = datetime.combine(when, time(0, 0), tzinfo=UTC)
    cp = out.core_properties
    cp.title = doc.document.title or doc.document.path
    cp.author = "lexcheck"
    cp.last_modified_by = "lexcheck"
    cp.created = cp.modified = cp.last_printed = stamp
    cp.revision = 1
    heading_ids = {n: out.styles[f"Heading {n}"].style_id for n in (1, 2)}
    offset = 0
    for line in doc.text.split("\n"):
        here, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        lead = here + len(line) - len(line.lstrip())
        if doc.format == "md":
            line = _MD_HEADING.sub("", line)  # "## PART 1" is Markdown for a heading
        kind = starts.get(here) or starts.get(lead)
        level = _HEADING_KINDS.get(kind or "")
        p = out.add_paragraph()
        if level:
            p._p.style = heading_ids[level]
        _run(p, line.strip(), bold=kind in ("section", "article"))
    buf = io.BytesIO()
    out.save(buf)
    return normalise_zip(buf.getvalue())


def _run(paragraph: Any, text: str, bold: bool) -> None:
    """One run, written directly (python-docx's add_run walks text character by character)."""
    from docx.oxml.ns import qn
    from lxml import etree

    from lexcheck.report.docx_report import _xml_safe

    r = etree.SubElement(paragraph._p, qn("w:r"))
    if bold:
        etree.SubElement(etree.SubElement(r, qn("w:rPr")), qn("w:b"))
    t = etree.SubElement(r, qn("w:t"))
    t.text = _xml_safe(text)
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
