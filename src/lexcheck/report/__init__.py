"""Render a ``Review`` in each output format; every renderer returns bytes."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lexcheck.errors import UsageError
from lexcheck.models import ParsedDocument, Review

# format name -> module under lexcheck.report exposing ``render(review, options) -> bytes``.
# Imported lazily so that a text review never pays for python-docx.
RENDERERS: dict[str, str] = {
    "json": "json_report",
    "text": "text",
    "md": "markdown",
    "html": "html",
    "docx": "docx_report",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
}

EXTENSIONS: dict[str, str] = {
    ".json": "json",
    ".txt": "text",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".sarif": "sarif",
    ".xml": "junit",
}


@dataclass
class RenderOptions:
    """What a renderer may need besides the review itself."""

    report_date: date | None = None  # fixed date for reproducible reports (--date)
    documents: list[ParsedDocument] = field(default_factory=list)  # for quoting and styles
    color: bool = False


def format_for(path: Path, explicit: str | None = None) -> str:
    """The output format: the one asked for, else the one the file extension implies."""
    if explicit:
        fmt = explicit
    else:
        fmt = EXTENSIONS.get(path.suffix.lower(), "")
        if not fmt:
            raise UsageError(f"{path}: cannot tell the output format from the extension")
    if fmt not in RENDERERS:
        raise UsageError(f"unknown output format {fmt!r} (one of: {', '.join(RENDERERS)})")
    return fmt


def render(review: Review, fmt: str, options: RenderOptions | None = None) -> bytes:
    """Render ``review`` as ``fmt``."""
    if fmt not in RENDERERS:
        raise UsageError(f"unknown output format {fmt!r} (one of: {', '.join(RENDERERS)})")
    module = importlib.import_module(f"lexcheck.report.{RENDERERS[fmt]}")
    data: bytes = module.render(review, options or RenderOptions())
    return data
