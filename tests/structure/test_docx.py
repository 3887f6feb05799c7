"""The same structures from Word: the txt fixtures retyped as .docx, and statutes whose numbers
come from Word's automatic list numbering (built at test time with python-docx)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_numbering_styles import CASES, FOLDER, by_label, parents

from lexcheck import api

sys.path.insert(0, str(Path(__file__).parent))
from docx_statute import WordStatute

TXT_CASES = sorted(name for name in CASES if name.endswith(".txt"))


@pytest.mark.parametrize("name", TXT_CASES)
def test_txt_fixture_retyped_in_word(name: str, tmp_path: Path) -> None:
    word = WordStatute([("decimal", "%1.")])
    for line in (FOLDER / name).read_text("utf-8").splitlines():
        if line.strip():
            word.text(line)
    doc = api.parse_file(word.save(tmp_path / (Path(name).stem + ".docx")))
    case = CASES[name]
    labels = by_label(doc)
    assert [p.label for p in doc.walk() if p.kind in ("section", "article")] == case["top"]
    for label, kind in (case.get("labels") or {}).items():
        assert labels[label].kind == kind, label
    for label in case.get("absent") or []:
        assert label not in labels, label
    for label, heading in (case.get("headings") or {}).items():
        assert labels[label].heading == heading, label
    up = parents(doc)
    for label, parent in (case.get("parents") or {}).items():
        assert up[label] == parent, label
    for p in doc.walk():
        assert p.text == doc.text[p.start : p.end]


def test_commonwealth_act_numbered_by_word(tmp_path: Path) -> None:
    word = WordStatute(
        [("decimal", "%1."), ("decimal", "(%2)"), ("lowerLetter", "(%3)"), ("lowerRoman", "(%4)")]
    )
    word.text("Children Act 2025", style="Title")
    word.text("PART I – PRELIMINARY", style="Heading 1")
    word.item(0, "Short title")
    word.text("This Act may be cited as the Children Act 2025.")
    word.item(0, "Interpretation")
    word.text("In this Act—")
    word.text('"child" means a person under the age of eighteen years;')
    word.text("PART II – DETENTION", style="Heading 1")
    word.item(0, "Detention")
    word.item(1, "A child shall be detained only as a last resort.")
    word.item(1, "A child shall be held separately from adults and—")
    word.item(2, "shall be brought before a court within 24 hours;")
    word.item(2, "shall have access to—")
    word.item(3, "a lawyer; and")
    word.item(3, "the child's parents.")
    word.item(0, "Records")
    word.item(1, "Records of children shall be kept confidential.")
    doc = api.parse_file(word.save(tmp_path / "act.docx"))
    labels = by_label(doc)
    assert [p.label for p in doc.provisions] == ["Part I", "Part II"]
    assert [p.label for p in doc.walk() if p.kind == "section"] == [
        "section 1",
        "section 2",
        "section 3",
        "section 4",
    ]
    assert labels["section 3"].heading == "Detention"
    assert labels['section 2("child")'].terms == ["child"]
    assert labels["section 3(2)(b)(ii)"].kind == "subparagraph"
    assert labels["section 4(1)"].text == "(1) Records of children shall be kept confidential."
    assert parents(doc)["section 3"] == "Part II"


def test_civil_law_code_numbered_by_word(tmp_path: Path) -> None:
    word = WordStatute([("decimal", "Artículo %1."), ("decimal", "%2."), ("lowerLetter", "%3)")])
    word.text("CAPÍTULO I", style="Heading 1")
    word.text("Disposiciones generales")
    word.item(0, "Objeto. La presente ley regula la justicia para adolescentes.")
    word.item(0, "Derechos. Son derechos del adolescente:")
    word.item(1, "La presunción de inocencia.")
    word.item(1, "La defensa técnica, que comprende:")
    word.item(2, "la asistencia de abogado;")
    word.item(2, "la asistencia de intérprete.")
    word.text("Parágrafo. En ningún caso se impondrá la pena de muerte.")
    doc = api.parse_file(word.save(tmp_path / "ley.docx"))
    labels = by_label(doc)
    assert [p.label for p in doc.walk() if p.kind == "article"] == ["article 1", "article 2"]
    assert labels["Chapter I"].heading == "Disposiciones generales"
    assert labels["article 2"].heading == "Derechos"
    assert labels["article 2(2)(b)"].text == "b) la asistencia de intérprete."
    assert labels["article 2(parágrafo)"].kind == "proviso"


def test_us_style_act_numbered_by_word(tmp_path: Path) -> None:
    word = WordStatute(
        [
            ("decimal", "SEC. %1."),
            ("lowerLetter", "(%2)"),
            ("decimal", "(%3)"),
            ("upperLetter", "(%4)"),
        ]
    )
    word.item(0, "SHORT TITLE.")
    word.text("This Act may be cited as the Juvenile Justice Act.")
    word.item(0, "DETENTION.")
    word.item(1, "IN GENERAL.—A juvenile may not be detained with adults, unless—")
    word.item(2, "the juvenile is tried as an adult; and")
    word.item(3, "the court so orders; or")
    word.item(3, "no facility exists.")
    word.item(1, "REPORTS.—The Attorney General shall report under subsection (a)(1).")
    doc = api.parse_file(word.save(tmp_path / "us.docx"))
    labels = by_label(doc)
    assert [p.label for p in doc.walk() if p.kind == "section"] == ["section 1", "section 2"]
    assert labels["section 2"].heading == "DETENTION"
    assert labels["section 2(a)"].kind == "subsection"
    assert labels["section 2(a)(1)"].kind == "paragraph"
    assert labels["section 2(a)(1)(B)"].kind == "subparagraph"
    assert "section 2(b)(1)" not in labels
