"""`lexcheck diff`: the gaps a new version of a bill closes, opens or changes."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer


class DiffFormat(StrEnum):
    MD = "md"
    JSON = "json"
    TEXT = "text"


def run_diff(
    old: Path, new: Path, *, fmt: str = "md", output: Path | None = None, config: Path | None = None
) -> int:
    """Review both versions, compare them check by check, write the comparison."""
    from lexcheck.cli.check import _existing, review_paths
    from lexcheck.gate import apply_selection, compare, render_diff
    from lexcheck.gate.config import resolve_config
    from lexcheck.output import write_atomic

    old_path, new_path = _existing([old, new])
    cfg = resolve_config([new_path], str(config) if config else None)
    before = apply_selection(review_paths([old_path], cfg), cfg)
    after = apply_selection(review_paths([new_path], cfg), cfg)
    data = render_diff(compare(before, after), fmt)
    if output is not None:
        write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def register(app: typer.Typer) -> None:
    """Add this command to the app."""

    @app.command("diff")
    def diff(
        old: Path = typer.Argument(..., help="The earlier version of the bill or law."),
        new: Path = typer.Argument(..., help="The later version."),
        fmt: DiffFormat = typer.Option(DiffFormat.MD, "--format", "-f", help="Output format."),
        output: Path | None = typer.Option(
            None, "--output", "-o", help="Write the comparison here instead of stdout."
        ),
        config: Path | None = typer.Option(
            None, "--config", help="Configuration file (select/ignore apply to both versions)."
        ),
    ) -> None:
        """Compare two versions of a bill: gaps closed, opened and changed, with the provision
        labels in each version."""
        raise typer.Exit(run_diff(old, new, fmt=fmt.value, output=output, config=config))
