"""Akoma Ntoso 3.0 XML: text (num, heading, content per element, one per line) and provisions.

The XML is parsed without DTDs, entity expansion or network access; a document that declares
entities is refused outright (billion laughs, external entities). The provision tree is the
document's own hierarchy: kinds from element names, ``eId`` from the element, numbers from
``<num>`` and headings from ``<heading>``; spans point into the text built here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lexcheck.errors import InputError
from lexcheck.ingest.common import Extracted, clean_title
from lexcheck.ingest.normalise import clean_line
from lexcheck.models import (
    CONTAINER_KINDS,
    EID_PREFIX,
    Provision,
    ProvisionKind,
    SourceFormat,
)

# Element local name -> provision kind (AKN's finer grades fold into the nearest kind).
_KIND: dict[str, ProvisionKind] = {
    "book": "part",
    "tome": "part",
    "part": "part",
    "subpart": "part",
    "chapter": "chapter",
    "subchapter": "chapter",
    "title": "title",
    "subtitle": "title",
    "division": "division",
    "subdivision": "division",
    "section": "section",
    "clause": "section",
    "rule": "section",
    "article": "article",
    "subsection": "subsection",
    "subclause": "subsection",
    "subrule": "subsection",
    "paragraph": "paragraph",
    "subparagraph": "subparagraph",
    "proviso": "proviso",
}
# Numbered items of lists: a paragraph under a section, a subparagraph under a paragraph.
_LIST_ITEMS = frozenset({"point", "item", "indent"})
_HCONTAINER_KIND: dict[str, ProvisionKind] = {
    "definition": "definition",
    "definitions": "definition",
    "proviso": "proviso",
    "schedule": "schedule",
    "annex": "schedule",
    "annexure": "schedule",
    "appendix": "schedule",
}
_HEAD = frozenset({"num", "heading", "subheading"})
_ATTACHED = frozenset({"attachments", "components"})
_BREAKS = frozenset({"br", "eol", "eop"})
# staticContent holds a publisher's running headers and footers, not the statute's text.
_SKIP = frozenset(
    {"meta", "authorialNote", "noteRef", "eol", "eop", "img", "marker", "staticContent"}
)
_TEXT_BLOCKS = frozenset({"p", "block", "tblock", "longTitle", "formula", "crossHeading"})
_TOP_LEVEL = frozenset({"section", "article", "part", "chapter", "title", "division"})
_ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth"
_ORDINALS = {w: str(i) for i, w in enumerate(_ORDINAL_WORDS.split(" "), start=1)}
_SCHEDULE_NUM = re.compile(
    r"\b(?:schedule|annex|annexure|appendix)\s+([0-9]+[A-Z]?|[IVXLC]+)\b"
    r"|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"(?:schedule|annex|annexure|appendix)\b",
    re.IGNORECASE,
)
# FRBRlanguage carries ISO 639-2 codes; the rest of lexcheck speaks ISO 639-1.
_LANG = {
    "eng": "en",
    "spa": "es",
    "fra": "fr",
    "fre": "fr",
    "por": "pt",
    "ara": "ar",
    "swa": "sw",
    "afr": "af",
    "amh": "am",
    "hau": "ha",
    "ibo": "ig",
    "yor": "yo",
    "zul": "zu",
    "xho": "xh",
    "sot": "st",
    "tsn": "tn",
    "nya": "ny",
    "kin": "rw",
    "lug": "lg",
    "som": "so",
    "mlg": "mg",
    "ita": "it",
    "deu": "de",
    "ger": "de",
    "nld": "nl",
    "dut": "nl",
}

_DEF_BLOCKS = frozenset({"p", "blockList", "block", "list"})
_SLUG_DROP = re.compile(r"[^0-9a-z]+")

_NUM_WORD = re.compile(r"^(?:§+|[^\W\d_]{2,}\.?)\s+(?=\S)")
_NUM_PUNCT = "()[]. :;,-–—"


def clean_number(raw: str | None) -> str | None:
    """``(a)`` -> ``a``, ``7.`` -> ``7``, ``Article 12`` -> ``12``, ``§ 3`` -> ``3``."""
    if raw is None:
        return None
    s = " ".join(raw.split())
    s = _NUM_WORD.sub("", s, count=1)
    s = s.strip(_NUM_PUNCT)
    return s or None


def _local(el: Any) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _inline(el: Any) -> str:
    """The visible text of an inline run (notes dropped), whitespace collapsed, normalised."""
    parts: list[str] = []

    def go(e: Any) -> None:
        if _local(e) in _SKIP:
            return
        if isinstance(e.tag, str) and e.text:
            parts.append(e.text)
        for c in e:
            go(c)
            if _local(c) in _BREAKS:
                parts.append(" ")  # 'ownership<br/>or control': two words, not one
            if c.tail:
                parts.append(c.tail)

    go(el)
    return clean_line(" ".join("".join(parts).split()))


def _inline_content(el: Any) -> bool:
    """No element children, or text of its own between them: a block of running text
    (``listIntroduction``, ``p``-like elements) to be read as one line."""
    if not any(_local(c) for c in el):
        return True
    if el.text and el.text.strip():
        return True
    return any(c.tail and c.tail.strip() for c in el)


@dataclass
class _Node:
    kind: ProvisionKind
    number: str | None
    label: str
    eid: str
    heading: str | None
    start: int
    line: int
    terms: list[str] = field(default_factory=list)
    children: list[Provision] = field(default_factory=list)
    # Blocks (p, blockList) each defining a term in a shared wrapper (early Indigo puts a
    # whole definitions section in one unnumbered paragraph): each becomes a definition.
    def_blocks: set[int] = field(default_factory=set)
    open_def: _Node | None = None


class _Builder:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.offset = 0  # offset where the next line starts
        self.pending: str | None = None  # a num waiting to prefix the next content line
        self.last_end = 0
        self.top: list[Provision] = []

    # -- text

    def emit(self, text: str) -> None:
        if self.pending is not None:
            text = f"{self.pending} {text}".strip() if text else self.pending
            self.pending = None
        if not text:
            return
        self.lines.append(text)
        self.last_end = self.offset + len(text)
        self.offset += len(text) + 1

    def flush(self) -> None:
        if self.pending:
            self.emit("")

    # -- structure

    def kind_of(self, el: Any, parent: _Node | None) -> ProvisionKind | None:
        name = _local(el)
        if name in _KIND:
            return _KIND[name]
        if name in _LIST_ITEMS:
            if parent is None or parent.kind in ("section", "article", "subsection"):
                return "paragraph"
            return "subparagraph"
        if name == "hcontainer":
            return _HCONTAINER_KIND.get((el.get("name") or "").lower())
        return None

    def label(self, kind: ProvisionKind, number: str | None, parent: _Node | None, i: int) -> str:
        """``Part II``, ``section 7``, ``section 7(1)(a)``, ``article 12(3)`` (the structure
        parser's conventions, so labels read the same whatever the input format)."""
        if kind in ("part", "chapter", "title", "division"):
            return f"{kind.title()} {number or i}"
        if kind in ("section", "article"):
            return f"{kind} {number or i}"
        # A schedule's paragraphs are cited through it ('Schedule 1 paragraph 3', as the
        # structure parser labels them); an unnumbered one is a wrapper cited as the schedule.
        if parent is not None and parent.kind == "schedule":
            return f"{parent.label} {kind} {number}" if number else parent.label
        # Subdivisions hang off their section or article; under a Part, or at the top, they
        # stand alone.
        if parent is None or parent.kind in CONTAINER_KINDS:
            return f"{kind} {number or i}"
        # An unnumbered subdivision (an untitled wrapper) is cited by its parent's label.
        return f"{parent.label}({number})" if number else parent.label

    def provision(
        self, el: Any, kind: ProvisionKind, parent: _Node | None, index: int
    ) -> Provision:
        self.flush()
        num_el = next((c for c in el if _local(c) == "num"), None)
        head_el = next((c for c in el if _local(c) == "heading"), None)
        num_text = _inline(num_el) if num_el is not None else ""
        heading = _inline(head_el) if head_el is not None else ""
        number = clean_number(num_text)
        label = self.label(kind, number, parent, index)
        eid = el.get("eId") or el.get("id") or ""
        if not eid:
            prefix = f"{parent.eid}__" if parent is not None else ""
            eid = f"{prefix}{EID_PREFIX.get(kind, kind)}_{number or index}"
        node = _Node(kind, number, label, eid, heading or None, self.offset, len(self.lines) + 1)
        blocks = self.def_blocks(el)
        if len(blocks) > 1:
            node.def_blocks = {id(b) for b in blocks}
        if heading:
            self.emit(f"{num_text} {heading}".strip())
        elif num_text:
            self.pending = num_text
        self.walk(el, node, skip_head=True)
        self.flush()
        self.close_definition(node)
        if self.offset == node.start:  # an empty element: keep its number as a line
            self.emit(num_text or heading or label)
        node.terms = [] if node.def_blocks else self.terms(el)
        if node.terms and kind in ("subsection", "paragraph", "subparagraph"):
            node.kind = "definition"
            if number is None:
                node.label = f'{parent.label if parent else ""}("{node.terms[0]}")'
        end = self.last_end
        return Provision(
            kind=node.kind,
            number=node.number,
            label=node.label,
            eid=node.eid,
            heading=node.heading,
            text="",  # filled once the whole text exists
            start=node.start,
            end=end,
            line=node.line,
            children=node.children,
            terms=node.terms,
        )

    def def_blocks(self, el: Any) -> list[Any]:
        """The element's own text blocks (not inside its subdivisions) that define a term."""
        out: list[Any] = []
        for c in el:
            name = _local(c)
            if not name or name in _SKIP or name in _HEAD or self.kind_of(c, None) is not None:
                continue
            if name in _DEF_BLOCKS:
                if self.terms(c):
                    out.append(c)
            else:
                out.extend(self.def_blocks(c))
        return out

    def open_definition(self, block: Any, owner: _Node) -> None:
        """Start a definition at ``block``; it runs until the next one or the owner's end."""
        self.close_definition(owner)
        term = self.terms(block)[0]
        eid = block.get("eId") or block.get("id") or ""
        if not eid:
            eid = f"{owner.eid}__def_{_SLUG_DROP.sub('-', term.lower()).strip('-')[:40] or 'nn'}"
        label = f'{owner.label}("{term}")'
        node = _Node("definition", None, label, eid, None, self.offset, len(self.lines) + 1)
        node.terms = self.terms(block)
        owner.open_def = node

    def close_definition(self, owner: _Node) -> None:
        node = owner.open_def
        if node is None:
            return
        owner.open_def = None
        owner.children.append(
            Provision(
                kind="definition",
                number=None,
                label=node.label,
                eid=node.eid,
                heading=None,
                text="",
                start=node.start,
                end=self.last_end,
                line=node.line,
                children=node.children,
                terms=node.terms,
            )
        )

    def terms(self, el: Any) -> list[str]:
        """Terms defined (``<def>``) in the element's own content, not in its subdivisions."""
        out: list[str] = []

        def go(e: Any) -> None:
            for c in e:
                name = _local(c)
                if name == "def":
                    term = _inline(c).strip("\"'“”‘’ ")
                    if term and term not in out:
                        out.append(term)
                elif self.kind_of(c, None) is None and name not in _SKIP:
                    go(c)

        go(el)
        return out

    def walk(self, el: Any, node: _Node | None, *, skip_head: bool = False) -> None:
        count = 0
        for child in el:
            name = _local(child)
            if not name or name in _SKIP or (skip_head and name in _HEAD):
                continue
            if node is not None and id(child) in node.def_blocks:
                self.open_definition(child, node)
            # what follows a definition's opening block belongs to that definition
            target = node.open_def if node is not None and node.open_def is not None else node
            kind = self.kind_of(child, target)
            if (
                kind in ("section", "article")
                and target is not None
                and target.kind == "schedule"
                and not any(_local(c) == "num" for c in child)
            ):
                # early Indigo wraps a schedule's body in one unnumbered <article>: a
                # wrapper, not an article 1 of the schedule
                self.walk(child, target)
            elif kind is not None:
                count += 1
                prov = self.provision(child, kind, target, count)
                if target is not None:
                    target.children.append(prov)
                else:
                    self.top.append(prov)
            elif name in _HEAD or name in _TEXT_BLOCKS or _inline_content(child):
                self.emit(_inline(child))  # a heading of a non-provision container, or text
            elif name == "table":
                for tr in child.iter():
                    if _local(tr) == "tr":
                        cells = [_inline(c) for c in tr if _local(c) in ("td", "th")]
                        while cells and not cells[-1]:
                            cells.pop()  # padding cells of a spanned row
                        if any(cells):
                            self.emit(" | ".join(cells))
            elif name in _ATTACHED:
                for att in child:
                    self.attachment(att, node)
            else:
                # containers (content, intro, list, wrapUp, body, preface, ...) and
                # hcontainers that are not provisions: their blocks in order
                self.walk(child, node)

    def attachment(self, att: Any, parent: _Node | None) -> None:
        """``attachment``/``component`` wrapping a ``doc``: a schedule with its own body."""
        if _local(att) not in ("attachment", "component", "doc"):
            return
        self.flush()
        parts = [c for c in att if _local(c) not in ("", "meta")]
        # Indigo puts a schedule's visible heading and subheading on the <attachment>
        # itself, before its <doc>
        own_head = [c for c in parts if _local(c) in _HEAD]
        doc = next((c for c in parts if _local(c) not in _HEAD), att)
        heading = next((_inline(c) for c in own_head if _local(c) == "heading"), None)
        for e in doc.iter() if heading is None else ():
            if _local(e) == "FRBRalias" and e.get("value"):
                heading = clean_line(" ".join(e.get("value", "").split()))
                break
            if _local(e) in ("docTitle", "shortTitle", "heading"):
                heading = _inline(e)
                break
        m = _SCHEDULE_NUM.search(heading or "")
        number = (m.group(1) or _ORDINALS[m.group(2).lower()]) if m else None
        siblings = sum(1 for p in (parent.children if parent else self.top) if p.kind == "schedule")
        if m and m.group(2):
            label = f"{m.group(2).capitalize()} Schedule"
        else:
            label = f"Schedule {number or siblings + 1}"
        eid = (
            att.get("eId")
            or att.get("id")  # AKN 2.0 / early Indigo: <component id="component-schedule1">
            or doc.get("eId")
            or f"att_{siblings + 1}"
        )
        node = _Node("schedule", number, label, eid, heading, self.offset, len(self.lines) + 1)
        for c in own_head:
            self.emit(_inline(c))
        self.walk(doc, node)
        self.flush()
        if self.offset == node.start:
            self.emit(heading or label)
        prov = Provision(
            kind="schedule",
            number=number,
            label=label,
            eid=eid,
            heading=heading,
            text="",
            start=node.start,
            end=self.last_end,
            line=node.line,
            children=node.children,
        )
        (parent.children if parent is not None else self.top).append(prov)


def _fill_text(provs: list[Provision], text: str) -> list[Provision]:
    return [
        p.model_copy(
            update={"text": text[p.start : p.end], "children": _fill_text(p.children, text)}
        )
        for p in provs
    ]


_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)


def _parse(raw: bytes, name: str) -> Any:
    from lxml import etree

    if _DOCTYPE.search(raw) and _ENTITY_DECL.search(raw):
        raise InputError(
            name, "XML declares entities in a DTD (entity expansion / external entity); refused"
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        return etree.fromstring(raw, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(name, f"malformed Akoma Ntoso XML ({exc})") from exc


def _own_elements(root: Any) -> Any:
    """The document's elements in order, leaving out its attachments and components (a
    schedule's own metadata and title are not the statute's)."""
    stack = [root]
    while stack:
        e = stack.pop()
        yield e
        stack.extend(reversed([c for c in e if _local(c) not in _ATTACHED]))


def _meta(root: Any) -> tuple[str | None, str | None]:
    """Title and language from FRBR metadata and the preface."""
    frbr_name = alias = doc_title = short_title = language = None
    for e in _own_elements(root):
        n = _local(e)
        if n == "FRBRname" and frbr_name is None:
            frbr_name = e.get("value") or e.get("showAs")
        elif n == "FRBRalias" and alias is None and e.get("name") in (None, "title"):
            # Indigo and Laws.Africa keep the work's title here (with or without name="title")
            alias = e.get("value")
            if alias and alias.strip().lower() == "untitled":
                alias = None  # Indigo's placeholder for a work not yet titled
        elif n == "docTitle" and doc_title is None:
            doc_title = _inline(e)
        elif n == "shortTitle" and short_title is None:
            short_title = _inline(e)
        elif n == "FRBRlanguage" and language is None:
            language = e.get("language")
    if frbr_name and " " not in frbr_name.strip() and frbr_name.islower():
        frbr_name = None  # a document-type code such as "act", not a title
    title = (
        clean_title(frbr_name)
        or clean_title(doc_title)
        or clean_title(short_title)
        or clean_title(alias)
    )
    lang = None
    if language:
        code = language.lower()
        lang = _LANG.get(code, code if len(code) == 2 else None)
    return title, lang


def read_akn(raw: bytes, name: str) -> Extracted:
    """Build the text and the provision tree of an Akoma Ntoso document."""
    root = _parse(raw, name)
    if _local(root) != "akomaNtoso":
        raise InputError(name, f"not an Akoma Ntoso document (root <{_local(root)}>)")
    doc = next((c for c in root if _local(c) and _local(c) != "meta"), None)
    if doc is None:
        raise InputError(name, "Akoma Ntoso document has no content")
    title, lang = _meta(root)
    b = _Builder()
    b.walk(doc, None)
    for rest in root:
        # AKN 2.0 and early Indigo documents keep their schedules in <components> beside
        # the <act>, not inside it
        if rest is not doc and _local(rest) in _ATTACHED:
            for att in rest:
                b.attachment(att, None)
    b.flush()
    text = "\n".join(b.lines) + "\n"
    return Extracted(
        format=SourceFormat.AKN,
        raw=text,
        title=title,
        language=lang,
        provisions=_fill_text(b.top, text),
        normalised=True,
    )
