"""What each check means, for SARIF rules and JUnit: the requirement's words and citations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lexcheck.models import Finding


@dataclass(frozen=True)
class RuleText:
    id: str
    name: str  # PascalCase, as SARIF viewers expect of reportingDescriptor.name
    title: str
    statement: str  # what the national law must do (our words, from standards/requirements)
    theme: str
    citations: list[str] = field(default_factory=list)


def _pascal(text: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", text)
    return "".join(w[:1].upper() + w[1:] for w in words) or "Check"


def describe(finding: Finding) -> RuleText:
    """Rule text for the finding's check: from the bundled standards when they know the
    requirement, else from the finding itself (title, explanation, citations)."""
    title, statement, theme = finding.title, "", finding.theme
    citations = list(finding.citations)
    try:
        from lexcheck.standards.loader import load_standards

        std = load_standards()
    except FileNotFoundError:  # no standards folder in this build: the finding's own text
        std = None
    if std is not None:
        req = std.requirements.get(finding.check)
        if req is not None:
            title = title or req.title
            statement = req.statement
            theme = theme or req.theme
        for c in std.citations(finding.requirements or [finding.check]):
            if c not in citations:
                citations.append(c)
    title = title or finding.check
    return RuleText(
        id=finding.check,
        name=_pascal(title),
        title=title,
        statement=statement or title,
        theme=theme,
        citations=citations,
    )
