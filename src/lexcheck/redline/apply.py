"""Splice tracked changes and comments into document.xml without re-serialising untouched XML.

Only the paragraphs that change are parsed and written back; every other byte of the package
(other paragraphs, other parts, prior tracked changes) is copied as it was.
"""

from __future__ import annotations

import copy
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from lexcheck.errors import InputError
from lexcheck.models import Finding, ParsedDocument, Provision
from lexcheck.report.ooxml import ZIP_EPOCH
from lexcheck.report.view import STATUS_LABEL

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"

# A paragraph start or end tag, never w:pPr or w:proofErr: <w:p>, <w:p ...>, <w:p/>, </w:p>.
_P_TAG = re.compile(r"<(/?)w:p(?=[\s>/])([^>]*?)(/?)>")
_NS_DECL = re.compile(r'\sxmlns:(\w+)="([^"]*)"')
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_SIMPLE_RUN_CHILDREN = {f"{W}rPr", f"{W}t", f"{W}tab"}
_KEEP_AROUND = {f"{W}bookmarkStart", f"{W}bookmarkEnd"}
# Leading enumerators ("7. ", "(1) ", "(a)") that Word automatic numbering keeps out of the text.
_LEAD = re.compile(r"^(?:\d+[A-Za-z]*\.(?:[\s—–-]+|$)|\((?:\d+[A-Za-z]*|[a-z]{1,4})\)\s*)+")


@dataclass
class RedlineResult:
    data: bytes
    insertions: int = 0
    deletions: int = 0
    comments: int = 0
    unplaced: list[str] = field(default_factory=list)  # checks whose provision was not found


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans("“”‘’–—\u00a0", "\"\"''-- "))
    return " ".join(text.split()).lower()


@dataclass
class _Para:
    start: int
    end: int
    xml: str
    text: str = ""
    element: Any = None  # parsed lazily when the paragraph is edited
    after: list[str] = field(default_factory=list)  # paragraphs (XML) inserted after it


class _Document:
    """document.xml as original text plus the body paragraphs' spans."""

    def __init__(self, xml: str) -> None:
        self.xml = xml
        root = re.search(r"<w:document\b[^>]*>", xml)
        if root is None:
            raise ValueError("word/document.xml has no w:document root")
        self.ns = dict(_NS_DECL.findall(root.group(0)))
        self.paras = self._scan()
        self.body_end = xml.rfind("<w:sectPr", 0, xml.rfind("</w:body>"))
        if self.body_end < 0 or self.body_end < (self.paras[-1].end if self.paras else 0):
            self.body_end = xml.rfind("</w:body>")

    def _scan(self) -> list[_Para]:
        """Top-level paragraphs of the body (a text box's paragraphs stay inside their host)."""
        out: list[_Para] = []
        depth, start = 0, 0
        for m in _P_TAG.finditer(self.xml):
            closing, selfclosing = m.group(1) == "/", m.group(3) == "/"
            if selfclosing:
                if depth == 0:
                    out.append(_Para(m.start(), m.end(), m.group(0)))
                continue
            if not closing:
                if depth == 0:
                    start = m.start()
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    out.append(_Para(start, m.end(), self.xml[start : m.end()]))
        for p in out:
            p.text = _norm(self._text(p.xml))
        return out

    @staticmethod
    def _text(fragment: str) -> str:
        # Visible text: w:t (including inside earlier insertions), never w:delText.
        parts = re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:tab/>", fragment)
        return (
            "".join(p if p else " " for p in parts)
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", '"')
            .replace("&apos;", "'")
            .replace("&amp;", "&")
        )

    def parse(self, para: _Para) -> Any:
        from lxml import etree

        if para.element is None:
            decls = "".join(f' xmlns:{k}="{v}"' for k, v in sorted(self.ns.items()))
            wrapper = etree.fromstring(f"<wrap{decls}>{para.xml}</wrap>".encode())
            para.element = wrapper[0]
        return para.element

    def serialise(self, element: Any) -> str:
        from lxml import etree

        text: str = etree.tostring(element, encoding="unicode")
        head_end = text.index(">")
        head = _NS_DECL.sub(
            lambda m: "" if self.ns.get(m.group(1)) == m.group(2) else m.group(0),
            text[:head_end],
        )
        return head + text[head_end:]

    def result(self) -> str:
        out: list[str] = []
        pos = 0
        for p in self.paras:
            if p.element is None and not p.after:
                continue
            out.append(self.xml[pos : p.start])
            out.append(self.serialise(p.element) if p.element is not None else p.xml)
            out.extend(p.after)
            pos = p.end
        out.append(self.xml[pos:])
        return "".join(out)

    def find(self, needle: str, start: int = 0) -> int | None:
        """Index of the first paragraph from ``start`` whose text holds ``needle`` (normalised)."""
        full = _norm(needle)
        # With automatic numbering the label is not in the paragraph's text: try without it.
        for key in dict.fromkeys((full[:120], _LEAD.sub("", full)[:120])):
            if len(key) < 2:
                continue
            for i in range(start, len(self.paras)):
                if key in self.paras[i].text:
                    return i
            for i in range(start, len(self.paras)):  # a paragraph that is a prefix of the line
                t = self.paras[i].text
                if len(t) >= 20 and key.startswith(t):
                    return i
        return None


class _Reviser:
    """Builds revision and comment markup with ids above any already used."""

    def __init__(self, doc: _Document, comments_xml: str | None, when: date, author: str) -> None:
        ids = [int(x) for x in re.findall(r'\bw:id="(-?\d+)"', doc.xml)]
        if comments_xml:
            ids += [int(x) for x in re.findall(r'\bw:id="(-?\d+)"', comments_xml)]
        self.next_id = max(ids, default=0) + 1
        self.date = f"{when.isoformat()}T00:00:00Z"
        self.author = author
        self.comments: list[str] = []

    def new_id(self) -> str:
        self.next_id += 1
        return str(self.next_id - 1)

    def mark(self, tag: str) -> Any:
        from lxml import etree

        el = etree.Element(f"{W}{tag}", nsmap={"w": W_NS})
        el.set(f"{W}id", self.new_id())
        el.set(f"{W}author", self.author)
        el.set(f"{W}date", self.date)
        return el


def _run(rpr: Any, text: str, deleted: bool = False) -> Any:
    from lxml import etree

    r = etree.Element(f"{W}r", nsmap={"w": W_NS})
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    pieces = text.split("\t")
    for i, piece in enumerate(pieces):
        if i:
            etree.SubElement(r, f"{W}tab")
        if piece:
            t = etree.SubElement(r, f"{W}delText" if deleted else f"{W}t")
            t.text = piece
            t.set(XML_SPACE, "preserve")
    return r


def _locate(text: str, region: str) -> tuple[int, int] | None:
    """Where ``region`` (a provision's text) sits in a paragraph's text, spacing aside."""
    at = text.find(region)
    if at >= 0:
        return at, at + len(region)
    words = region.split()
    if not words:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (m.start(), m.end()) if m else None


def _visible_text(p: Any) -> str:
    return "".join(
        (g.text or "") if g.tag == f"{W}t" else "\t"
        for r in p
        if r.tag == f"{W}r"
        for g in r
        if g.tag in (f"{W}t", f"{W}tab")
    )


def _substitute(
    p: Any, new_text: str, rev: _Reviser, region: str | None = None
) -> tuple[int, int] | None:
    """Turn paragraph ``p`` (or the ``region`` of it that holds the provision) into
    ``new_text`` as tracked changes; return (insertions, deletions), or None where the
    provision is only part of a paragraph too complex to split safely.

    Common leading and trailing words stay as they are; the words between are deleted (their
    runs split, formatting kept) and the new words inserted with the formatting of the first
    changed run. Text outside the region (other provisions run into the same paragraph, as in
    statutes published one section per line) is left as it is.
    """
    children = list(p)
    simple = all(
        c.tag in (f"{W}pPr", f"{W}proofErr", *_KEEP_AROUND)
        or (c.tag == f"{W}r" and all(g.tag in _SIMPLE_RUN_CHILDREN for g in c))
        for c in children
    )
    runs = [c for c in children if c.tag == f"{W}r"]
    if not simple and region is not None:
        whole = _visible_text(p)
        span = _locate(whole, region)
        if span is not None and (span[1] - span[0]) < 0.9 * len(whole.strip()):
            return None
    if not simple or not runs:
        # Complex content (fields, hyperlinks, earlier revisions): delete the plain runs as a
        # whole and append the new text, leaving everything else untouched.
        first_rpr = runs[0].find(f"{W}rPr") if runs else None
        for r in runs:
            d = rev.mark("del")
            r.addprevious(d)
            d.append(r)
            for t in r.iter(f"{W}t", f"{W}instrText"):
                t.tag = f"{W}delText" if t.tag == f"{W}t" else f"{W}delInstrText"
        ins = rev.mark("ins")
        ins.append(_run(first_rpr, new_text))
        p.append(ins)
        return 1, len(runs)
    chars: list[tuple[str, Any]] = []
    for r in runs:
        rpr = r.find(f"{W}rPr")
        for g in r:
            if g.tag == f"{W}t":
                chars.extend((ch, rpr) for ch in (g.text or ""))
            elif g.tag == f"{W}tab":
                chars.append(("\t", rpr))
    whole = "".join(ch for ch, _ in chars)
    lo, hi = 0, len(whole)
    if region is not None:
        span = _locate(whole, region)
        if span is None and len(whole.strip()) > 1.5 * len(region.strip()):
            return None  # the provision is somewhere in a longer paragraph: do not guess
        lo, hi = span or (0, len(whole))
    old = whole[lo:hi]
    lead = _LEAD.match(new_text)
    if lead and not old.lstrip().startswith(lead.group(0).strip()):
        new_text = new_text[lead.end() :]  # the paragraph's number comes from Word's numbering
    a_tokens, b_tokens = _TOKEN.findall(old), _TOKEN.findall(new_text)
    pre = 0
    while pre < min(len(a_tokens), len(b_tokens)) and a_tokens[pre] == b_tokens[pre]:
        pre += 1
    suf = 0
    while (
        suf < min(len(a_tokens), len(b_tokens)) - pre and a_tokens[-1 - suf] == b_tokens[-1 - suf]
    ):
        suf += 1
    a0 = lo + sum(len(t) for t in a_tokens[:pre])
    a1 = hi - sum(len(t) for t in a_tokens[len(a_tokens) - suf :])
    inserted = "".join(b_tokens[pre : len(b_tokens) - suf])

    def segments(lo: int, hi: int) -> list[tuple[str, Any]]:
        out: list[tuple[str, Any]] = []
        for ch, rpr in chars[lo:hi]:
            if out and out[-1][1] is rpr:
                out[-1] = (out[-1][0] + ch, rpr)
            else:
                out.append((ch, rpr))
        return out

    ppr = p.find(f"{W}pPr")
    marks_start = [c for c in children if c.tag == f"{W}bookmarkStart"]
    marks_end = [c for c in children if c.tag == f"{W}bookmarkEnd"]
    for c in children:
        if c is not ppr:
            p.remove(c)
    for m in marks_start:
        p.append(m)
    for text, rpr in segments(0, a0):
        p.append(_run(rpr, text))
    ins_n = del_n = 0
    if a1 > a0:
        d = rev.mark("del")
        for text, rpr in segments(a0, a1):
            d.append(_run(rpr, text, deleted=True))
        p.append(d)
        del_n = 1
    if inserted:
        rpr = chars[min(a0, len(chars) - 1)][1] if chars else None
        ins = rev.mark("ins")
        ins.append(_run(rpr, inserted))
        p.append(ins)
        ins_n = 1
    for text, rpr in segments(a1, len(chars)):
        p.append(_run(rpr, text))
    for m in marks_end:
        p.append(m)
    return ins_n, del_n


def _inserted_paragraph(
    template: Any, text: str, rev: _Reviser, doc: _Document, comment: str | None = None
) -> str:
    """A new paragraph, styled like ``template``, whose mark and text are tracked insertions."""
    from lxml import etree

    p = etree.Element(f"{W}p", nsmap={"w": W_NS})
    ppr_src = template.find(f"{W}pPr") if template is not None else None
    ppr = copy.deepcopy(ppr_src) if ppr_src is not None else etree.Element(f"{W}pPr")
    # Our text carries its own numbers: automatic numbering would number it twice.
    for drop in ("rPr", "sectPr", "pPrChange", "numPr"):
        for el in ppr.findall(f"{W}{drop}"):
            ppr.remove(el)
    rpr_mark = etree.SubElement(ppr, f"{W}rPr")
    rpr_mark.append(rev.mark("ins"))
    p.append(ppr)
    run_rpr = None
    if template is not None:
        first_run = template.find(f".//{W}r")
        run_rpr = first_run.find(f"{W}rPr") if first_run is not None else None
    ins = rev.mark("ins")
    ins.append(_run(run_rpr, text))
    p.append(ins)
    if comment is not None:
        _anchor_comment(p, comment)
    return doc.serialise(p)


def _mark_paragraph(p: Any, mark: Any) -> None:
    """Track the paragraph mark itself (w:pPr/w:rPr/w:ins or w:del)."""
    from lxml import etree

    ppr = p.find(f"{W}pPr")
    if ppr is None:
        ppr = etree.Element(f"{W}pPr")
        p.insert(0, ppr)
    rpr = ppr.find(f"{W}rPr")
    if rpr is None:
        rpr = etree.SubElement(ppr, f"{W}rPr")
        for later in ("sectPr", "pPrChange"):  # rPr precedes these in CT_PPr
            el = ppr.find(f"{W}{later}")
            if el is not None:
                el.addprevious(rpr)
                break
    rpr.append(mark)


def _comment_xml(cid: str, rev: _Reviser, finding: Finding) -> str:
    lines = [f"lexcheck: {finding.title or finding.check} — {STATUS_LABEL[finding.status.value]}."]
    lines.append(finding.explanation)
    if finding.citations:
        lines.append("Standards: " + "; ".join(finding.citations) + ".")
    if finding.amendment is not None:
        a = finding.amendment
        where = a.new_label or a.target or "a new provision"
        verb = {"insert": "insert", "substitute": "substitute", "repeal": "repeal"}[a.action]
        lines.append(f"Recommended: {verb} {where} (tracked change).")
        if a.rationale:
            lines.append(a.rationale)
    from lexcheck.report.docx_report import _xml_safe

    paras = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(_xml_safe(line))}</w:t></w:r></w:p>'
        for line in lines
    )
    return (
        f'<w:comment w:id="{cid}" w:author={quoteattr(rev.author)} w:date="{rev.date}"'
        f' w:initials="LC">{paras}</w:comment>'
    )


def _anchor_comment(p: Any, cid: str) -> None:
    from lxml import etree

    start = etree.Element(f"{W}commentRangeStart", nsmap={"w": W_NS})
    start.set(f"{W}id", cid)
    ppr = p.find(f"{W}pPr")
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    end = etree.SubElement(p, f"{W}commentRangeEnd")
    end.set(f"{W}id", cid)
    ref_run = etree.SubElement(p, f"{W}r")
    ref = etree.SubElement(ref_run, f"{W}commentReference")
    ref.set(f"{W}id", cid)


def _label_index(doc: ParsedDocument) -> dict[str, Provision]:
    labels: dict[str, Provision] = {}
    for prov in doc.walk():
        labels.setdefault(prov.label, prov)
    return labels


def _lines(text: str) -> list[str]:
    """Lines with words in them: a number alone on its line ("1") cannot locate a paragraph."""
    return [ln for ln in text.splitlines() if len(_LEAD.sub("", _norm(ln)).strip(" .>-")) >= 3]


def _first_line(text: str) -> str:
    return next(iter(_lines(text)), "")


def _last_line(text: str) -> str:
    return next(iter(reversed(_lines(text))), "")


def _closest_line(text: str, target: str) -> str:
    """The line of a provision most like the text that will replace it (where the figure is)."""
    from difflib import SequenceMatcher

    lines = _lines(text)
    if not lines:
        return ""
    want = _norm(target)
    return max(lines, key=lambda ln: SequenceMatcher(None, _norm(ln), want).ratio())


def redline(
    source: bytes,
    document: ParsedDocument,
    findings: list[Finding],
    *,
    when: date,
    author: str = "lexcheck",
    path: str = "document",
) -> RedlineResult:
    """A copy of the .docx ``source`` with each amendment tracked and each finding commented."""
    try:
        zin = zipfile.ZipFile(io.BytesIO(source))
        xml = zin.read("word/document.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError) as exc:
        raise InputError(path, f"not a readable Word document ({exc})") from exc
    names = zin.namelist()
    comments_name = "word/comments.xml"
    comments_xml = zin.read(comments_name).decode("utf-8") if comments_name in names else None
    doc = _Document(xml)
    rev = _Reviser(doc, comments_xml, when, author)
    result = RedlineResult(b"")
    comment_targets: list[tuple[int, Finding]] = []
    comment_parts: list[str] = []
    labels = _label_index(document)
    substituted: set[int] = set()

    for f in findings:
        anchor: int | None = None
        if f.evidence:
            ev = f.evidence[0]
            prov = labels.get(ev.provision)
            anchor = doc.find(_first_line(prov.text if prov else ev.quote))
        a = f.amendment
        if a is not None and a.action == "substitute":
            prov = labels.get(a.target or "")
            line = _closest_line(prov.text, a.text) if prov else ""
            idx = doc.find(line) if prov else anchor
            if idx is not None and idx in substituted:
                # A second amendment to the same paragraph goes in as new text after it.
                lines = [ln for ln in a.text.splitlines() if ln.strip()]
                template = _parse_copy(doc, doc.paras[idx])
                for line in lines:
                    doc.paras[idx].after.append(_inserted_paragraph(template, line, rev, doc))
                result.insertions += len(lines)
                anchor = idx
            elif idx is not None:
                substituted.add(idx)
                el = doc.parse(doc.paras[idx])
                done = _substitute(el, _first_line(a.text), rev, region=line.strip() or None)
                if done is None:
                    # Too entangled to split: the new text goes in after, the comment explains.
                    ins_n, del_n = 0, 0
                    extra = [ln for ln in a.text.splitlines() if ln.strip()]
                else:
                    ins_n, del_n = done
                    extra = [ln for ln in a.text.splitlines()[1:] if ln.strip()]
                template = _parse_copy(doc, doc.paras[idx])
                for new_line in extra:
                    doc.paras[idx].after.append(_inserted_paragraph(template, new_line, rev, doc))
                result.insertions += ins_n + len(extra)
                result.deletions += del_n
                anchor = idx
            else:
                result.unplaced.append(f.check)
        elif a is not None and a.action == "repeal":
            prov = labels.get(a.target or "")
            start = doc.find(_first_line(prov.text)) if prov else None
            if prov is None or start is None:
                result.unplaced.append(f.check)
            else:
                # Every paragraph of the provision: its text and its paragraph mark deleted.
                idx = start
                for line in _lines(prov.text):
                    found = doc.find(line, idx)
                    if found is None or found in substituted:
                        continue
                    idx = found
                    substituted.add(idx)
                    el = doc.parse(doc.paras[idx])
                    done = _substitute(el, "", rev, region=line.strip())
                    if done is None:
                        continue
                    result.deletions += done[1]
                    if _visible_text(el).strip() == "":
                        _mark_paragraph(el, rev.mark("del"))
                anchor = start
        elif a is not None and a.action == "insert":
            unit = labels.get(a.target or "")
            idx = None
            head = None
            if unit is not None:
                head = doc.find(_first_line(unit.text))
                if head is not None:
                    idx = doc.find(_last_line(unit.text), head)
                    idx = head if idx is None else idx
            if idx is None:
                result.unplaced.append(f.check)
                idx = len(doc.paras) - 1
            host = doc.paras[idx]
            lines = [ln for ln in a.text.splitlines() if ln.strip()]
            # Style templates are parsed copies: reading a paragraph must not mark it changed.
            heading_style = _parse_copy(doc, doc.paras[head]) if head is not None else None
            body_style = _parse_copy(doc, host)
            # A finding with no provision to point at (silence) comments the new text itself.
            own_comment = rev.new_id() if anchor is None else None
            for i, line in enumerate(lines):
                style_from = heading_style if i == 0 and heading_style is not None else body_style
                host.after.append(
                    _inserted_paragraph(style_from, line, rev, doc, own_comment if i == 0 else None)
                )
            result.insertions += len(lines)
            if own_comment is not None:
                comment_parts.append(_comment_xml(own_comment, rev, f))
                continue
        if anchor is None:
            anchor = 0
        comment_targets.append((anchor, f))

    # Comments: anchored to the provision's paragraph.
    for idx, f in comment_targets:
        if not doc.paras:
            break
        cid = rev.new_id()
        _anchor_comment(doc.parse(doc.paras[idx]), cid)
        comment_parts.append(_comment_xml(cid, rev, f))
    result.comments = len(comment_parts)

    new_xml = doc.result()
    replaced: dict[str, bytes] = {"word/document.xml": new_xml.encode("utf-8")}
    added: dict[str, bytes] = {}
    if comment_parts:
        if comments_xml is not None:
            cut = comments_xml.rfind("</w:comments>")
            replaced[comments_name] = (
                comments_xml[:cut] + "".join(comment_parts) + comments_xml[cut:]
            ).encode("utf-8")
        else:
            added[comments_name] = (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:comments xmlns:w="{W_NS}">' + "".join(comment_parts) + "</w:comments>"
            ).encode("utf-8")
            rels_name = "word/_rels/document.xml.rels"
            rels = zin.read(rels_name).decode("utf-8")
            used = {int(n) for n in re.findall(r'Id="rId(\d+)"', rels)}
            rid = f"rId{max(used, default=0) + 1}"
            cut = rels.rfind("</Relationships>")
            replaced[rels_name] = (
                rels[:cut]
                + f'<Relationship Id="{rid}" Type="{COMMENTS_REL}" Target="comments.xml"/>'
                + rels[cut:]
            ).encode("utf-8")
            types = zin.read("[Content_Types].xml").decode("utf-8")
            if "/word/comments.xml" not in types:
                cut = types.rfind("</Types>")
                replaced["[Content_Types].xml"] = (
                    types[:cut]
                    + f'<Override PartName="/word/comments.xml" ContentType="{COMMENTS_CT}"/>'
                    + types[cut:]
                ).encode("utf-8")

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = replaced.get(info.filename)
            if data is None:
                data = zin.read(info.filename)
            new_info = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            new_info.compress_type = zipfile.ZIP_DEFLATED
            new_info.external_attr = info.external_attr
            new_info.create_system = 3
            zout.writestr(new_info, data, compresslevel=6)
        for name, data in sorted(added.items()):
            new_info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            new_info.compress_type = zipfile.ZIP_DEFLATED
            new_info.external_attr = 0o600 << 16
            new_info.create_system = 3
            zout.writestr(new_info, data, compresslevel=6)
    result.data = out.getvalue()
    return result


def _parse_copy(doc: _Document, para: _Para) -> Any:
    """A parsed copy of a paragraph used only as a style template (the original stays untouched)."""
    from lxml import etree

    decls = "".join(f' xmlns:{k}="{v}"' for k, v in sorted(doc.ns.items()))
    return etree.fromstring(f"<wrap{decls}>{para.xml}</wrap>".encode())[0]
