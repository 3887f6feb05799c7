"""Build the provision tree of a statute from its ``SourceText`` (a chain of small stages).

lines (markdown, front matter) → skip a table of contents → split run-together statutes →
headings (Parts, Chapters, Titles, Divisions, Books, schedules) → section/article candidates →
demote false ones by sequence → cross-headings → nest containers, set spans → subsections,
paragraphs, subparagraphs, provisos, definitions → labels, eIds, lines → ``Provision`` tree.
Akoma Ntoso input arrives with its tree already built and is used as is.
"""

from __future__ import annotations

from lexcheck.models import DocumentInfo, ParsedDocument, SourceText
from lexcheck.structure import assemble, sections
from lexcheck.structure.crossheadings import find_crossheadings
from lexcheck.structure.headings import find_headings
from lexcheck.structure.lines import Line, line_index, split_lines
from lexcheck.structure.meta import derive_title, detect_language
from lexcheck.structure.nodes import Node
from lexcheck.structure.runon import split_run_on
from lexcheck.structure.subdivide import (
    add_inline_definitions,
    close_civil_items,
    find_tokens,
    item_headings,
    nest,
)
from lexcheck.structure.toc import skip_contents

__all__ = ["build"]


def build(source: SourceText) -> ParsedDocument:
    """Return the document's provision tree."""
    language = source.language or detect_language(source.text)
    if source.provisions is not None:
        provisions = list(source.provisions)
    else:
        roots = _parse(source)
        assemble.name(roots, None, set(), source)
        provisions = assemble.to_provisions(roots, source.text)
    first = provisions[0].start if provisions else None
    title = source.title or derive_title(source.text, first)
    info = DocumentInfo(path=source.path, title=title, language=language, sha256=source.sha256)
    return ParsedDocument(
        document=info,
        format=source.format,
        text=source.text,
        provisions=provisions,
        line_starts=source.line_starts,
    )


def _parse(source: SourceText) -> list[Node]:
    text = source.text
    lines = split_lines(text)
    skip_contents(lines)
    found = sections.candidates(lines)
    if sum(len(v) for v in found.values()) < 2:
        # no line starts a section: the statute may be run together on a few long lines
        lines = split_run_on(lines, text)
        found = sections.candidates(lines)
    strong = [c.line.start for cands in found.values() for c in cands if c.strong]
    heads = find_headings(lines, schedules_from=min(strong, default=0))
    schedules = [h for h in heads if h.kind == "schedule"]
    containers = [h for h in heads if h.kind != "schedule"]
    body_end = schedules[0].start if schedules else len(text)

    found = {f: [c for c in cands if c.line.start < body_end] for f, cands in found.items()}
    family = sections.choose_family(found)
    kept = sections.sequence(found[family]) if family else []
    kind = "article" if family == "article" else "section"
    items: list[Node] = [sections.build_section(c, lines, kind) for c in kept]
    items.extend(find_crossheadings(lines, items, body_end, containers))

    for i, sched in enumerate(schedules):
        limit = schedules[i + 1].start if i + 1 < len(schedules) else len(text)
        lo = line_index(lines, sched.body_start)
        window = lines[lo : line_index(lines, limit) + 1]
        sched_lines = [ln for ln in window if sched.body_start <= ln.start < limit]
        paras = sections.sequence(sections.candidates(sched_lines)["bare"], restart=True)
        for cand in paras:
            node = sections.build_section(cand, lines, "paragraph")
            node.keyword = "schedpara"
            items.append(node)
    items.extend(containers)
    items.extend(schedules)
    items.sort(key=lambda n: (n.start, 0 if n.kind != "paragraph" else 1))

    index_of_start = {ln.start: ln.index for ln in lines}
    taken = {_line_start_of(lines, node.start) for node in items}
    for node in items:
        if node.lead_start < 0:
            node.lead_start = _line_start_of(lines, node.start)
        assemble.extend_lead(node, lines, index_of_start, taken)
    roots = assemble.nest_top(items)
    assemble.set_ends(roots, len(text), text)

    tradition = _tradition(family, kept)
    allow_dot = family == "article"
    for node in _walk(roots):
        if node.kind in ("section", "article") or node.keyword == "schedpara":
            _subdivide(node, text, lines, allow_dot, tradition, node.end)
        elif node.kind == "schedule":
            limit = node.children[0].lead_start if node.children else node.end
            _subdivide(node, text, lines, False, tradition, max(limit, node.body_start))
    return roots


def _subdivide(
    node: Node, text: str, lines: list[Line], allow_dot: bool, tradition: str, limit: int
) -> None:
    start = max(node.body_start, node.start)
    if start >= limit:
        return
    first = line_index(lines, start)
    tokens = find_tokens(text, lines, start, limit, allow_dot=allow_dot, first_line=first)
    holder = Node(
        node.kind, node.number, node.start, end=min(limit, node.end), keyword=node.keyword
    )
    nest(holder, tokens)
    assemble.set_ends(holder.children, holder.end, text)
    close_civil_items(holder, text)
    item_headings(holder, text)
    assemble.assign_kinds(holder, tradition)
    add_inline_definitions(holder, text, start)
    node.children = holder.children + node.children


def _tradition(family: str | None, kept: list[sections.Candidate]) -> str:
    """us: "§ 5031" or "SEC. 7." numbering, where (a) is a subsection and (1) a paragraph."""
    if family == "sign" or any(c.line.content[:4].upper() == "SEC." for c in kept):
        return "us"
    if family == "article":
        return "civil"
    return "commonwealth"


def _line_start_of(lines: list[Line], offset: int) -> int:
    return lines[line_index(lines, offset)].start


def _walk(nodes: list[Node]) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        out.append(node)
        out.extend(_walk(node.children))
    return out
