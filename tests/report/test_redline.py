"""Redline: native tracked changes and comments, untouched XML kept byte for byte."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from report_fixtures import REPORT_DATE, make_findings, make_review

from lexcheck.models import Finding, ParsedDocument
from lexcheck.recommend import recommend
from lexcheck.redline import redline, statute_docx
from lexcheck.standards.loader import Standards

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PRIOR = (
    '<w:ins w:id="7" w:author="Parliamentary Counsel" w:date="2025-01-01T00:00:00Z">'
    '<w:r><w:t xml:space="preserve"> (as amended)</w:t></w:r></w:ins>'
)


def _statute(act: ParsedDocument) -> bytes:
    """A Word statute as a drafting office writes it: bold labels in their own runs, a
    bookmark, and an earlier tracked change by another author."""
    d = docx.Document()
    for line in act.text.splitlines():
        p = d.add_paragraph()
        m = re.match(r"(\(\d+\)|\d+\.)\s(.*)", line)
        if m:
            p.add_run(m.group(1) + " ").bold = True
            p.add_run(m.group(2)).italic = line.startswith("(1) A child under")
        else:
            p.add_run(line)
    buf = io.BytesIO()
    d.save(buf)
    z = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    xml = z.read("word/document.xml").decode()
    # An earlier revision in an untouched paragraph (section 1(1)) must survive as it is.
    xml = xml.replace(
        "may be cited as the Children Act.</w:t></w:r>",
        "may be cited as the Children Act.</w:t></w:r>" + PRIOR,
        1,
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in z.infolist():
            data = xml.encode() if info.filename == "word/document.xml" else z.read(info)
            zo.writestr(info, data)
    return out.getvalue()


def _paragraphs(xml: str) -> list[str]:
    body = xml[xml.index("<w:body>") + 8 :]
    return re.findall(r"<w:p\b(?:(?!<w:p\b).)*?</w:p>|<w:p/>", body, re.S)


@pytest.fixture
def amended(act: ParsedDocument, standards: Standards) -> tuple[bytes, bytes, list[Finding]]:
    findings = recommend(make_findings(act), [act])
    source = _statute(act)
    return source, redline(source, act, findings, when=REPORT_DATE).data, findings


def test_tracked_changes_and_comments(amended: tuple[bytes, bytes, list[Finding]]) -> None:
    from lxml import etree

    _, data, findings = amended
    z = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(z.read("word/document.xml"))
    ns = {"w": W_NS}
    ins = root.findall(".//w:ins", ns)
    dels = root.findall(".//w:del", ns)
    ours = [e for e in ins + dels if e.get(f"{{{W_NS}}}author") == "lexcheck"]
    assert len(dels) >= 3 and len(ours) > 20
    assert all(e.get(f"{{{W_NS}}}date") == "2026-03-01T00:00:00Z" for e in ours)
    # Deleted text is in w:delText, never w:t.
    assert all(d.find(".//w:t", ns) is None for d in dels)
    deleted = "".join(t.text for t in root.iterfind(".//w:delText", ns))
    assert "ten" in deleted and "forty-eight" in deleted and "sixteen" in deleted
    # Inserted paragraphs carry a tracked paragraph mark.
    marks = root.findall(".//w:pPr/w:rPr/w:ins", ns)
    assert len(marks) >= 15
    # Every revision and comment id is unique, above the document's existing ones.
    ids = [
        e.get(f"{{{W_NS}}}id")
        for e in root.iter()
        if e.tag in (f"{{{W_NS}}}ins", f"{{{W_NS}}}del", f"{{{W_NS}}}commentRangeStart")
    ]
    assert len(ids) == len(set(ids))
    assert all(
        int(i) > 7 for e, i in zip(ours, [o.get(f"{{{W_NS}}}id") for o in ours], strict=True)
    )
    # One comment per finding, in a comments part wired into the package.
    comments = etree.fromstring(z.read("word/comments.xml"))
    assert len(comments.findall("w:comment", ns)) == len(findings)
    assert "comments.xml" in z.read("word/_rels/document.xml.rels").decode()
    assert "/word/comments.xml" in z.read("[Content_Types].xml").decode()
    refs = root.findall(".//w:commentReference", ns)
    assert len(refs) == len(findings)
    # A finding on silence is commented on the provision drafted to fill it.
    silent = sum(1 for f in findings if not f.evidence)
    on_new_text = [
        r for r in refs if r.getparent().getparent().find("w:pPr/w:rPr/w:ins", ns) is not None
    ]
    assert silent == 3 and len(on_new_text) == silent
    text = etree.tostring(comments, encoding="unicode")
    assert "Minimum age of criminal responsibility — Non-compliant" in text


def test_untouched_paragraphs_are_byte_identical(
    amended: tuple[bytes, bytes, list[Finding]],
) -> None:
    source, data, findings = amended
    old = zipfile.ZipFile(io.BytesIO(source)).read("word/document.xml").decode()
    new = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    before = _paragraphs(old)
    kept = [p for p in before if p in new]
    # Touched: one paragraph per finding at most (evidence, comment or target paragraph).
    assert len(kept) >= len(before) - len(findings)
    untouched = [
        "PART I - PRELIMINARY",
        "may be cited as the Children Act.",
        "A child of or above ten years who is charged with murder",
    ]
    for needle in untouched:
        para = next(p for p in before if needle in p)
        assert para in new, needle
    assert PRIOR in new  # the earlier tracked change is preserved verbatim
    # Other parts are copied unchanged.
    zo, zn = zipfile.ZipFile(io.BytesIO(source)), zipfile.ZipFile(io.BytesIO(data))
    for name in ("word/styles.xml", "word/settings.xml", "docProps/core.xml"):
        assert zo.read(name) == zn.read(name)


def test_split_runs_keep_their_formatting(amended: tuple[bytes, bytes, list[Finding]]) -> None:
    _, data, _ = amended
    d = docx.Document(io.BytesIO(data))
    xml = d.element.xml
    para = next(p for p in d.paragraphs if p.text.startswith("(1) A child"))
    p_xml = para._p.xml
    # The label run is kept with its bold formatting; deleted words keep the italic run's rPr.
    assert re.search(r"<w:b/>.*?<w:t[^>]*>\(1\) </w:t>", p_xml, re.S)
    assert re.search(r"<w:del [^>]*>\s*<w:r>\s*<w:rPr>\s*<w:i/>", p_xml)
    assert "w:delText" in xml


def test_redline_is_reproducible(act: ParsedDocument, standards: Standards) -> None:
    findings = recommend(make_findings(act), [act])
    source = _statute(act)
    assert (
        redline(source, act, findings, when=REPORT_DATE).data
        == redline(source, act, findings, when=REPORT_DATE).data
    )


def test_python_docx_reads_comments(amended: tuple[bytes, bytes, list[Finding]]) -> None:
    _, data, findings = amended
    d = docx.Document(io.BytesIO(data))
    comments = list(d.comments)
    assert len(comments) == len(findings)
    assert {c.author for c in comments} == {"lexcheck"}


def test_text_statute_is_rendered_to_docx_first(
    act: ParsedDocument, standards: Standards, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lexcheck import api
    from lexcheck.redline.run import redline_file

    src = tmp_path / "children_act.txt"
    src.write_text(act.text, encoding="utf-8")
    monkeypatch.setattr(api, "parse_file", lambda path, **_: act)
    review = tmp_path / "review.json"
    review.write_text(make_review(make_findings(act), [act]).model_dump_json(), "utf-8")
    before = src.read_bytes()
    out = tmp_path / "amended.docx"
    result = redline_file(src, out, when=REPORT_DATE, review_json=review)
    assert src.read_bytes() == before
    assert result.comments == 10 and result.deletions == 3 and not result.unplaced
    d = docx.Document(str(out))
    # python-docx's Paragraph.text leaves out tracked insertions: read every w:t.
    texts = ["".join(t.text or "" for t in p._p.iter(f"{{{W_NS}}}t")) for p in d.paragraphs]
    assert "PART II - CRIMINAL RESPONSIBILITY" in texts
    assert "13A. Deprivation of liberty as a last resort" in texts
    assert statute_docx(act, REPORT_DATE) == statute_docx(act, REPORT_DATE)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.docx", "-o", "out.docx", "--date", "2026-03-01"], "no such file"),
        (["statute.txt", "-o", "out.pdf"], "name it .docx"),
        (["statute.txt", "-o", "out.docx", "--date", "1 March"], "expected YYYY-MM-DD"),
    ],
)
def test_cli_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "statute.txt").write_text("1. Short title\nThis Act is the Children Act.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "lexcheck", "redline", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_revisions_and_comments(
    amended: tuple[bytes, bytes, list[Finding]], tmp_path: Path
) -> None:
    _, data, findings = amended
    src = tmp_path / "amended.docx"
    src.write_bytes(data)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    content = zipfile.ZipFile(tmp_path / "amended.odt").read("content.xml").decode()
    assert content.count("<office:annotation ") == len(findings)
    assert content.count("<text:changed-region") >= 3
    assert "13A. Deprivation of liberty as a last resort" in content


def test_automatic_numbering_is_not_doubled(act: ParsedDocument, standards: Standards) -> None:
    """Where Word numbers subsections itself, the label is not in the text: the redline must
    still find the paragraph, and must not add a second "(1)" or number inserted text again."""
    from lxml import etree

    d = docx.Document()
    for line in act.text.splitlines():
        m = re.match(r"\((\d+)\)\s(.*)", line)
        p = d.add_paragraph(m.group(2) if m else line)
        if m:
            num = p._p.get_or_add_pPr()
            num_pr = etree.SubElement(num, f"{{{W_NS}}}numPr")
            etree.SubElement(num_pr, f"{{{W_NS}}}ilvl").set(f"{{{W_NS}}}val", "0")
            etree.SubElement(num_pr, f"{{{W_NS}}}numId").set(f"{{{W_NS}}}val", "1")
    buf = io.BytesIO()
    d.save(buf)
    findings = recommend(make_findings(act), [act])
    result = redline(buf.getvalue(), act, findings, when=REPORT_DATE)
    assert not result.unplaced and result.deletions == 3
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(result.data)).read("word/document.xml"))
    ns = {"w": W_NS}
    for ins in root.iterfind(".//w:ins", ns):
        text = "".join(t.text or "" for t in ins.iterfind(".//w:t", ns))
        assert not text.startswith("(1) A child who was"), "label doubled by the substitution"
    for mark in root.iterfind(".//w:pPr/w:rPr/w:ins", ns):
        assert mark.getparent().getparent().find("w:numPr", ns) is None


def test_number_on_its_own_line_and_figure_in_a_later_line(standards: Standards) -> None:
    from report_fixtures import Node, evidence, layout

    from lexcheck.models import Severity, Status

    doc = layout(
        [
            Node(
                "section",
                "1",
                "section 1",
                "1",
                children=[
                    Node(
                        "paragraph",
                        "a",
                        "section 1(a)",
                        "For section 41 of the Criminal Procedure Act substitute—",
                    ),
                    Node(
                        "paragraph",
                        "b",
                        "section 1(b)",
                        "A child under the age of 12 years cannot commit an offence.",
                    ),
                ],
            ),
            Node(
                "section",
                "2",
                "section 2",
                "2",
                children=[
                    Node("paragraph", "a", "section 2(a)", "This Act comes into force on 1 May."),
                ],
            ),
        ],
        "asp.txt",
        "Age Act",
    )
    f = Finding(
        check="jj.macr",
        title="MACR",
        theme="minimum_age",
        requirements=["jj.macr"],
        status=Status.NON_COMPLIANT,
        values={"minimum_age": 12},
        evidence=[evidence(doc, "section 1")],
        explanation="12.",
        severity=Severity.HIGH,
        confidence=0.9,
    )
    findings = recommend([f], [doc])
    result = redline(statute_docx(doc, REPORT_DATE), doc, findings, when=REPORT_DATE)
    assert not result.unplaced and result.deletions == 1
    xml = zipfile.ZipFile(io.BytesIO(result.data)).read("word/document.xml").decode()
    deleted = "".join(re.findall(r"<w:delText[^>]*>([^<]*)</w:delText>", xml))
    assert "12" in deleted and "Criminal Procedure" not in deleted


def test_repeal_deletes_the_provision_and_its_paragraph_marks(
    act: ParsedDocument, standards: Standards
) -> None:
    from lxml import etree

    from lexcheck.models import Amendment

    f = make_findings(act)[4].model_copy(
        update={
            "amendment": Amendment(
                action="repeal", target="section 20(1)", text="", rationale="Whipping."
            )
        }
    )
    result = redline(_statute(act), act, [f], when=REPORT_DATE)
    assert result.deletions == 1 and not result.unplaced
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(result.data)).read("word/document.xml"))
    ns = {"w": W_NS}
    marks = root.findall(".//w:pPr/w:rPr/w:del", ns)
    assert len(marks) == 1
    para = marks[0].getparent().getparent().getparent()
    deleted = "".join(t.text or "" for t in para.iterfind(".//w:delText", ns))
    assert (
        deleted == "(1) The Children's Court may order that a male child be whipped with not"
        " more than six strokes of a light cane."
    )
    assert para.find(".//w:t", ns) is None


def test_provision_inside_a_long_paragraph_is_changed_alone(standards: Standards) -> None:
    """Statutes published one section per line: a definition is part of a long paragraph."""
    import hashlib

    from lexcheck.models import DocumentInfo, Evidence, Provision, Severity, SourceFormat, Status

    text = (
        '2. Definitions In this Act, (1) "adult" means a person of eighteen years or more;'
        ' (12) "child" means a person who has not completed sixteen years of age;'
        ' (20) "Board" means a Juvenile Justice Board constituted under section 4;\n'
    )
    start = text.index('(12) "child"')
    end = text.index(" (20)")
    child = Provision(
        kind="definition",
        number="12",
        label="section 2(12)",
        eid="sec_2__def_child",
        text=text[start:end],
        start=start,
        end=end,
        line=1,
        terms=["child"],
    )
    section = Provision(
        kind="section",
        number="2",
        label="section 2",
        eid="sec_2",
        heading="Definitions",
        text=text,
        start=0,
        end=len(text),
        line=1,
        children=[child],
    )
    doc = ParsedDocument(
        document=DocumentInfo(
            path="jj.txt", title="JJ Act", sha256=hashlib.sha256(text.encode()).hexdigest()
        ),
        format=SourceFormat.TXT,
        text=text,
        provisions=[section],
    )
    f = Finding(
        check="jj.child_definition",
        title="Child",
        theme="child_definition",
        requirements=["jj.child_definition"],
        status=Status.NON_COMPLIANT,
        values={"upper_age": 16},
        evidence=[
            Evidence(
                document="jj.txt",
                provision="section 2(12)",
                eid=child.eid,
                quote=child.text,
                start=start,
                end=end,
                line=1,
            )
        ],
        explanation="16.",
        severity=Severity.HIGH,
        confidence=0.9,
    )
    findings = recommend([f], [doc])
    a = findings[0].amendment
    assert a is not None and a.action == "substitute" and a.target == "section 2(12)"
    result = redline(statute_docx(doc, REPORT_DATE), doc, findings, when=REPORT_DATE)
    xml = zipfile.ZipFile(io.BytesIO(result.data)).read("word/document.xml").decode()
    deleted = "".join(re.findall(r"<w:delText[^>]*>([^<]*)</w:delText>", xml))
    inserted = "".join(re.findall(r"<w:ins [^>]*>.*?</w:ins>", xml, re.S))
    assert a.text == '(12) "child" means a person under the age of eighteen years;'
    assert "adult" not in deleted and "Board" not in deleted and "sixteen" in deleted
    assert "(12)" not in deleted  # the label is common to old and new text, so kept
    assert "eighteen" in inserted
    visible = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    assert '"adult" means a person of eighteen years or more;' in visible
    assert '"Board" means a Juvenile Justice Board' in visible
