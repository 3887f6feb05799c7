"""Attaching a user's official text: alignment by numbering, storage, overlay in the loader."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from lexcheck.standards import load_standards
from lexcheck.standards.attach import align
from lexcheck.standards.loader import clear_cache

# A fabricated copy of part of a convention, numbered the way official editions print it
# (article headings on their own line, "1." paragraphs, "(a)" items, a stray article 55).
USER_CRC = """CONVENTION ON THE RIGHTS OF THE CHILD (user's edition)

Article 1
For the purposes of the present Convention, a child means every human being below eighteen.

Article 37
States Parties shall ensure that:
( a ) USER TEXT A.
(b) USER TEXT B: last resort.
(c) USER TEXT C.
(d) USER TEXT D.

Article 40
1. USER 40.1.
2. USER 40.2 chapeau:
(a) USER 40.2.a.
(b) USER 40.2.b chapeau:
(i) USER presumed innocent.
(ii) USER informed promptly.

Article 55
A provision no edition has.
"""


@pytest.fixture()
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data"
    monkeypatch.setenv("LEXCHECK_DATA_DIR", str(home))
    clear_cache()
    yield home
    clear_cache()


def test_align_reports_missing_and_extra() -> None:
    std = load_standards(attached=False)
    result = align(std, "crc", USER_CRC)
    assert result.texts["crc.art37.b"] == "USER TEXT B: last resort."
    assert result.texts["crc.art40.2.b.i"] == "USER presumed innocent."
    assert result.extra == ["crc.art55"]
    assert "crc.art2" in result.missing and "crc.art40.2.b.iii" in result.missing
    assert "crc.art37" not in result.missing and "crc.art40" not in result.missing
    assert "crc.preamble" in result.missing


def test_attach_stores_atomically_and_loader_overlays(data_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "crc_edition.txt"
    source.write_text(USER_CRC, encoding="utf-8")
    before = source.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "lexcheck", "standards", "attach", "crc", str(source)],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ),
    )
    assert proc.returncode == 0, proc.stderr
    assert "extra in the file: crc.art55" in proc.stdout
    assert "missing from the file: crc.preamble, crc.art2" in proc.stdout
    stored = data_home / "attached" / "crc.yaml"
    assert f"stored: {stored}" in proc.stdout
    assert source.read_bytes() == before  # input untouched
    record = yaml.safe_load(stored.read_text(encoding="utf-8"))
    assert record["source"] == "crc_edition.txt" and len(record["sha256"]) == 64
    assert not list(stored.parent.glob(".*.tmp"))

    std = load_standards()
    prov = std.provisions["crc.art37.b"]
    assert prov.text == "USER TEXT B: last resort."
    assert prov.text_status == "official"
    assert prov.text_source == "attached by the user from crc_edition.txt"
    # Provisions the user's text lacks keep the bundled wording.
    assert std.provisions["crc.art2.1"].text.startswith("States Parties shall respect")
    assert load_standards(attached=False).provisions["crc.art37.b"].text.startswith("No child")

    shown = subprocess.run(
        [sys.executable, "-m", "lexcheck", "standards", "show", "crc.art37.b"],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ),
    )
    assert "USER TEXT B: last resort.  [attached by the user from crc_edition.txt]" in shown.stdout


def test_attach_model_strategies_text_fills_summaries(data_home: Path, tmp_path: Path) -> None:
    from lexcheck.standards.attach import attach

    text = "\n".join(f"{n}. Paragraph {n} of the user's official annex." for n in range(1, 50))
    source = tmp_path / "ms.txt"
    source.write_text(text + "\n", encoding="utf-8")
    result, _target = attach(load_standards(attached=False), "model_strategies", source)
    assert result.missing == []
    assert "ms.para44" in result.matched and "ms.para1" in result.extra
    clear_cache()
    std = load_standards()
    prov = std.provisions["ms.para44"]
    assert prov.text == "Paragraph 44 of the user's official annex."
    assert prov.text_status == "official" and prov.verified
    # Paragraphs the encoding lacked are added from the official text, with citations.
    added = std.provisions["ms.para6"]
    assert added.citation == "Model Strategies para. 6"
    assert added.text_source == "attached by the user from ms.txt"
    assert std.provision_instrument["ms.para6"] == "model_strategies"
    ms_paras = [p for p in std.provisions if p.startswith("ms.para")]
    assert ms_paras.index("ms.para2") < ms_paras.index("ms.para10")


def test_attach_wrong_instrument_or_text(data_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("Some notes without any numbering at all.\n", encoding="utf-8")
    env = dict(os.environ)
    proc = subprocess.run(
        [sys.executable, "-m", "lexcheck", "standards", "attach", "beijing", str(source)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "no numbered provisions of beijing" in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "lexcheck", "standards", "attach", "nonsuch", str(source)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert proc.returncode == 2 and "unknown instrument" in proc.stderr
    assert not (data_home / "attached").exists()


USER_BEIJING = """Part one
GENERAL PRINCIPLES
1. Fundamental perspectives
1.1 USER 1.1 text that wraps
onto a second line in the PDF.
Commentary
These broad perspectives, with items of their own:
(a) a commentary item;
Rule 1.1 is explained here and is not a sub-rule.
2. Scope of the Rules and definitions used
2.1 USER 2.1.
2.2 USER 2.2 chapeau:
( a ) USER 2.2(a).
2.3 USER 2.3 chapeau:
(a) USER 2.3(a);
(b) USER 2.3(b);
(c) USER 2.3(c).
Commentary
Rule 2.3 is addressed to national legislation.
"""


def test_align_beijing_skips_commentary_and_rejoins_wrapped_lines() -> None:
    result = align(load_standards(attached=False), "beijing", USER_BEIJING)
    assert result.texts["beijing.r1.1"] == "USER 1.1 text that wraps onto a second line in the PDF."
    assert result.texts["beijing.r2.2.a"] == "USER 2.2(a)."
    # The official edition letters the third item of 2.3, which the bundled edition does not.
    assert result.texts["beijing.r2.3.c"] == "USER 2.3(c)."
    assert result.extra == []
    assert "beijing.r1.2" in result.missing and "beijing.r2.2.b" in result.missing
    assert not any("commentary" in t.lower() for t in result.texts.values())


def test_official_text_confirms_an_unverified_number(data_home: Path, tmp_path: Path) -> None:
    from lexcheck.standards.attach import attach

    source = tmp_path / "beijing_official.txt"
    source.write_text(USER_BEIJING, encoding="utf-8")
    attach(load_standards(attached=False), "beijing", source)
    clear_cache()
    prov = load_standards().provisions["beijing.r2.3.c"]
    assert prov.verified and prov.text == "USER 2.3(c)."


def test_attach_reads_a_docx_edition(data_home: Path, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from lexcheck.standards.attach import attach

    document = docx.Document()
    for line in [
        "Article 37",
        "States Parties shall ensure that:",
        "(a) DOCX A.",
        "(b) DOCX B.",
        "Article 38",
        "1. DOCX 38.1.",
    ]:
        document.add_paragraph(line)
    source = tmp_path / "crc.docx"
    document.save(str(source))
    result, target = attach(load_standards(attached=False), "crc", source)
    assert result.texts["crc.art37.b"] == "DOCX B."
    assert result.texts["crc.art38.1"] == "DOCX 38.1."
    assert target == data_home / "attached" / "crc.yaml"
    clear_cache()
    assert load_standards().provisions["crc.art37.a"].text == "DOCX A."
