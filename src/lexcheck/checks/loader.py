"""Load and validate the check files (``rules/*.yaml``), their cases and the language cues."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from lexcheck.checks.schema import CaseFile, LanguageCues, Rule
from lexcheck.errors import DataError, yaml_error_position
from lexcheck.resources import data_dir
from lexcheck.yamlload import load_yaml

M = TypeVar("M", bound=BaseModel)

# The 12 core checks, in the order of the evaluation's CHECKS.md; reports list them first.
CORE_CHECKS: tuple[str, ...] = (
    "jj.child_definition",
    "jj.macr",
    "jj.death_penalty",
    "jj.life_imprisonment",
    "jj.corporal_punishment",
    "jj.detention_last_resort",
    "jj.first_appearance",
    "jj.separation_adults",
    "jj.parental_notification",
    "jj.legal_assistance",
    "jj.privacy",
    "jj.diversion",
)


def _read(path: Path) -> Any:
    # The rule files are read on every run (cold start): the fast loader.
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: invalid YAML{yaml_error_position(exc)}") from exc


def _validate(model: type[M], path: Path) -> M:
    try:
        return model.model_validate(_read(path))
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(part) for part in err["loc"]) or "top level"
        raise DataError(f"{path}: {err['msg']} at {where}") from exc


def check_order(check_id: str) -> tuple[int, str]:
    """Sort key: core checks in CHECKS.md order, then the rest by id."""
    if check_id in CORE_CHECKS:
        return (CORE_CHECKS.index(check_id), check_id)
    return (len(CORE_CHECKS), check_id)


@cache
def load_rules(root: Path | None = None) -> tuple[Rule, ...]:
    """Every check under ``rules/`` (validated), core checks first."""
    base = root or data_dir("rules")
    rules: dict[str, Rule] = {}
    for path in sorted(base.glob("*.yaml")):
        rule = _validate(Rule, path)
        if path.stem != rule.id:
            raise DataError(f"{path}: file name must be the check id {rule.id!r}")
        rules[rule.id] = rule
    return tuple(sorted(rules.values(), key=lambda r: check_order(r.id)))


@cache
def load_cues(lang: str, root: Path | None = None) -> LanguageCues:
    """The polarity cues of ``lang`` (English when the language has none)."""
    base = (root or data_dir("rules")) / "lang"
    path = base / f"{lang}.yaml"
    if not path.exists():
        path = base / "en.yaml"
    return _validate(LanguageCues, path)


def load_cases(root: Path | None = None) -> list[CaseFile]:
    """Every case file under ``rules/cases/``."""
    base = (root or data_dir("rules")) / "cases"
    return [_validate(CaseFile, path) for path in sorted(base.glob("*.yaml"))]


def json_schema() -> str:
    """The JSON Schema of a check file, for editors and for ``rules/schema.json``."""
    schema = Rule.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "lexcheck check file"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"
