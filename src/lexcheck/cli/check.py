"""`lexcheck check`: the CI gate over one or more statute files."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from lexcheck.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Callable

    from lexcheck.gate.config import GateConfig
    from lexcheck.models import Review

CHECK_FORMATS = ("text", "json", "github", "sarif", "junit")


class FailOn(StrEnum):
    NON_COMPLIANT = "non_compliant"
    PARTIALLY_COMPLIANT = "partially_compliant"
    NOT_ADDRESSED = "not_addressed"


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"
    JUNIT = "junit"


def _existing(paths: list[Path]) -> list[str]:
    for p in paths:
        if not p.exists():
            raise InputError(str(p), "no such file")
        if p.is_dir():
            raise InputError(str(p), "is a folder, not a statute file")
    return [str(p) for p in paths]


def _output_format(explicit: CheckFormat | None, output: Path | None) -> str:
    if explicit is not None:
        return explicit.value
    if output is not None:
        from lexcheck.report import EXTENSIONS

        fmt = EXTENSIONS.get(output.suffix.lower())
        if fmt in CHECK_FORMATS:
            return fmt
    return "text"


def review_paths(paths: list[str], cfg: GateConfig, notices: list[str] | None = None) -> Review:
    """Run the review engine on ``paths``, handing it the configuration's jurisdiction terms
    and instruments when the engine takes them (a notice says so when it does not)."""
    import inspect

    from lexcheck import api
    from lexcheck.models import Review

    # Looked up at call time (tests stand in for it); options depend on what it accepts.
    review_files: Callable[..., object] = api.review_files
    accepted = inspect.signature(review_files).parameters
    options: dict[str, object] = {}
    if cfg.terms and "terms" in accepted:
        options["terms"] = cfg.terms
    elif cfg.terms and notices is not None:
        notices.append("[terms] is not used: this version of the review engine takes no terms")
    if cfg.instruments is not None and "instruments" in accepted:
        options["instruments"] = cfg.instruments
    result = review_files(paths, **options)
    # The engine returns (review, parsed documents); the documents are not needed here.
    review = result[0] if isinstance(result, tuple) else result
    assert isinstance(review, Review)
    return review


def run_check(
    files: list[Path],
    *,
    fail_on: str | None = None,
    baseline: Path | None = None,
    config: Path | None = None,
    fmt: str = "text",
    output: Path | None = None,
    today: date | None = None,
) -> int:
    """Review ``files``, gate the review, write the report; return the exit code (0 or 1)."""
    from lexcheck.gate import evaluate, load_baseline
    from lexcheck.gate.config import resolve_config
    from lexcheck.output import write_atomic

    paths = _existing(files)
    cfg = resolve_config(paths, str(config) if config else None)
    baseline_path = baseline or cfg.baseline_path()
    previous = load_baseline(baseline_path) if baseline_path is not None else None
    notices: list[str] = []
    review = review_paths(paths, cfg, notices)
    outcome = evaluate(
        review,
        cfg,
        fail_on=fail_on,
        baseline=previous,
        baseline_name=str(baseline_path) if baseline_path is not None else None,
        today=today,
        notices=notices,
    )
    data = render_gate(outcome.review, fmt)
    if output is not None:
        write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    # text and github output on stdout already carry the warnings and the verdict; otherwise
    # (a file, or a machine format on stdout) the person watching the terminal gets them here.
    if output is not None or fmt not in ("text", "github"):
        from lexcheck.gate.text import verdict

        for notice in outcome.notices:
            print(f"lexcheck: warning: {notice}", file=sys.stderr)
        print(verdict(outcome.review), file=sys.stderr)
    return outcome.exit_code


def render_gate(review: Review, fmt: str) -> bytes:
    """Render a gated review in one of the check formats."""
    if fmt == "text":
        from lexcheck.gate import text

        return text.render(review)
    # json (the review contract, with the gate's fields), sarif, junit, github
    from lexcheck.report import RenderOptions, render

    return render(review, fmt, RenderOptions())


def register(app: typer.Typer) -> None:
    """Add this command to the app."""

    @app.command("check")
    def check(
        files: list[Path] = typer.Argument(..., help="Statute or bill files to review together."),
        fail_on: FailOn | None = typer.Option(
            None,
            "--fail-on",
            help="Fail on findings at or beyond this status (compliant < not_addressed <"
            " partially_compliant < non_compliant). Default: the config's, else non_compliant.",
        ),
        baseline: Path | None = typer.Option(
            None, "--baseline", help="An earlier JSON review: only new or worse findings fail."
        ),
        config: Path | None = typer.Option(
            None,
            "--config",
            help="Configuration file (lexcheck.toml or pyproject.toml). Default: found by"
            " walking up from the files.",
        ),
        fmt: CheckFormat | None = typer.Option(
            None,
            "--format",
            "-f",
            help="Output format. Default: from the -o extension (.sarif, .xml, .json), else text.",
        ),
        output: Path | None = typer.Option(
            None, "--output", "-o", help="Write the report here (atomically) instead of stdout."
        ),
    ) -> None:
        """Gate a bill in CI: exit 0 when no finding is at or beyond the threshold, 1 when one
        is, 2 on bad input or usage, 3 when a rules, standards or config file is invalid."""
        code = run_check(
            files,
            fail_on=fail_on.value if fail_on else None,
            baseline=baseline,
            config=config,
            fmt=_output_format(fmt, output),
            output=output,
        )
        raise typer.Exit(code)
