"""Read a statute file (txt, md, docx, pdf, html, Akoma Ntoso) into a ``SourceText``.

First cut: UTF-8 text only; the full reader set replaces this.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from lexcheck.errors import InputError
from lexcheck.models import SourceFormat, SourceText

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def read(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read ``path`` and return its normalised text; raise InputError for unusable input."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror})") from exc
    if len(raw) > max_bytes:
        raise InputError(str(path), f"file is larger than the {max_bytes} byte limit")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), "not UTF-8 text") from exc
    if not text.strip():
        raise InputError(str(path), "file is empty")
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    fmt = SourceFormat.MD if p.suffix.lower() == ".md" else SourceFormat.TXT
    return SourceText(
        path=str(path),
        format=fmt,
        sha256=hashlib.sha256(raw).hexdigest(),
        text=text,
        line_starts=starts,
    )
