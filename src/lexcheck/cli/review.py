"""`lexcheck review FILE...`: review one statute or a whole legal framework and write a report."""

from __future__ import annotations

import contextlib
import sys
from datetime import date
from pathlib import Path

import typer

# Above this much input a progress display is worth showing (on a terminal only).
PROGRESS_BYTES = 2 * 1024 * 1024


def _parse_date(value: str | None) -> date | None:
    from lexcheck.errors import UsageError

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--date must be YYYY-MM-DD, not {value!r}") from exc


def run(
    files: list[Path],
    fmt: str | None,
    output: Path | None,
    report_date: str | None,
    terms: list[str] | None = None,
) -> None:
    """The command's work, callable without typer."""
    from lexcheck.api import review_files
    from lexcheck.checks.terms import parse_terms

    table = parse_terms(terms or [])
    from lexcheck.output import write_atomic
    from lexcheck.report import RenderOptions, format_for, render

    when = _parse_date(report_date)
    chosen = format_for(output, fmt) if output is not None else format_for(Path("-"), fmt or "text")
    total = 0
    for f in files:
        with contextlib.suppress(OSError):
            total += f.stat().st_size
    if sys.stderr.isatty() and total >= PROGRESS_BYTES:
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("reviewing", total=2 * len(files))
            review, documents = review_files(
                list(files),
                progress=lambda stage, done, n: bar.update(task, advance=1),
                terms=table,
            )
    else:
        review, documents = review_files(list(files), terms=table)
    data = render(review, chosen, RenderOptions(report_date=when, documents=documents))
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_atomic(output, data)
    s = review.summary
    print(
        f"{output}: {len(review.findings)} findings ({s.compliant} compliant, "
        f"{s.partially_compliant} partial, {s.non_compliant} non-compliant, "
        f"{s.not_addressed} not addressed)",
        file=sys.stderr,
    )


def register(app: typer.Typer) -> None:
    """Add this command to the app."""

    @app.command("review")
    def review(
        files: list[Path] = typer.Argument(
            ..., help="Statute(s) to review; several files are reviewed as one legal framework."
        ),
        fmt: str | None = typer.Option(
            None, "--format", "-f", help="text, json, md, html, docx, sarif, junit or github."
        ),
        output: Path | None = typer.Option(
            None, "--output", "-o", help="Write here (format from the extension unless --format)."
        ),
        report_date: str | None = typer.Option(
            None, "--date", help="Date printed in the report (YYYY-MM-DD), for reproducible output."
        ),
        terms: list[str] | None = typer.Option(
            None,
            "--term",
            help="The statute's own word for a term of the standards, e.g. "
            "--term 'child=juvenile,young person' (repeatable).",
        ),
    ) -> None:
        """Review statutes against the CRC, the Beijing Rules and the UN Model Strategies."""
        run(files, fmt, output, report_date, terms)
