"""Draft a recommended amendment for each gap (first cut: none; templates/ replace this)."""

from __future__ import annotations

from lexcheck.models import Finding, ParsedDocument


def recommend(findings: list[Finding], documents: list[ParsedDocument]) -> list[Finding]:
    """Return the findings with ``amendment`` filled in where a gap calls for one."""
    return findings
