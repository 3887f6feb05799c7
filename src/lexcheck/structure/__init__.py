"""Build the provision tree of a statute from its ``SourceText``.

First cut: no provisions; the staged parser replaces this.
"""

from __future__ import annotations

from lexcheck.models import DocumentInfo, ParsedDocument, SourceText


def build(source: SourceText) -> ParsedDocument:
    """Return the document's provision tree."""
    return ParsedDocument(
        document=DocumentInfo(
            path=source.path, title=source.title, language=source.language, sha256=source.sha256
        ),
        format=source.format,
        text=source.text,
        provisions=list(source.provisions or []),
        line_starts=source.line_starts,
    )
