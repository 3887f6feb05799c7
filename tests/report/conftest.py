"""Fixtures for the report tests (the data lives in report_fixtures.py)."""

from __future__ import annotations

import pytest
from report_fixtures import children_act, codigo, make_findings, make_review, make_standards

from lexcheck.models import ParsedDocument, Review
from lexcheck.standards.loader import Standards


@pytest.fixture
def act() -> ParsedDocument:
    return children_act()


@pytest.fixture
def code() -> ParsedDocument:
    return codigo()


@pytest.fixture
def standards(monkeypatch: pytest.MonkeyPatch) -> Standards:
    """The fixture standards, also made the default for code that loads the bundled ones."""
    std = make_standards()
    import lexcheck.recommend.drafting as drafting

    monkeypatch.setattr(drafting, "standards_or_empty", lambda: std)
    return std


@pytest.fixture
def review(act: ParsedDocument, standards: Standards) -> Review:
    from lexcheck.recommend import recommend

    return make_review(recommend(make_findings(act), [act]), [act])
