"""Unusable input: one InputError naming the file and the problem, never another exception."""

from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

import pytest

from lexcheck.errors import InputError
from lexcheck.ingest import read
from lexcheck.models import SourceFormat

STATUTE = "Section 1. Short title\nThis Act may be cited as the Child Justice Act, 2026.\n"


def fails(path: Path, *fragments: str, **kw: int) -> InputError:
    with pytest.raises(InputError) as info:
        read(path, **kw)
    err = info.value
    assert str(path) in str(err)
    assert "\n" not in str(err)
    for fragment in fragments:
        assert fragment in err.problem, err.problem
    return err


def test_missing_file(tmp_path: Path) -> None:
    fails(tmp_path / "nope.txt", "no such file")


def test_directory(tmp_path: Path) -> None:
    fails(tmp_path, "directory")


def test_empty(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    fails(f, "empty")


@pytest.mark.parametrize("content", [b"   \n\t\r\n", "\u00a0\u200b\n".encode(), b"\xef\xbb\xbf\n"])
def test_whitespace_only(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "blank.md"
    f.write_bytes(content)
    fails(f, "empty")


def test_front_matter_only_is_empty(tmp_path: Path) -> None:
    f = tmp_path / "fm.md"
    f.write_text("---\ntitle: Children Act\n---\n\n", "utf-8")
    fails(f, "empty")


def test_size_limit(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text(STATUTE * 100, "utf-8")
    fails(f, "limit", max_bytes=1000)
    assert read(f, max_bytes=100_000).text.startswith("Section 1.")


@pytest.mark.parametrize(
    "name, content, what",
    [
        ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG image"),
        ("act.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG image"),
        ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00" + bytes(300), "executable"),
        ("act.docx", b"\x7fELF\x02\x01\x01" + bytes(100), "executable"),
        ("act.txt.gz", b"\x1f\x8b\x08\x00" + bytes(50), "gzip"),
    ],
)
def test_binary_signatures(tmp_path: Path, name: str, content: bytes, what: str) -> None:
    f = tmp_path / name
    f.write_bytes(content)
    fails(f, "not a supported document (binary data)", what)


@pytest.mark.parametrize("seed", range(5))
def test_random_binary(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    f = tmp_path / "noise.txt"
    f.write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    fails(f, "binary data")


def test_text_with_control_characters_is_binary(tmp_path: Path) -> None:
    f = tmp_path / "ctl.txt"
    f.write_bytes(b"Section 1\x01\x02\x03\x04\x05\x06\x07\x08" * 30)
    fails(f, "binary data")


def test_unknown_encoding(tmp_path: Path) -> None:
    rng = random.Random(7)
    f = tmp_path / "mystery.txt"
    f.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(3000)))
    fails(f, "encoding")


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_xlsx_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "table.xlsx"
    f.write_bytes(_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}))
    fails(f, "Excel")


def test_zip_without_document(tmp_path: Path) -> None:
    f = tmp_path / "act.docx"
    f.write_bytes(_zip({"readme.txt": b"hello"}))
    fails(f, "word/document.xml")


def test_corrupt_zip(tmp_path: Path) -> None:
    f = tmp_path / "act.docx"
    f.write_bytes(b"PK\x03\x04" + b"\x14\x00garbage" * 20)
    fails(f, "corrupt")


def test_truncated_docx_zip(tmp_path: Path) -> None:
    data = _zip({"word/document.xml": b"<w:document/>" * 200, "[Content_Types].xml": b"<T/>"})
    f = tmp_path / "cut.docx"
    f.write_bytes(data[: len(data) // 2])
    fails(f, "corrupt")


def test_encrypted_office_document(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)
    ole += "EncryptedPackage".encode("utf-16-le") + bytes(100)
    f = tmp_path / "secret.docx"
    f.write_bytes(ole)
    fails(f, "encrypted")


def test_legacy_doc(tmp_path: Path) -> None:
    f = tmp_path / "old.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    fails(f, "legacy", ".docx")


def test_rtf(tmp_path: Path) -> None:
    f = tmp_path / "act.rtf"
    f.write_bytes(b"{\\rtf1\\ansi Section 1. Short title}")
    fails(f, "RTF")


def test_other_xml_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "feed.xml"
    f.write_text('<?xml version="1.0"?>\n<rss><channel/></rss>\n', "utf-8")
    fails(f, "not Akoma Ntoso", "<rss>")


def test_docx_that_is_plain_text_reads_as_text(tmp_path: Path) -> None:
    f = tmp_path / "renamed.docx"
    f.write_text(STATUTE, "utf-8")
    src = read(f)
    assert src.format is SourceFormat.TXT
    assert src.text == STATUTE


def test_text_starting_with_mz_is_text(tmp_path: Path) -> None:
    f = tmp_path / "mz.txt"
    f.write_text("MZANSI CHILD JUSTICE ACT\n" + STATUTE, "utf-8")
    assert read(f).title == "MZANSI CHILD JUSTICE ACT"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable(tmp_path: Path) -> None:
    f = tmp_path / "locked.txt"
    f.write_text(STATUTE, "utf-8")
    f.chmod(0)
    try:
        fails(f, "cannot read")
    finally:
        f.chmod(0o600)


def test_read_never_modifies_input(tmp_path: Path) -> None:
    f = tmp_path / "act.md"
    f.write_bytes(("---\ntitle: T\n---\n" + STATUTE).replace("\n", "\r\n").encode("utf-16"))
    os.utime(f, (1_000_000_000, 1_000_000_000))
    before = (f.read_bytes(), f.stat().st_mtime_ns, f.stat().st_size)
    read(f)
    assert (f.read_bytes(), f.stat().st_mtime_ns, f.stat().st_size) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    fails(fifo, "not a regular file")


def test_symlink_to_directory(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    link = tmp_path / "act.txt"
    link.symlink_to(tmp_path / "d")
    fails(link, "directory")
