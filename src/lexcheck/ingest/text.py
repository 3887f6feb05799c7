"""Plain text and Markdown: decode by BOM, strict UTF-8 or charset-normalizer; YAML front matter."""

from __future__ import annotations

import codecs
import re

from lexcheck.errors import InputError
from lexcheck.ingest.common import Extracted, clean_title
from lexcheck.models import SourceFormat

BINARY = "not a supported document (binary data)"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters no text document contains in any number: C0 controls other than tab and line
# breaks, DEL, surrogates and private use. (C1 controls are left out: they turn up in
# mojibake, which is still text; normalisation removes them.)
_SUSPECT = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U0010ffff]")


def _looks_binary(text: str, *, sample: int = 200_000) -> bool:
    head = text[:sample]
    return len(_SUSPECT.findall(head)) > max(2, len(head) // 200)


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise InputError for binary data or an unknown encoding."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(name, f"invalid {enc.upper()} text ({exc.reason})") from exc
            if enc == "utf-8-sig":
                enc = "utf-8"
            break
    else:
        # NUL bytes are valid UTF-8, so UTF-16 without a BOM is looked for first.
        bomless = _bomless_utf16(raw) if b"\x00" in raw[:8192] else None
        if bomless:
            text, enc = raw.decode(bomless), bomless
        else:
            try:
                text, enc = raw.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                text, enc = _detect(raw, name)
            else:
                # 7-bit ISO-2022 (e.g. Japanese mail): escapes, and no byte above 0x7F (text
                # that is valid UTF-8 with any such byte is UTF-8)
                if (b"\x1b$" in raw or b"\x1b(" in raw) and raw.isascii():
                    text, enc = _detect(raw, name)
    if _looks_binary(text):
        raise InputError(name, BINARY)
    return text, enc


_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b")


def _many_controls(raw: bytes) -> bool:
    """More than 1% of C0 control bytes: binary, whatever the code page."""
    sample = raw[:65536]
    stripped = sample.translate(None, _CONTROL_BYTES)
    return len(sample) - len(stripped) > len(sample) // 100


_PREVALENT = ("cp1252", "latin_1", "iso8859_15")


_SAMPLE = 1 << 20


def _bomless_utf16(raw: bytes) -> str | None:
    """UTF-16 without a BOM, told by its zero bytes: mostly-Latin text has one in every
    other byte, on odd offsets (little-endian) or even ones (big-endian)."""
    if len(raw) % 2:
        return None
    sample = raw[:8192]
    pairs = len(sample) // 2
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if pairs >= 4 and zeros >= 0.6 * pairs and other == 0:
            try:
                raw.decode(enc)
            except UnicodeDecodeError:
                return None
            return enc
    return None


def _detect(raw: bytes, name: str) -> tuple[str, str]:
    """Ask charset-normalizer; a NUL byte outside UTF-16/32 means binary data.

    A large file is judged on its first megabyte (the detector's memory grows with its input)
    and then decoded whole with that encoding; if the rest does not decode, on all of it.
    """
    if len(raw) > 2 * _SAMPLE and b"\x00" not in raw[:_SAMPLE]:  # not UTF-16/32: cut at a line
        cut = raw.rfind(b"\n", 0, _SAMPLE)
        _text, enc = _detect_all(raw[: cut + 1 if cut > 0 else _SAMPLE], name)
        try:
            return raw.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            pass
    return _detect_all(raw, name)


def _detect_all(raw: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    results = from_bytes(raw)
    best = results.best()
    if best is not None:
        # The detector cannot tell code pages apart when the text only uses letters they share
        # (ñ is 0xF1 in both cp1252 and cp1250, where it reads as ń): among candidates it
        # scores exactly as well as its first pick, take the most widely used.
        tied = [m for m in results if m.chaos <= best.chaos and m.coherence >= best.coherence]
        for preferred in _PREVALENT:
            match = next((m for m in tied if m.encoding == preferred), None)
            if match is not None:
                best = match
                break
    has_nul = b"\x00" in raw
    if best is None:
        if has_nul or _many_controls(raw):
            raise InputError(name, BINARY)
        raise InputError(
            name,
            "cannot determine the text encoding (not UTF-8, UTF-16 or a known code page);"
            " save it as UTF-8",
        )
    enc = best.encoding
    if has_nul and not enc.startswith(("utf_16", "utf_32")):
        raise InputError(name, BINARY)
    return str(best), enc


_FRONT_OPEN = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)", re.MULTILINE)
_TITLE_LINE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)
_FRONT_MAX = 64 * 1024


def front_matter(text: str) -> tuple[int, str | None]:
    """Length of a leading YAML front matter block (0 if none) and its ``title:``."""
    opening = _FRONT_OPEN.match(text)
    if opening is None:
        return 0, None
    close = _FRONT_CLOSE.search(text, opening.end(), _FRONT_MAX)
    if close is None:
        return 0, None
    block = text[3 : close.start()]
    title: str | None = None
    try:
        import yaml

        data = yaml.safe_load(block)
        if isinstance(data, dict) and isinstance(data.get("title"), str | int | float):
            title = str(data["title"])
    except Exception:  # malformed YAML: fall back to the title line as written
        m = _TITLE_LINE.search(block)
        title = m.group(1) if m else None
    return close.end(), clean_title(title)


def read_text(text: str, fmt: SourceFormat) -> Extracted:
    """A decoded text or Markdown file; Markdown front matter is dropped, its title kept."""
    start, title = (0, None)
    if fmt is SourceFormat.MD:
        start, title = front_matter(text)
    return Extracted(format=fmt, raw=text, title=title, start=start)
