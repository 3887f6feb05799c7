"""Validation: the bundled encoding is valid and its official text is exactly the sources'."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from lexcheck.resources import data_dir
from lexcheck.standards.validate import rule_check_ids, validate_standards

STANDARDS = data_dir("standards")


def _rules_dir() -> Path | None:
    try:
        return data_dir("rules")
    except FileNotFoundError:
        return None


def test_bundled_standards_are_valid() -> None:
    report = validate_standards(rules_dir=_rules_dir())
    assert report.problems == []


def test_every_check_id_exists_in_rules() -> None:
    rules = _rules_dir()
    if not rule_check_ids(rules):
        pytest.skip("rules/ has no check files yet (the engine's rules have not landed)")
    assert validate_standards(rules_dir=rules).missing_checks == []


@pytest.mark.parametrize("candidate", ["/work/shared/instruments", "../shared/instruments"])
def test_official_text_matches_the_shared_bundle_when_present(candidate: str) -> None:
    shared = Path(candidate)
    if not (shared / "crc.txt").is_file():
        pytest.skip("shared instrument bundle not present")
    assert validate_standards(sources=shared).problems == []


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "standards"
    shutil.copytree(STANDARDS, root)
    return root


def test_changed_official_word_is_caught(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    crc = root / "crc.yaml"
    text = crc.read_text(encoding="utf-8")
    assert "shortest appropriate period" in text
    crc.write_text(text.replace("shortest appropriate period", "shortest possible period", 1))
    problems = validate_standards(root).problems
    assert any(p.startswith("crc.art37.b: official text differs") for p in problems)
    # ...and the source line it came from is now reported as not encoded.
    assert any("crc.txt: line not encoded" in p for p in problems)


def test_dropped_provision_is_caught(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    data = yaml.safe_load((root / "havana.yaml").read_text(encoding="utf-8"))
    data["provisions"] = [p for p in data["provisions"] if p["id"] != "havana.r67"]
    (root / "havana.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    problems = validate_standards(root).problems
    assert any("havana_rules.txt: line not encoded: '67." in p for p in problems)
    # jj.corporal_punishment cites Havana Rules 67, which no longer exists.
    assert any("derived_from 'havana.r67' does not exist" in p for p in problems)


def test_duplicate_ids_and_bad_parent_are_caught(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    extra = {
        "requirements": [
            {
                "id": "jj.macr",
                "title": "again",
                "statement": "duplicate",
                "derived_from": ["crc.art1"],
                "theme": "minimum_age",
                "protects": ["all_children"],
                "strength": "treaty_obligation",
                "check": "jj.macr",
            }
        ]
    }
    (root / "requirements" / "zz_extra.yaml").write_text(yaml.safe_dump(extra), encoding="utf-8")
    problems = validate_standards(root).problems
    assert len(problems) == 1
    assert "duplicate requirement id 'jj.macr'" in problems[0]


def test_model_strategies_may_not_carry_official_text(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    data = yaml.safe_load((root / "model_strategies.yaml").read_text(encoding="utf-8"))
    prov = next(p for p in data["provisions"] if p["id"] == "ms.para44")
    prov.update({"text": "Invented wording.", "text_status": "official"})
    (root / "model_strategies.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    problems = validate_standards(root).problems
    assert "ms.para44: official text but no bundled source exists" in problems


def test_rule_ids_are_read_from_single_and_list_files(tmp_path: Path) -> None:
    (tmp_path / "one.yaml").write_text("id: jj.macr\ntitle: x\n", encoding="utf-8")
    (tmp_path / "many.yaml").write_text(
        "checks:\n  - id: jj.privacy\n  - id: jj.diversion\n", encoding="utf-8"
    )
    (tmp_path / "notes.yaml").write_text("- just: text\n", encoding="utf-8")
    assert rule_check_ids(tmp_path) == {"jj.macr", "jj.privacy", "jj.diversion"}


def test_rules_naming_unknown_requirements_are_reported(tmp_path: Path) -> None:
    (tmp_path / "jj.macr.yaml").write_text(
        "id: jj.macr\nrequirements: [jj.macr, jj.no_such_thing]\n", encoding="utf-8"
    )
    report = validate_standards(rules_dir=tmp_path)
    assert report.problems == [
        "rules/jj.macr.yaml: check 'jj.macr' names unknown requirement 'jj.no_such_thing'"
    ]
    assert "jj.macr" not in report.missing_checks and "jj.privacy" in report.missing_checks
