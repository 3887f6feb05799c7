"""Word, Markdown and HTML reports: structure, content, escaping and byte-identical output."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from report_fixtures import REPORT_DATE, evidence, make_findings, make_review

from lexcheck.models import ParsedDocument, Review, Status
from lexcheck.recommend import GAP_STATUSES, recommend
from lexcheck.report import RenderOptions, render
from lexcheck.standards.loader import Standards

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _opts(act: ParsedDocument, when: date = REPORT_DATE) -> RenderOptions:
    return RenderOptions(report_date=when, documents=[act])


def _hostile_review(act: ParsedDocument) -> Review:
    findings = make_findings(act)
    findings[4] = findings[4].model_copy(
        update={"evidence": [*findings[4].evidence, evidence(act, "section 20(2)")]}
    )
    return make_review(recommend(findings, [act]), [act])


def _headings(document: docx.document.Document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_docx_structure(act: ParsedDocument, review: Review) -> None:
    data = render(review, "docx", _opts(act))
    d = docx.Document(io.BytesIO(data))
    assert _headings(d, 1) == [
        "Executive summary",
        "Compliance matrix",
        "Detailed findings",
        "Schedule of recommended amendments",
        "Annex: requirements checked",
        "Annex: texts of the standards cited",
        "Methodology and limitations",
    ]
    assert "Deprivation of liberty" in _headings(d, 2)
    assert "Minimum age of criminal responsibility" in _headings(d, 2)
    assert "Minimum age of criminal responsibility: non-compliant" in _headings(d, 3)
    assert d.paragraphs[0].style.name == "Title"
    assert "Children Act, 2010" in d.paragraphs[0].text

    # The compliance matrix: a row spanning the table per theme, then one row per finding,
    # status text in the status column, shaded; rows never split, the header repeats.
    matrix = next(t for t in d.tables if t.rows[0].cells[0].text == "Requirement")
    assert [c.text for c in matrix.rows[0].cells] == [
        "Requirement",
        "Status",
        "Evidence in the law",
        "Standards",
    ]
    theme_rows = [r for r in matrix.rows[1:] if r.cells[0]._tc is r.cells[-1]._tc]
    rows = [r for r in matrix.rows[1:] if r.cells[0]._tc is not r.cells[-1]._tc]
    assert len(rows) == len(review.findings)
    assert theme_rows[0].cells[0].text == "Minimum age of criminal responsibility"
    assert len(theme_rows) == len({f.theme for f in review.findings})
    statuses = {r.cells[0].text.split(" (")[-1].rstrip(")"): r.cells[1].text for r in rows}
    assert statuses["jj.macr"] == "Non-compliant"
    assert statuses["jj.separation_adults"] == "Compliant"
    shd = rows[0].cells[1]._tc.find(f"{W}tcPr/{W}shd")
    assert shd is not None and shd.get(f"{W}fill") == "FFC7CE"
    assert matrix.style.name == "Light Grid Accent 1"
    for row in matrix.rows:
        assert row._tr.find(f"{W}trPr/{W}cantSplit") is not None
    assert matrix.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    # The matrix fits between the margins of its landscape page.
    landscape = d.sections[1]
    usable = landscape.page_width - landscape.left_margin - landscape.right_margin
    assert sum(c.width for c in matrix.columns) <= usable
    # Landscape section for the matrix, portrait again afterwards.
    orientations = [s.orientation for s in d.sections]
    assert orientations[1] == 1 and orientations[2] == 0

    # One recommended amendment per gap.
    amendments = [p for p in d.paragraphs if p.text.startswith("Recommended amendment: ")]
    gaps = [f for f in review.findings if f.status in GAP_STATUSES]
    assert len(amendments) == len(gaps) == 9
    assert any(
        p.text == "Recommended amendment: Insert section 13A after section 13" for p in amendments
    )
    assert any(
        p.text.startswith("(1) A child who was under the age of fourteen") for p in d.paragraphs
    )

    # Official text of the standard is quoted verbatim; a summary is flagged as ours.
    body = "\n".join(p.text for p in d.paragraphs)
    assert "Beijing Rules 17.3: Juveniles shall not be subject to corporal punishment." in body
    assert "(summary in our words)" in body
    assert "section 7(1): “(1) A child under the age of ten years" in body
    assert "to be validated by a qualified lawyer" in body

    # Annex: every requirement checked, plus the manual one.
    annex = next(t for t in d.tables if t.rows[0].cells[0].text == "Id")
    ids = [r.cells[0].text for r in annex.rows[1:]]
    assert "jj.complaints_inspection" in ids and len(ids) == len(review.findings) + 1


def test_docx_fields_properties_and_chart(act: ParsedDocument, review: Review) -> None:
    data = render(review, "docx", _opts(act))
    z = zipfile.ZipFile(io.BytesIO(data))
    document = z.read("word/document.xml").decode()
    assert 'TOC \\o "1-2" \\h \\z \\u' in document
    # The field's cached result lists the headings until Word refreshes it.
    toc = document.split('TOC \\o "1-2"')[1].split('w:fldCharType="end"')[0]
    assert ">Executive summary<" in toc and ">Annex: requirements checked<" in toc
    assert re.search(r"<w:updateFields w:val=\"true\"/>", z.read("word/settings.xml").decode())
    footers = [n for n in z.namelist() if n.startswith("word/footer")]
    assert any("PAGE" in z.read(n).decode() for n in footers)
    png = [n for n in z.namelist() if n.startswith("word/media/")]
    assert len(png) == 1 and z.read(png[0]).startswith(b"\x89PNG\r\n\x1a\n")
    d = docx.Document(io.BytesIO(data))
    cp = d.core_properties
    assert cp.title == "Compliance review: Children Act, 2010"
    assert cp.author == "lexcheck"
    assert cp.created is not None and cp.created.date() == REPORT_DATE
    assert cp.modified is not None and cp.modified.date() == REPORT_DATE
    assert z.namelist()[0] == "[Content_Types].xml"
    assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist())


@pytest.mark.parametrize("fmt", ["docx", "md", "html"])
def test_rerender_is_byte_identical(act: ParsedDocument, review: Review, fmt: str) -> None:
    first = render(review, fmt, _opts(act))
    assert first == render(review, fmt, _opts(act))
    assert first != render(review, fmt, _opts(act, date(2026, 4, 2)))


def test_markdown_content_and_escaping(act: ParsedDocument, standards: Standards) -> None:
    review = _hostile_review(act)
    text = render(review, "md", _opts(act)).decode()
    assert text.startswith("# Compliance review: Children Act, 2010\n")
    for heading in (
        "## Executive summary",
        "## Compliance matrix",
        "## Detailed findings",
        "## Annex: requirements checked",
        "## Methodology and limitations",
    ):
        assert heading in text
    assert text.count("**Recommended amendment: ") == 9
    assert "| Minimum age of criminal responsibility (`jj.macr`) |" in text
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "13A. Deprivation of liberty as a last resort" in text


def test_html_content_and_escaping(act: ParsedDocument, standards: Standards) -> None:
    review = _hostile_review(act)
    page = render(review, "html", _opts(act)).decode()
    assert "<script>" not in page and "&lt;script&gt;alert(" in page
    findings_part = page.split('id="detailed-findings"')[1].split('id="schedule"')[0]
    assert findings_part.count('<div class="amendment">') == 9
    schedule = page.split('<h2 id="schedule">')[1].split("</h2>", 1)[1].split("<h2")[0]
    assert schedule.count('<div class="amendment">') == 9
    assert "<svg" in page and "Status of requirements by theme" in page
    assert "<link" not in page and 'src="http' not in page  # self-contained
    matrix = page.split('<table class="matrix">')[1].split("</table>")[0]
    assert matrix.count('<td class="s-non_compliant">Non-compliant</td>') == 3
    assert matrix.count("<tr>") == len(review.findings) + 1
    assert "@media print" in page


def test_report_without_bundled_standards_still_renders(
    act: ParsedDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    import lexcheck.recommend.drafting as drafting

    monkeypatch.setattr(drafting, "standards_or_empty", lambda: Standards())
    review = make_review(recommend(make_findings(act), [act]), [act])
    assert b"Compliance matrix" in render(review, "md", _opts(act))
    assert render(review, "docx", _opts(act))[:2] == b"PK"


def test_not_addressed_finding_shows_where_lexcheck_looked(
    act: ParsedDocument, review: Review
) -> None:
    text = render(review, "md", _opts(act)).decode()
    assert "nothing found; lexcheck searched section 1, section 2, section 7" in text
    assert review.findings[5].status == Status.NOT_ADDRESSED


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_report(
    act: ParsedDocument, review: Review, tmp_path: Path
) -> None:
    src = tmp_path / "report.docx"
    src.write_bytes(render(review, "docx", _opts(act)))
    proc = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "report.pdf"
    assert pdf.exists(), proc.stderr
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "Compliance matrix" in text and "Executive summary" in text


def test_update_fields_is_in_schema_order(act: ParsedDocument, review: Review) -> None:
    from lxml import etree

    data = render(review, "docx", _opts(act))
    settings = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml"))
    names = [child.tag.rsplit("}", 1)[-1] for child in settings]
    assert "updateFields" in names
    # CT_Settings puts updateFields before compat, rsids and the rest.
    for later in ("compat", "rsids", "themeFontLang", "shapeDefaults", "decimalSymbol"):
        if later in names:
            assert names.index("updateFields") < names.index(later)


def test_docx_survives_hostile_and_control_characters(
    act: ParsedDocument, standards: Standards
) -> None:
    review = _hostile_review(act)
    f = review.findings[0]
    ev = f.evidence[0].model_copy(update={"quote": "page\x0cbreak <script>x</script> & \x07bell"})
    review.findings[0] = f.model_copy(update={"evidence": [ev]})
    d = docx.Document(io.BytesIO(render(review, "docx", _opts(act))))
    body = "\n".join(p.text for p in d.paragraphs)
    assert "“page break <script>x</script> & bell”" in body


def test_bundled_standards_supply_official_text(act: ParsedDocument) -> None:
    """With the standards shipped in standards/, the report quotes the official wording."""
    from lexcheck.standards.loader import load_standards

    try:
        std = load_standards()
    except Exception:
        pytest.skip("bundled standards not available")
    if "jj.detention_last_resort" not in std.requirements:
        pytest.skip("core requirements not bundled yet")
    review = make_review(recommend(make_findings(act), [act]), [act])
    text = render(review, "md", _opts(act)).decode()
    crc_37b = std.provisions["crc.art37.b"].text
    assert crc_37b and crc_37b.strip() in text.replace("\\", "")
    assert "Convention on the Rights of the Child (CRC)" in text


def test_priority_list_is_capped(act: ParsedDocument, standards: Standards) -> None:
    base = [f for f in make_findings(act) if f.status in GAP_STATUSES]
    many = [
        f.model_copy(update={"check": f"{f.check}.{i}", "requirements": [f"{f.check}.{i}"]})
        for i in range(2)
        for f in base
    ]
    review = make_review(recommend(many, [act]), [act])
    text = render(review, "md", _opts(act)).decode()
    section = text.split("### Priority gaps")[1].split("## Compliance matrix")[0]
    assert section.count("priority).**") == 10
    assert f"The {len(many) - 10} other gaps are set out with the detailed findings." in section


def test_two_laws_reviewed_together(
    act: ParsedDocument, code: ParsedDocument, standards: Standards
) -> None:
    from lexcheck.models import Severity

    findings = make_findings(act)
    findings.append(
        findings[3].model_copy(
            update={
                "check": "jj.no_adult_trial",
                "requirements": ["jj.no_adult_trial"],
                "evidence": [evidence(code, "artículo 160")],
                "status": Status.NON_COMPLIANT,
                "severity": Severity.HIGH,
            }
        )
    )
    review = make_review(recommend(findings, [act, code]), [act, code])
    opts = RenderOptions(report_date=REPORT_DATE, documents=[act, code])
    text = render(review, "md", opts).decode()
    assert text.startswith("# Compliance review of 2 laws\n")
    assert "**artículo 160** (Código de la Infancia y la Adolescencia): “Artículo 160." in text
    assert "**section 7(1)** (Children Act, 2010): “(1) A child under" in text
    # The amendment for the code is drafted in the code's own language and numbering.
    assert "Insert artículo 160 bis after artículo 160" in text


def test_schedule_follows_the_order_of_the_law(act: ParsedDocument, review: Review) -> None:
    d = docx.Document(io.BytesIO(render(review, "docx", _opts(act))))
    h1 = [(p.text, i) for i, p in enumerate(d.paragraphs) if p.style.name == "Heading 1"]
    start = dict(h1)["Schedule of recommended amendments"]
    end = dict(h1)["Annex: requirements checked"]
    items = [p.text for p in d.paragraphs[start:end] if p.style.name == "Heading 3"]
    assert items == [
        "1. Substitute section 2 (child)",
        "2. Substitute section 7(1)",
        "3. Substitute section 12(1)",
        "4. Insert section 12A after section 12",
        "5. Insert section 13A after section 13",
        "6. Insert section 20A after section 20",
        "7. Insert section 20B after section 20",
        "8. Insert section 20C after section 20",
        "9. Insert section 20D after section 20",
    ]


def test_chart_labels_are_legible_at_print_size(act: ParsedDocument, review: Review) -> None:
    """The chart's capital letters print at least 2 mm tall (about 9 pt), in mixed case."""
    import struct

    from lexcheck.report import chart

    d = docx.Document(io.BytesIO(render(review, "docx", _opts(act))))
    shape = d.inline_shapes[0]
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    png = d.part.related_parts[blip.embed].blob
    width_px = struct.unpack(">I", png[16:20])[0]
    printed_mm = shape.width / 36000  # EMU per mm
    assert chart.TEXT_H * printed_mm / width_px >= 2.0
    assert printed_mm <= 172  # inside the portrait margins
    colors = ["C62828", "E0A100", "7F7F7F", "2E7D32"]
    lower = chart.png([("Fair trial", (1, 0, 0, 1))], ["a", "b", "c", "d"], colors)
    upper = chart.png([("FAIR TRIAL", (1, 0, 0, 1))], ["a", "b", "c", "d"], colors)
    assert lower != upper
    # The SVG's text is as large, relative to the image, as the PNG's.
    svg = chart.svg([("Fair trial", (1, 0, 0, 1))], ["a", "b", "c", "d"], colors)
    assert f'font-size="{chart.SVG_FONT}"' in svg and chart.SVG_FONT >= chart.TEXT_H
