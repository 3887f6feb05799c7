"""PDF with a text layer (pdfplumber): running headers/footers and page numbers removed.

Each extracted line is a source line. Lines repeated at the top or bottom of most pages (compared
with digits masked, so "Page 3 of 40" matches "Page 4 of 40") are running heads; bare page
numbers there go too. Words hyphenated across a line break are rejoined by ``normalise`` when
the next line starts in lower case.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter

from lexcheck.errors import InputError
from lexcheck.ingest.common import Extracted, clean_title
from lexcheck.ingest.limits import check_pdf_streams
from lexcheck.models import SourceFormat

ZONE = 2  # lines at the top and at the bottom of a page that may be running heads
_DIGITS = re.compile(r"\d+")
# "12", "- 12 -", "Page 12", "Page 12 of 40", "12/40"; lower-case roman "iv" (front matter)
# only in footers. Upper-case roman numerals stay: "II" alone on a line is a Part or Chapter.
_PAGE_NUMBER = re.compile(r"^(?:(?i:page)\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$")
_ROMAN_PAGE = re.compile(r"^[-–—]?\s*[ivxlc]{1,6}\s*[-–—]?$")


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split())).lower()


def _zones(lines: list[str]) -> tuple[list[int], list[int]]:
    """Indexes of the first and last ZONE non-blank lines of a page."""
    idx = [i for i, line in enumerate(lines) if line.strip()]
    return idx[:ZONE], idx[-ZONE:] if len(idx) > ZONE else []


def strip_running_heads(pages: list[list[str]]) -> list[list[str]]:
    """Drop running headers/footers and bare page numbers from the pages' edge lines."""
    with_text = [p for p in pages if any(line.strip() for line in p)]
    threshold = max(2, math.ceil(len(with_text) * 0.5))
    top: Counter[str] = Counter()
    bottom: Counter[str] = Counter()
    for lines in pages:
        t, b = _zones(lines)
        top.update({_key(lines[i]) for i in t})
        bottom.update({_key(lines[i]) for i in b})
    out = []
    for lines in pages:
        t, b = _zones(lines)
        drop = set()
        for zone, counts in ((t, top), (b, bottom)):
            for i in zone:
                line = lines[i].strip()
                repeated = len(with_text) >= 2 and counts[_key(line)] >= threshold
                numbered = bool(_PAGE_NUMBER.match(line)) or (
                    zone is b and bool(_ROMAN_PAGE.match(line))
                )
                if repeated or numbered:
                    drop.add(i)
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out


_CID = re.compile(r"\(cid:\d+\)")


def unmapped_glyphs(pages: list[list[str]]) -> bool:
    """Most of the extracted text is pdfminer's ``(cid:N)`` for glyphs it cannot map."""
    text = "\n".join(line for lines in pages for line in lines)
    cids = _CID.findall(text)
    if not cids:
        return False
    return sum(map(len, cids)) > 0.3 * len(text.replace(" ", ""))


def _problem(exc: BaseException) -> str:
    names = " ".join(type(e).__name__ for e in (exc, *exc.args) if isinstance(e, BaseException))
    if "Password" in names or "Encrypt" in names:
        return "encrypted (password-protected) PDF; remove the password first"
    detail = str(exc) or type(exc).__name__
    return f"corrupt or unreadable PDF ({detail})"


def read_pdf(raw: bytes, name: str, max_bytes: int) -> Extracted:
    """Extract the text layer page by page, after checking the streams are no bomb."""
    check_pdf_streams(raw, name, max_bytes)
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            meta_title = pdf.metadata.get("Title") if isinstance(pdf.metadata, dict) else None
            pages = []
            for page in pdf.pages:
                pages.append((page.extract_text() or "").split("\n"))
                page.close()  # drop the page's cached layout objects: memory stays flat
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises a wide variety for damaged files
        raise InputError(name, _problem(exc)) from exc
    if not any(line.strip() for lines in pages for line in lines):
        raise InputError(name, "PDF has no text layer (scanned?); run OCR first")
    if unmapped_glyphs(pages):
        raise InputError(
            name,
            "PDF text layer is unreadable (fonts without a Unicode map: '(cid:N)' glyphs);"
            " run OCR first",
        )
    kept = strip_running_heads(pages)
    raw_text = "\n".join(line for lines in kept for line in lines) + "\n"
    title = clean_title(meta_title) if isinstance(meta_title, str) else None
    return Extracted(format=SourceFormat.PDF, raw=raw_text, title=title, join_hyphens=True)
