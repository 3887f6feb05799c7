"""A plain Word rendering of a statute read from txt, md, pdf or html, to carry a redline."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, time

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
        if level:
            out.add_heading(line.strip(), level=level)
        elif kind in ("section", "article"):
            out.add_paragraph().add_run(line.strip()).bold = True
        else:
            out.add_paragraph(line.strip())
    buf = io.BytesIO()
    out.save(buf)
    return normalise_zip(buf.getvalue())
