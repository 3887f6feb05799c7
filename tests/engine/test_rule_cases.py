"""Every check's YAML cases (rules/cases/*.yaml), run sqlfluff-style by one parametrised test."""

from __future__ import annotations

from functools import cache

import pytest
from tests.engine.treebuilder import build

from lexcheck.assess.review import review_documents
from lexcheck.checks.loader import load_cases, load_rules
from lexcheck.checks.schema import Case, Rule

CASES = [(f.check, case) for f in load_cases() for case in f.cases]


@cache
def _rule(check: str) -> tuple[Rule, ...]:
    return tuple(r for r in load_rules() if r.id == check)


def _same(expected: str, got: str) -> bool:
    e, g = expected.lower(), got.lower()
    return e == g or g.startswith(e + "(")


@pytest.mark.parametrize(("check", "case"), CASES, ids=[f"{c}: {k.name}" for c, k in CASES])
def test_case(check: str, case: Case) -> None:
    rules = _rule(check)
    assert rules, f"no rule file for {check}"
    document = build(case.text, language=case.language)
    [finding] = review_documents([document], rules)
    labels = [e.provision for e in finding.evidence]
    assert finding.status == case.status, (finding.explanation, labels)
    for key, value in case.values.items():
        assert finding.values.get(key) == value, finding.values
    if case.values == {} and "values" in case.model_fields_set:
        assert finding.values == {}
    for label in case.evidence:
        assert any(_same(label, got) for got in labels), (label, labels)
    if finding.status != "not_addressed":
        assert finding.evidence, "a decided finding must quote its evidence"
    else:
        assert finding.searched, "a not_addressed finding must say where it looked"


def test_every_check_has_cases_of_each_kind() -> None:
    by_check: dict[str, set[str]] = {}
    for check, case in CASES:
        by_check.setdefault(check, set()).add(case.status)
    for rule in load_rules():
        statuses = by_check.get(rule.id, set())
        assert "not_addressed" in statuses, f"{rule.id}: no silent case"
        assert len(statuses) >= 2, f"{rule.id}: needs cases with other statuses"
