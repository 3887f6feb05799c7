"""The gap-analysis report as Markdown, rendered from the shared view model by jinja2."""

from __future__ import annotations

import re
from typing import Any

from lexcheck.models import Review
from lexcheck.report import RenderOptions
from lexcheck.report.view import build_view

_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# Markdown syntax that statute text must not trigger: emphasis, links, code, headings.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def md(text: object) -> str:
    """Statute or finding text made inert in Markdown (no raw HTML, no markup)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text).translate(_HTML))


def cell(text: object) -> str:
    """Text fit for one Markdown table cell."""
    return " ".join(md(text).split())


def code(text: object) -> str:
    return str(text).replace("`", "'")


def environment(autoescape: bool) -> Any:
    import jinja2

    from lexcheck.resources import data_dir

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
    )
    env.filters.update(md=md, cell=cell, code=code)
    return env


def render(review: Review, options: RenderOptions) -> bytes:
    """The report as UTF-8 Markdown."""
    view = build_view(review, options)
    text = environment(False).get_template("report.md.j2").render(v=view)
    text = re.sub(r"\n{3,}", "\n\n", text).rstrip() + "\n"
    return text.encode("utf-8")
