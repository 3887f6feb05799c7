"""`lexcheck parse FILE`: show a statute's provision tree (rich tree or JSON)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from lexcheck.models import CONTAINER_KINDS, ParsedDocument, Provision


class ParseFormat(StrEnum):
    TREE = "tree"
    JSON = "json"


def provision_dict(p: Provision) -> dict[str, Any]:
    """The JSON shape of one provision (children nested; ``terms`` only on definitions)."""
    out: dict[str, Any] = {
        "kind": p.kind,
        "number": p.number,
        "label": p.label,
        "eid": p.eid,
        "heading": p.heading,
        "text": p.text,
        "start": p.start,
        "end": p.end,
        "line": p.line,
        "children": [provision_dict(c) for c in p.children],
    }
    if p.kind == "definition":
        out["terms"] = list(p.terms)
    return out


def document_dict(doc: ParsedDocument) -> dict[str, Any]:
    """The JSON document of ``lexcheck parse --format json``."""
    return {
        "document": {
            "path": doc.document.path,
            "title": doc.document.title,
            "language": doc.document.language,
            "sha256": doc.document.sha256,
        },
        "provisions": [provision_dict(p) for p in doc.provisions],
    }


def render_json(doc: ParsedDocument) -> str:
    return json.dumps(document_dict(doc), ensure_ascii=False, indent=2) + "\n"


def _first_words(text: str, n: int = 10) -> str:
    words = text.split()
    snippet = " ".join(words[:n])
    return snippet + (" …" if len(words) > n else "")


def render_tree(doc: ParsedDocument) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.tree import Tree

    title = doc.document.title or doc.document.path
    root = Tree(f"[bold]{escape(title)}[/bold] ({doc.document.language or '?'})")

    def add(branch: Tree, p: Provision) -> None:
        head = f" — {escape(p.heading)}" if p.heading else ""
        shown = [t for t in p.terms if f'"{t}"' not in p.label]
        terms = f" [green]{escape(', '.join(shown))}[/green]" if shown else ""
        body = ""
        if p.kind not in CONTAINER_KINDS and not p.heading:
            body = f"  [dim]{escape(_first_words(p.text))}[/dim]"
        label = f"[cyan]{p.kind}[/cyan] [bold]{escape(p.label)}[/bold]"
        node = branch.add(f"{label}{head}{terms}{body}")
        for child in p.children:
            add(node, child)

    for p in doc.provisions:
        add(root, p)
    # one line per provision; in a pipe a fixed width keeps the output the same everywhere
    console = Console(soft_wrap=True)
    if not console.is_terminal:
        console = Console(soft_wrap=True, width=200)
    console.print(root)


def register(app: typer.Typer) -> None:
    """Add this command to the app."""

    @app.command("parse")
    def parse(
        file: Path = typer.Argument(..., help="Statute to read (txt, md, docx, pdf, html, AKN)."),
        fmt: ParseFormat = typer.Option(
            ParseFormat.TREE, "--format", "-f", help="Output: a tree view or JSON."
        ),
        max_size: int | None = typer.Option(
            None, "--max-size", help="Refuse input files larger than this many bytes."
        ),
    ) -> None:
        """Read a statute and print its provision tree (sections, subsections, definitions)."""
        from lexcheck import api, ingest

        limit = max_size if max_size is not None else ingest.DEFAULT_MAX_BYTES
        doc = api.parse_file(file, max_bytes=limit)
        if fmt is ParseFormat.JSON:
            typer.echo(render_json(doc), nl=False)
        else:
            render_tree(doc)
