"""PDF: text layer, running heads and page numbers removed, hyphenation rejoined, bad PDFs."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from lexcheck.errors import InputError
from lexcheck.ingest import read
from lexcheck.ingest.pdf import strip_running_heads
from lexcheck.models import SourceFormat

from .pdf_builder import page_of, pdf_bytes, write_pdf

BODY = [
    [
        "CHILD JUSTICE ACT, 2026",
        "PART I — PRELIMINARY",
        "1. Short title",
        "This Act may be cited as the Child Justice Act, 2026.",
        "2. Interpretation",
        "In this Act, \u201cchild\u201d means a person under the age of eighteen years.",
    ],
    [
        "3. Minimum age of criminal responsibility",
        "(1) A child under the age of 14 years cannot commit an offence.",
        "(2) The protec-",
        "tion given by subsection (1) applies to every offence.",
    ],
    [
        "4. Arrest of a child",
        "A police officer who arrests a child shall inform the parent or guar-",
        "dian within 6 hours. See Artículo 7.– and § 3 of the Code.",
        "5. Self-",
        "Incrimination",
    ],
]


def gazette(tmp_path: Path, name: str = "act.pdf") -> Path:
    pages = [
        page_of(
            body,
            header="REPUBLIC OF ARCADIA — OFFICIAL GAZETTE No. 12",
            footer=f"Page {i + 1} of 3",
        )
        for i, body in enumerate(BODY)
    ]
    return write_pdf(tmp_path / name, pages, title="Child Justice Act, 2026")


def test_gazette_pdf(tmp_path: Path) -> None:
    src = read(gazette(tmp_path))
    assert src.format is SourceFormat.PDF
    assert src.title == "Child Justice Act, 2026"
    assert "GAZETTE" not in src.text
    assert "Page" not in src.text
    assert "(2) The protection given by subsection (1) applies to every offence." in src.text
    assert "parent or guardian within 6 hours." in src.text
    assert "See Artículo 7.– and § 3 of the Code." in src.text
    # capitalised next line: the hyphen is a real one
    assert "5. Self-\nIncrimination" in src.text
    assert src.text.startswith("CHILD JUSTICE ACT, 2026\nPART I — PRELIMINARY\n1. Short title\n")
    assert src.language == "en"
    # source lines are the kept extracted lines
    assert src.line_at(src.text.index("3. Minimum age")) == 7


def test_pdf_title_falls_back_to_first_line(tmp_path: Path) -> None:
    f = write_pdf(tmp_path / "x.pdf", [page_of(BODY[0], header=None, footer="1")])
    src = read(f)
    assert src.title == "CHILD JUSTICE ACT, 2026"
    assert not src.text.rstrip().endswith("1")


def test_txt_that_is_really_a_pdf(tmp_path: Path) -> None:
    f = tmp_path / "act.txt"
    f.write_bytes(gazette(tmp_path).read_bytes())
    assert read(f).format is SourceFormat.PDF


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    f = write_pdf(tmp_path / "scan.pdf", [[], []])
    with pytest.raises(InputError) as info:
        read(f)
    assert "no text layer" in info.value.problem
    assert "OCR" in info.value.problem


def _encrypt(data: bytes, user: str, owner: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user, owner_password=owner)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_encrypted_pdf(tmp_path: Path) -> None:
    f = tmp_path / "locked.pdf"
    f.write_bytes(_encrypt(gazette(tmp_path).read_bytes(), "secret", "owner"))
    with pytest.raises(InputError) as info:
        read(f)
    assert "encrypted" in info.value.problem


def test_owner_password_only_pdf_is_readable(tmp_path: Path) -> None:
    # Permissions-only encryption (empty user password) does not hide the text.
    f = tmp_path / "restricted.pdf"
    f.write_bytes(_encrypt(gazette(tmp_path).read_bytes(), "", "owner"))
    assert "3. Minimum age" in read(f).text


@pytest.mark.parametrize("cut", [b"%PDF-1.4\nnot really a pdf\n", None])
def test_corrupt_pdf(tmp_path: Path, cut: bytes | None) -> None:
    data = gazette(tmp_path).read_bytes()
    f = tmp_path / "bad.pdf"
    f.write_bytes(cut if cut is not None else data[: len(data) // 3])
    with pytest.raises(InputError) as info:
        read(f)
    assert "PDF" in info.value.problem


def test_running_heads_need_repetition() -> None:
    pages = [
        ["Section 1 heading", "body one", "closing words"],
        ["Other heading", "body two", "different end"],
    ]
    assert strip_running_heads(pages) == pages
    pages = [["HEAD", "a", "b", "- 1 -"], ["HEAD", "c", "d", "- 2 -"], ["x", "e", "f", "iii"]]
    assert strip_running_heads(pages) == [["a", "b"], ["c", "d"], ["x", "e", "f"]]
    # an upper-case roman numeral alone is a Part/Chapter number, not a page number
    assert strip_running_heads([["II", "PROCEDURE", "text", "more"]]) == [
        ["II", "PROCEDURE", "text", "more"]
    ]


def test_pdf_bytes_in_memory_only(tmp_path: Path) -> None:
    data = pdf_bytes([page_of(["1. Short title"], header=None, footer=None)])
    f = tmp_path / "one.pdf"
    f.write_bytes(data)
    read(f)
    assert f.read_bytes() == data


def test_pdf_decompression_bomb_refused(tmp_path: Path) -> None:
    import zlib

    bomb = zlib.compress(b"0" * (30 * 1024 * 1024), 9)  # 30 MB of content in ~30 kB
    data = pdf_bytes([page_of(["1. Short title"], header=None, footer=None)])
    # An extra unreferenced Flate stream object before the cross-reference table is enough
    # for the check, which looks at every stream in the file.
    cut = data.index(b"xref")
    extra = b"99 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb)
    f = tmp_path / "bomb.pdf"
    f.write_bytes(data[:cut] + extra + bomb + b"\nendstream\nendobj\n" + data[cut:])
    with pytest.raises(InputError) as info:
        read(f, max_bytes=1024 * 1024)
    assert "decompression bomb" in info.value.problem
    assert "1. Short title" in read(f).text  # within the default limit it is an ordinary PDF


def test_unmapped_glyphs_detected() -> None:
    from lexcheck.ingest.pdf import unmapped_glyphs

    garbage = [["(cid:12)(cid:40)(cid:3)(cid:7) (cid:19)(cid:22)", "(cid:5)(cid:5) 7"]]
    assert unmapped_glyphs(garbage)
    # an odd unmapped symbol in real text is not a reason to refuse the file
    assert not unmapped_glyphs([["Section 7. The child (cid:9) shall be heard.", "More text."]])
    assert not unmapped_glyphs([["Section 7."]])
