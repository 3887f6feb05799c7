"""Select and ignore checks (ids or globs), keep chosen instruments, apply per-check severity."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from fnmatch import fnmatchcase

from lexcheck.models import Finding, Review, Summary

from .config import GateConfig


def matches(check: str, patterns: Iterable[str]) -> bool:
    """True when ``check`` equals one of ``patterns`` or matches it as a glob."""
    return any(check == p or fnmatchcase(check, p) for p in patterns)


def summarise(findings: list[Finding]) -> Summary:
    """Counts by status."""
    summary = Summary()
    for f in findings:
        setattr(summary, f.status.value, getattr(summary, f.status.value) + 1)
    return summary


def instruments_of(requirement_ids: list[str]) -> set[str] | None:
    """The instrument ids behind these requirements, from the bundled standards encoding.

    None when the standards say nothing about them (the finding is then kept: we cannot tell).
    """
    from lexcheck.errors import DataError
    from lexcheck.standards.loader import load_standards

    try:
        std = load_standards()
    except FileNotFoundError as exc:
        raise DataError(f"cannot select instruments: {exc}") from exc
    out: set[str] = set()
    for rid in requirement_ids:
        req = std.requirements.get(rid)
        for pid in req.derived_from if req else []:
            out.add(pid.split(".", 1)[0])
    return out or None


def apply_selection(
    review: Review,
    config: GateConfig,
    *,
    instruments_for: Callable[[list[str]], set[str] | None] | None = None,
) -> Review:
    """A copy of ``review`` with only the selected checks, at their configured severity.

    Unselected checks are not part of the gate (as a linter's ``select``); that is different
    from a reservation, which keeps the finding visible.
    """
    kept: list[Finding] = []
    wanted = set(config.instruments) if config.instruments is not None else None
    for f in review.findings:
        if not matches(f.check, config.select) or matches(f.check, config.ignore):
            continue
        if wanted is not None:
            found = (instruments_for or instruments_of)(f.requirements or [f.check])
            if found is not None and not found & wanted:
                continue
        # The most specific pattern wins: an exact id over a glob, then the longer glob.
        overrides = [p for p in config.severity if f.check == p or fnmatchcase(f.check, p)]
        if overrides:
            best = max(overrides, key=lambda p: (p == f.check, len(p), p))
            f = f.model_copy(update={"severity": config.severity[best]})
        kept.append(f)
    return review.model_copy(update={"findings": kept, "summary": summarise(kept)})
