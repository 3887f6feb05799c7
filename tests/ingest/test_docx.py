"""Word .docx: paragraphs, tables, headings and automatic numbering rendered into the text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from lexcheck.errors import InputError
from lexcheck.ingest import read
from lexcheck.ingest.docx import format_number
from lexcheck.models import SourceFormat

from .docx_builder import (
    CHILD_JUSTICE_BILL_TEXT,
    W_NS,
    StatuteDoc,
    W,
    abstract_num,
    child_justice_bill,
    num,
)


def test_bill_with_automatic_numbering(tmp_path: Path) -> None:
    src = read(child_justice_bill(tmp_path / "bill.docx"))
    assert src.format is SourceFormat.DOCX
    assert src.text == CHILD_JUSTICE_BILL_TEXT
    assert src.title == "Child Justice Bill, 2026"
    assert src.language == "en"
    # one source line per paragraph (a table row is one line)
    assert src.line_at(src.text.index("(ii) placement")) == 12
    assert len(src.line_starts) == CHILD_JUSTICE_BILL_TEXT.count("\n")


def test_core_properties_title_wins(tmp_path: Path) -> None:
    d = StatuteDoc()
    d.doc.core_properties.title = "Children (Amendment) Act 2026"
    d.para("Some Other Heading", style="Title")
    d.para("1. Short title")
    src = read(d.save(tmp_path / "t.docx"))
    assert src.title == "Children (Amendment) Act 2026"


def test_title_from_first_heading(tmp_path: Path) -> None:
    d = StatuteDoc()
    d.doc.core_properties.title = ""
    d.para("[Draft for consultation]")
    d.para("Juvenile Justice Code", style="Heading 1")
    src = read(d.save(tmp_path / "t.docx"))
    assert src.title == "Juvenile Justice Code"


def test_start_values_override_and_continuation(tmp_path: Path) -> None:
    d = StatuteDoc()
    d.define(
        abstract_num(50, [("decimal", "Article %1."), ("lowerLetter", "%2)")], starts={0: 7}),
        num(51, 50),
        num(52, 50),
        num(53, 50, start_override={0: 40}),
    )
    d.para("Best interests of the child.", 51, 0)
    d.para("primary consideration;", 51, 1)
    d.para("Right to be heard.", 52, 0)  # same abstract list: continues, 8
    d.para("in person;", 52, 1)  # deeper level restarted: a)
    d.para("Appeal.", 53, 0)  # restart at 40
    d.para("Appeal continued.", 53, 0)
    d.para("Back to the main list.", 51, 0)
    lines = read(d.save(tmp_path / "n.docx")).text.splitlines()
    assert lines == [
        "Article 7. Best interests of the child.",
        "a) primary consideration;",
        "Article 8. Right to be heard.",
        "a) in person;",
        "Article 40. Appeal.",
        "Article 41. Appeal continued.",
        "Article 9. Back to the main list.",
    ]


def test_multilevel_labels_and_no_restart(tmp_path: Path) -> None:
    d = StatuteDoc()
    # "%1.%2" legal-style labels; level 2 never restarts (lvlRestart 0).
    d.define(
        abstract_num(
            60,
            [("upperRoman", "CHAPTER %1"), ("decimal", "%1.%2"), ("upperLetter", "%3.")],
            restart={2: 0},
        ),
        num(61, 60),
    )
    d.para("GENERAL PROVISIONS", 61, 0)
    d.para("Scope", 61, 1)
    d.para("first", 61, 2)
    d.para("Definitions", 61, 1)
    d.para("second", 61, 2)
    d.para("PROCEDURE", 61, 0)
    d.para("Arrest", 61, 1)
    assert read(d.save(tmp_path / "m.docx")).text.splitlines() == [
        "CHAPTER I GENERAL PROVISIONS",
        "I.1 Scope",  # %1 keeps level 1's own format (upperRoman)
        "A. first",
        "I.2 Definitions",
        "B. second",
        "CHAPTER II PROCEDURE",
        "II.1 Arrest",
    ]


def test_numbering_from_paragraph_style(tmp_path: Path) -> None:
    d = StatuteDoc()
    d.para("The court shall consider:")
    d.para("the age of the child;", style="List Number")
    d.para("the seriousness of the offence;", style="List Number")
    d.para("", style="List Number")  # empty: counted by Word but no line content
    d.para("the child's views.", style="List Number")
    lines = read(d.save(tmp_path / "s.docx")).text.splitlines()
    assert lines[1:3] == ["1. the age of the child;", "2. the seriousness of the offence;"]
    assert lines[3] == ""
    assert lines[4] == "4. the child's views."


def test_bullets_and_none_format(tmp_path: Path) -> None:
    d = StatuteDoc()
    d.define(abstract_num(70, [("bullet", "\uf0b7"), ("none", "")]), num(71, 70))
    d.para("measures include—")
    d.para("a caution;", 71, 0)
    d.para("no label at all", 71, 1)
    lines = read(d.save(tmp_path / "b.docx")).text.splitlines()
    assert lines[1:] == ["• a caution;", "no label at all"]


@pytest.mark.parametrize(
    "n, fmt, expected",
    [
        (1, "lowerLetter", "a"),
        (26, "lowerLetter", "z"),
        (27, "lowerLetter", "aa"),
        (4, "lowerRoman", "iv"),
        (14, "upperRoman", "XIV"),
        (3, "upperLetter", "C"),
        (7, "decimalZero", "07"),
        (2, "ordinal", "2nd"),
        (12, "ordinal", "12th"),
        (5, "somethingNew", "5"),
    ],
)
def test_format_number(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


def test_tracked_deletions_and_tabs(tmp_path: Path) -> None:
    d = StatuteDoc()
    p = d.para("The child ")
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p._p.append(
        parse_xml(
            f'<w:del {ns} w:id="1" w:author="a"><w:r><w:delText>shall</w:delText></w:r></w:del>'
        )
    )
    p._p.append(parse_xml(f'<w:ins {ns} w:id="2" w:author="a"><w:r><w:t>may</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f"<w:r {ns}><w:tab/><w:t>be heard.</w:t></w:r>"))
    assert read(d.save(tmp_path / "r.docx")).text == "The child may be heard.\n"


def _zip_bytes(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_bomb_ratio_refused_before_extraction(tmp_path: Path) -> None:
    f = tmp_path / "bomb.docx"
    f.write_bytes(
        _zip_bytes(
            {
                "word/document.xml": b"<w:document/>",
                "word/media/blob.bin": b"\0" * (30 * 1024 * 1024),
            }
        )
    )
    assert f.stat().st_size < 100_000
    with pytest.raises(InputError) as info:
        read(f)
    assert "zip bomb" in info.value.problem


def test_total_unpacked_size_capped(tmp_path: Path) -> None:
    bill = child_justice_bill(tmp_path / "bill.docx")
    with pytest.raises(InputError) as info:
        read(bill, max_bytes=bill.stat().st_size + 10)  # document.xml etc. exceed 4x that
    assert "unpack" in info.value.problem


def test_too_many_members(tmp_path: Path) -> None:
    f = tmp_path / "many.docx"
    members = {f"word/m{i}.xml": b"" for i in range(5001)}
    members["word/document.xml"] = b"<w:document/>"
    f.write_bytes(_zip_bytes(members, zipfile.ZIP_STORED))
    with pytest.raises(InputError) as info:
        read(f)
    assert "members" in info.value.problem


def test_docx_with_broken_xml(tmp_path: Path) -> None:
    bill = child_justice_bill(tmp_path / "bill.docx")
    with zipfile.ZipFile(bill) as zin:
        members = {i.filename: zin.read(i) for i in zin.infolist()}
    members["word/document.xml"] = b"<w:document><w:body><w:p>unclosed"
    f = tmp_path / "broken.docx"
    f.write_bytes(_zip_bytes(members))
    with pytest.raises(InputError) as info:
        read(f)
    assert "corrupt Word document" in info.value.problem


def test_docx_with_entity_bomb(tmp_path: Path) -> None:
    bill = child_justice_bill(tmp_path / "bill.docx")
    with zipfile.ZipFile(bill) as zin:
        members = {i.filename: zin.read(i) for i in zin.infolist()}
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    members["word/document.xml"] = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">{lol}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    f = tmp_path / "lol.docx"
    f.write_bytes(_zip_bytes(members))
    with pytest.raises(InputError) as info:
        read(f)
    assert "word/document.xml declares a DTD" in info.value.problem


def test_headings_numbered_through_their_style(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    d = StatuteDoc()
    abstract = abstract_num(80, [("upperRoman", "CHAPTER %1"), ("decimal", "Article %2.")])
    # Each level is tied to a heading style; the styles carry only the list id.
    for lvl, style in zip(abstract.findall(f"{W}lvl"), ("Heading1", "Heading2"), strict=True):
        lvl.insert(1, parse_xml(f'<w:pStyle xmlns:w="{W_NS}" w:val="{style}"/>'))
    d.define(abstract, num(81, 80))
    for style in ("Heading 1", "Heading 2"):
        ppr = d.doc.styles[style].element.get_or_add_pPr()
        ppr.get_or_add_numPr().get_or_add_numId().val = 81
    d.para("GENERAL PROVISIONS", style="Heading 1")
    d.para("Purpose", style="Heading 2")
    d.para("This Code protects the rights of children.")
    d.para("Definitions", style="Heading 2")
    d.para("JUVENILE COURTS", style="Heading 1")
    d.para("Jurisdiction", style="Heading 2")
    assert read(d.save(tmp_path / "h.docx")).text.splitlines() == [
        "CHAPTER I GENERAL PROVISIONS",
        "Article 1. Purpose",
        "This Code protects the rights of children.",
        "Article 2. Definitions",
        "CHAPTER II JUVENILE COURTS",
        "Article 1. Jurisdiction",
    ]


def test_password_protected_zip_refused(tmp_path: Path) -> None:
    data = bytearray(child_justice_bill(tmp_path / "bill.docx").read_bytes())
    # Set the "encrypted" bit (bit 0 of the general purpose flags) in every central entry.
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        data[pos + 8] |= 0x01
        pos = data.find(b"PK\x01\x02", pos + 4)
    f = tmp_path / "zipcrypto.docx"
    f.write_bytes(bytes(data))
    with pytest.raises(InputError) as info:
        read(f)
    assert "encrypted" in info.value.problem


def test_list_defined_through_a_numbering_style(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    d = StatuteDoc()
    # abstractNum 100 holds the levels and is linked to the numbering style "LegalList";
    # abstractNum 101 has no levels, only a w:numStyleLink to that style (Word templates).
    real = abstract_num(100, [("decimal", "%1."), ("lowerLetter", "(%2)")])
    real.insert(1, parse_xml(f'<w:styleLink xmlns:w="{W_NS}" w:val="LegalList"/>'))
    linked = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="101">'
        '<w:multiLevelType w:val="multilevel"/><w:numStyleLink w:val="LegalList"/>'
        "</w:abstractNum>"
    )
    d.define(real, num(102, 100))
    d.define(linked, num(103, 101))
    d.doc.styles.element.append(
        parse_xml(
            f'<w:style xmlns:w="{W_NS}" w:type="numbering" w:styleId="LegalList">'
            '<w:name w:val="Legal List"/><w:pPr><w:numPr><w:numId w:val="102"/></w:numPr>'
            "</w:pPr></w:style>"
        )
    )
    d.para("Arrest of a child", 103, 0)
    d.para("the parent shall be told;", 103, 1)
    d.para("Detention as a last resort", 103, 0)
    assert read(d.save(tmp_path / "sl.docx")).text.splitlines() == [
        "1. Arrest of a child",
        "(a) the parent shall be told;",
        "2. Detention as a last resort",
    ]
