"""GitHub Actions workflow commands: an annotation per gap, shown on the pull request's diff.

``::error`` for findings that fail the gate, ``::warning`` for other gaps, ``::notice`` for
reserved or baselined ones; configuration warnings (expired or unused reservations) too.
"""

from __future__ import annotations

from lexcheck.gate.locate import (
    display_path,
    gate_for,
    labels,
    primary,
    quiet_summary,
    split_quiet,
)
from lexcheck.gate.text import verdict
from lexcheck.models import Finding, Review
from lexcheck.report import RenderOptions


def escape_data(text: str) -> str:
    """Escape a command's message as the Actions runner expects (%, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title): also ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: str | int | None) -> str:
    """``::kind prop=value,...::message`` with every part escaped."""
    parts = [f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None]
    head = f"::{kind} {','.join(parts)}" if parts else f"::{kind}"
    return f"{head}::{escape_data(message)}"


def _annotation(f: Finding, review: Review) -> str:
    g = gate_for(f)
    loc = primary(f, review)
    message = " ".join(f.explanation.split()) or f.title or f.check
    provisions = labels(f)
    if provisions:
        message += f"\nProvisions: {'; '.join(provisions)}"
    if f.citations:
        message += f"\nStandards: {'; '.join(f.citations)}"
    if g.fails:
        kind = "error"
    elif g.reservation is not None:
        kind = "notice"
        until = f" until {g.reservation.expires}" if g.reservation.expires else ""
        message = f"Reserved{until}: {g.reservation.justification}\n{message}"
    elif g.at_threshold and g.baseline_state == "unchanged":
        kind = "notice"
        message = f"In baseline: {message}"
    else:
        kind = "warning"
    title = f"lexcheck {f.check}: {f.status.value}"
    return command(kind, message, file=loc.path, line=loc.line, title=title)


def render(review: Review, options: RenderOptions) -> bytes:
    """One workflow command per gap (silence below the threshold in one notice: the runner
    shows only a few annotations per step), configuration warnings, then the verdict."""
    del options
    shown, quiet = split_quiet(review)
    lines = [_annotation(f, review) for f in shown]
    if quiet:
        path = display_path(review.documents[0].path) if review.documents else None
        lines.append(command("notice", quiet_summary(quiet), file=path, title="lexcheck"))
    if review.gate is not None:
        config = display_path(review.gate.config) if review.gate.config else None
        lines += [
            command("warning", n, file=config, title="lexcheck configuration")
            for n in review.gate.notices
        ]
    lines.append(verdict(review))
    return ("\n".join(lines) + "\n").encode("utf-8")
