"""The Word gap-analysis report: title page, summary with chart, matrix, findings, annex, method."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, time
from typing import Any

from lexcheck.models import Review
from lexcheck.report import RenderOptions
from lexcheck.report.view import FindingView, ReportView, build_view

TABLE_STYLE = "Light Grid Accent 1"
# Word rejects settings.xml whose children are out of the schema's order: these follow
# w:updateFields in CT_Settings.
_SETTINGS_AFTER_UPDATE_FIELDS = frozenset(
    [
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    ]
)
AMENDMENT_STYLE = "Amendment Text"  # our paragraph style for drafted provisions
TABLE_TEXT_STYLE = "Table Text"  # our compact paragraph style for table cells
STANDARD_STYLE = "Standard Text"  # our style for the official texts in the annex
# Landscape Letter leaves 23.5 cm between our margins; the columns fit inside it.
MATRIX_WIDTHS_CM = (7.6, 2.9, 4.4, 7.9)
MATRIX_COLUMNS = ("Requirement", "Status", "Evidence in the law", "Standards")
ANNEX_WIDTHS_CM = (4.6, 7.2, 2.6, 2.8)  # portrait: 17.2 cm between our margins
THEME_FILL = "DBE5F1"
MARGIN_SIDE_CM = 2.2
MARGIN_TOP_CM = 2.0


def render(review: Review, options: RenderOptions) -> bytes:
    """The report as .docx bytes, identical for identical input and report date."""
    return render_view(build_view(review, options))


def render_view(view: ReportView) -> bytes:
    import docx

    from lexcheck.report.ooxml import normalise_zip

    doc = docx.Document()
    _Builder(doc, view).build()
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


class _Builder:
    def __init__(self, doc: Any, view: ReportView) -> None:
        self.doc = doc
        self.view = view
        self._style_ids: dict[str, str] = {}
        self._outline: list[tuple[int, str]] = []  # headings as written, for the contents
        self._sentinel: Any = None  # the body's final w:sectPr (python-docx keeps it last)

    def _para(self, text: str = "", style: str | None = None) -> Any:
        """Add a paragraph at the end of the body.

        python-docx's add_paragraph searches the whole body for the final w:sectPr on every
        call (quadratic in the report's length) and looks style ids up each time: the
        paragraph goes straight before the final w:sectPr, and style ids are looked up once.
        """
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        if self._sentinel is None:
            self._sentinel = self.doc.element.body.get_or_add_sectPr()
        element: Any = OxmlElement("w:p")
        self._sentinel.addprevious(element)
        p = Paragraph(element, self.doc._body)
        if text:
            self._text(p, text)
        if style is not None:
            sid = self._style_ids.get(style)
            if sid is None:
                sid = self._style_ids[style] = self.doc.styles[style].style_id
            p._p.style = sid
        return p

    @staticmethod
    def _text(paragraph: Any, text: str, bold: bool = False, italic: bool = False) -> None:
        """Append a run; python-docx's add_run walks the text one character at a time."""
        from docx.oxml.ns import qn
        from lxml import etree

        r = etree.SubElement(paragraph._p, qn("w:r"))
        if bold or italic:
            rpr = etree.SubElement(r, qn("w:rPr"))
            if bold:
                etree.SubElement(rpr, qn("w:b"))
            if italic:
                etree.SubElement(rpr, qn("w:i"))
        t = etree.SubElement(r, qn("w:t"))
        t.text = _xml_safe(text)
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    def _heading(self, text: str, level: int) -> Any:
        self._outline.append((level, text))
        return self._para(text, f"Heading {level}")

    # --- low-level helpers ------------------------------------------------------------------
    @staticmethod
    def _el(tag: str, **attrs: str) -> Any:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        el = OxmlElement(tag)
        for key, value in attrs.items():
            el.set(qn(f"w:{key}"), value)
        return el

    def _field(self, paragraph: Any, instruction: str, placeholder: str) -> None:
        """A complex field (begin, instruction, separate, cached result, end) Word updates."""
        r = paragraph.add_run()
        r._r.append(self._el("w:fldChar", fldCharType="begin", dirty="true"))
        r = paragraph.add_run()
        instr = self._el("w:instrText")
        instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        instr.text = f" {instruction} "
        r._r.append(instr)
        r = paragraph.add_run()
        r._r.append(self._el("w:fldChar", fldCharType="separate"))
        paragraph.add_run(placeholder)
        r = paragraph.add_run()
        r._r.append(self._el("w:fldChar", fldCharType="end"))

    def _shade(self, cell: Any, fill: str) -> None:
        tc_pr = cell._tc.get_or_add_tcPr()
        tc_pr.append(self._el("w:shd", val="clear", color="auto", fill=fill))

    def _header_row(self, table: Any) -> None:
        """The header row repeats at the top of each page and is never split."""
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        tr_pr.append(self._el("w:cantSplit"))
        tr_pr.append(self._el("w:tblHeader"))

    @staticmethod
    def _widths(table: Any, widths_cm: tuple[float, ...]) -> None:
        """Column widths, on the grid and on every cell (Word reads the cells)."""
        from docx.shared import Cm

        table.autofit = False
        for column, width in zip(table.columns, widths_cm, strict=True):
            column.width = Cm(width)
        for row in table.rows:
            cells = row.cells
            if len(cells) > 1 and cells[0]._tc is cells[-1]._tc:  # one cell across the row
                cells[0].width = Cm(sum(widths_cm))
                continue
            for cell, width in zip(cells, widths_cm, strict=True):
                cell.width = Cm(width)

    def _labelled(self, label: str, text: str, style: str | None = None) -> Any:
        p = self._para(style=style)
        self._text(p, f"{label}: ", bold=True)
        self._text(p, text)
        return p

    def _table(
        self,
        header: tuple[str, ...],
        rows: list[list[str]],
        fills: list[str | None],
        status_column: int = 2,
    ) -> Any:
        table = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        table.style = self.doc.styles[TABLE_STYLE]
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            self._cell(cell, text)
        self._header_row(table)
        for row, values, fill in zip(table.rows[1:], rows, fills, strict=True):
            cells = row.cells
            for cell, text in zip(cells, values, strict=True):
                self._cell(cell, text)
            self._keep_row(row)
            if fill:
                self._shade(cells[status_column], fill)
        return table

    def _cell(self, cell: Any, text: str) -> None:
        """Cell text in the compact table style (a new table cell holds one empty paragraph)."""
        p = cell.paragraphs[0]
        if text:
            self._text(p, text)
        sid = self._style_ids.get(TABLE_TEXT_STYLE)
        if sid is None:
            sid = self._style_ids[TABLE_TEXT_STYLE] = self.doc.styles[TABLE_TEXT_STYLE].style_id
        p._p.style = sid

    def _keep_row(self, row: Any) -> None:
        """A row is never split across two pages (w:cantSplit)."""
        row._tr.get_or_add_trPr().append(self._el("w:cantSplit"))

    # --- document parts ---------------------------------------------------------------------
    def build(self) -> None:
        self._page_setup()
        self._styles()
        self._settings()
        self._properties()
        self._footer()
        self._title_page()
        self._contents()
        self._summary()
        self._matrix()
        self._findings()
        self._schedule()
        self._annex()
        self._texts()
        self._method()
        self._fill_contents()

    def _page_setup(self) -> None:
        """Report margins (the template's 3.2 cm sides waste a fifth of each page); the
        sections added later copy them."""
        from docx.shared import Cm

        section = self.doc.sections[0]
        section.left_margin = section.right_margin = Cm(MARGIN_SIDE_CM)
        section.top_margin = section.bottom_margin = Cm(MARGIN_TOP_CM)

    def _styles(self) -> None:
        """A style for drafted provisions: upright, indented, ruled on the left, easy to copy."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Cm, Pt, RGBColor

        table_text = self.doc.styles.add_style(TABLE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        table_text.base_style = self.doc.styles["Normal"]
        table_text.font.size = Pt(9)
        table_text.paragraph_format.space_after = Pt(0)
        table_text.paragraph_format.space_before = Pt(0)
        standard = self.doc.styles.add_style(STANDARD_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        standard.base_style = self.doc.styles["Normal"]
        standard.font.size = Pt(9)
        standard.paragraph_format.space_after = Pt(4)
        style = self.doc.styles.add_style(AMENDMENT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = self.doc.styles["Normal"]
        style.quick_style = True
        fmt = style.paragraph_format
        fmt.left_indent = Cm(1)
        fmt.space_after = Pt(3)
        style.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        ppr = style.element.get_or_add_pPr()
        borders = self._el("w:pBdr")
        borders.append(self._el("w:left", val="single", sz="12", space="8", color="2E74B5"))
        # pBdr precedes spacing and indentation in CT_PPrBase.
        anchor = ppr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}spacing")
        if anchor is None:
            anchor = ppr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ind")
        if anchor is not None:
            anchor.addprevious(borders)
        else:
            ppr.append(borders)

    def _settings(self) -> None:
        """Ask Word to refresh fields (the TOC) on opening, in the schema's element order."""
        settings = self.doc.settings.element
        update = self._el("w:updateFields", val="true")
        for child in settings:
            if child.tag.rsplit("}", 1)[-1] in _SETTINGS_AFTER_UPDATE_FIELDS:
                child.addprevious(update)
                return
        settings.append(update)

    def _properties(self) -> None:
        v = self.view
        stamp = datetime.combine(v.report_date, time(0, 0), tzinfo=UTC)
        cp = self.doc.core_properties
        cp.title = v.title
        cp.subject = "Gap analysis against international child-justice standards"
        cp.author = "lexcheck"
        cp.last_modified_by = "lexcheck"
        cp.keywords = "child justice; CRC; Beijing Rules; gap analysis"
        cp.comments = f"Generated by lexcheck {v.lexcheck_version}"
        cp.category = "Legislative compliance review"
        cp.created = stamp
        cp.modified = stamp
        cp.last_printed = stamp
        cp.revision = 1

    def _footer(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        footer = self.doc.sections[0].footer
        p = footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._text(p, f"lexcheck {self.view.lexcheck_version} · {self.view.date_text} · Page ")
        self._field(p, "PAGE", "1")

    def _title_page(self) -> None:
        from docx.enum.text import WD_BREAK

        v = self.view
        self._para(v.title, style="Title")
        self._para(
            "Gap analysis against international standards on child justice", style="Subtitle"
        )
        self._labelled("Date of the report", v.date_text)
        p = self._para()
        self._text(p, "Laws reviewed", bold=True)
        for d in v.documents:
            self._para(
                f"{d.title} (file {d.path}; {d.provisions} provisions; SHA-256 {d.sha256[:16]}…)",
                style="List Bullet",
            )
        p = self._para()
        self._text(p, "Instruments applied", bold=True)
        if v.instruments:
            for i in v.instruments:
                self._para(
                    f"{i.title} ({i.short_name}), {i.adopted_by}, {i.date}", style="List Bullet"
                )
        else:
            self._para("The standards bundled with lexcheck.", style="List Bullet")
        self._labelled("Produced with", f"lexcheck {v.lexcheck_version}")
        self._para("Automated review: to be validated by a qualified lawyer before use.").runs[
            0
        ].italic = True
        self._para().add_run().add_break(WD_BREAK.PAGE)

    def _contents(self) -> None:
        from docx.enum.text import WD_BREAK

        self._para("Contents", style="TOC Heading")
        self._toc = self._para()
        self._field(
            self._toc,
            # Two levels: parts and themes. The findings, the numbered amendments and the
            # instruments of the annex are Heading 3, so the contents fit on one page.
            'TOC \\o "1-2" \\h \\z \\u',
            "Right-click and choose Update Field to show the table of contents.",
        )
        self._para().add_run().add_break(WD_BREAK.PAGE)

    def _fill_contents(self) -> None:
        """Put the headings in the TOC field's cached result, so that a reader that does not
        update fields (a previewer, LibreOffice's converter) still shows the contents; Word
        replaces it with page numbers on opening (w:updateFields)."""
        import copy

        from docx.oxml.ns import qn

        entries = [(level, text) for level, text in self._outline if level <= 2 and text]
        if not entries:
            return
        runs = self._toc._p.findall(qn("w:r"))
        placeholder, end = runs[3], runs[4]
        placeholder.find(qn("w:t")).text = entries[0][1]
        last = self._toc._p
        self._toc._p.remove(end)
        for level, text in entries[1:]:
            para = copy.deepcopy(self._toc._p)
            for r in para.findall(qn("w:r")):
                para.remove(r)
            new = copy.deepcopy(placeholder)
            new.find(qn("w:t")).text = text
            para.append(new)
            if level > 1:
                ppr = para.get_or_add_pPr()
                ppr.append(self._el("w:ind", left="440"))
            last.addnext(para)
            last = para
        last.append(end)

    def _summary(self) -> None:
        from docx.shared import Cm

        from lexcheck.report import chart

        v = self.view
        self._heading("Executive summary", level=1)
        for line in v.summary:
            self._para(line)
        table = self._table(
            ("Status", "Requirements"),
            [[c.label, str(c.count)] for c in v.counts] + [["Total", str(v.total)]],
            [None] * (len(v.counts) + 1),
        )
        for row, c in zip(table.rows[1:], v.counts, strict=False):
            self._shade(row.cells[0], _fill(c.status))
        self._widths(table, (6.0, 3.0))
        if v.chart:
            self._heading("Status by theme", level=2)
            rows, labels, colors = chart.chart_inputs(v)
            self.doc.add_picture(io.BytesIO(chart.png(rows, labels, colors)), width=Cm(17))
            self._para(
                "Figure 1. Number of requirements in each status, by theme.", style="Caption"
            )
        self._heading("Priority gaps", level=2)
        if not v.priority:
            self._para("No gap was found.")
        for f in v.priority:
            p = self._para(style="List Number")
            self._text(p, f"{f.title} — {f.status_label.lower()}", bold=True)
            self._text(p, f" ({f.severity} priority). {f.gap}")
        if v.priority_more:
            self._para(v.priority_note)

    def _matrix(self) -> None:
        from docx.enum.section import WD_ORIENT, WD_SECTION

        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        self._heading("Compliance matrix", level=1)
        self._para(
            "One row per requirement, grouped by theme. Evidence names the provisions of the law"
            " relied on; the texts of the standards are in the annex."
        )
        findings = self.view.matrix
        themes = [f.theme_label for f in findings]
        starts = {i for i, t in enumerate(themes) if i == 0 or themes[i - 1] != t}
        table = self.doc.add_table(rows=1 + len(findings) + len(starts), cols=4)
        table.style = self.doc.styles[TABLE_STYLE]
        for cell, text in zip(table.rows[0].cells, MATRIX_COLUMNS, strict=True):
            self._cell(cell, text)
        self._header_row(table)
        rows = iter(table.rows[1:])
        for i, f in enumerate(findings):
            if i in starts:
                # A theme row spans the table and stays with the first requirement under it.
                row = next(rows)
                self._keep_row(row)
                cell = row.cells[0].merge(row.cells[-1])
                self._cell(cell, "")
                self._text(cell.paragraphs[0], f.theme_label, bold=True)
                cell.paragraphs[0].paragraph_format.keep_with_next = True
                self._shade(cell, THEME_FILL)
            row = next(rows)
            self._keep_row(row)
            cells = row.cells
            self._cell(cells[0], f"{f.title} ({f.check})")
            self._cell(cells[1], f.status_label)
            self._cell(cells[2], f.evidence_text)
            self._cell(cells[3], f.citation_text or "—")
            self._shade(cells[1], f.fill)
        self._widths(table, MATRIX_WIDTHS_CM)
        back = self.doc.add_section(WD_SECTION.NEW_PAGE)
        back.orientation = WD_ORIENT.PORTRAIT
        back.page_width, back.page_height = back.page_height, back.page_width

    def _finding(self, f: FindingView) -> None:
        self._heading(f"{f.title}: {f.status_label.lower()}", level=3)
        if f.brief:
            # The law does not deal with the matter at all: the reason and the remedy suffice.
            self._labelled("The gap", f"{f.gap} ({f.severity} priority)")
            if f.searched:
                self._labelled(
                    "What the law says", f"nothing found; lexcheck searched {f.searched_text}."
                )
            if f.citation_text:
                self._labelled("The standards", f.citation_text)
            self._amendment(f, rationale=False)
            return
        self._labelled(
            "Priority and confidence",
            f"{f.severity} priority; lexcheck's confidence in this finding: {f.confidence}",
        )
        if f.statement:
            self._labelled("Requirement", f.statement)
        if f.standards:
            p = self._para()
            self._text(p, "The standards", bold=True)
            for s in f.standards:
                q = self._para(style="Quote")
                self._text(q, f"{s.citation}: ", bold=True)
                self._text(q, s.text if s.official else f"{s.text} (summary in our words)")
                if s.truncated:
                    self._text(q, " (full text in the annex)", italic=True)
            if f.see_also:
                self._labelled("See also", f"{f.see_also} (texts in the annex)")
        elif f.citation_text:
            self._labelled("The standards", f.citation_text)
        if f.quotes:
            p = self._para()
            self._text(p, "What the law says", bold=True)
            for quote in f.quotes:
                q = self._para(style="Quote")
                where = f" ({quote.document})" if quote.document else ""
                self._text(q, f"{quote.label}{where}: ", bold=True)
                self._text(q, f"“{quote.text}”")
            if f.more_evidence:
                self._labelled("Also relied on", f.more_evidence)
        elif f.searched:
            self._labelled(
                "What the law says", f"nothing found; lexcheck searched {f.searched_text}."
            )
        for name, value in f.values:
            self._labelled(name.replace("_", " ").capitalize(), value)
        self._labelled("Finding" if not f.is_gap else "The gap", f.gap)
        for c in f.conflicts:
            self._labelled("Conflict", c)
        self._amendment(f, rationale=True)

    def _amendment(self, f: FindingView, rationale: bool) -> None:
        a = f.amendment
        if a is None:
            return
        p = self._para()
        self._text(p, f"Recommended amendment: {a.heading}", bold=True)
        for line in a.lines:
            q = self._para(style=AMENDMENT_STYLE)
            self._text(q, line)
        for alt in a.alternatives:
            p = self._para(style="List Bullet")
            self._text(p, "Alternative: ", italic=True)
            self._text(p, alt)
        if rationale and a.rationale:
            self._labelled("Why", a.rationale)

    def _findings(self) -> None:
        self._heading("Detailed findings", level=1)
        for theme in self.view.themes:
            self._heading(theme.label, level=2)
            for f in theme.findings:
                self._finding(f)

    def _schedule(self) -> None:
        """Every drafted provision in the statute's order, ready to lift into a bill."""
        if not self.view.schedule:
            return
        self._heading("Schedule of recommended amendments", level=1)
        self._para(
            "The amendments proposed in this report, in the order of the law they amend."
            " Bracketed words are choices left to the drafter."
        )
        for n, f in enumerate(self.view.schedule, 1):
            a = f.amendment
            assert a is not None
            self._heading(f"{n}. {a.heading}", level=3)
            self._para(f"To meet: {f.title} ({f.status_label.lower()}).", style="Caption")
            for line in a.lines:
                self._para(line, style=AMENDMENT_STYLE)

    def _annex(self) -> None:
        self._heading("Annex: requirements checked", level=1)
        rows = [[r.requirement, r.title, r.status_label, r.theme_label] for r in self.view.annex]
        table = self._table(("Id", "Requirement", "Status", "Theme"), rows, [None] * len(rows))
        for row, r in zip(table.rows[1:], self.view.annex, strict=True):
            self._shade(row.cells[2], r.fill)
        self._widths(table, ANNEX_WIDTHS_CM)

    def _texts(self) -> None:
        """Each standard cited in the report, quoted once, by instrument."""
        if not self.view.standard_texts:
            return
        self._heading("Annex: texts of the standards cited", level=1)
        self._para(
            "The official text of each provision cited in this report, once, in the order of"
            " its instrument. Where no official text is bundled, a summary in our words is given"
            " and marked as such."
        )
        for group in self.view.standard_texts:
            self._heading(group.title, level=3)
            for s in group.texts:
                p = self._para(style=STANDARD_STYLE)
                self._text(p, f"{s.citation}: ", bold=True)
                self._text(p, s.text if s.official else f"{s.text} (summary in our words)")

    def _method(self) -> None:
        self._heading("Methodology and limitations", level=1)
        self._heading("Methodology", level=2)
        for line in self.view.methodology:
            self._para(line)
        self._heading("Limitations", level=2)
        for line in self.view.limitations:
            self._para(line, style="List Bullet")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    """Text XML 1.0 can carry: statute text extracted from PDFs may hold control characters."""
    return _CONTROL.sub("", text.replace("\t", " ").replace("\n", " ").replace("\r", " "))


def _fill(status: str) -> str:
    from lexcheck.report.view import STATUS_FILL

    return STATUS_FILL.get(status, "FFFFFF")
