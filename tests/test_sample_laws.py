"""Sample laws: md and docx bill agree, documented gaps are in the text, the docx rebuilds."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_laws"
BILL_MD = SAMPLES / "child_justice_bill_draft.md"
BILL_DOCX = SAMPLES / "child_justice_bill_draft.docx"
README = SAMPLES / "README.md"

CORE_IDS = {
    "jj.child_definition",
    "jj.macr",
    "jj.death_penalty",
    "jj.life_imprisonment",
    "jj.corporal_punishment",
    "jj.detention_last_resort",
    "jj.first_appearance",
    "jj.separation_adults",
    "jj.parental_notification",
    "jj.legal_assistance",
    "jj.privacy",
    "jj.diversion",
}
STATUSES = {"compliant", "partially_compliant", "non_compliant", "not_addressed"}

HEADING_RE = re.compile(r"^(\d+[A-Z]?)\. (\S.*)$")
LABEL_LINE_RE = re.compile(r"^\(([0-9]+|[a-z]+)\) ")
EVIDENCE_RE = re.compile(r"^(section|Schedule paragraph) (\d+[A-Z]?)((?:\([0-9a-z]+\))*)$")
QUOTED_RE = re.compile(r'"([^"]+)"')


# --- reading the two forms of the bill -------------------------------------------------------


def md_lines() -> list[str]:
    """Non-blank lines of the Markdown bill with the `#`/`##` markers dropped."""
    out = []
    for raw in BILL_MD.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line:
            out.append(re.sub(r"^#{1,2} ", "", line))
    return out


def md_sections() -> list[tuple[str, str, str]]:
    """(Part or Schedule heading, number, heading) for every numbered heading in the md."""
    found, scope = [], ""
    for raw in BILL_MD.read_text(encoding="utf-8").splitlines():
        if raw.startswith("## "):
            scope = raw[3:].strip()
            continue
        m = HEADING_RE.match(raw.strip())
        if scope and m:
            found.append((scope, m.group(1), m.group(2)))
    return found


def _roman(n: int) -> str:
    pairs = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for value, digits in pairs:
        while n >= value:
            out, n = out + digits, n - value
    return out


def _fmt(fmt: str, n: int) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + n - 1)
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "decimal":
        return str(n)
    raise AssertionError(f"numbering format {fmt} not expected in the sample bill")


def docx_paragraphs() -> list[tuple[str, str, bool]]:
    """(style name, visible text, auto-numbered?) per paragraph, with Word numbering rendered."""
    import docx
    from docx.oxml.ns import qn

    doc = docx.Document(str(BILL_DOCX))
    numbering = doc.part.numbering_part.element
    levels: dict[str, dict[int, tuple[str, str, int]]] = {}
    for absn in numbering.findall(qn("w:abstractNum")):
        lv = {}
        for lvl in absn.findall(qn("w:lvl")):
            start = lvl.find(qn("w:start"))
            lv[int(lvl.get(qn("w:ilvl")))] = (
                lvl.find(qn("w:numFmt")).get(qn("w:val")),
                lvl.find(qn("w:lvlText")).get(qn("w:val")),
                int(start.get(qn("w:val"))) if start is not None else 0,
            )
        levels[absn.get(qn("w:abstractNumId"))] = lv
    nums: dict[str, tuple[str, dict[int, int]]] = {}
    for num in numbering.findall(qn("w:num")):
        overrides = {}
        for ov in num.findall(qn("w:lvlOverride")):
            so = ov.find(qn("w:startOverride"))
            if so is not None:
                overrides[int(ov.get(qn("w:ilvl")))] = int(so.get(qn("w:val")))
        nums[num.get(qn("w:numId"))] = (num.find(qn("w:abstractNumId")).get(qn("w:val")), overrides)

    counters: dict[str, dict[int, int]] = {}
    out = []
    for para in doc.paragraphs:
        num_pr: Any = para._p.find(qn("w:pPr") + "/" + qn("w:numPr"))
        text = para.text
        if num_pr is not None:
            num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
            ilvl = int(num_pr.find(qn("w:ilvl")).get(qn("w:val")))
            abstract_id, overrides = nums[num_id]
            lv = levels[abstract_id]
            state = counters.setdefault(num_id, {})
            if ilvl not in state:
                state[ilvl] = overrides.get(ilvl, lv[ilvl][2]) - 1
            state[ilvl] += 1
            for deeper in [k for k in state if k > ilvl]:
                del state[deeper]
            label = lv[ilvl][1]
            for k, value in state.items():
                label = label.replace(f"%{k + 1}", _fmt(lv[k][0], value))
            text = f"{label} {text}"
        style = para.style.name if para.style is not None else ""
        out.append((str(style), text, num_pr is not None))
    return out


# --- locating provisions in the md by label ----------------------------------------------------


def md_blocks() -> dict[tuple[str, str], list[str]]:
    """Lines of each section ('section', n) and Schedule paragraph ('Schedule paragraph', n)."""
    blocks: dict[tuple[str, str], list[str]] = {}
    scope, current = "", None
    for raw in BILL_MD.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("## "):
            scope = "Schedule paragraph" if "SCHEDULE" in line else "section"
            current = None
            continue
        m = HEADING_RE.match(line)
        if scope and m:
            current = blocks.setdefault((scope, m.group(1)), [])
            continue
        if current is not None and line:
            current.append(line)
    return blocks


def provision_text(label: str) -> str:
    """Text of `section 7(1)`, `Schedule paragraph 3(1)(e)` etc.; fails if it does not exist."""
    m = EVIDENCE_RE.match(label)
    assert m, f"unreadable evidence label {label!r}"
    lines = md_blocks().get((m.group(1), m.group(2)))
    assert lines, f"{label}: no such provision in the bill"
    for part in re.findall(r"\(([0-9a-z]+)\)", m.group(3)):
        start = next((i for i, ln in enumerate(lines) if ln.startswith(f"({part}) ")), None)
        assert start is not None, f"{label}: no ({part}) in the bill"
        digit = part.isdigit()
        end = start + 1
        while end < len(lines):
            nxt = LABEL_LINE_RE.match(lines[end])
            if nxt and (nxt.group(1).isdigit() or not digit):
                break
            end += 1
        lines = lines[start:end]
    return "\n".join(lines)


# --- README tables ------------------------------------------------------------------------------


def table_rows(heading: str) -> list[list[str]]:
    """Body rows of the first Markdown table after `heading` in the samples README."""
    text = README.read_text(encoding="utf-8")
    assert heading in text, f"README lacks {heading!r}"
    rows = []
    for line in text.split(heading, 1)[1].splitlines():
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif rows:
            break
    return [r for r in rows[2:]]  # drop header and separator


def core_rows() -> dict[str, dict[str, str]]:
    rows = table_rows("### Deliberate gaps: the 12 core checks")
    keys = ["id", "does", "status", "value", "evidence", "text"]
    return {r[0].strip("`"): dict(zip(keys, r, strict=True)) for r in rows}


def labels(cell: str) -> list[str]:
    return [] if cell in {"—", ""} else [p.strip() for p in cell.split(";")]


# --- tests --------------------------------------------------------------------------------------


def test_bill_has_realistic_size_and_structure() -> None:
    sections = [s for s in md_sections() if s[0] != "SCHEDULE"]
    numbers = [int(n) for _, n, _ in sections]
    assert numbers == list(range(1, len(numbers) + 1))
    assert 35 <= len(numbers) <= 60
    schedule = [n for scope, n, _ in md_sections() if scope == "SCHEDULE"]
    assert schedule[0] == "1" and len(schedule) >= 3  # the Schedule restarts its numbering
    text = BILL_MD.read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert '"child" means' in provision_text("section 2")
    assert "Provided that" in text and "subject to section" in text
    assert not re.search(r"^\s*[-*+] ", text, re.MULTILINE), "no Markdown bullets"


def test_md_and_docx_carry_the_same_sections_and_headings() -> None:
    paras = docx_paragraphs()
    docx_sections, scope = [], ""
    for style, text, _ in paras:
        if style == "Heading 1":
            scope = text
        elif style == "Heading 2":
            m = HEADING_RE.match(text)
            assert m, f"Heading 2 without a number: {text!r}"
            docx_sections.append((scope, m.group(1), m.group(2)))
    assert docx_sections == md_sections()
    assert paras[0][0] == "Title" and paras[0][1] == md_lines()[0]
    parts = [t for s, t, _ in paras if s == "Heading 1"]
    assert parts[0] == "PART I — PRELIMINARY" and parts[-1] == "SCHEDULE"


def test_docx_text_with_automatic_numbering_matches_md() -> None:
    paras = docx_paragraphs()
    assert [t for _, t, _ in paras] == md_lines()
    numbered = [t for _, t, auto in paras if auto]
    # Real Word numbering is used, in more than one list, and for the whipping paragraph.
    assert len(numbered) >= 10
    assert any(t.startswith("(iii) ") for t in numbered)
    assert any(t.startswith("(e) ") and "whipping" in t for t in numbered)


def test_auto_numbered_paragraphs_do_not_repeat_their_label() -> None:
    import docx
    from docx.oxml.ns import qn

    doc = docx.Document(str(BILL_DOCX))
    auto = [p for p in doc.paragraphs if p._p.find(qn("w:pPr") + "/" + qn("w:numPr")) is not None]
    assert auto
    for p in auto:
        assert not LABEL_LINE_RE.match(p.text), p.text


def test_readme_covers_every_core_check_with_a_valid_status() -> None:
    rows = core_rows()
    assert set(rows) == CORE_IDS
    for check, row in rows.items():
        assert row["status"] in STATUSES, check
        assert (row["status"] == "not_addressed") == (labels(row["evidence"]) == []), check


@pytest.mark.parametrize("check", sorted(CORE_IDS))
def test_documented_gap_is_in_the_text(check: str) -> None:
    row = core_rows()[check]
    evidence = " ".join(provision_text(lb) for lb in labels(row["evidence"]))
    whole = BILL_MD.read_text(encoding="utf-8").lower()
    absent = False
    for piece in row["text"].split(";"):
        absent = absent or piece.strip().startswith("absent:")
        for phrase in QUOTED_RE.findall(piece):
            if absent:
                assert phrase.lower() not in whole, f"{check}: {phrase!r} must not occur"
            else:
                assert phrase.lower() in evidence.lower(), f"{check}: {phrase!r} not in evidence"


def test_gap_values_match_the_text() -> None:
    rows = core_rows()
    assert rows["jj.macr"]["value"] == "minimum_age: 12"
    assert "not attained the age of twelve years" in provision_text("section 7(1)")
    assert rows["jj.first_appearance"]["value"] == "max_hours: 48"
    assert "within forty-eight hours" in provision_text("section 14(1)")
    assert rows["jj.child_definition"]["value"] == "upper_age: 18"
    assert '"child" means a person who has not attained the age of eighteen years' in (
        provision_text("section 2")
    )
    assert "sixteen years" in provision_text("section 33(1)")
    # The whipping power sits in the Schedule that section 47 applies, despite section 42(2).
    assert "in accordance with the rules set out in the Schedule" in provision_text("section 47")
    assert "No sentence of corporal punishment" in provision_text("section 42(2)")
    # "last resort" is there; the shortest-period limb is not, anywhere.
    bill = BILL_MD.read_text(encoding="utf-8").lower()
    assert bill.count("last resort") == 2 and "shortest" not in bill
    assert "life" not in re.findall(r"[a-z]+", bill)


def test_every_evidence_label_in_the_other_table_exists() -> None:
    rows = table_rows("### Intended status for the other checks")
    assert len(rows) >= 20
    for row in rows:
        assert row[2] in STATUSES, row[0]
        for label in labels(row[3]):
            assert provision_text(label), label


def test_build_reproduces_committed_docx(tmp_path: Path) -> None:
    out = tmp_path / "bill.docx"
    proc = subprocess.run(
        [sys.executable, str(SAMPLES / "build_docx.py"), "--output", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == BILL_DOCX.read_bytes(), (
        "rebuilt docx differs: run `python sample_laws/build_docx.py` and commit the result"
    )


def test_real_statutes_are_documented_and_unchanged() -> None:
    text = README.read_text(encoding="utf-8")
    files = re.findall(r"^- File: `([^`]+)`", text, re.MULTILINE)
    sums = re.findall(r"^- sha256: `([0-9a-f]{64})`", text, re.MULTILINE)
    assert len(files) >= 2 and len(files) == len(sums)
    for name, digest in zip(files, sums, strict=True):
        assert hashlib.sha256((SAMPLES / name).read_bytes()).hexdigest() == digest, name
    for field in ("Official title:", "Jurisdiction:", "Version:", "Source:", "State of the text:"):
        assert text.count(f"- {field}") == len(files), field
    assert not list(SAMPLES.glob("**/expected*.yaml")), "evaluation data must not be copied"
