"""A jurisdiction's own words for the standards' terms ([terms] in lexcheck.toml, --term):
the rules accept them wherever they speak of the standard's term."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lexcheck.api import review_files
from lexcheck.checks.loader import load_rules
from lexcheck.checks.terms import parse_terms, with_terms
from lexcheck.cli.app import app, main
from lexcheck.errors import UsageError

INFANTS_ACT = """PROTECTION OF INFANTS ACT

1. Short title
This Act may be cited as the Protection of Infants Act.

2. Interpretation
In this Act, "infant" means a person under the age of eighteen years.

12. Indecent photographs
Any person who takes, makes, distributes or possesses an indecent photograph of an infant
commits an offence and shall be liable on conviction to imprisonment for ten years.
"""


def _statuses(path: Path, terms: dict[str, list[str]] | None) -> dict[str, tuple[str, list[str]]]:
    review, _ = review_files([path], terms=terms)
    return {f.check: (f.status.value, [e.provision for e in f.evidence]) for f in review.findings}


def test_the_statutes_own_word_for_child_is_understood(tmp_path: Path) -> None:
    act = tmp_path / "infants_act.txt"
    act.write_text(INFANTS_ACT, encoding="utf-8")
    plain = _statuses(act, None)
    assert plain["jj.child_definition"][0] == "not_addressed"
    assert plain["vac.child_sexual_abuse_material"][0] == "not_addressed"

    local = _statuses(act, {"child": ["infant", "infants"]})
    assert local["jj.child_definition"] == ("compliant", ['section 2("infant")'])
    assert local["vac.child_sexual_abuse_material"] == ("compliant", ["section 12"])


def test_rules_are_rewritten_not_replaced() -> None:
    rules = load_rules()
    extended = with_terms(rules, {"Child ": ["Young  Person", "infant", "child"]})
    by_id = {r.id: r for r in extended}

    best = by_id["jj.best_interests"].signals["best_interests"].en
    assert best is not None
    assert "best interests of the child" in best.phrases  # the original stays
    assert "best interests of the young person" in best.phrases
    assert "best interests of the infant" in best.phrases

    material = by_id["vac.child_sexual_abuse_material"]
    tokens = [t for s in material.signals.values() if s.en for p in s.en.patterns for t in p]
    accepted = [t["LOWER"]["IN"] for t in tokens if isinstance(t.get("LOWER"), dict)]
    widened = [words for words in accepted if "child" in words]
    # A token pattern holds one word per token: "infant" joins, "young person" cannot.
    assert widened and all("infant" in words for words in widened)
    assert not any("young person" in words for words in accepted)

    definition = by_id["jj.child_definition"]
    assert "infant" in definition.scope.defined_terms or any(
        s.scope and "infant" in s.scope.defined_terms for s in definition.signals.values()
    )
    # The loaded rules themselves are untouched, and the same terms give the same rules.
    assert with_terms(rules, {}) is rules
    assert with_terms(rules, {"child": ["infant", "young person"]}) is extended
    original = {r.id: r for r in rules}["jj.best_interests"].signals["best_interests"].en
    assert original is not None and "best interests of the infant" not in original.phrases


def test_term_option_is_parsed_and_checked() -> None:
    assert parse_terms(["child=infant, young person", "child=minor"]) == {
        "child": ("infant", "minor", "young person")
    }
    with pytest.raises(UsageError, match="TERM=WORD"):
        parse_terms(["child"])


def test_term_option_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    act = tmp_path / "infants_act.txt"
    act.write_text(INFANTS_ACT, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["review", str(act), "--format", "json", "--term", "child=infant"])
    assert result.exit_code == 0
    findings = {f["check"]: f["status"] for f in json.loads(result.stdout)["findings"]}
    assert findings["vac.child_sexual_abuse_material"] == "compliant"
    monkeypatch.setattr(sys, "argv", ["lexcheck", "review", str(act), "--term", "child"])
    with pytest.raises(SystemExit) as stop:
        main()
    assert stop.value.code == 2
    assert capsys.readouterr().err == (
        "lexcheck: error: --term must be TERM=WORD[,WORD...], not 'child'\n"
    )
