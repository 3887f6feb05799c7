"""Word .docx: body paragraphs and tables in order, with automatic list numbers made visible.

Each paragraph becomes one line (a table row is one line, cells joined by `` | ``). Word keeps
list labels such as "(a)" or "7." out of the text, in ``numbering.xml``; they are rendered here
from the level definitions (format, label template, start value, restarts) and per-list
counters, so the text reads as the adviser sees it on screen.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from lexcheck.errors import InputError
from lexcheck.ingest.common import Extracted, clean_title
from lexcheck.ingest.limits import check_zip
from lexcheck.models import SourceFormat

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Containers whose text is not part of the visible body: deleted revisions, moved-away text,
# duplicated fallbacks, text boxes, field instructions (their results are plain runs).
_SKIP = frozenset(
    {W + "del", W + "moveFrom", MC_FALLBACK, W + "txbxContent", W + "instrText", W + "pPr"}
)
_WRAPPERS = frozenset({W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"})


def _val(el: Any, tag: str) -> str | None:
    """``w:val`` of child ``tag`` of ``el`` (None if either is missing)."""
    if el is None:
        return None
    child = el.find(W + tag)
    return None if child is None else child.get(W + "val")


def _int(s: str | None, default: int) -> int:
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default


# ---------------------------------------------------------------- number formats


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, digits in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    """Word's letters: a..z, then aa..zz, aaa..: the letter repeated, not base 26."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in Word's ``numFmt`` (unknown formats fall back to decimal)."""
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "ordinal":
        return _ordinal(n)
    if fmt == "none":
        return ""
    return str(n)


# ---------------------------------------------------------------- numbering.xml


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 = never
    legal: bool = False  # w:isLgl: show higher levels as decimal
    suffix: str = "tab"
    style: str | None = None  # w:pStyle: paragraphs in this style use this level


def _level(lvl: Any) -> Level:
    fmt = _val(lvl, "numFmt") or "decimal"
    text = _val(lvl, "lvlText")
    restart = _val(lvl, "lvlRestart")
    return Level(
        start=_int(_val(lvl, "start"), 1 if fmt != "decimalZero" else 0),
        fmt=fmt,
        text=text if text is not None else "",
        restart=_int(restart, 0) if restart is not None else None,
        legal=lvl.find(W + "isLgl") is not None and _val(lvl, "isLgl") not in ("0", "false"),
        suffix=_val(lvl, "suff") or "tab",
        style=_val(lvl, "pStyle"),
    )


class Numbering:
    """Level definitions and running counters for every list in the document."""

    def __init__(self, root: Any | None, styles: dict[str, Style] | None = None) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, Level]]] = {}
        self.starts: dict[str, dict[int, int]] = {}
        self.counters: dict[str, list[int | None]] = {}
        if root is None:
            return
        for an in root.findall(W + "abstractNum"):
            aid = an.get(W + "abstractNumId") or ""
            self.abstract[aid] = {
                _int(lvl.get(W + "ilvl"), 0): _level(lvl) for lvl in an.findall(W + "lvl")
            }
        for num in root.findall(W + "num"):
            nid = num.get(W + "numId") or ""
            aid = _val(num, "abstractNumId") or ""
            overrides: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for ov in num.findall(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"), 0)
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    overrides[ilvl] = _level(lvl)
                so = _val(ov, "startOverride")
                if so is not None:
                    starts[ilvl] = _int(so, 1)
            self.nums[nid] = (aid, overrides)
            self.starts[nid] = starts
        self._follow_style_links(root, styles or {})

    def _follow_style_links(self, root: Any, styles: dict[str, Style]) -> None:
        """A list defined through a numbering style (``w:numStyleLink``) has no levels of its
        own: it uses those of the list the style points to (legal templates do this)."""
        for an in root.findall(W + "abstractNum"):
            link = _val(an, "numStyleLink")
            aid = an.get(W + "abstractNumId") or ""
            if not link or self.abstract.get(aid):
                continue
            style = styles.get(link)
            target = self.nums.get(style.num_id or "") if style else None
            if target is not None and target[0] != aid:
                for nid, (num_aid, overrides) in self.nums.items():
                    if num_aid == aid:
                        self.nums[nid] = (target[0], overrides)

    def _levels(self, nid: str) -> dict[int, Level]:
        aid, overrides = self.nums.get(nid, ("", {}))
        levels = dict(self.abstract.get(aid, {}))
        levels.update(overrides)
        return levels

    def level_of_style(self, nid: str, style: str) -> int:
        for ilvl, level in self._levels(nid).items():
            if level.style == style:
                return ilvl
        return 0

    def label(self, nid: str, ilvl: int) -> str:
        """Advance the counter of list ``nid`` at level ``ilvl`` and return the visible label."""
        if nid not in self.nums:
            return ""
        levels = self._levels(nid)
        level = levels.get(ilvl)
        if level is None:
            return ""
        aid = self.nums[nid][0]
        starts = self.starts[nid]
        # Lists that share an abstract definition continue one another, as in Word, unless a
        # list restarts its numbering (startOverride / level override): then it counts alone.
        key = f"num:{nid}" if starts or self.nums[nid][1] else f"abs:{aid}"
        vals = self.counters.setdefault(key, [None] * 10)

        def start(i: int) -> int:
            if i in starts:
                return starts[i]
            lvl = levels.get(i)
            return lvl.start if lvl else 1

        current = vals[ilvl]
        vals[ilvl] = start(ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, len(vals)):
            lvl = levels.get(deeper)
            restart = lvl.restart if lvl else None
            if restart is None or (restart != 0 and ilvl < restart):
                vals[deeper] = None
        if level.fmt == "bullet":
            return "•" if not level.text or not level.text.isprintable() else _bullet(level.text)
        out = []
        text = level.text
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                ref = int(text[i + 1]) - 1
                value = vals[ref] if 0 <= ref < len(vals) and vals[ref] is not None else start(ref)
                ref_level = levels.get(ref)
                fmt = ref_level.fmt if ref_level else "decimal"
                if level.legal and ref != ilvl:
                    fmt = "decimal"
                out.append(format_number(value or 0, fmt))
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out)

    def suffix(self, nid: str, ilvl: int) -> str:
        level = self._levels(nid).get(ilvl)
        return "" if level is not None and level.suffix == "nothing" else " "


def _bullet(text: str) -> str:
    # Symbol/Wingdings bullets live in the private use area: show a plain bullet instead.
    return "•" if any(0xE000 <= ord(c) <= 0xF8FF for c in text) else text


# ---------------------------------------------------------------- styles


@dataclass
class Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None


def _styles(doc: Any) -> dict[str, Style]:
    out: dict[str, Style] = {}
    try:
        root = doc.styles.element
    except Exception:  # a document without styles.xml
        return out
    for st in root.findall(W + "style"):
        sid = st.get(W + "styleId")
        if not sid:
            continue
        ppr = st.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        ilvl = _val(numpr, "ilvl")
        out[sid] = Style(
            name=_val(st, "name") or sid,
            based_on=_val(st, "basedOn"),
            num_id=_val(numpr, "numId"),
            ilvl=_int(ilvl, 0) if ilvl is not None else None,
        )
    return out


def _style_numbering(styles: dict[str, Style], sid: str | None) -> tuple[str | None, int | None]:
    seen: set[str] = set()
    while sid and sid in styles and sid not in seen:
        seen.add(sid)
        st = styles[sid]
        if st.num_id is not None:
            return st.num_id, st.ilvl
        sid = st.based_on
    return None, None


# ---------------------------------------------------------------- body


def _run_text(el: Any, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag == W + "tab" or tag == W + "br" or tag == W + "cr":
            out.append(" " if tag != W + "tab" else "\t")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        else:
            _run_text(child, out)


class _Body:
    def __init__(self, doc: Any) -> None:
        self.styles = _styles(doc)
        try:
            root = doc.part.numbering_part.element
        except Exception:  # no numbering part
            root = None
        self.numbering = Numbering(root, self.styles)
        self.lines: list[str] = []
        self.title_style: str | None = None
        self.first_heading: str | None = None

    def paragraph(self, p: Any) -> str:
        ppr = p.find(W + "pPr")
        sid = _val(ppr, "pStyle")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        nid = _val(numpr, "numId")
        ilvl_s = _val(numpr, "ilvl")
        ilvl = _int(ilvl_s, 0) if ilvl_s is not None else None
        if nid is None:
            nid, style_ilvl = _style_numbering(self.styles, sid)
            if ilvl is None:
                ilvl = style_ilvl
        if nid is not None and ilvl is None:
            ilvl = self.numbering.level_of_style(nid, sid) if sid else 0
        parts: list[str] = []
        _run_text(p, parts)
        text = "".join(parts)
        if nid is not None and nid != "0":
            # Word counts an empty numbered paragraph too, but shows nothing worth a line.
            label = self.numbering.label(nid, ilvl or 0)
            if label and text.strip():
                text = label + self.numbering.suffix(nid, ilvl or 0) + text.lstrip()
        style_name = self.styles[sid].name.lower() if sid in self.styles else ""
        if text.strip():
            if style_name == "title" and self.title_style is None:
                self.title_style = text
            elif style_name.startswith("heading") and self.first_heading is None:
                self.first_heading = text
        return text

    def cell(self, tc: Any) -> str:
        texts: list[str] = []
        for block in _blocks(tc):
            if block.tag == W + "p":
                texts.append(self.paragraph(block))
            else:
                texts.extend(self.rows(block))
        return " ".join(t.strip() for t in texts if t.strip())

    def rows(self, tbl: Any) -> list[str]:
        out = []
        for tr in _children(tbl, W + "tr"):
            cells = [self.cell(tc) for tc in _children(tr, W + "tc")]
            if any(cells):
                out.append(" | ".join(cells))
        return out

    def walk(self, body: Any) -> None:
        for block in _blocks(body):
            if block.tag == W + "p":
                self.lines.append(self.paragraph(block))
            else:
                self.lines.extend(self.rows(block))


def _children(el: Any, tag: str) -> list[Any]:
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    out = []
    for child in el:
        if child.tag == tag:
            out.append(child)
        elif child.tag in _WRAPPERS:
            out.extend(_children(child, tag))
    return out


def _blocks(el: Any) -> list[Any]:
    out = []
    for child in el:
        if child.tag in (W + "p", W + "tbl"):
            out.append(child)
        elif child.tag in _WRAPPERS:
            out.extend(_blocks(child))
    return out


def read_docx(raw: bytes, name: str, max_bytes: int) -> Extracted:
    """Extract a .docx after checking the archive is not a zip bomb."""
    check_zip(raw, name, max_bytes)
    import docx

    try:
        doc = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise InputError(name, f"corrupt Word document ({type(exc).__name__}: {exc})") from exc
    body = _Body(doc)
    try:
        body.walk(doc.element.body)
        core_title = doc.core_properties.title
    except Exception as exc:
        raise InputError(name, f"corrupt Word document ({type(exc).__name__}: {exc})") from exc
    title = clean_title(core_title) or clean_title(body.title_style)
    title = title or clean_title(body.first_heading)
    return Extracted(format=SourceFormat.DOCX, raw="\n".join(body.lines) + "\n", title=title)
