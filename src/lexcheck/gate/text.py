"""``lexcheck check`` text output: one ``path:line: status check — message`` line per gap."""

from __future__ import annotations

from lexcheck.models import Finding, Review

from .locate import labels, primary, quiet_summary, split_quiet


def _marks(f: Finding) -> str:
    g = f.gate
    if g is None:
        return ""
    parts: list[str] = []
    if g.reservation is not None:
        until = f" until {g.reservation.expires}" if g.reservation.expires else ""
        parts.append(f"reserved{until}: {g.reservation.justification}")
    if g.baseline_state == "unchanged":
        parts.append("in baseline")
    elif g.baseline_state == "updated":
        new = ", ".join(g.new_evidence)
        parts.append(f"worse than baseline{': new evidence in ' + new if new else ''}")
    elif g.baseline_state == "new":
        parts.append("new since baseline")
    if g.fails:
        parts.append("FAILS")
    return "".join(f" [{p}]" for p in parts)


def line_for(f: Finding, review: Review) -> str:
    """One finding as ``path:line: status check — message [marks]``."""
    loc = primary(f, review)
    where = f"{loc.path}:{loc.line}" if loc.line is not None else loc.path
    message = " ".join(f.explanation.split()) or f.title or f.check
    provisions = labels(f)
    if provisions:
        message += f" ({'; '.join(provisions)})"
    return f"{where}: {f.status.value} {f.check} — {message}{_marks(f)}"


def verdict(review: Review) -> str:
    """The closing line: passed or failed, and why."""
    g = review.gate
    if g is None:
        return "lexcheck: no gate applied"
    extras = []
    if g.reserved:
        extras.append(f"{g.reserved} reserved")
    if g.baselined:
        extras.append(f"{g.baselined} in baseline")
    tail = f" ({', '.join(extras)})" if extras else ""
    if g.passed:
        return f"lexcheck: passed: no failing finding at or beyond {g.fail_on.value}{tail}"
    n = g.failing
    noun = "finding" if n == 1 else "findings"
    return f"lexcheck: failed: {n} {noun} at or beyond {g.fail_on.value}{tail}"


def render(review: Review) -> bytes:
    """A line per gap (silence below the threshold summarised in one), the gate's notices,
    then the verdict."""
    shown, quiet = split_quiet(review)
    out = [line_for(f, review) for f in shown]
    if quiet:
        out.append(f"lexcheck: {quiet_summary(quiet)}")
    if review.gate is not None:
        out.extend(f"lexcheck: warning: {n}" for n in review.gate.notices)
    out.append(verdict(review))
    return ("\n".join(out) + "\n").encode("utf-8")
