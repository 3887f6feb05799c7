"""`lexcheck parse BAD_FILE`: exactly one line naming the file and the problem, exit code 2."""

from __future__ import annotations

import io
import random
import subprocess
import sys
from pathlib import Path

import pypdf

from .pdf_builder import page_of, pdf_bytes

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def _bad_files(tmp: Path) -> dict[Path, str]:
    """Each bad input and a fragment its error line must contain."""
    rng = random.Random(3)
    files: dict[Path, str] = {}

    def put(name: str, data: bytes, expect: str) -> None:
        path = tmp / name
        path.write_bytes(data)
        files[path] = expect

    files[tmp / "missing.txt"] = "no such file"
    (tmp / "folder.md").mkdir()
    files[tmp / "folder.md"] = "directory"
    put("empty.txt", b"", "empty")
    put("blank.md", b"  \r\n\t\n", "empty")
    put("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "binary data")
    put("noise.docx", bytes(rng.randrange(256) for _ in range(3000)), "")
    put("weird.txt", bytes(rng.randrange(0x80, 0x100) for _ in range(3000)), "encoding")
    put("sheet.xlsx", b"PK\x05\x06" + bytes(18), "word/document.xml")
    put("broken.docx", b"PK\x03\x04" + b"\x14\x00junk" * 40, "corrupt")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512) + "EncryptedPackage".encode("utf-16-le")
    put("locked.docx", ole, "encrypted")
    put("scanned.pdf", pdf_bytes([[]]), "OCR")
    put("broken.pdf", b"%PDF-1.7\n1 0 obj <<", "PDF")
    writer = pypdf.PdfWriter(
        clone_from=io.BytesIO(pdf_bytes([page_of(["1."], header=None, footer=None)]))
    )
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    put("locked.pdf", out.getvalue(), "encrypted")
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    put(
        "lol.xml",
        f'<!DOCTYPE akomaNtoso [<!ENTITY l0 "lol">{lol}]><akomaNtoso xmlns="{NS}"><act>'
        "<body><p>&l9;</p></body></act></akomaNtoso>".encode(),
        "entit",
    )
    put("feed.xml", b'<?xml version="1.0"?><rss/>', "not Akoma Ntoso")
    return files


def test_parse_bad_input_one_line_exit_2(tmp_path: Path) -> None:
    files = _bad_files(tmp_path)
    # Started together: each run pays the interpreter start-up, not the sum of them.
    procs = {
        path: subprocess.Popen(
            [sys.executable, "-m", "lexcheck", "parse", str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in files
    }
    for path, proc in procs.items():
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 2, (path.name, out, err)
        assert out == "", path.name
        lines = err.splitlines()
        assert len(lines) == 1, (path.name, err)
        assert "Traceback" not in err
        assert str(path) in lines[0], (path.name, err)
        assert files[path] in lines[0], (path.name, err)


def test_parse_size_limit(tmp_path: Path) -> None:
    f = tmp_path / "act.txt"
    f.write_text("Section 1. Short title\nThis Act is the Children Act.\n" * 50, "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "lexcheck", "parse", str(f), "--max-size", "100"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert str(f) in proc.stderr and "limit" in proc.stderr
