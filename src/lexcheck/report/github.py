"""GitHub Actions workflow commands: an annotation per gap, shown on the pull request's diff.

``::error`` for findings that fail the gate, ``::warning`` for other gaps, ``::notice`` for
reserved or baselined ones; configuration warnings (expired or unused reservations) too.
"""

from __future__ import annotations

from lexcheck.gate.locate import display_path, gap_order, gate_for, labels, primary
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
    """One workflow command per gap, configuration warnings, then the verdict as plain text."""
    del options
    lines = [_annotation(f, review) for f in gap_order(review)]
    if review.gate is not None:
        config = display_path(review.gate.config) if review.gate.config else None
        lines += [
            command("warning", n, file=config, title="lexcheck configuration")
            for n in review.gate.notices
        ]
    lines.append(verdict(review))
    return ("\n".join(lines) + "\n").encode("utf-8")
