"""Resource limits: file size, and zip-bomb checks made before anything is decompressed."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from lexcheck.errors import InputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# A .docx may unpack to at most this many times the file size limit (text XML compresses
# about 10:1; images do not compress at all).
UNZIP_FACTOR = 4
MAX_MEMBERS = 5000
# Ratio above which one large member is a bomb rather than repetitive XML.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # members smaller than this may compress as well as they like


def check_zip(raw: bytes, name: str, max_bytes: int) -> None:
    """Refuse archives whose declared contents are too many, too large or too compressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError(name, f"corrupt zip archive, cannot be read as .docx ({exc})") from exc
    if len(infos) > MAX_MEMBERS:
        raise InputError(
            name, f"zip archive has {len(infos)} members (limit {MAX_MEMBERS}); refused"
        )
    limit = UNZIP_FACTOR * max_bytes
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(name, "encrypted zip archive; remove the password first")
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise InputError(
                name,
                f"zip member {info.filename} expands {info.file_size // max(1, info.compress_size)}"
                " times (zip bomb?); refused",
            )
    if total > limit:
        raise InputError(name, f"archive would unpack to {total} bytes (limit {limit}); refused")
    _check_no_dtd(raw, infos, name)


def _check_no_dtd(raw: bytes, infos: list[zipfile.ZipInfo], name: str) -> None:
    """Office XML never has a DTD; one in a part can only declare entities: refuse it."""
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                with zf.open(info) as fh:
                    head = fh.read(4096).upper()  # the prolog, where a DOCTYPE must be
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
                raise InputError(name, f"corrupt zip archive ({exc})") from exc
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise InputError(
                    name, f"{info.filename} declares a DTD/entities (entity attack?); refused"
                )


# A PDF's Flate streams may inflate to at most this many times the file size limit in all.
PDF_INFLATE_FACTOR = 10
_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 20


def _inflated_size(data: bytes, cap: int) -> int:
    """Bytes ``data`` inflates to (zlib), counted in chunks without keeping them; stops at cap."""
    d = zlib.decompressobj()
    total = 0
    buf = data
    try:
        while buf and total <= cap:
            out = d.decompress(buf, _CHUNK)
            total += len(out)
            buf = d.unconsumed_tail
            if d.eof:
                break
    except zlib.error:
        pass  # not Flate (or encrypted, or damaged): the parser will judge it
    return total


def check_pdf_streams(raw: bytes, name: str, max_bytes: int) -> None:
    """Refuse a PDF whose compressed streams would inflate beyond the limit (a PDF bomb)."""
    cap = PDF_INFLATE_FACTOR * max_bytes
    total = 0
    pos = 0
    while True:
        m = _STREAM.search(raw, pos)
        if m is None:
            return
        end = raw.find(b"endstream", m.end())
        if end < 0:
            return
        data = raw[m.end() : end]
        pos = end + 9
        if not data[:1] or data[0] & 0x0F != 8:  # zlib header: deflate
            continue
        total += _inflated_size(data, cap - total)
        if total > cap:
            raise InputError(
                name, f"PDF streams inflate beyond {cap} bytes (decompression bomb?); refused"
            )
