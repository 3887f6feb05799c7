"""End to end, as a user runs it: the README quick start, no network, input left untouched."""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

ROOT = Path(__file__).resolve().parent.parent
BILL_MD = ROOT / "sample_laws" / "child_justice_bill_draft.md"
BILL_DOCX = ROOT / "sample_laws" / "child_justice_bill_draft.docx"


def lexcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lexcheck", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


def test_quick_start_writes_a_word_report(tmp_path: Path) -> None:
    """The README's first command: review the bundled bill into report.docx."""
    proc = lexcheck("review", str(BILL_MD), "-o", "report.docx", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    report = Document(str(tmp_path / "report.docx"))
    headings = [p.text for p in report.paragraphs if p.style.name.startswith("Heading 1")]
    assert any("summary" in h.lower() for h in headings)
    text = "\n".join(p.text for p in report.paragraphs)
    # The bill's deliberate MACR gap (twelve years, section 7) is reported with its label.
    assert "section 7(1)" in text


def test_review_does_not_use_the_network_or_touch_its_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lexcheck import report
    from lexcheck.api import review_files

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("lexcheck tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    copy = tmp_path / BILL_DOCX.name
    copy.write_bytes(BILL_DOCX.read_bytes())
    before = (hashlib.sha256(copy.read_bytes()).hexdigest(), copy.stat().st_mtime_ns)

    review, documents = review_files([copy])
    options = report.RenderOptions(documents=documents)
    for fmt in ("json", "md", "html", "docx", "sarif", "junit"):
        assert report.render(review, fmt, options)

    after = (hashlib.sha256(copy.read_bytes()).hexdigest(), copy.stat().st_mtime_ns)
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [copy.name]


def test_word_and_markdown_versions_of_the_bill_get_the_same_findings(tmp_path: Path) -> None:
    """The same bill as .md and as .docx (Word automatic numbering) is reviewed alike."""
    results = []
    for source in (BILL_MD, BILL_DOCX):
        proc = lexcheck("review", str(source), "--format", "json", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        findings = json.loads(proc.stdout)["findings"]
        results.append(
            {
                f["check"]: (f["status"], sorted({e["provision"] for e in f["evidence"]}))
                for f in findings
            }
        )
    assert results[0] == results[1]


def test_identical_input_gives_identical_output(tmp_path: Path) -> None:
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run
        out.mkdir()
        for name in ("report.docx", "report.html", "report.md", "review.json"):
            proc = lexcheck(
                "review", str(BILL_MD), "-o", str(out / name), "--date", "2026-11-29", cwd=out
            )
            assert proc.returncode == 0, proc.stderr
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1]
