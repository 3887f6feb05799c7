"""Stage 3: find sections and articles, their headings, and demote false ones by sequence."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lexcheck.structure.headings import find_container, find_schedule
from lexcheck.structure.lines import Line
from lexcheck.structure.nodes import Node
from lexcheck.structure.numbers import first_int, section_key

_NUM = (
    r"\d{1,5}[A-Za-z]{0,3}(?:[.\-]\d{1,4}[A-Za-z]{0,2})*"
    r"(?:\s?(?:[Bb]is|BIS|[Tt]er|TER|[Qq]uater|QUATER|[Qq]uinquies))?(?![A-Za-z])"
)
_SEP = r"(?P<sep>\.?\s*[-–—]+|\.|:)?"

_SECTION_KW = re.compile(
    r"^\[?(?P<kw>SECTION|Section|SECT?\.|Sect?\.)\s*(?P<num>"
    + _NUM
    + r")(?![\w(])"
    + _SEP
    + r"\s*(?P<rest>.*)$"
)
_SECTION_SIGN = re.compile(
    r"^\[?(?P<kw>§)(?!§)\s*(?P<num>" + _NUM + r")(?![\w(])" + _SEP + r"\s*(?P<rest>.*)$"
)
_ARTICLE_KW = re.compile(
    r"^\[?(?P<kw>ARTICLE|Article|ART\.|Art\.|ART[ÍI]CULO|Art[íi]culo|ARTIGO|Artigo|Artikel)"
    r"\s*(?P<num>(?:[LRDA]\.?\s?)?"
    + _NUM
    + r")(?:\s?[oº°](?![A-Za-z]))?(?![\w(])"
    + _SEP
    + r"\s*(?P<rest>.*)$"
)
_BARE = re.compile(
    r"^(?P<num>\d{1,4}[A-Z]{0,2}(?:\.\d{1,3}[A-Z]{0,2})*)(?P<sep>\.\s*[-–—]+|\.|\s+[-–—]\s+)?"
    r"(?=\s|\(|$)\s*(?P<rest>.*)$"
)

FAMILIES = ("section", "sign", "article", "bare")
_PATTERNS = {
    "section": _SECTION_KW,
    "sign": _SECTION_SIGN,
    "article": _ARTICLE_KW,
    "bare": _BARE,
}
_REPEALED = re.compile(
    r"^\[?(Repealed|Omitted|Spent|Deleted|Revoked|Derogado|Derogada)\b", re.IGNORECASE
)
_MARKER_START = re.compile(r"^\(?[0-9a-zA-Z]{1,4}\)")


@dataclass(slots=True)
class Candidate:
    """A line that may start a section or article."""

    family: str
    number: str
    line: Line
    rest: str  # content after the number and separator
    rest_start: int  # offset of ``rest``
    has_sep: bool
    strong: bool = False  # has a heading, a subsection, or is a markdown heading
    # the line before ends like an amending formula ("shall read as follows:", "quedará así:",
    # "substitute—"): what follows is most likely the text being inserted, not a new section
    introduced: bool = False


def _match(line: Line, family: str) -> Candidate | None:
    content = line.content
    m = _PATTERNS[family].match(content)
    if not m:
        return None
    rest = m.group("rest")
    has_sep = bool(m.group("sep"))
    if family == "bare" and not has_sep:
        # "7 Heading" is a section only as a markdown heading, alone on its line, or followed by a
        # heading-like phrase; "18 years of age" at a wrapped line's start is running text.
        if rest and not line.md_level and not rest[0].isupper():
            return None
    elif (not has_sep and rest) and (
        # "Section 7 of the Act" / "Article 12 of this Code" are cross-references
        rest[0].islower() or (rest[0] == "(" and not content[m.end("num")].isspace())
    ):
        return None
    number = m.group("num").strip()
    if family == "article":
        number = re.sub(r"(?<=\d)[oº°]$", "", number)  # "Artículo 7o." is article 7
    cand = Candidate(
        family=family,
        number=number,
        line=line,
        rest=rest,
        rest_start=line.cstart + m.start("rest"),
        has_sep=has_sep,
    )
    cand.strong = bool(
        line.md_level
        or family != "bare"
        or not rest
        or _MARKER_START.match(rest)
        or _heading_beside(rest, family) is not None
    )
    return cand


def candidates(lines: Iterable[Line]) -> dict[str, list[Candidate]]:
    """Section-like lines, per numbering family, in document order."""
    out: dict[str, list[Candidate]] = {f: [] for f in FAMILIES}
    introduced = False
    for line in lines:
        if line.skip or line.quoted or line.blank:
            continue
        first = line.content[0]
        cand = None
        if first.isdigit():
            cand = _match(line, "bare")
            if cand:
                out["bare"].append(cand)
        elif first in "SsAa§[":
            for family in ("section", "sign", "article"):
                cand = _match(line, family)
                if cand:
                    out[family].append(cand)
                    break
        if cand:
            cand.introduced = introduced
        introduced = line.content.endswith((":", "—", ":-", ":—"))
    return out


def choose_family(found: dict[str, list[Candidate]]) -> str | None:
    """The numbering family the document's sections use.

    Explicit words ("Section 7", "Artículo 7", "§ 7") win over bare numbers, which also number
    lists inside civil-law articles; bare numbers win only when they clearly dominate.
    """
    keyword = max(("section", "sign", "article"), key=lambda f: (len(found[f]), f == "article"))
    n_kw = len(found[keyword])
    n_bare = sum(1 for c in found["bare"] if c.strong)
    if n_kw >= 2 and n_kw * 4 >= n_bare:
        return keyword
    if n_bare:
        return "bare"
    return keyword if n_kw else None


# How far back a section may look for the one it follows: stray numbered lines between two
# real sections (a list inside a section) are skipped over, up to this many.
_WINDOW = 40


def _gain(gap: int, strong: bool, introduced: bool = False) -> float:
    """Score of a candidate following another ``gap`` numbers on in the chain of sections.

    A strong candidate (heading, subsection, markdown heading) is worth more than a bare
    "3. sentence"; a gap (sections repealed and omitted) costs a little; a leap of more than 20
    costs more than a bare section is worth, so a bare one is kept only when the numbering
    carries on. A headed section after a leap is still worth a little: extracts of a long Act
    ("sections 45-83 only", one Part of a code) leap, and their last section must not be lost.
    """
    leap = (0.3 if strong and not introduced else 1.0) if gap > 20 else 0.0
    return 1.0 + (0.5 if strong else 0.0) - 0.1 * min(gap, 10) - leap


def sequence(cands: list[Candidate], *, restart: bool = False) -> list[Candidate]:
    """Keep the chain of candidates whose numbers run in order; demote the rest.

    The best chain is found by dynamic programming: each candidate may follow any earlier one
    (within a window) with a smaller number; the chain scores one per section, more for strong
    candidates, less across gaps. A stray "7." inside section 4 followed by "5." loses to
    4 → 5; "3." quoted after section 40 cannot follow it at all; a weak "3. sentence" loses to
    a headed "3." further on.
    """
    n = len(cands)
    if n == 0:
        return []
    keys = [section_key(c.number) for c in cands]
    ints = [first_int(c.number) for c in cands]
    score = [0.0] * n
    prefix_max = [0.0] * n  # best score among candidates 0..i, to stop the backward scan early
    back = [-1] * n
    for i, cand in enumerate(cands):
        value = ints[i]
        # a chain normally starts at 1; an extract (articles 139-200) may start anywhere
        best = (1.0 + (0.5 if cand.strong else 0.0)) - (0.0 if restart or value in (0, 1) else 0.6)
        if not cand.strong and not restart and value not in (0, 1):
            best -= 1.0
        link = -1
        key = keys[i]
        strong = cand.strong
        for j in range(i - 1, max(0, i - _WINDOW) - 1, -1):
            if prefix_max[j] + 1.5 < best:
                break  # no earlier candidate can match the link already found
            if keys[j] < key:
                a = ints[j]
                gap = 0 if a is None or value is None else max(0, value - a - 1)
                total = score[j] + _gain(gap, strong, cand.introduced)
                # ties go to the earlier candidate: a heading printed twice ("# § 5032." then
                # "##### § 5032.") starts the section at its first appearance
                if total >= best and (total > best or link >= 0):
                    best, link = total, j
        score[i] = best
        prefix_max[i] = max(best, prefix_max[i - 1]) if i else best
        back[i] = link
    end = max(range(n), key=lambda k: (score[k], -k))
    chain: list[Candidate] = []
    while end >= 0:
        chain.append(cands[end])
        end = back[end]
    chain.reverse()
    return chain


def _heading_beside(rest: str, family: str) -> str | None:
    """The heading printed beside the number ("7. Short title"), if ``rest`` is one."""
    text = rest.strip()
    if not text or _MARKER_START.match(text):
        return None
    # consolidations print a repealed provision as "5041. Repealed. [Pub. L. …]"
    m = _REPEALED.match(text)
    if m:
        return m.group(1)
    m = re.match(r"^(?P<h>[^.;:]{1,150}?)\.\s*[-–—]+", text)
    if m:
        return m.group("h").strip()
    if family == "article":
        # civil-law article titles: "Artículo 140. Finalidad del sistema. En materia de …"; a
        # lone long sentence is the article's text, not its title
        m = re.match(r"^(?P<h>[^.;:]{1,200}?)\.(?:\s+(?=\S)|$)", text)
        if m:
            words = len(m.group("h").split())
            more = m.end() < len(text)
            # alone on its line a title is short ("Objeto."); "Esta Lei dispõe sobre a
            # proteção integral." is the article's whole text
            if words <= 25 and (more or words <= 6) and not m.group("h").endswith(","):
                return m.group("h").strip()
    if len(text) > 150 or len(text.split()) > 20:
        return None
    if text.isupper() and text.endswith("."):
        return text.rstrip(" .")  # "SEC. 7. JUVENILE DETENTION STANDARDS."
    if text.endswith((".", ";", ":", ",")) and not text.endswith("etc."):
        return None
    if text[0].islower():
        return None
    return text.rstrip(" .")


def build_section(cand: Candidate, lines: list[Line], kind: str) -> Node:
    """A section/article node from a kept candidate: number, heading, where its body starts."""
    line = cand.line
    node = Node(
        kind=kind,
        number=cand.number,
        start=line.cstart,
        keyword=kind,
        lead_start=line.start,
    )
    rest = cand.rest
    heading = _heading_beside(rest, cand.family)
    if heading is not None:
        node.heading = heading
        idx = rest.find(heading) + len(heading)
        after = rest[idx:]
        m = re.match(r"^[\s.]*[-–—]*\s*", after)
        skip = idx + (m.end() if m else 0)
        node.body_start = cand.rest_start + skip if skip < len(rest) else line.end
        if node.body_start >= line.end:
            node.body_start = line.end
    else:
        node.body_start = cand.rest_start
    if not node.heading:
        above = _heading_above(lines, line.index)
        if above is not None:
            node.heading = above.content
            node.lead_start = above.start
        elif not rest.strip():
            below = _heading_below(lines, line.index)
            if below is not None:
                node.heading = below.content
                node.body_start = below.end
    # "[§ 5041. Repealed. …]": the whole provision is bracketed
    if node.heading and node.heading.endswith("]") and line.content.startswith("["):
        node.heading = node.heading.rstrip("]").strip()
    return node


def _heading_above(lines: list[Line], index: int) -> Line | None:
    j = index - 1
    while j >= 0 and lines[j].blank and not lines[j].skip:
        j -= 1
    if j < 0 or lines[j].skip:
        return None
    prev = lines[j]
    text = prev.content
    if prev.quoted or not text or len(text) > 160:
        return None
    if all(lines[k].blank or lines[k].skip for k in range(j)):
        return None  # the first line of the document is its title
    if find_container(prev) or find_schedule(prev):
        return None
    if prev.md_level:
        return prev
    if not text[0].isupper() or text.endswith((".", ";", ":", ",", "—", "-", "–")):
        return None
    if _MARKER_START.match(text) or text[0].isdigit():
        return None
    # a heading line stands alone: the line before it is blank or ends a sentence/heading
    k = j - 1
    if k >= 0 and not lines[k].blank:
        before = lines[k].content
        container = find_container(lines[k])
        if container is not None and container.heading is None:
            return None  # the title printed below "CHAPTER I", not a section heading
        # the line above ends a sentence, or is itself a heading (a Part and its title)
        ends_clean = (
            before.endswith((".", ";", ":", "]", ")")) or container is not None or before.isupper()
        )
        if not ends_clean and not re.match(r"^(?:\d+[A-Z]?\.|§|Section|Article)", before):
            return None
    return prev


def _heading_below(lines: list[Line], index: int) -> Line | None:
    """A title printed on the line under a bare "ARTICLE 2" or "Section 7"."""
    j = index + 1
    n = len(lines)
    while j < n and lines[j].blank and not lines[j].skip:
        j += 1
    if j >= n or lines[j].skip:
        return None
    nxt = lines[j]
    text = nxt.content
    if nxt.quoted or len(text) > 120 or not text[0].isupper() or _MARKER_START.match(text):
        return None
    if text.endswith((".", ";", ":", ",", "—", "-", "–")) or len(text.split()) > 15:
        return None
    if find_container(nxt) or find_schedule(nxt) or any(_match(nxt, f) for f in FAMILIES):
        return None
    return nxt
