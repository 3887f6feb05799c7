"""Read a statute's drafting style: numbering, its term for a child, court names, modal verb."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from lexcheck.models import ParsedDocument, Provision

# Terms a child-justice statute may define for the person it protects, most specific first.
_CHILD_TERMS: tuple[tuple[str, str], ...] = (
    ("niño, niña o adolescente", "niños, niñas y adolescentes"),
    ("child in conflict with law", "children in conflict with law"),
    ("young person", "young persons"),
    ("juvenile", "juveniles"),
    ("adolescent", "adolescents"),
    ("adolescente", "adolescentes"),
    ("child", "children"),
    ("minor", "minors"),
    ("menor", "menores"),
    ("enfant", "enfants"),
    ("mineur", "mineurs"),
)
# Terms that name the person, not a status ("child in conflict with law" names a status).
_PERSON_TERMS = {t for t, _ in _CHILD_TERMS} - {"child in conflict with law"}

# A specialised court or board, named as the statute names it: "Children's Court",
# "Juvenile Justice Board", "Youth Court", "child justice court", "Tribunal pour enfants".
_COURT_RE = re.compile(
    r"\b((?:[Cc]hild(?:ren)?(?:['’]s)?|[Jj]uvenile|[Yy]outh)(?: [Jj]ustice)?"
    r" (?:[Cc]ourt|[Bb]oard|[Tt]ribunal))s?\b"
)
_COURT_ES_RE = re.compile(r"\b(juez(?:es)? (?:penal(?:es)? )?(?:para|de) adolescentes)\b", re.I)

_ROMAN_ORDINALS = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies")


@dataclass
class Unit:
    """A top-level numbered unit (section or article) and the Part it sits in."""

    provision: Provision
    part: Provision | None


@dataclass
class StatuteStyle:
    """What a drafter would copy from the statute to make an amendment fit in."""

    unit: str = "section"  # "section" or "article"
    language: str = "en"
    child: str = "child"
    children: str = "children"
    court: str | None = None
    modal: str = "shall"
    title: str = "this Act"
    units: list[Unit] = field(default_factory=list)
    taken: set[str] = field(default_factory=set)  # unit numbers already used (lower case)

    @property
    def civil_law(self) -> bool:
        return self.unit == "article"

    label_word: str | None = None  # the word the parsed labels use ("section", "article")

    def label(self, number: str) -> str:
        """A label for a new unit in the form the statute's labels take: "section 7A",
        "article 12 bis" (or "artículo 12 bis" where the labels are written so)."""
        word = self.label_word or self.unit
        return f"{word} {number}"

    def next_number(self, after: str) -> str:
        """A free number for a unit inserted after unit ``after`` (7 → 7A, 12 → 12 bis)."""
        base = after.strip()
        if self.civil_law:
            root = base.split(" ")[0]
            for suffix in _ROMAN_ORDINALS:
                cand = f"{root} {suffix}"
                if cand.lower() not in self.taken:
                    self.taken.add(cand.lower())
                    return cand
            return f"{root} {len(self.taken)}"
        match = re.fullmatch(r"(\d+)([A-Z]*)", base, re.I)
        root, letters = (match.group(1), match.group(2).upper()) if match else (base, "")
        start = ord(letters[-1]) + 1 if letters else ord("A")
        for code in range(start, ord("Z") + 1):
            cand = f"{root}{letters[:-1] if letters else ''}{chr(code)}"
            if cand.lower() not in self.taken:
                self.taken.add(cand.lower())
                return cand
        cand = f"{base}A"
        self.taken.add(cand.lower())
        return cand


def _top_units(doc: ParsedDocument) -> list[Unit]:
    """Sections or articles not nested in another section or article, with their Part."""
    out: list[Unit] = []

    def visit(node: Provision, part: Provision | None) -> None:
        if node.kind in ("section", "article"):
            out.append(Unit(node, part))
            return
        if node.kind == "schedule":
            return  # schedules have their own numbering; amendments go in the body
        here = node if node.kind in ("part", "chapter", "title", "division") else part
        for child in node.children:
            visit(child, here)

    for top in doc.provisions:
        visit(top, None)
    return out


def _lowered(text: str, size: int = 1 << 16) -> Iterator[str]:
    """``text.lower()`` in pieces of about ``size`` characters, each ending at a line break.

    ``str.lower`` of a text with any non-ASCII character first allocates four bytes times
    three for each character (a 5.6 MB statute: 67 MB at once, the peak of a whole review). A
    term has no line break in it, and a line break is not a letter, so terms are found in
    the pieces exactly as in the whole.
    """
    start = 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end < 0 else end + 1
        yield text[start:end].lower()
        start = end


def _child_term(doc: ParsedDocument) -> tuple[str, str]:
    """The statute's own term for a child: of the person terms it defines, the one it uses
    most; with no such definition, the person term it uses most."""
    defined: set[str] = set()
    for prov in doc.walk():
        if prov.kind == "definition":
            defined.update(t.lower() for t in prov.terms)
    terms = sorted((t for t, _ in _CHILD_TERMS if t in _PERSON_TERMS), key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\b")
    counts = Counter(m.group(1) for piece in _lowered(doc.text) for m in pattern.finditer(piece))
    for pool in ([t for t in terms if t in defined], terms):
        used = [(counts[t], t) for t in pool if counts[t] > 0]
        if used:
            best = max(used)[1]
            return best, dict(_CHILD_TERMS)[best]
    return "child", "children"


def _court(doc: ParsedDocument) -> str | None:
    """The specialised court or board the statute sets up, written as the statute writes it.

    A name the statute defines wins; otherwise a capitalised name (a proper name); a lower-case
    English phrase that is not defined ("a juvenile court" of another jurisdiction) is not
    taken as the statute's own court.
    """
    counts: Counter[str] = Counter()
    for m in _COURT_RE.finditer(doc.text):
        counts[m.group(1).replace("’", "'")] += 1
    spanish: Counter[str] = Counter(m.group(1).lower() for m in _COURT_ES_RE.finditer(doc.text))
    defined = {
        t.lower().replace("’", "'") for p in doc.walk() if p.kind == "definition" for t in p.terms
    }
    pools = (
        {k: v for k, v in counts.items() if k.lower() in defined},
        {k: v for k, v in counts.items() if k[:1].isupper()},
        dict(spanish),
    )
    for pool in pools:
        if pool:
            return max(pool.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return None


def _language(doc: ParsedDocument, units: list[Unit]) -> str:
    if doc.document.language:
        return doc.document.language.split("-")[0].lower()
    sample = doc.text[:20000].lower()
    if sample.count("artículo") + len(re.findall(r"\b(?:los|las|del|que)\b", sample)) > 20:
        return "es"
    if len(re.findall(r"\b(?:les|des|du|est)\b", sample)) > 30:
        return "fr"
    return "en"


def detect_style(doc: ParsedDocument) -> StatuteStyle:
    """Read numbering, language, the defined term for a child, court names and modal verb."""
    units = _top_units(doc)
    articles = sum(1 for u in units if u.provision.kind == "article")
    unit = "article" if articles > len(units) - articles else "section"
    child, children = _child_term(doc)
    text = doc.text
    modal = (
        "must"
        if len(re.findall(r"\bmust\b", text)) > len(re.findall(r"\bshall\b", text))
        else "shall"
    )
    taken = {(u.provision.number or "").lower() for u in units}
    words = Counter(u.provision.label.split(" ", 1)[0] for u in units if " " in u.provision.label)
    label_word = words.most_common(1)[0][0] if words else None
    return StatuteStyle(
        unit=unit,
        language=_language(doc, units),
        child=child,
        children=children,
        court=_court(doc),
        modal=modal,
        title=doc.document.title or "this Act",
        units=units,
        taken=taken,
        label_word=label_word,
    )
