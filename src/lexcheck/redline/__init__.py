"""Write recommended amendments into a copy of the statute as Word tracked changes and comments."""

from __future__ import annotations

from lexcheck.redline.apply import RedlineResult, redline
from lexcheck.redline.statute_docx import statute_docx

__all__ = ["RedlineResult", "redline", "statute_docx"]
