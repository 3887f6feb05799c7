"""Build a ParsedDocument from simple statute text for engine tests (independent of the parser).

Lines starting "Section N." / "N." / "Article N" open a section or article; "(1)" a subsection;
"(a)" a paragraph; "(i)", "(ii)" ... a subparagraph under a paragraph; "Provided that" a proviso;
a line '"term" means ...' inside a section a definition. Other lines continue the current node.
"""

from __future__ import annotations

import hashlib
import re

from lexcheck.models import DocumentInfo, ParsedDocument, Provision, SourceFormat

_SECTION = re.compile(r"^(?:Section\s+|§\s*)?(\d+[A-Z]?)\.\s*(.*)$")
_ARTICLE = re.compile(r"^(?:Article|Artículo|Article)\s+(\d+[A-Za-z]?)\.?\s*[-–.:]?\s*(.*)$", re.I)
_ENUM = re.compile(r"^\((\w+)\)\s*")
_DEF = re.compile(r"^[\"“]([^\"”]+)[\"”]\s+(?:means|includes)")
_ROMAN = re.compile(r"^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)$")
_LEVEL = {"section": 0, "article": 0, "subsection": 1, "paragraph": 2, "subparagraph": 3}


def build(text: str, path: str = "test.txt", language: str = "en") -> ParsedDocument:
    """Parse ``text`` into a provision tree."""
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        lines.append((pos, pos + len(raw.rstrip("\n")), raw.rstrip("\n")))
        pos += len(raw)
    roots: list[Provision] = []
    stack: list[tuple[int, Provision]] = []  # (level, node)

    def close_to(level: int) -> None:
        while stack and stack[-1][0] >= level:
            stack.pop()

    def add(level: int, node: Provision) -> None:
        close_to(level)
        if stack:
            stack[-1][1].children.append(node)
        else:
            roots.append(node)
        stack.append((level, node))

    line_no = 0
    for start, end, line in lines:
        line_no += 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = start + (len(line) - len(line.lstrip()))
        m_sec = _SECTION.match(stripped)
        m_art = _ARTICLE.match(stripped)
        m_enum = _ENUM.match(stripped)
        node: Provision | None = None
        level = 0
        if m_art:
            num = m_art.group(1)
            node = _node(
                "article", num, f"article {num}", f"art_{num}", m_art.group(2), lead, end, line_no
            )
        elif m_sec:
            num = m_sec.group(1)
            node = _node(
                "section", num, f"section {num}", f"sec_{num}", m_sec.group(2), lead, end, line_no
            )
        elif m_enum and stack:
            tag = m_enum.group(1)
            current = [n for lv, n in stack]
            parent_level = stack[-1][0]
            if tag.isdigit():
                kind = "subsection"
            elif (
                _ROMAN.match(tag)
                and parent_level >= 2
                and not (tag == "i" and stack[-1][1].number == "h")
            ):
                kind = "subparagraph"
            else:
                kind = "paragraph"
            level = _LEVEL[kind]
            close_to(level)
            parent = stack[-1][1] if stack else current[0]
            node = _node(
                kind,
                tag,
                f"{parent.label}({tag})",
                f"{parent.eid}__{kind[:4]}_{tag}",
                None,
                lead,
                end,
                line_no,
            )
        elif stripped.lower().startswith("provided") and stack:
            parent = stack[-1][1]
            level = stack[-1][0] + 1
            node = _node(
                "proviso",
                None,
                f"{parent.label} proviso",
                f"{parent.eid}__proviso",
                None,
                lead,
                end,
                line_no,
            )
        elif _DEF.match(stripped) and stack:
            term = _DEF.match(stripped).group(1)  # type: ignore[union-attr]
            parent = stack[0][1]
            level = 1
            node = _node(
                "definition",
                None,
                f'{parent.label}("{term}")',
                f"{parent.eid}__def_{term.replace(' ', '_')}",
                None,
                lead,
                end,
                line_no,
            )
            node.terms.append(term)
        if node is not None:
            add(level, node)
        else:
            for _, open_node in stack:
                open_node.end = end
    _fix(roots, text)
    starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    return ParsedDocument(
        document=DocumentInfo(
            path=path,
            title=None,
            language=language,
            sha256=hashlib.sha256(text.encode()).hexdigest(),
        ),
        format=SourceFormat.TXT,
        text=text,
        provisions=roots,
        line_starts=starts,
    )


def _node(kind, number, label, eid, heading, start, end, line):  # type: ignore[no-untyped-def]
    return Provision(
        kind=kind,
        number=number,
        label=label,
        eid=eid,
        heading=heading or None,
        text="",
        start=start,
        end=end,
        line=line,
    )


def _fix(nodes: list[Provision], text: str) -> None:
    for n in nodes:
        _fix(n.children, text)
        if n.children:
            n.end = max(n.end, max(c.end for c in n.children))
        n.text = text[n.start : n.end]
