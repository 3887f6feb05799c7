"""``lexcheck diff``: which gaps a new version of a bill closes, opens or changes."""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, Field

from lexcheck.errors import UsageError
from lexcheck.models import STATUS_RANK, Finding, Review, Status

from .locate import labels

Change = Literal["closed", "opened", "changed", "unchanged"]
DIFF_FORMATS = ("md", "json", "text")


class CheckDiff(BaseModel):
    """One check across the two versions, with the provisions it rests on in each."""

    check: str
    title: str = ""
    change: Change
    old_status: Status | None
    new_status: Status | None
    old_provisions: list[str] = Field(default_factory=list)
    new_provisions: list[str] = Field(default_factory=list)
    direction: Literal["better", "worse", "same"] = "same"


class ReviewDiff(BaseModel):
    """Every check reviewed in either version, grouped by what happened to it."""

    old_documents: list[str]
    new_documents: list[str]
    closed: list[CheckDiff] = Field(default_factory=list)
    opened: list[CheckDiff] = Field(default_factory=list)
    changed: list[CheckDiff] = Field(default_factory=list)
    unchanged: list[CheckDiff] = Field(default_factory=list)  # gaps still there, same status
    only_old: list[str] = Field(default_factory=list)  # checks not reviewed in the new version
    only_new: list[str] = Field(default_factory=list)


def _worst(findings: list[Finding]) -> Finding:
    return max(findings, key=lambda f: STATUS_RANK[f.status])


def _by_check(review: Review) -> dict[str, Finding]:
    groups: dict[str, list[Finding]] = {}
    for f in review.findings:
        groups.setdefault(f.check, []).append(f)
    return {check: _worst(fs) for check, fs in groups.items()}


def compare(old: Review, new: Review) -> ReviewDiff:
    """Compare two reviews check by check (the most serious finding of each check counts)."""
    before, after = _by_check(old), _by_check(new)
    out = ReviewDiff(
        old_documents=[d.path for d in old.documents],
        new_documents=[d.path for d in new.documents],
        only_old=sorted(set(before) - set(after)),
        only_new=sorted(set(after) - set(before)),
    )
    for check in sorted(set(before) & set(after)):
        a, b = before[check], after[check]
        was_gap, is_gap = a.status != Status.COMPLIANT, b.status != Status.COMPLIANT
        if not was_gap and not is_gap:
            continue
        ra, rb = STATUS_RANK[a.status], STATUS_RANK[b.status]
        change: Change
        if was_gap and not is_gap:
            change = "closed"
        elif is_gap and not was_gap:
            change = "opened"
        elif a.status != b.status:
            change = "changed"
        else:
            change = "unchanged"
        entry = CheckDiff(
            check=check,
            title=b.title or a.title,
            change=change,
            old_status=a.status,
            new_status=b.status,
            old_provisions=labels(a),
            new_provisions=labels(b),
            direction="worse" if rb > ra else "better" if rb < ra else "same",
        )
        getattr(out, change).append(entry)
    return out


def _provisions(items: list[str]) -> str:
    return "; ".join(items) if items else "—"


def _md(d: ReviewDiff) -> str:
    old, new = ", ".join(d.old_documents), ", ".join(d.new_documents)
    lines = [
        "# lexcheck diff",
        "",
        f"- Old version: {old}",
        f"- New version: {new}",
        "",
        f"Gaps closed: {len(d.closed)} · opened: {len(d.opened)} · changed: {len(d.changed)}"
        f" · unchanged: {len(d.unchanged)}",
    ]
    for name, heading in (
        ("opened", "Gaps opened"),
        ("changed", "Gaps changed"),
        ("closed", "Gaps closed"),
        ("unchanged", "Gaps unchanged"),
    ):
        entries: list[CheckDiff] = getattr(d, name)
        if not entries:
            continue
        lines += [
            "",
            f"## {heading}",
            "",
            "| Check | Was | Now | Provisions (old) | Provisions (new) |",
            "|---|---|---|---|---|",
        ]
        for e in entries:
            cells = [
                f"`{e.check}`" + (f" {e.title}" if e.title else ""),
                e.old_status.value if e.old_status else "—",
                e.new_status.value if e.new_status else "—",
                _provisions(e.old_provisions),
                _provisions(e.new_provisions),
            ]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    if d.only_old or d.only_new:
        lines += ["", "## Checks reviewed in one version only", ""]
        lines += [f"- `{c}`: old version only" for c in d.only_old]
        lines += [f"- `{c}`: new version only" for c in d.only_new]
    return "\n".join(lines) + "\n"


def _text(d: ReviewDiff) -> str:
    lines: list[str] = []
    for name in ("opened", "changed", "closed", "unchanged"):
        for e in getattr(d, name):
            lines.append(
                f"{name} {e.check}: {e.old_status.value if e.old_status else '-'} -> "
                f"{e.new_status.value if e.new_status else '-'} "
                f"(old: {_provisions(e.old_provisions)}; new: {_provisions(e.new_provisions)})"
            )
    lines.append(
        f"lexcheck: {len(d.closed)} closed, {len(d.opened)} opened, {len(d.changed)} changed,"
        f" {len(d.unchanged)} unchanged"
    )
    return "\n".join(lines) + "\n"


def render_diff(d: ReviewDiff, fmt: str) -> bytes:
    """The diff as Markdown, JSON or text."""
    if fmt == "md":
        return _md(d).encode("utf-8")
    if fmt == "json":
        data = d.model_dump(mode="json")
        return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode()
    if fmt == "text":
        return _text(d).encode("utf-8")
    raise UsageError(f"unknown diff format {fmt!r} (one of: {', '.join(DIFF_FORMATS)})")
