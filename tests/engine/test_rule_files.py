"""The rule files themselves: valid, named by id, schema.json current, ids match CHECKS.md order."""

from __future__ import annotations

import json

import jsonschema
import yaml

from lexcheck.checks.loader import CORE_CHECKS, json_schema, load_rules
from lexcheck.resources import data_dir


def test_schema_json_is_current() -> None:
    path = data_dir("rules") / "schema.json"
    assert path.read_text(encoding="utf-8") == json_schema(), "regenerate rules/schema.json"


def test_every_rule_file_validates_against_schema_json() -> None:
    schema = json.loads((data_dir("rules") / "schema.json").read_text(encoding="utf-8"))
    for path in sorted(data_dir("rules").glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)


def test_core_checks_present_and_first() -> None:
    ids = [r.id for r in load_rules()]
    assert ids[: len(CORE_CHECKS)] == list(CORE_CHECKS)


def test_every_check_names_itself_as_a_requirement() -> None:
    for rule in load_rules():
        assert rule.id in rule.requirements
        assert rule.outcomes
        assert rule.signals


def test_bad_rule_file_is_a_data_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from lexcheck.errors import DataError

    (tmp_path / "jj.broken.yaml").write_text(
        "id: jj.broken\nrequirements: [jj.broken]\ntitle: t\ntheme: x\nseverity: high\n"
        "kind: presence\nsignals: {a: {en: {phrases: [x]}}}\n"
        "outcomes: [{status: compliant, when: [{signal: b}], explanation: x}]\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="unknown signal 'b'"):
        load_rules(tmp_path)


def test_value_skipping_an_unknown_signal_is_a_data_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from lexcheck.errors import DataError

    (tmp_path / "jj.broken.yaml").write_text(
        "id: jj.broken\nrequirements: [jj.broken]\ntitle: t\ntheme: x\nseverity: high\n"
        "kind: threshold\nsignals: {a: {en: {phrases: [x]}}}\n"
        "values: {h: {extract: hours, from: [a], without: [appeal]}}\n"
        "outcomes: [{status: compliant, when: [{signal: a}], explanation: x}]\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="unknown signal"):
        load_rules(tmp_path)


def test_token_patterns_are_valid_spacy_patterns() -> None:
    from spacy.matcher import Matcher

    from lexcheck.matching.engine import import_spacy

    nlp = import_spacy().blank("en")
    matcher = Matcher(nlp.vocab, validate=True)
    for rule in load_rules():
        for name, signal in rule.signals.items():
            for lang in ("en", "es", "fr"):
                spec = signal.for_language(lang)
                if spec and spec.patterns:
                    matcher.add(f"{rule.id}::{name}::{lang}", spec.patterns)


def test_spacy_cli_still_importable_after_fast_import() -> None:
    import importlib

    from lexcheck.matching.engine import import_spacy

    import_spacy()
    assert importlib.import_module("spacy.cli.info").info is not None


def test_token_patterns_fit_the_matching_window() -> None:
    """Token patterns run on windows of PATTERN_WINDOW tokens from their first word; a longer
    pattern could never match whole (and long wildcard gaps make spaCy's Matcher slow)."""
    from lexcheck.matching.engine import PATTERN_WINDOW, pattern_length

    too_long = [
        (rule.id, name, lang, pattern_length(p))
        for rule in load_rules()
        for name, signal in rule.signals.items()
        for lang in ("en", "es", "fr")
        if (spec := signal.for_language(lang))
        for p in spec.patterns
        if pattern_length(p) > PATTERN_WINDOW
    ]
    assert too_long == []
