"""Index a provision tree for matching: parents, own text, headings, cross-references."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from lexcheck.models import CONTAINER_KINDS, ParsedDocument, Provision


@dataclass(eq=False, slots=True)
class Node:
    """A provision with what matching needs: its parent, own text segments and context."""

    provision: Provision
    doc: int
    parent: Node | None
    order: int
    own: list[tuple[int, int]] = field(default_factory=list)  # spans not covered by children
    children: list[Node] = field(default_factory=list)
    provisos: list[Node] = field(default_factory=list)  # children that qualify this node
    _child_starts: list[int] = field(default_factory=list)
    _own_ends: list[int] = field(default_factory=list)
    _lead_ins: list[tuple[int, int]] | None = None  # lead_in_spans, once worked out

    @property
    def label(self) -> str:
        return self.provision.label

    def ancestors(self) -> list[Node]:
        out: list[Node] = []
        node = self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def headings(self) -> str:
        """Headings of this provision and its ancestors, lower case, for scope tests."""
        parts = [n.provision.heading or "" for n in [self, *self.ancestors()]]
        return " | ".join(p.lower() for p in parts if p)

    def section_headings(self) -> str:
        """Headings of this provision up to its section or article, lower case: what the
        provision itself is about, without the Part, Chapter or Book around it."""
        parts: list[str] = []
        node: Node | None = self
        while node is not None:
            if node.provision.heading:
                parts.append(node.provision.heading.lower())
            if node.provision.kind in ("section", "article"):
                break
            node = node.parent
        return " | ".join(parts)

    def kinds(self) -> set[str]:
        return {n.provision.kind for n in [self, *self.ancestors()]}

    def defined_terms(self) -> list[str]:
        for node in [self, *self.ancestors()]:
            if node.provision.kind == "definition" and node.provision.terms:
                return [t.lower() for t in node.provision.terms]
        return []

    def lead_in_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of the words that run on into this node from its ancestors ("shall not be—").

        A list item completes its parent's sentence; a nested item completes its parent's,
        which may itself complete its own parent's. Nearest first. (``text`` is always the
        node's document text, so the answer is kept: every hit in the node asks again.)
        """
        if self._lead_ins is None:
            self._lead_ins = self._find_lead_ins(text)
        return self._lead_ins

    def _find_lead_ins(self, text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        node: Node = self
        while node.parent is not None:
            own = node.parent.own
            i = bisect.bisect_right(node.parent._own_ends, node.provision.start) - 1
            if i < 0:
                break
            s, e = own[i]
            chunk = text[s:e].rstrip()
            if not chunk or chunk[-1] in ".!?":
                break
            # Only the last sentence or clause of the lead-in governs the list after it.
            cut = max(chunk.rfind(". "), chunk.rfind("; "))
            spans.append((s + cut + 1 if cut >= 0 else s, s + len(chunk)))
            node = node.parent
        return spans

    def lead_in(self, text: str) -> str:
        """The words that run on into this node, outermost first."""
        return " ".join(text[s:e] for s, e in reversed(self.lead_in_spans(text)))

    def run_on_span(self, text: str, sentence_end: int) -> tuple[int, int] | None:
        """If a sentence ending at ``sentence_end`` leads into this node's list, the list's span."""
        i = bisect.bisect_left(self._child_starts, sentence_end)
        if i >= len(self.children):
            return None
        child = self.children[i]
        gap = text[sentence_end : child.provision.start]
        tail = text[max(0, sentence_end - 3) : sentence_end].rstrip()
        if gap.strip() == "" and tail and tail[-1] not in ".!?":
            return child.provision.start, self.provision.end
        return None


@dataclass
class DocumentIndex:
    """Every node of one document, in document order, with label lookup."""

    doc: int
    document: ParsedDocument
    nodes: list[Node]
    by_label: dict[str, Node]

    def release(self) -> None:
        """Break the parent/child reference cycles, so the nodes are freed as soon as the
        index is dropped. The index is unusable afterwards."""
        for node in self.nodes:
            node.parent = None
            node.children = []
            node.provisos = []
        self.nodes = []
        self.by_label = {}

    def resolve(self, reference: str, near: Node) -> Node | None:
        """The node a reference like "section 9" or "subsection (3)" names, seen from ``near``."""
        ref = re.sub(r"\s+", " ", reference.strip().lower())
        ref = re.sub(r"^(?:s|ss|sec|sect)\.\s*", "section ", ref)
        ref = re.sub(r"^(?:art|arts)\.\s*", "article ", ref)
        ref = re.sub(r"\s+\(", "(", ref)
        ref = ref.replace("sections ", "section ").replace("articles ", "article ")
        if ref in self.by_label:
            return self.by_label[ref]
        m = re.match(r"(sub-?section|paragraph|clause|subparagraph)\s*(\(.*)$", ref)
        if m:
            # Relative reference: resolve under the enclosing section/article.
            for anc in [near, *near.ancestors()]:
                if anc.provision.kind in ("section", "article"):
                    target = anc.label.lower() + m.group(2)
                    return self.by_label.get(target)
        return None


def _body_start(p: Provision, text: str) -> int:
    """Where the provision's words begin: after its number-and-heading line, if it has one.

    A heading ("Corporal punishment") names a subject; it neither allows nor forbids anything,
    so it is not matched as if it were a rule.
    """
    if not p.heading:
        return p.start
    first_line_end = text.find("\n", p.start, p.end)
    if first_line_end < 0:
        # One line: a Part or cross-heading that is only its heading has no words of its own.
        return p.end if p.kind in CONTAINER_KINDS else p.start
    heading = p.heading.strip()
    at = text[p.start : first_line_end].lower().find(heading.lower()[:40])
    if at < 0:
        return p.start
    # "Artículo 159. Prohibición de antecedentes. Las sentencias ...": words that follow the
    # heading on its own line are the provision's first sentence, not part of the heading.
    after = min(p.start + at + len(heading), first_line_end)
    after += len(text[after:first_line_end]) - len(text[after:first_line_end].lstrip(" .:-–—\t"))
    return after if text[after:first_line_end].strip() else first_line_end + 1


def _own_segments(p: Provision, text: str) -> list[tuple[int, int]]:
    segs: list[tuple[int, int]] = []
    cursor = _body_start(p, text)
    for child in sorted(p.children, key=lambda c: c.start):
        if child.start > cursor:
            segs.append((cursor, child.start))
        cursor = max(cursor, child.end)
    if p.end > cursor:
        segs.append((cursor, p.end))
    return segs


def _by_start(p: Provision) -> int:
    return p.start


def index_document(document: ParsedDocument, doc: int) -> DocumentIndex:
    """Build the node index of ``document`` (``doc`` is its position in the framework)."""
    nodes: list[Node] = []
    by_label: dict[str, Node] = {}
    provisions = document.provisions
    if not provisions:
        # An unstructured text is one provision, so a review still finds what it says.
        provisions = [
            Provision(
                kind="section",
                label="text",
                eid="text",
                text=document.text,
                start=0,
                end=len(document.text),
                line=1,
            )
        ]

    # Depth first, in document order, with an explicit stack: a recursive closure would be a
    # reference cycle keeping the whole index alive until the garbage collector runs.
    stack: list[tuple[Provision, Node | None]] = [(p, None) for p in reversed(provisions)]
    while stack:
        p, parent = stack.pop()
        node = Node(p, doc, parent, len(nodes), _own_segments(p, document.text))
        nodes.append(node)
        if parent is not None:
            parent.children.append(node)
        key = _SPACE_BEFORE_BRACKET.sub("(", p.label.lower())
        by_label.setdefault(key, node)
        stack.extend((child, node) for child in reversed(sorted(p.children, key=_by_start)))
    text = document.text
    for node in nodes:
        node._child_starts = [c.provision.start for c in node.children]
        node._own_ends = [e for _, e in node.own]
        node.provisos = [
            c
            for c in node.children
            if c.provision.kind == "proviso"
            or _PROVISO.match(text, c.provision.start, c.provision.start + 40)
        ]
    return DocumentIndex(doc, document, nodes, by_label)


_SPACE_BEFORE_BRACKET = re.compile(r"\s+\(")
_PROVISO = re.compile(r"\s*(?:\(\w+\)\s*)?(?:provided\b|but\s+provided\b)", re.IGNORECASE)
