"""Build child_justice_bill_draft.docx from the Markdown bill, byte-identical on every rerun."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import re
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE / "child_justice_bill_draft.md"
DEFAULT_OUTPUT = HERE / "child_justice_bill_draft.docx"

# Provisions whose (a), (b) ... and (i), (ii) ... labels become real Word automatic numbering
# (the literal label is removed from the text), keyed by (Part or Schedule heading, number).
# Everything else keeps its typed labels, as most real Word drafts mix both.
AUTO_NUMBERED = {
    ("PART V — DIVERSION", "20"),
    ("PART V — DIVERSION", "21"),
    ("SCHEDULE", "3"),
}

# One fixed instant for every timestamp in the package, so reruns give identical bytes.
FIXED_TIME = dt.datetime(2026, 1, 1, 0, 0, 0, tzinfo=dt.UTC)
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
AUTHOR = "lexcheck samples"
ABSTRACT_NUM_ID = 90  # well above the ids in python-docx's default numbering.xml

SECTION_RE = re.compile(r"^(\d+[A-Z]?)\. (\S.*)$")
LABEL_RE = re.compile(r"^\(([a-z]+)\) (.*)$")
ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _w(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(f"w:{tag}"))


def _add_abstract_num(numbering: Any) -> None:
    """Define the (a)/(i) multi-level list in numbering.xml (python-docx has no numbering API)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    levels = [("lowerLetter", "(%1)", 720), ("lowerRoman", "(%2)", 1440)]
    lvl_xml = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="720"/></w:pPr></w:lvl>'
        for i, (fmt, text, left) in enumerate(levels)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ABSTRACT_NUM_ID}">'
        f'<w:multiLevelType w:val="multilevel"/>{lvl_xml}</w:abstractNum>'
    )
    # The schema wants every abstractNum before the first num.
    first_num = numbering.find(_w("num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)


def _new_list(numbering: Any) -> int:
    """Add a w:num instance of our abstractNum that restarts at (a); return its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    used = [int(n.get(_w("numId"))) for n in numbering.findall(_w("num"))]
    num_id = max(used, default=0) + 1
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{ABSTRACT_NUM_ID}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    return num_id


def _set_num(paragraph: Any, num_id: int, ilvl: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(
        0 if ppr.find(_w("pStyle")) is None else 1,
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        ),
    )


class _ListState:
    """Tracks the expected next label of an auto-numbered provision, so md and docx cannot drift."""

    def __init__(self) -> None:
        self.num_id: int | None = None
        self.letter = 0
        self.roman = 0

    def place(self, label: str, numbering: Any, where: str) -> int:
        if label == "a":
            self.num_id, self.letter, self.roman = _new_list(numbering), 1, 0
            return 0
        if self.num_id is not None and label == LETTERS[self.letter]:
            self.letter += 1
            self.roman = 0
            return 0
        if self.num_id is not None and label == ROMANS[self.roman]:
            self.roman += 1
            return 1
        raise SystemExit(f"build_docx: label ({label}) out of sequence in {where}")


def build(source: Path) -> bytes:
    """Return the .docx bytes for the Markdown bill at `source`."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Inches

    doc = docx.Document()
    numbering = doc.part.numbering_part.element
    _add_abstract_num(numbering)

    part = ""  # current Part or Schedule heading
    section = ""  # current section / schedule paragraph number
    lists = _ListState()
    next_letter = "a"  # next expected typed letter label, to tell (i) the letter from (i) roman
    for raw in source.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("# "):
            doc.add_heading(line[2:], level=0)
            continue
        if line.startswith("## "):
            part, section = line[3:], ""
            doc.add_heading(part, level=1)
            continue
        m = SECTION_RE.match(line)
        if part and m:
            section = m.group(1)
            lists = _ListState()
            next_letter = "a"
            doc.add_heading(line, level=2)
            continue
        lm = LABEL_RE.match(line)
        if lm and (part, section) in AUTO_NUMBERED:
            ilvl = lists.place(lm.group(1), numbering, f"{part} {section}")
            para = doc.add_paragraph(lm.group(2))
            assert lists.num_id is not None
            _set_num(para, lists.num_id, ilvl)
            continue
        para = doc.add_paragraph(line)
        if not part:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif lm:
            # Typed labels: roman subparagraphs sit deeper than lettered paragraphs.
            label = lm.group(1)
            deep = label in ROMANS and label != next_letter
            if not deep:
                next_letter = LETTERS[LETTERS.index(label[0]) + 1]
            para.paragraph_format.left_indent = Inches(1.0 if deep else 0.5)
        elif line.startswith("Provided that"):
            para.paragraph_format.left_indent = Inches(0.5)

    cp = doc.core_properties
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.title = "Republic of Veridia — The Child Justice Bill, 2026 (fictional draft)"
    cp.subject = "Fictional child-justice bill with deliberate gaps, for lexcheck"
    cp.comments = f"Generated by sample_laws/build_docx.py from {source.name}"
    cp.keywords = "lexcheck; sample; child justice"
    cp.category = ""
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.last_printed = FIXED_TIME
    cp.revision = 1

    buf = io.BytesIO()
    doc.save(buf)
    return _normalise_zip(buf.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the package with sorted entries, fixed timestamps and fixed attributes."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = {name: src.read(name) for name in src.namelist()}
    # [Content_Types].xml first (convention), then everything in byte order.
    names = sorted(entries, key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            dst.writestr(info, entries[name], compresslevel=9)
    return out.getvalue()


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # mkstemp creates the file 0600; give it the mode an ordinary write would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="Markdown bill")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="docx to write")
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"build_docx: {args.source}: no such file", file=sys.stderr)
        return 2
    _write_atomic(args.output, build(args.source))
    return 0


if __name__ == "__main__":
    sys.exit(main())
