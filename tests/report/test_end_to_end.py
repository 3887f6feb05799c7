"""The README quick start and the redline command on the bundled sample law, through the CLI.

These run once the review engine is present (``lexcheck.api.review_files``).
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from lexcheck import api

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_MD = ROOT / "sample_laws" / "child_justice_bill_draft.md"
SAMPLE_DOCX = ROOT / "sample_laws" / "child_justice_bill_draft.docx"

pytestmark = pytest.mark.skipif(
    not hasattr(api, "review_files") or not SAMPLE_MD.exists(),
    reason="needs the review engine and the bundled sample law",
)


def lexcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lexcheck", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        timeout=300,
    )


def test_quick_start_writes_the_word_report(tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    proc = lexcheck("review", str(SAMPLE_MD), "-o", str(out), "--date", "2026-03-01", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    d = docx.Document(str(out))
    headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["Executive summary", "Compliance matrix"]
    matrix = next(t for t in d.tables if t.rows[0].cells[0].text == "Requirement")
    assert len(matrix.rows) - 1 >= 12  # at least the 12 core checks
    first = out.read_bytes()
    lexcheck("review", str(SAMPLE_MD), "-o", str(out), "--date", "2026-03-01", cwd=tmp_path)
    assert out.read_bytes() == first


def test_redline_of_the_sample_docx(tmp_path: Path) -> None:
    before = SAMPLE_DOCX.read_bytes()
    out = tmp_path / "amended.docx"
    proc = lexcheck(
        "redline", str(SAMPLE_DOCX), "-o", str(out), "--date", "2026-03-01", cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    assert SAMPLE_DOCX.read_bytes() == before
    z = zipfile.ZipFile(io.BytesIO(out.read_bytes()))
    xml = z.read("word/document.xml").decode()
    assert "<w:ins " in xml and "<w:del " in xml and "<w:delText" in xml
    assert "w:commentReference" in xml and "word/comments.xml" in z.namelist()
