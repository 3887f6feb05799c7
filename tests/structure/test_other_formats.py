"""Structure on the other readers' output: a gazette PDF, and Akoma Ntoso trees used as is."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from lexcheck import api, structure
from lexcheck.models import Provision, SourceFormat, SourceText

INGEST_TESTS = Path(__file__).resolve().parent.parent / "ingest"


def _pdf_builder() -> ModuleType:
    # the ingest tests' hand-written PDF writer, loaded by path (test folders are not packages
    # of one another)
    spec = importlib.util.spec_from_file_location("pdf_builder", INGEST_TESTS / "pdf_builder.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gazette_pdf_with_running_headers(tmp_path: Path) -> None:
    pdf = _pdf_builder()
    pages = [
        [
            "CHILD JUSTICE ACT, 2026",
            "PART I – PRELIMINARY",
            "1. Short title",
            "This Act may be cited as the Child Justice Act, 2026.",
            "2. Minimum age",
            "(1) A child under the age of fourteen years shall not be criminally",
            "responsible under subsection",
            "(2) of section 9 or any other law.",
        ],
        [
            "(2) No child shall be detained except as a measure of last resort.",
            "PART II – PROCEDURE",
            "3. Arrest",
            "(1) A police officer who arrests a child shall—",
            "(a) inform the parent; and",
            "(b) bring the child before a court within 24 hours.",
        ],
    ]
    path = pdf.write_pdf(
        tmp_path / "act.pdf",
        [
            pdf.page_of(body, header="Gazette Supplement No. 12", footer=f"{i + 1}")
            for i, body in enumerate(pages)
        ],
        title="Child Justice Act, 2026",
    )
    doc = api.parse_file(path)
    labels = {p.label: p for p in doc.walk()}
    assert [p.label for p in doc.walk() if p.kind == "section"] == [
        "section 1",
        "section 2",
        "section 3",
    ]
    assert [p.label for p in doc.provisions] == ["Part I", "Part II"]
    assert [c.label for c in labels["section 2"].children] == ["section 2(1)", "section 2(2)"]
    assert labels["section 2(2)"].text.startswith("(2) No child shall be detained")
    assert labels["section 3(1)(b)"].kind == "paragraph"
    for p in doc.walk():
        assert p.text == doc.text[p.start : p.end]


def test_akoma_ntoso_tree_is_used_as_is() -> None:
    text = "Section 1\nA child is a person under 18."
    sec = Provision(
        kind="section", number="1", label="section 1", eid="sec_1", text=text,
        start=0, end=len(text), line=1,
    )  # fmt: skip
    source = SourceText(
        path="act.xml",
        format=SourceFormat.AKN,
        sha256="0" * 64,
        text=text,
        title="Children Act",
        language="en",
        line_starts=[0, 10],
        provisions=[sec],
    )
    doc = structure.build(source)
    assert doc.provisions == [sec]
    assert (doc.document.title, doc.document.language) == ("Children Act", "en")
