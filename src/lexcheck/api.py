"""The library API behind the CLI: what a notebook or a web service calls."""

from __future__ import annotations

from pathlib import Path

from lexcheck import ingest, structure
from lexcheck.models import ParsedDocument


def parse_file(path: str | Path, *, max_bytes: int = ingest.DEFAULT_MAX_BYTES) -> ParsedDocument:
    """Read a statute and build its provision tree."""
    return structure.build(ingest.read(path, max_bytes=max_bytes))
