"""Decide a file's type from its bytes (the extension only breaks ties for text formats)."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Literal

from lexcheck.errors import InputError
from lexcheck.ingest.text import BINARY, decode

Kind = Literal["pdf", "docx", "akn", "html", "text"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# Signatures of common non-document files, to name them in the error.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"MZ", "Windows executable"),
    (b"\x7fELF", "ELF executable"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly module"),
)
_OTHER_OFFICE = {
    "xl/workbook.xml": "an Excel workbook",
    "ppt/presentation.xml": "a PowerPoint presentation",
    "mimetype": "an OpenDocument file",
}


@dataclass
class Detected:
    kind: Kind
    text: str | None = None  # the decoded text, for text, html and akn


def _zip_kind(raw: bytes, name: str) -> Kind:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError(name, f"corrupt zip archive, cannot be read as .docx ({exc})") from exc
    if "word/document.xml" in names:
        return "docx"
    for member, what in _OTHER_OFFICE.items():
        if member in names:
            raise InputError(name, f"not a supported document ({what}); save it as .docx")
    raise InputError(name, "not a supported document (zip archive without word/document.xml)")


_XML_PROLOG = re.compile(
    r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)*", re.DOTALL | re.IGNORECASE
)
_ROOT_TAG = re.compile(r"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


def _markup_kind(text: str, suffix: str, name: str) -> Kind | None:
    head = text[:8192].lstrip("\ufeff")
    if not head.lstrip().startswith("<"):
        return None
    prolog = _XML_PROLOG.match(head)
    rest = head[prolog.end() if prolog else 0 :]
    root = _ROOT_TAG.match(rest)
    local = root.group(2) if root else ""
    if local == "akomaNtoso":
        return "akn"
    if local.lower() == "html" or _HTML_HINT.search(head) or suffix in _HTML_SUFFIXES:
        return "html"
    if head.lstrip().startswith("<?xml"):
        raise InputError(
            name, f"XML document that is not Akoma Ntoso (root element <{local or '?'}>)"
        )
    return None


def detect(raw: bytes, suffix: str, name: str) -> Detected:
    """Return the document kind, or raise InputError naming what the bytes are."""
    suffix = suffix.lower()
    head = raw[:1024]
    if b"%PDF-" in head:
        return Detected("pdf")
    if raw.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return Detected(_zip_kind(raw, name))
    if raw.startswith(_OLE):
        if _ENCRYPTED_PACKAGE in raw:
            raise InputError(
                name, "encrypted (password-protected) Word document; remove the password first"
            )
        raise InputError(
            name, "legacy Microsoft Office file (.doc/.xls/.ppt); save it as .docx first"
        )
    if head.lstrip()[:5] == b"{\\rtf":
        raise InputError(name, "RTF documents are not supported; save it as .docx first")
    for magic, what in _MAGIC:
        # "MZ" alone could start a line of text; an executable has NUL bytes in its header.
        if raw.startswith(magic) and (magic != b"MZ" or b"\x00" in head):
            raise InputError(name, f"{BINARY}; looks like a {what}")
    text, _enc = decode(raw, name)
    kind = _markup_kind(text, suffix, name)
    return Detected(kind or "text", text)
