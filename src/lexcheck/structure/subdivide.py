"""Stages 4-7: subsections, paragraphs, subparagraphs, provisos and definitions inside a body.

Markers are found at line starts and, for statutes run together on one line, after sentence
breaks; a marker starts a provision only when it continues a sequence already open ((1)→(2),
(a)→(b), i→ii) or opens a new level with its first value. ``(i)`` after ``(h)`` is settled by
the next marker: ``(ii)`` makes it roman, anything else a letter.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lexcheck.structure.definitions import find_inline, term_at, unquoted_term_at
from lexcheck.structure.lines import Line
from lexcheck.structure.nodes import Node
from lexcheck.structure.numbers import alpha_to_int, is_roman, roman_to_int
from lexcheck.structure.provisos import paragrafo_at, proviso_at

# "(2.1)" and "(a.1)": items inserted between (2) and (3), (a) and (b) by an amendment
_PAREN = re.compile(
    r"\[?\((?P<v>\d{1,3}(?:-?[A-Z]{1,2}|\.\d{1,2})?|[A-Z]\d{1,2}|[a-z]{1,4}(?:\.\d{1,2})?"
    r"|[A-Z]{1,4})\)(?=[\s—–\-:.,;]|$)"
)
_DIGITS = re.compile(r"\d+")
_DOT = re.compile(r"(?P<v>\d{1,3})[.)](?:-|–|—)?(?=\s)")
_CLOSE = re.compile(r"(?P<v>[a-z]{1,2})\)(?=\s)")
# inside a line a marker counts only after a sentence break: ":", ";", ". ", "—", "--", "* * *"
_INLINE_MARK = re.compile(
    r"\[?\((?:\d{1,3}(?:-?[A-Z]{1,2}|\.\d{1,2})?|[A-Z]\d{1,2}|[a-z]{1,4}(?:\.\d{1,2})?"
    r"|[A-Z]{1,4})\)(?=\s)|Provided\b"
)
_BREAK_BEFORE = re.compile(
    r"(?:[:;]\s*(?:(?:or|and)\s+)?|[.]\s+|[—–]\s*|-{2,}\s*|,\s*-+\s*|(?:\*\s*){3,})$"
)
# a wrapped line that begins "(2) of section 5" continues a cross-reference
_REF_END = re.compile(
    r"(?:\b(?:sub-?sections?|sections?|(?:sub-?)?paragraphs?|articles?|clauses?|items?|rules?|"
    r"regulations?|schedules?|parts?|chapters?|under|in|of|to|by|from|with|see|and|or)\s*)$",
    re.IGNORECASE,
)
_BREAK_END = re.compile(r"(?:[.;:—–\-]|\b(?:and|or))\s*$")


@dataclass(slots=True)
class Token:
    pos: int  # offset of the marker
    kind: str  # paren, dot, close, def, proviso, paragrafo
    value: str = ""
    line_start: bool = True
    terms: list[str] | None = None
    lead: int = -1  # start of the marker's line (bullets, indentation) when it opens the line
    heading: str | None = None  # a marginal note printed on the line above the marker


@dataclass(slots=True)
class Level:
    style: str
    value: float
    node: Node


def _styles(tok: Token) -> list[str]:
    return _styles_of(tok.kind, tok.value)


@functools.lru_cache(maxsize=2048)
def _styles_of(kind: str, v: str) -> list[str]:
    v = v.split(".")[0]  # an inserted item "(a.1)" has the style of "(a)"
    if kind == "dot":
        return ["dot"]
    if kind == "close":
        return ["close"]
    if v[0].isdigit() or (v[0].isupper() and v[1:].isdigit()):
        return ["arabic"]  # (1), (1A), and (A1) inserted before (1)
    if v.islower():
        if len(v) == 1:
            return ["alpha", "roman"] if is_roman(v) else ["alpha"]
        if is_roman(v):
            return ["roman", "alpha"] if len(set(v)) == 1 else ["roman"]
        return ["alpha"] if len(set(v)) == 1 or len(v) == 2 else []
    if len(v) == 1:
        return ["upper", "upper_roman"] if is_roman(v) else ["upper"]
    if is_roman(v):
        return ["upper_roman"]
    return ["upper"] if len(set(v)) == 1 else []


@functools.lru_cache(maxsize=4096)
def _value(style: str, v: str) -> float:
    if "." in v and style != "dot":
        # "(2.1)" between (2) and (2A)/(3); "(a.1)" between (a) and (b)
        head, _, inserted = v.partition(".")
        return _value(style, head) + (int(inserted) if style == "arabic" else int(inserted) / 100)
    if style == "arabic" and v[0].isalpha():
        return int(v[1:])  # (A1) < (A2) < (1)
    if style in ("arabic", "dot"):
        m = _DIGITS.match(v)
        base = int(m.group()) if m else 0
        suffix = v[m.end() :].lstrip("-") if m else ""
        # 2 < 2A < 2B < 3: scale so insertions sit between
        return base * 100 + (alpha_to_int(suffix) if suffix else 0)
    if style in ("roman", "upper_roman"):
        return roman_to_int(v)
    return alpha_to_int(v)


def _is_first(style: str, value: float) -> bool:
    if style == "arabic":
        return value in (100, 1)  # (1), or (A1) inserted before it
    return value == (100 if style == "dot" else 1)


def _follows(style: str, prev: float, value: float, gap: int) -> bool:
    if style in ("arabic", "dot"):
        if value // 100 == prev // 100:
            return value > prev  # 2 → 2A → 2B
        return (prev // 100 < value // 100 <= prev // 100 + 1 + gap and value % 100 == 0) or (
            value // 100 == prev // 100 + 1 and value % 100 == 1
        )
    return prev < value <= prev + 1 + gap


def find_tokens(
    text: str, lines: list[Line], start: int, end: int, *, allow_dot: bool, first_line: int
) -> list[Token]:
    """Candidate markers in ``text[start:end]``, in order."""
    tokens: list[Token] = []
    prev_content = ""
    # A short line after a break, right above a marker, is the marker's marginal note
    # ("Detention separate from adults" / "(3) A young person ..."), not the end of the
    # provision before it.
    note: Line | None = None
    after_break = True
    for li in range(first_line, len(lines)):
        line = lines[li]
        if line.start >= end:
            break
        if line.end <= start or line.skip:
            continue
        if line.quoted or line.blank:
            if not line.blank:
                prev_content = line.content
            after_break = True
            note = None
            continue
        seg_start = max(line.cstart, start)
        seg_end = min(line.end, end)
        before = len(tokens)
        _line_start_token(text, seg_start, tokens, "" if note else prev_content, allow_dot)
        if len(tokens) > before and seg_start == line.cstart:
            tokens[-1].lead = line.start
            if note is not None and tokens[-1].kind == "paren" and note.start >= start:
                tokens[-1].lead = note.start
                tokens[-1].heading = note.content
        _inline_tokens(text, seg_start, seg_end, tokens)
        note = line if after_break and len(tokens) == before and _is_note(line.content) else None
        after_break = line.content.endswith((".", ";", ":"))
        prev_content = line.content
    return tokens


_NOTE = re.compile(r"[A-Z][\w’',()-]*(?: [\w’',()-]+){0,9}")


def _is_note(content: str) -> bool:
    """A marginal note: a capitalised phrase of at most ten words with no closing punctuation."""
    return (
        len(content) <= 90
        and not content.endswith((".", ",", ";", ":", "—", "–", "-"))
        and _NOTE.fullmatch(content) is not None
        and not content.isupper()
    )


def _line_start_token(
    text: str, pos: int, tokens: list[Token], prev_content: str, allow_dot: bool
) -> None:
    m = _PAREN.match(text, pos)
    if m:
        # "(2) of section 5" wrapped from "… subsection" is a cross-reference
        tail = len(prev_content) - 40
        if (
            prev_content
            and _REF_END.search(prev_content, max(0, tail))
            and not _BREAK_END.search(prev_content, max(0, tail))
        ):
            return
        tok = Token(m.start(), "paren", m.group("v"))
        tok.terms = term_at(text, _skip_space(text, m.end()))
        tokens.append(tok)
        return
    if allow_dot:
        m = _DOT.match(text, pos)
        if m:
            tok = Token(m.start(), "dot", m.group("v"))
            tok.terms = term_at(text, _skip_space(text, m.end()))
            tokens.append(tok)
            return
        m = _CLOSE.match(text, pos)
        if m:
            tokens.append(Token(m.start(), "close", m.group("v")))
            return
    if proviso_at(text, pos):
        tokens.append(Token(pos, "proviso"))
        return
    found, num = paragrafo_at(text, pos)
    if found:
        tokens.append(Token(pos, "paragrafo", num or ""))
        return
    terms = term_at(text, pos)
    if not terms and (not prev_content.strip() or prev_content.rstrip()[-1] in ".:;)"):
        terms = unquoted_term_at(text, pos)
    if terms:
        tokens.append(Token(pos, "def", terms=terms))


def _inline_tokens(text: str, start: int, end: int, tokens: list[Token]) -> None:
    if text.find("(", start + 1, end) < 0 and text.find("Provided", start + 1, end) < 0:
        return  # most lines hold no marker at all
    for m in _INLINE_MARK.finditer(text, start + 1, end):
        pos = m.start()
        if not _BREAK_BEFORE.search(text, max(start, pos - 16), pos) and not _opens_body(
            text, m, tokens
        ):
            continue
        if text.startswith("Provided", pos):
            if proviso_at(text, pos):
                tokens.append(Token(pos, "proviso", line_start=False))
            continue
        pm = _PAREN.match(text, pos)
        if not pm:
            continue
        tok = Token(pos, "paren", pm.group("v"), line_start=False)
        tok.terms = term_at(text, _skip_space(text, pm.end()))
        tokens.append(tok)


def _opens_body(text: str, m: re.Match[str], tokens: list[Token]) -> bool:
    """A run-together section's first subsection may follow its heading with no break:
    "Section 3. Detention (1) No child …" — only "(1)" before any other marker, and only when
    a capitalised sentence follows."""
    if tokens or m.group().lstrip("[") != "(1)":
        return False
    after = _skip_space(text, m.end())
    return after < len(text) and text[after].isupper()


def _skip_space(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos] in " \t":
        pos += 1
    return pos


def nest(root: Node, tokens: list[Token]) -> None:
    """Build ``root``'s descendants from its markers, enforcing numbering sequence."""
    stack: list[Level] = []
    for i, tok in enumerate(tokens):
        if tok.kind == "def":
            _place_definition(root, stack, tok)
            continue
        if tok.kind == "proviso":
            _place_proviso(root, stack, tok)
            continue
        if tok.kind == "paragrafo":
            stack.clear()
            node = Node(
                "proviso", tok.value or None, tok.pos, keyword="paragrafo", style="paragrafo"
            )
            root.children.append(node)
            stack.append(Level("paragrafo", 0, node))
            continue
        placed = _place_marker(stack, tok, tokens, i)
        if placed is None:
            continue
        depth, style, value = placed
        del stack[depth:]
        parent = stack[-1].node if stack else root
        node = Node("marker", tok.value, tok.pos, style=style, lead_start=tok.lead)
        if tok.heading:
            # the note belongs to the item it stands above: its text starts there
            node.start, node.heading = tok.lead, tok.heading
        if tok.terms:
            node.kind = "definition"
            node.terms = list(tok.terms)
        parent.children.append(node)
        stack.append(Level(style, value, node))


def _place_marker(
    stack: list[Level], tok: Token, tokens: list[Token], i: int
) -> tuple[int, str, float] | None:
    styles = _styles(tok)
    if not styles:
        return None
    gap = 3 if tok.line_start else 2
    sibling: tuple[int, str, float] | None = None
    for depth in range(len(stack) - 1, -1, -1):
        lvl = stack[depth]
        if lvl.style in styles:
            value = _value(lvl.style, tok.value)
            if _follows(lvl.style, lvl.value, value, gap):
                sibling = (depth, lvl.style, value)
                break
    open_styles = {lvl.style for lvl in stack}
    child: tuple[int, str, float] | None = None
    for style in styles:
        value = _value(style, tok.value)
        if _is_first(style, value) and style not in open_styles:
            child = (len(stack), style, value)
            break
    if sibling and child:
        # "(i)" after "(h)": a roman list starts only if "(ii)" comes next
        nxt = _next_marker(tokens, i)
        if child[1] in ("roman", "upper_roman") and nxt is not None and nxt.value in ("ii", "II"):
            return child
        return sibling
    return sibling or child


def _next_marker(tokens: list[Token], i: int) -> Token | None:
    for tok in tokens[i + 1 : i + 6]:
        if tok.kind == "paren":
            return tok
    return None


def _place_definition(root: Node, stack: list[Level], tok: Token) -> None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].style == "def":
            del stack[depth:]
            break
    parent = stack[-1].node if stack else root
    node = Node(
        "definition", None, tok.pos, style="def", terms=list(tok.terms or []), lead_start=tok.lead
    )
    parent.children.append(node)
    stack.append(Level("def", 0, node))


def _place_proviso(root: Node, stack: list[Level], tok: Token) -> None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].style == "proviso":
            del stack[depth:]
            break
    else:
        if tok.line_start:
            # a proviso on its own line qualifies the subsection (or the section)
            keep = 1 if stack and stack[0].style == "arabic" else 0
            del stack[keep:]
    parent = stack[-1].node if stack else root
    node = Node("proviso", None, tok.pos, style="proviso", lead_start=tok.lead)
    parent.children.append(node)
    stack.append(Level("proviso", 0, node))


def add_inline_definitions(node: Node, text: str, start: int) -> None:
    """Definitions in ``node``'s own running text (before its first child) become children."""
    if node.kind == "definition":
        return
    limit = node.children[0].start if node.children else node.end
    if node.children and 0 <= node.children[0].lead_start < limit:
        limit = max(start, node.children[0].lead_start)
    found = find_inline(text, start, limit) if start < limit else []
    defs = [
        Node("definition", None, a, end=b, style="def", terms=terms, lead_start=a)
        for a, b, terms in found
    ]
    for child in node.children:
        add_inline_definitions(child, text, child.start)
    node.children = defs + node.children


def close_civil_items(node: Node, text: str) -> None:
    """A civil-law numeral ("1. …", "a) …") is one paragraph: closing text after the list
    belongs to the article, not to the last numeral."""
    for child in node.children:
        close_civil_items(child, text)
        if child.style in ("dot", "close"):
            stop = text.find("\n\n", child.start, child.end)
            if stop >= 0 and (not child.children or child.children[-1].end <= stop):
                child.end = stop


# "(a) In general.—A juvenile …" / "(2) Juveniles posing risk of harm.—": a heading in the item
# (the full stop before the dash is what marks it: "(2) A child shall be kept apart—" is text)
_ITEM_HEADING = re.compile(r"[ \t]*(?P<h>[A-Z][^.—–\n]{1,80}?)\.(?:[ \t]*[—–]|--)")


def item_headings(node: Node, text: str) -> None:
    """Give list items the heading US-style drafting prints after their number."""
    for child in node.children:
        if child.style not in ("def", "proviso", "paragrafo") and child.number:
            close = text.find(")", child.start, child.start + 8)
            if close > 0:
                m = _ITEM_HEADING.match(text, close + 1, child.end)
                if m:
                    child.heading = m.group("h").strip()
        item_headings(child, text)
