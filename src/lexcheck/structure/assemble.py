"""Final stages: nest containers, set spans, name every node (label, eId) and emit Provisions."""

from __future__ import annotations

from lexcheck.models import EID_PREFIX, Provision, SourceText
from lexcheck.structure.headings import CONTAINER_WORDS
from lexcheck.structure.lines import Line
from lexcheck.structure.nodes import Node
from lexcheck.structure.numbers import ORDINALS, clean_number, container_value, is_roman, slug

_DEPTH_KINDS = ("subsection", "paragraph", "subparagraph")


def nest_top(items: list[Node]) -> list[Node]:
    """Nest sections under containers; a container word seen before closes back to its level.

    Parts inside Chapters and Chapters inside Parts both work: the order in which the words
    first appear decides which one is outer. Schedules are always top level.
    """
    roots: list[Node] = []
    stack: list[Node] = []
    for node in items:
        if node.kind == "schedule":
            stack.clear()
            roots.append(node)
            stack.append(node)
            continue
        if node.kind in ("section", "article") or node.keyword == "schedpara":
            parent = stack[-1] if stack else None
            (parent.children if parent else roots).append(node)
            continue
        # a container: cross-headings close first (they are always innermost), then close
        # back to the same word if it is open
        if node.keyword != "crossheading":
            while stack and stack[-1].keyword == "crossheading":
                stack.pop()
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth].keyword == node.keyword or stack[depth].kind == "schedule":
                del stack[depth:]
                break
        parent = stack[-1] if stack else None
        (parent.children if parent else roots).append(node)
        stack.append(node)
    return roots


def extend_lead(node: Node, lines: list[Line], line_index: dict[int, int], taken: set[int]) -> None:
    """Move ``lead_start`` back over blank lines, front matter and markdown headings above it,
    so the previous provision does not swallow the next one's headings."""
    lead = node.lead_start if node.lead_start >= 0 else node.start
    i = line_index.get(lead)
    if i is None:
        node.lead_start = lead
        return
    j = i - 1
    while j >= 0:
        line = lines[j]
        if line.start in taken:
            break  # another provision starts on this line
        if line.blank or line.skip or line.md_level or line.content == "---":
            if not line.blank:
                lead = line.start
            j -= 1
            continue
        break
    node.lead_start = lead


def set_ends(nodes: list[Node], limit: int, text: str) -> None:
    """Each node ends where its next sibling's lead begins (or at ``limit``), trimmed."""
    for i, node in enumerate(nodes):
        end = limit
        if i + 1 < len(nodes):
            nxt = nodes[i + 1]
            end = nxt.lead_start if 0 <= nxt.lead_start < nxt.start else nxt.start
            end = max(end, node.start)
        end = min(end, limit)
        while end > node.start and text[end - 1].isspace():
            end -= 1
        node.end = end
        set_ends(node.children, end, text)


def assign_kinds(node: Node, tradition: str, depth: int = 0, first_style: str = "") -> None:
    """Give list items their kind from their depth and the drafting tradition.

    Commonwealth: (1) subsection, (a) paragraph, (i) subparagraph; a section with (a) directly
    has paragraphs. US Code: (a) subsection, (1) paragraph, (A) subparagraph. Inside a
    schedule's paragraph the items are subparagraphs.
    """
    if depth == 0 and node.keyword == "schedpara":
        depth = 2
    if depth == 0 and node.kind == "schedule":
        depth = 1  # items printed directly under a schedule are its paragraphs
    for child in node.children:
        if child.kind in ("marker", "definition") and child.number is not None:
            style_root = first_style or child.style
            kinds: tuple[str, ...] = _DEPTH_KINDS
            if tradition != "us" and style_root != "arabic":
                kinds = _DEPTH_KINDS[1:]
            kind = kinds[min(depth, len(kinds) - 1)]
            child.keyword = kind
            if child.kind == "marker":
                child.kind = kind
            assign_kinds(child, tradition, depth + 1, style_root)
        else:
            assign_kinds(child, tradition, depth, first_style)


def container_label(node: Node) -> str:
    word = CONTAINER_WORDS.get(node.keyword, (node.kind, node.kind, node.kind.title()))[2]
    return f"{word} {_display_number(node.number or '')}".strip()


def _display_number(number: str) -> str:
    if is_roman(number) or any(ch.isdigit() for ch in number) or len(number) == 1:
        return number.upper() if is_roman(number) else number
    return number.capitalize()


def schedule_label(node: Node) -> str:
    number = node.number or ""
    if number.lower() in ORDINALS:
        return f"{number.capitalize()} Schedule"
    return f"Schedule {number}".strip()


def name(nodes: list[Node], parent: Node | None, seen: set[str], source: SourceText) -> None:
    """Set label, eId and line on every node, eIds unique within the document."""
    proviso_count = 0
    crossheading_count = 0
    for node in nodes:
        plabel = parent.label if parent else ""
        peid = parent.eid if parent else ""
        if node.keyword == "crossheading":
            node.label = node.heading or ""
            crossheading_count += 1
            eid = f"hcontainer_{crossheading_count}"
        elif node.kind in ("part", "chapter", "title", "division"):
            node.label = container_label(node)
            prefix = CONTAINER_WORDS.get(node.keyword, (node.kind, node.kind, ""))[1]
            eid = f"{prefix}_{clean_number(node.number or 'nn')}"
        elif node.kind in ("section", "article"):
            node.label = f"{node.kind} {node.number}"
            eid = f"{EID_PREFIX[node.kind]}_{clean_number(node.number or 'nn')}"
        elif node.kind == "schedule":
            node.label = schedule_label(node)
            value = container_value(node.number) if node.number else None
            eid = f"sched_{value}" if value else "sched"
            peid = ""
        elif node.keyword == "schedpara":
            node.label = f"{plabel} paragraph {node.number}"
            eid = f"para_{clean_number(node.number or 'nn')}"
        elif node.kind == "proviso":
            proviso_count += 1
            if node.style == "paragrafo":
                node.label = f"{plabel}(parágrafo{' ' + node.number if node.number else ''})"
            else:
                node.label = f"{plabel}(proviso{'' if proviso_count == 1 else f' {proviso_count}'})"
            node.number = node.number or str(proviso_count)
            eid = f"proviso_{clean_number(node.number)}"
        elif node.kind == "definition" and node.number is None:
            term = node.terms[0] if node.terms else ""
            node.label = f'{plabel}("{term}")'
            eid = f"def_{slug(term)}"
        elif parent is not None and parent.kind == "schedule":
            node.label = f"{plabel} paragraph {node.number}"
            eid = f"para_{clean_number(node.number or 'nn')}"
        else:
            node.label = f"{plabel}({node.number})"
            kind = node.keyword if node.kind == "definition" else node.kind
            eid = f"{EID_PREFIX.get(kind, kind)}_{clean_number(node.number or 'nn')}"
        full = f"{peid}__{eid}" if peid else eid
        unique = full
        k = 2
        while unique in seen:
            unique = f"{full}_{k}"
            k += 1
        seen.add(unique)
        node.eid = unique
        node.line = source.line_at(node.start)
        if node.keyword == "crossheading":
            # a cross-heading groups sections without renaming them: its children keep the
            # eId prefix of the Part or Chapter above it
            holder = Node(node.kind, None, node.start, label=plabel, eid=peid)
            name(node.children, holder, seen, source)
            continue
        name(node.children, node, seen, source)


_FIELDS = (
    "kind", "number", "label", "eid", "heading", "text", "start", "end", "line", "children",
    "terms",
)  # fmt: skip
_FIELDS_SET = frozenset(_FIELDS)
# Every Provision built here sets every field, so all share one fields-set; setting an
# attribute later only re-adds a name already present.
_SHARED_FIELDS_SET = set(_FIELDS)
_FAST = set(Provision.model_fields) == _FIELDS_SET and not Provision.__pydantic_post_init__


def _provision(values: dict[str, object]) -> Provision:
    """``Provision.model_construct`` without its per-call bookkeeping (the tree of a large
    statute has tens of thousands of nodes, built from data this module just made)."""
    # mirrors pydantic 2's model_construct: __dict__, fields set, no extra, no private
    if not _FAST:
        return Provision.model_construct(**values)  # type: ignore[arg-type]
    obj = Provision.__new__(Provision)
    setter = object.__setattr__
    # attribute by attribute, so CPython keeps the instance dict key-shared (a third the size
    # of a dict assigned whole)
    for name in _FIELDS:
        setter(obj, name, values[name])
    setter(obj, "__pydantic_fields_set__", _SHARED_FIELDS_SET)
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def to_provisions(nodes: list[Node], text: str) -> list[Provision]:
    """Convert working nodes into the pydantic contract (validation skipped: built here).

    Each node's children are released as soon as they are converted, to keep peak memory low.
    """
    out: list[Provision] = []
    for node in nodes:
        children = to_provisions(node.children, text)
        node.children = []
        out.append(
            _provision(
                {
                    "kind": node.kind,
                    "number": node.number,
                    "label": node.label,
                    "eid": node.eid,
                    "heading": node.heading,
                    "text": text[node.start : node.end],
                    "start": node.start,
                    "end": node.end,
                    "line": node.line,
                    "children": children,
                    "terms": list(node.terms),
                }
            )
        )
    return out
