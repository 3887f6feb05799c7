"""The gap-analysis report as one self-contained, printable HTML page (inline CSS and SVG chart)."""

from __future__ import annotations

from lexcheck.models import Review
from lexcheck.report import RenderOptions
from lexcheck.report.view import build_view


def render(review: Review, options: RenderOptions) -> bytes:
    """The report as UTF-8 HTML; every value from the statute or the review is autoescaped."""
    from markupsafe import Markup

    from lexcheck.report import chart
    from lexcheck.report.markdown import environment

    view = build_view(review, options)
    rows, labels, colors = chart.chart_inputs(view)
    # The SVG is built by chart.svg, which escapes its own text: safe to insert as markup.
    svg = Markup(chart.svg(rows, labels, colors)) if view.chart else Markup("")
    html = environment(True).get_template("report.html.j2").render(v=view, chart_svg=svg)
    return html.encode("utf-8")
