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
MATRIX_WIDTHS_CM = (7.0, 4.3, 3.4, 4.5, 5.5)
MATRIX_COLUMNS = ("Requirement", "Theme", "Status", "Evidence in the law", "Standards")


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
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        tr_pr.append(self._el("w:tblHeader"))

    @staticmethod
    def _widths(table: Any, widths_cm: tuple[float, ...]) -> None:
        """Column widths, on the grid and on every cell (Word reads the cells)."""
        from docx.shared import Cm

        table.autofit = False
        for column, width in zip(table.columns, widths_cm, strict=True):
            column.width = Cm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths_cm, strict=True):
                cell.width = Cm(width)

    def _labelled(self, label: str, text: str, style: str | None = None) -> Any:
        p = self._para(style=style)
        self._text(p, f"{label}: ", bold=True)
        self._text(p, text)
        return p

    def _table(
        self, header: tuple[str, ...], rows: list[list[str]], fills: list[str | None]
    ) -> Any:
        table = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        table.style = self.doc.styles[TABLE_STYLE]
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
        self._header_row(table)
        for row, values, fill in zip(table.rows[1:], rows, fills, strict=True):
            cells = row.cells
            for cell, text in zip(cells, values, strict=True):
                cell.text = text
            if fill:
                self._shade(cells[2], fill)
        return table

    # --- document parts ---------------------------------------------------------------------
    def build(self) -> None:
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
        self._method()
        self._fill_contents()

    def _styles(self) -> None:
        """A style for drafted provisions: upright, indented, ruled on the left, easy to copy."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Cm, Pt, RGBColor

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
            'TOC \\o "1-3" \\h \\z \\u',
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
        if v.chart:
            self._heading("Status by theme", level=2)
            rows, labels, colors = chart.chart_inputs(v)
            self.doc.add_picture(io.BytesIO(chart.png(rows, labels, colors)), width=Cm(16))
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
        rows = [
            [
                f"{f.title} ({f.check})",
                f.theme_label,
                f.status_label,
                "; ".join(q.label for q in f.quotes) or "—",
                "; ".join(f.citations) or "—",
            ]
            for f in self.view.matrix
        ]
        table = self._table(MATRIX_COLUMNS, rows, [f.fill for f in self.view.matrix])
        self._widths(table, MATRIX_WIDTHS_CM)
        back = self.doc.add_section(WD_SECTION.NEW_PAGE)
        back.orientation = WD_ORIENT.PORTRAIT
        back.page_width, back.page_height = back.page_height, back.page_width

    def _finding(self, f: FindingView) -> None:
        self._heading(f"{f.title}: {f.status_label.lower()}", level=3)
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
        elif f.citations:
            self._labelled("The standards", "; ".join(f.citations))
        if f.quotes:
            p = self._para()
            self._text(p, "What the law says", bold=True)
            for quote in f.quotes:
                q = self._para(style="Quote")
                where = f" ({quote.document})" if quote.document else ""
                self._text(q, f"{quote.label}{where}: ", bold=True)
                self._text(q, f"“{quote.text}”")
        elif f.searched:
            self._labelled(
                "What the law says",
                "nothing found; lexcheck searched " + ", ".join(f.searched) + ".",
            )
        for name, value in f.values:
            self._labelled(name.replace("_", " ").capitalize(), value)
        self._labelled("Finding" if not f.is_gap else "The gap", f.gap)
        for c in f.conflicts:
            self._labelled("Conflict", c)
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
        if a.rationale:
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
            self._heading(f"{n}. {a.heading}", level=2)
            self._para(f"To meet: {f.title} ({f.status_label.lower()}).", style="Caption")
            for line in a.lines:
                self._para(line, style=AMENDMENT_STYLE)

    def _annex(self) -> None:
        self._heading("Annex: requirements checked", level=1)
        rows = [[r.requirement, r.title, r.status_label, r.theme_label] for r in self.view.annex]
        table = self._table(("Id", "Requirement", "Status", "Theme"), rows, [None] * len(rows))
        for row, r in zip(table.rows[1:], self.view.annex, strict=True):
            self._shade(row.cells[2], r.fill)

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
