"""`lexcheck redline`: a copy of the statute with the recommended amendments as tracked changes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from lexcheck.errors import UsageError


def _parse_date(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--date {value!r}: expected YYYY-MM-DD") from exc


def register(app: typer.Typer) -> None:
    """Add this command to the app."""

    @app.command("redline")
    def redline_command(
        file: Path = typer.Argument(..., help="The statute (docx, txt, md, pdf, html)."),
        output: Path = typer.Option(..., "-o", "--output", help="The amended copy (.docx)."),
        date_: str | None = typer.Option(
            None, "--date", help="Date of the revisions, YYYY-MM-DD (default: today)."
        ),
        review: Path | None = typer.Option(
            None, "--review", help="Use a saved review (lexcheck review --format json)."
        ),
        author: str = typer.Option("lexcheck", "--author", help="Author of the revisions."),
    ) -> None:
        """Write each recommended amendment into a copy of the statute as a Word tracked change.

        Each finding becomes a comment anchored to its provision. A txt, md, pdf or html
        statute is first rendered as a Word document. The input is never modified.
        """
        from lexcheck.redline.run import redline_file

        result = redline_file(
            file, output, when=_parse_date(date_), review_json=review, author=author
        )
        typer.echo(
            f"{output}: {result.insertions} inserted and {result.deletions} deleted passages,"
            f" {result.comments} comments",
            err=True,
        )
        for check in result.unplaced:
            typer.echo(f"{output}: {check}: provision not found; amendment at the end", err=True)
