"""Read a statute file (txt, md, docx, pdf, html, Akoma Ntoso) into a ``SourceText``.

The type is decided by content (``detect``); each format has its own reader module, and all
of them end in the same normalisation (``normalise``) with a map back to the source.
"""

from __future__ import annotations

import hashlib
import re
import stat
from pathlib import Path

from lexcheck.errors import InputError
from lexcheck.ingest.common import Extracted, first_line_title, guess_language
from lexcheck.ingest.detect import detect
from lexcheck.ingest.limits import DEFAULT_MAX_BYTES
from lexcheck.ingest.normalise import Normalised, normalise
from lexcheck.models import SourceFormat, SourceText

__all__ = ["DEFAULT_MAX_BYTES", "read"]

_NEWLINE = re.compile("\n")
_MD_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})


def _read_bytes(p: Path, name: str, max_bytes: int) -> bytes:
    try:
        st = p.stat()
    except FileNotFoundError as exc:
        raise InputError(name, "no such file") from exc
    except OSError as exc:
        raise InputError(name, f"cannot read file ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise InputError(name, "is a directory, not a document")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(name, "not a regular file")
    if st.st_size > max_bytes:
        raise InputError(
            name, f"file is {st.st_size} bytes, larger than the {max_bytes} byte limit"
        )
    try:
        with p.open("rb") as fh:
            # Ask for what stat promised (plus one byte to notice growth): read(n) allocates n.
            raw = fh.read(min(st.st_size, max_bytes) + 1)
            if len(raw) > st.st_size:  # grew since stat (or a size-less file): read on
                raw += fh.read(max(0, max_bytes + 1 - len(raw)))
    except OSError as exc:
        raise InputError(name, f"cannot read file ({exc.strerror or exc})") from exc
    if len(raw) > max_bytes:
        raise InputError(name, f"file is larger than the {max_bytes} byte limit")
    if not raw:
        raise InputError(name, "file is empty")
    return raw


def _extract(raw: bytes, p: Path, name: str, max_bytes: int) -> Extracted:
    found = detect(raw, p.suffix, name)
    if found.kind == "pdf":
        from lexcheck.ingest.pdf import read_pdf

        return read_pdf(raw, name, max_bytes)
    if found.kind == "docx":
        from lexcheck.ingest.docx import read_docx

        return read_docx(raw, name, max_bytes)
    if found.kind == "akn":
        from lexcheck.ingest.akn import read_akn

        return read_akn(raw, name)
    assert found.text is not None
    if found.kind == "html":
        from lexcheck.ingest.html import read_html

        return read_html(found.text, name)
    from lexcheck.ingest.text import read_text

    fmt = SourceFormat.MD if p.suffix.lower() in _MD_SUFFIXES else SourceFormat.TXT
    return read_text(found.text, fmt)


def read(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read ``path`` and return its normalised text; raise InputError for unusable input.

    The file is read once, as bytes, and never written to.
    """
    p = Path(path)
    name = str(path)
    raw = _read_bytes(p, name, max_bytes)
    sha256 = hashlib.sha256(raw).hexdigest()
    ex = _extract(raw, p, name, max_bytes)
    del raw  # only the extracted text is needed from here on: free the bytes before copying

    if ex.normalised:
        norm = Normalised(
            text=ex.raw,
            line_starts=[0, *(m.end() for m in _NEWLINE.finditer(ex.raw))],
        )
    else:
        norm = normalise(ex.raw, start=ex.start, join_hyphens=ex.join_hyphens)
    if not norm.text.strip():
        textual = ex.format in _TEXTUAL
        raise InputError(
            name, "file is empty (whitespace only)" if textual else "document has no text"
        )
    return SourceText(
        path=name,
        format=ex.format,
        sha256=sha256,
        text=norm.text,
        title=ex.title or first_line_title(norm.text),
        language=ex.language or guess_language(norm.text),
        line_starts=norm.line_starts,
        offsets=norm.offsets,
        provisions=ex.provisions,
    )


_TEXTUAL = frozenset({SourceFormat.TXT, SourceFormat.MD})
