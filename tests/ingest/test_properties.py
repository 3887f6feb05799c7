"""Property tests: any text either reads or fails with InputError, and the offset map holds."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lexcheck.errors import InputError
from lexcheck.ingest import read
from lexcheck.models import SourceFormat, SourceText

_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

# Statute-like pieces mixed with the characters normalisation touches.
statute_text = st.lists(
    st.one_of(
        st.text(max_size=40),
        st.sampled_from(
            [
                "Section 7.",
                "(1) ",
                "Artículo 7.– ",
                "§ 3",
                "\u201cchild\u201d",
                "\r\n",
                "\n",
                "\r",
                "\t",
                "\u00a0",
                "  ",
                "\u200b",
                "\u00ad",
                "\ufeff",
                "e\u0301",
                "\u2010",
                "protec-\ntion",
                "---\ntitle: T\n---\n",
            ]
        ),
    ),
    max_size=30,
).map("".join)


def _source_line(src: str, offset: int) -> int:
    before = src[:offset].splitlines(keepends=True)
    if not before:
        return 1
    return len(before) + (1 if before[-1][-1] in _BREAKS else 0)


def _check_map(src: str, st_: SourceText) -> None:
    text = st_.text
    assert len(st_.line_starts) >= 1
    assert st_.line_starts == sorted(st_.line_starts)
    assert st_.offsets == sorted(st_.offsets)
    for i, ch in enumerate(text):
        if ch in " \n-":
            continue
        o = st_.source_offset(i)
        assert 0 <= o < len(src)
        assert src[o] == ch, (i, ch, o, src[o])
        assert st_.line_at(i) == _source_line(src, o), (i, ch)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statute_text, st.sampled_from(["act.txt", "act.md"]))
@example("Section 1.\r\n(1)\u00a0A\tchild  is\u200b here.  \r\n", "act.txt")
@example("---\ntitle: T\n---\nSection 1.\n", "act.md")
@example("000\x80\x1b(1) ", "act.txt")  # valid UTF-8 with an ISO-2022 escape is still UTF-8
def test_read_never_crashes_and_maps_back(text: str, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / name
        raw = text.encode("utf-8")
        f.write_bytes(raw)
        try:
            result = read(f)
        except InputError as err:
            assert str(f) in str(err)
            return
        assert f.read_bytes() == raw
    if result.format not in (SourceFormat.TXT, SourceFormat.MD):
        return  # content sniffed as HTML/AKN: offsets map into the extracted text
    src = raw.decode("utf-8-sig")
    if not unicodedata.is_normalized("NFC", src):
        return  # composed lines map only their start and end exactly
    _check_map(src, result)
    assert result.text.strip()
    assert "\r" not in result.text and "\t" not in result.text
    assert unicodedata.is_normalized("NFC", result.text)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "x.docx"
        f.write_bytes(data)
        try:
            read(f)
        except InputError as err:
            assert "\n" not in str(err)


@settings(max_examples=400, deadline=None)
@given(statute_text, st.integers(min_value=0, max_value=3))
def test_fast_normalise_equals_line_by_line(text: str, cut_lines: int) -> None:
    from lexcheck.ingest.normalise import normalise, normalise_lines

    text = unicodedata.normalize("NFC", text)
    # a dropped prefix of whole lines, as for front matter
    start = 0
    for _ in range(cut_lines):
        nl = text.find("\n", start)
        if nl < 0:
            break
        start = nl + 1
    fast = normalise(text, start=start)
    slow = normalise_lines(text, start=start)
    assert fast.text == slow.text
    assert fast.line_starts == slow.line_starts
    # anchors may differ in redundancy; the maps must agree everywhere
    a = SourceText(
        path="a",
        format=SourceFormat.TXT,
        sha256="",
        text=fast.text,
        line_starts=fast.line_starts,
        offsets=fast.offsets,
    )
    b = SourceText(
        path="b",
        format=SourceFormat.TXT,
        sha256="",
        text=slow.text,
        line_starts=slow.line_starts,
        offsets=slow.offsets,
    )
    for i in range(len(fast.text) + 1):
        assert a.source_offset(i) == b.source_offset(i), i
