"""Plain text and Markdown: encodings, normalisation with its offset map, front matter, title."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from lexcheck.ingest import read
from lexcheck.ingest.normalise import normalise
from lexcheck.models import SourceFormat, SourceText

SPANISH = (
    "LEY 1098 DE 2006\n"
    "Por la cual se expide el Código de la Infancia y la Adolescencia\n"
    "\n"
    "Artículo 7.– Protección integral. Se entiende por protección integral de los niños, "
    "las niñas y los adolescentes el reconocimiento como sujetos de derechos, según el § 3 "
    "de la ley y la garantía de los mismos.\n"
    "Artículo 8.– Interés superior de los niños, las niñas y los adolescentes.\n"
)


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("cp1252", b""),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str, bom: bytes) -> None:
    f = tmp_path / "ley.txt"
    f.write_bytes(bom + SPANISH.replace("\n", "\r\n").encode(encoding))
    src = read(f)
    assert src.format is SourceFormat.TXT
    assert "Artículo 7.– Protección integral." in src.text
    assert "según el § 3" in src.text
    assert "\r" not in src.text
    assert src.text.splitlines() == SPANISH.splitlines()
    assert src.language == "es"
    assert src.title == "LEY 1098 DE 2006"


def test_cp1252_smart_quotes_and_dashes_kept(tmp_path: Path) -> None:
    text = (
        "1. Interpretation\n"
        "In this Act \u201cchild\u201d means a person under the age of eighteen years \u2014 "
        "whatever the person\u2019s status.\n"
    ) * 20
    f = tmp_path / "act.txt"
    f.write_bytes(text.encode("cp1252"))
    src = read(f)
    assert "\u201cchild\u201d means" in src.text
    assert "\u2014 whatever the person\u2019s status." in src.text
    assert src.language == "en"


def test_whitespace_normalisation_and_offset_map(tmp_path: Path) -> None:
    source = (
        "Section\u00a07.\tArrest of a child\r\n"
        "(1)  A police officer who arrests a\u200b child shall    inform the parent.   \r\n"
        "\r\n"
        "(2) The officer shall not use re\u00adstraints \u2010 except as provided.\r\n"
    )
    f = tmp_path / "s7.txt"
    f.write_bytes(source.encode("utf-8"))
    src = read(f)
    assert src.text == (
        "Section 7. Arrest of a child\n"
        "(1) A police officer who arrests a child shall inform the parent.\n"
        "\n"
        "(2) The officer shall not use restraints - except as provided.\n"
    )
    # Every surviving visible character maps back to the same character in the source.
    for i, ch in enumerate(src.text):
        if ch not in " \n-":
            assert source[src.source_offset(i)] == ch, (i, ch)
    # and to the right source line
    for i, ch in enumerate(src.text):
        if ch != "\n":
            assert source.count("\n", 0, src.source_offset(i)) + 1 == src.line_at(i)
    assert src.line_at(src.text.index("(2)")) == 4
    assert src.line_starts == [0, 29, 95, 96]


def test_nfc_composition(tmp_path: Path) -> None:
    f = tmp_path / "nfd.txt"
    f.write_text("Arti\u0301culo 1. Nin\u0303os y nin\u0303as.\nArtículo 2. Otro.\n", "utf-8")
    src = read(f)
    assert src.text.startswith("Artículo 1. Niños y niñas.\n")
    second = src.text.index("Artículo 2")
    assert src.source_offset(second) == len("Arti\u0301culo 1. Nin\u0303os y nin\u0303as.\n")
    assert src.line_at(second) == 2


def test_markdown_front_matter_dropped_title_kept(tmp_path: Path) -> None:
    source = (
        "---\n"
        'title: "Age of Criminal Responsibility (Scotland) Act 2019"\n'
        "identifier: asp-2019-7\n"
        "---\n"
        "# Age of Criminal Responsibility (Scotland) Act 2019\n"
        "\n"
        "## Part 1 Age of criminal responsibility\n"
        "\n"
        "### 1 Age of criminal responsibility\n"
        "(1) A child under the age of 12 years cannot commit an offence.\n"
    )
    f = tmp_path / "act.md"
    f.write_text(source, "utf-8")
    src = read(f)
    assert src.format is SourceFormat.MD
    assert src.title == "Age of Criminal Responsibility (Scotland) Act 2019"
    assert src.text.startswith("# Age of Criminal")
    assert "identifier" not in src.text
    i = src.text.index("(1) A child")
    assert source[src.source_offset(i) :].startswith("(1) A child")
    assert src.line_at(i) == 10
    assert src.line_at(0) == 5


def test_markdown_without_front_matter_title_from_heading(tmp_path: Path) -> None:
    f = tmp_path / "bill.md"
    f.write_text("\n# Child Justice Bill, 2026\n\n1. Short title\n", "utf-8")
    src = read(f)
    assert src.title == "Child Justice Bill, 2026"


def test_front_matter_only_in_markdown(tmp_path: Path) -> None:
    f = tmp_path / "act.txt"
    f.write_text("---\ntitle: X\n---\nSection 1. Short title\n", "utf-8")
    assert read(f).text.startswith("---\ntitle: X")


def test_malformed_front_matter_title_line(tmp_path: Path) -> None:
    f = tmp_path / "act.md"
    f.write_text("---\ntitle: Children Act: 2001\nbad: [unclosed\n---\n1. Short title\n", "utf-8")
    src = read(f)
    assert src.title == "Children Act: 2001"
    assert src.text == "1. Short title\n"


def test_hyphen_join_only_when_asked() -> None:
    raw = "the protec-\ntion of the child\nsection 7-\nA applies\n"
    assert normalise(raw).text == raw
    joined = normalise(raw, join_hyphens=True)
    assert joined.text == "the protection of the child\nsection 7-\nA applies\n"
    assert joined.line_starts == [0, 10, 28, 39]
    st = SourceText(
        path="x",
        format=SourceFormat.PDF,
        sha256="0",
        text=joined.text,
        line_starts=joined.line_starts,
        offsets=joined.offsets,
    )
    i = joined.text.index("tion")
    assert raw[st.source_offset(i) :].startswith("tion of the child")
    assert st.line_at(i) == 2
    assert raw[st.source_offset(i - 1)] == "c"


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "The court shall order that the child be released to the care of a parent."),
        (
            "es",
            "El juez podrá ordenar que el niño sea entregado a sus padres en el plazo de la ley.",
        ),
        (
            "fr",
            "Le juge peut ordonner que l'enfant soit remis à ses parents dans les délais prévus.",
        ),
    ],
)
def test_language_guess(tmp_path: Path, lang: str, text: str) -> None:
    f = tmp_path / "x.txt"
    f.write_text(text * 3, "utf-8")
    assert read(f).language == lang


def test_language_unknown_for_numbers_only(tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_text("1. 2. 3.\n(a) (b)\n", "utf-8")
    assert read(f).language is None


def test_large_cp1252_file_detected_on_a_sample(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes((SPANISH * 8000).encode("cp1252"))
    assert f.stat().st_size > 2 * 1024 * 1024
    assert read(f).text == SPANISH * 8000


def test_large_file_whose_tail_breaks_the_sampled_guess(tmp_path: Path) -> None:
    # The first megabytes are pure ASCII; the Windows-1252 characters come only at the end.
    head = "Section 1. Short title\nThis Act may be cited as the Children Act.\n" * 40000
    f = tmp_path / "late.txt"
    f.write_bytes((head + "Artículo 7.– Protección § 3\n").encode("cp1252"))
    assert read(f).text.endswith("Artículo 7.– Protección § 3\n")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_file_whose_size_stat_does_not_know_is_read_in_full() -> None:
    # /proc files report st_size 0; read() must not trust stat for how much to read.
    src = read("/proc/self/status")
    assert "Name:" in src.text and len(src.text) > 100


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_ascii_utf16_without_bom(tmp_path: Path, encoding: str) -> None:
    f = tmp_path / "act.txt"
    f.write_bytes("Section 1. Short title\nThis Act is the Children Act.\n".encode(encoding))
    assert read(f).text == "Section 1. Short title\nThis Act is the Children Act.\n"


def test_seven_bit_iso2022_is_not_taken_for_utf8(tmp_path: Path) -> None:
    text = "第七条 少年の保護は、この法律の定めるところによる。\n" * 5
    f = tmp_path / "jp.txt"
    f.write_bytes(text.encode("iso2022_jp"))
    assert read(f).text == text


def test_mojibake_with_c1_controls_is_still_text(tmp_path: Path) -> None:
    f = tmp_path / "moji.txt"
    f.write_text("Section 1. The child\u0089s rights \u0092 shall be respected.\n" * 3, "utf-8")
    assert read(f).text == "Section 1. The childs rights shall be respected.\n" * 3
