"""HTML statute pages (legal information institutes): block elements become lines.

Parsed with lxml's HTML parser (no network, no DTD, no entity definitions); scripts, styles,
navigation, page headers/footers and asides are dropped; a table row is one line with cells
joined by `` | ``; ``<br>`` breaks a line; ``<pre>`` keeps its own lines.
"""

from __future__ import annotations

import re
from typing import Any

from lexcheck.errors import InputError
from lexcheck.ingest.common import Extracted, clean_title
from lexcheck.models import SourceFormat

_DROP = frozenset(
    {
        "script",
        "style",
        "nav",
        "header",
        "footer",
        "aside",
        "noscript",
        "template",
        "head",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "button",
        "select",
        "form",
        "input",
        "textarea",
        "menu",
    }
)
_DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary"})
_BLOCK = frozenset(
    {
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "main",
        "blockquote",
        "address",
        "center",
        "figure",
        "figcaption",
        "caption",
        "hr",
        "body",
        "html",
        "fieldset",
        "details",
        "summary",
    }
)
_SPACE = re.compile(r"[ \t\n\r\f]+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _hidden(el: Any) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if (el.get("role") or "").lower() in _DROP_ROLES:
        return True
    return bool(_HIDDEN_STYLE.search(el.get("style") or ""))


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.buf)).strip()
        self.buf.clear()
        if text:
            self.lines.append(text)

    def inline_text(self, el: Any) -> str:
        sub = _Lines()
        sub.walk(el, tail=False)
        sub.flush()
        return " ".join(sub.lines)

    def walk(self, el: Any, *, tail: bool = True) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if tag is None or tag in _DROP or _hidden(el):
            pass  # comments, processing instructions, chrome and hidden elements
        elif tag == "br":
            self.flush()
        elif tag == "tr":
            self.flush()
            cells = [
                self.inline_text(c)
                for c in el
                if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")
            ]
            row = " | ".join(c for c in cells)
            if any(cells):
                self.lines.append(row)
        elif tag == "pre":
            self.flush()
            for line in el.text_content().splitlines():
                if line.strip():
                    self.lines.append(line.rstrip())
        else:
            block = tag in _BLOCK
            if block:
                self.flush()
            self.buf.append(el.text or "")
            for child in el:
                self.walk(child)
            if block:
                self.flush()
        if tail and el.tail:
            self.buf.append(el.tail)


def read_html(text: str, name: str) -> Extracted:
    """Extract the visible statute text of an HTML page."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True
    )
    try:
        root = lxml.html.document_fromstring(_XML_DECL.sub("", text, count=1), parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(name, f"unreadable HTML ({exc})") from exc
    title_el = root.find(".//title")
    title = clean_title(title_el.text_content()) if title_el is not None else None
    body = root.find("body")
    out = _Lines()
    out.walk(body if body is not None else root)
    out.flush()
    if title is None:
        for h1 in root.iter("h1"):
            title = clean_title(h1.text_content())
            if title:
                break
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    language = lang.split("-")[0].lower() or None
    return Extracted(
        format=SourceFormat.HTML,
        raw="\n".join(out.lines) + "\n",
        title=title,
        language=language if language and len(language) == 2 else None,
    )
