"""Each input format through the whole parse: the sections the reader produced are found."""

from __future__ import annotations

from pathlib import Path

from lexcheck.api import parse_file

from .docx_builder import child_justice_bill
from .test_akn import ACT
from .test_html import PAGE
from .test_pdf import gazette


def _sections(path: Path) -> list[str]:
    return [p.label for p in parse_file(path).walk() if p.kind in ("section", "article")]


def test_docx_automatic_numbers_become_sections(tmp_path: Path) -> None:
    doc = parse_file(child_justice_bill(tmp_path / "bill.docx"))
    labels = [p.label for p in doc.walk()]
    assert [p.label for p in doc.walk() if p.kind == "section"] == [
        "section 1",
        "section 2",
        "section 3",
    ]
    assert "section 2(1)(b)(ii)" in labels  # "(ii)" exists only in numbering.xml
    assert "section 2(3)(a)" in labels


def test_pdf_sections_survive_header_removal_and_hyphenation(tmp_path: Path) -> None:
    assert _sections(gazette(tmp_path)) == [f"section {n}" for n in range(1, 6)]


def test_html_page(tmp_path: Path) -> None:
    f = tmp_path / "act.html"
    f.write_text(PAGE, "utf-8")
    doc = parse_file(f)
    assert [p.label for p in doc.walk() if p.kind != "part"][:2] == [
        "section 14",
        "section 14(1)",
    ]


def test_akn_tree_is_kept(tmp_path: Path) -> None:
    f = tmp_path / "act.xml"
    f.write_text(ACT, "utf-8")
    doc = parse_file(f)
    assert [p.eid for p in doc.provisions] == ["part_I", "part_II", "att_1"]
    assert _sections(f) == ["section 1", "section 2", "section 7"]
    for p in doc.walk():
        assert doc.text[p.start : p.end] == p.text
