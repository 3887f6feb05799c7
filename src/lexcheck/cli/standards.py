"""`lexcheck standards ...`: list, show, search, validate, coverage and attach official texts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from lexcheck.errors import DataError, UsageError

if TYPE_CHECKING:
    from lexcheck.standards.loader import Standards

app = typer.Typer(
    name="standards",
    help="Browse and check the encoding of the CRC, the Beijing Rules, the Model Strategies and"
    " the supporting instruments.",
    no_args_is_help=True,
)

_ROOT_OPT = typer.Option(
    None, "--root", help="A standards folder to use instead of the bundled one.", show_default=False
)


def _load(root: Path | None) -> Standards:
    from lexcheck.standards import load_standards

    return load_standards(root)


@app.command("list")
def list_requirements(
    instrument: str | None = typer.Option(
        None, "--instrument", "-i", help="Only requirements citing this instrument (e.g. crc)."
    ),
    topic: str | None = typer.Option(
        None, "--topic", "-t", help="Only requirements whose theme or topics contain this word."
    ),
    provisions: bool = typer.Option(
        False, "--provisions", help="List the instrument's provisions instead of requirements."
    ),
    root: Path | None = _ROOT_OPT,
) -> None:
    """List requirements (id, check, title), or with --provisions an instrument's provisions."""
    std = _load(root)
    if instrument is not None and instrument not in std.instruments:
        known = ", ".join(sorted(std.instruments))
        raise UsageError(f"unknown instrument {instrument!r} (one of: {known})")
    if provisions:
        if instrument is None:
            raise UsageError("--provisions needs --instrument")
        for pid, inst in std.provision_instrument.items():
            if inst != instrument:
                continue
            prov = std.provisions[pid]
            flag = "" if prov.verified else "  [unverified]"
            typer.echo(f"{pid:<24} {prov.citation}{flag}")
        return
    needle = topic.lower() if topic else None
    for req in sorted(std.requirements.values(), key=lambda r: (r.theme, r.id)):
        if instrument and not any(
            std.provision_instrument.get(p) == instrument for p in req.derived_from
        ):
            continue
        if needle and not (
            needle in req.theme.lower() or any(needle in t.lower() for t in req.topics)
        ):
            continue
        check = "automated" if req.check != "manual" else "manual"
        typer.echo(f"{req.id:<36} {check:<9} {req.title}")


@app.command("show")
def show(
    item: str = typer.Argument(
        ..., help="A requirement id (jj.macr) or a provision id (crc.art37.b)."
    ),
    root: Path | None = _ROOT_OPT,
) -> None:
    """Show a requirement with the text of every provision it derives from, or one provision."""
    from lexcheck.standards.schema import THEMES

    std = _load(root)
    out: list[str] = []
    if item in std.requirements:
        req = std.requirements[item]
        out += [f"{req.id}: {req.title}", "", req.statement, ""]
        out.append(
            f"theme: {THEMES.get(req.theme, req.theme)} | strength: {req.strength}"
            f" | priority: {req.priority}"
        )
        out.append(f"check: {req.check}" + (f" ({req.manual_reason})" if req.manual_reason else ""))
        if req.thresholds:
            out.append("thresholds: " + ", ".join(f"{k}={v}" for k, v in req.thresholds.items()))
        out.append("")
        for pid in req.derived_from:
            out += _provision_block(std, pid, with_commentary=False)
    elif item in std.provisions:
        out += _provision_block(std, item, with_commentary=True)
        citing = std.requirements_citing(item)
        if citing:
            out.append("requirements: " + ", ".join(r.id for r in citing))
    else:
        from rapidfuzz import process

        choices = sorted([*std.requirements, *std.provisions])
        near = [m[0] for m in process.extract(item, choices, limit=3)]
        raise UsageError(f"unknown id {item!r}; did you mean: {', '.join(near)}?")
    typer.echo("\n".join(out).rstrip())


def _provision_block(std: Standards, pid: str, *, with_commentary: bool) -> list[str]:
    prov = std.provisions[pid]
    head = prov.citation + ("" if prov.verified else " [number unverified]")
    if prov.heading:
        head += f" ({prov.heading})"
    lines = [f"== {head}  [{pid}]"]
    full = std.full_text(pid)
    if full:
        status = "" if prov.text_source is None else f"  [{prov.text_source}]"
        lines.append(full + status)
    elif prov.summary:
        lines.append(f"[summary in our words; no official text bundled] {prov.summary}")
    else:
        lines.append("[official text unavailable]")
    if prov.note:
        lines.append(f"note: {prov.note}")
    if with_commentary and prov.commentary:
        lines += ["", "Commentary:", prov.commentary]
    lines.append("")
    return lines


@app.command("search")
def search(
    words: list[str] = typer.Argument(..., help="Words to look for."),
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="How many results to show."),
    root: Path | None = _ROOT_OPT,
) -> None:
    """Fuzzy search over requirement titles and statements and provision texts, best first."""
    from lexcheck.standards.search import search_standards

    std = _load(root)
    for hit in search_standards(std, " ".join(words), limit=limit):
        typer.echo(f"{hit.score:5.1f}  {hit.id:<28} {hit.label}")


@app.command("validate")
def validate(
    root: Path | None = _ROOT_OPT,
    rules: Path | None = typer.Option(
        None, "--rules", help="Rules folder whose check ids requirements must match."
    ),
) -> None:
    """Validate the encoding; exit 3 if anything is wrong."""
    from lexcheck.resources import data_dir
    from lexcheck.standards.validate import validate_standards

    if rules is None:
        try:
            rules = data_dir("rules")
        except FileNotFoundError:
            rules = None
    report = validate_standards(root, rules_dir=rules)
    problems = report.all_problems()
    for problem in problems:
        typer.echo(problem)
    if problems:
        raise DataError(f"standards invalid: {len(problems)} problem(s); first: {problems[0]}")
    std = _load(root)
    typer.echo(
        f"standards valid: {len(std.instruments)} instruments, {len(std.provisions)} provisions,"
        f" {len(std.requirements)} requirements, {len(report.rule_ids)} rule check ids"
    )


@app.command("coverage")
def coverage_cmd(
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    root: Path | None = _ROOT_OPT,
) -> None:
    """Per instrument: provisions encoded and mapped, automated vs manual checks, unverified."""
    from lexcheck.resources import data_dir
    from lexcheck.standards.coverage import coverage, render_text
    from lexcheck.standards.validate import rule_check_ids

    if fmt not in ("text", "json"):
        raise UsageError(f"unknown format {fmt!r} (text or json)")
    try:
        rule_ids = rule_check_ids(data_dir("rules"))
    except FileNotFoundError:
        rule_ids = set()
    cov = coverage(_load(root), rule_ids)
    if fmt == "json":
        typer.echo(json.dumps(cov, indent=2, sort_keys=False))
    else:
        typer.echo(render_text(cov), nl=False)


@app.command("attach")
def attach_cmd(
    instrument: str = typer.Argument(
        ..., help="Instrument id: crc, beijing, model_strategies, ..."
    ),
    file: Path = typer.Argument(..., help="The official text (txt, docx or pdf)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Align and report; store nothing."),
) -> None:
    """Align an official text you hold to the encoding by numbering and store it for reports."""
    from lexcheck.standards.attach import attach

    std = _load(None)
    result, target = attach(std, instrument, file, dry_run=dry_run)
    typer.echo(
        f"{instrument}: {len(result.matched)} provisions aligned; {len(result.missing)} in the"
        f" encoding but missing from {file.name}; {len(result.extra)} in {file.name} but not"
        " in the encoding"
    )
    if result.missing:
        typer.echo("missing from the file: " + ", ".join(result.missing))
    if result.extra:
        typer.echo("extra in the file: " + ", ".join(result.extra))
    if result.duplicates:
        typer.echo("numbered twice in the file (first kept): " + ", ".join(result.duplicates))
    typer.echo("dry run: nothing stored" if dry_run else f"stored: {target}")


def register(root_app: typer.Typer) -> None:
    """Add the ``standards`` command group to the app."""
    root_app.add_typer(app, name="standards")
