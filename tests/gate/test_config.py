"""Configuration: lexcheck.toml or [tool.lexcheck], found by walking up; strict validation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lexcheck.errors import DataError, UsageError
from lexcheck.gate import GateConfig, apply_selection, evaluate, find_config, load_config
from lexcheck.gate.config import resolve_config
from lexcheck.models import Review, Severity

CONFIG = """\
fail_on = "partially_compliant"
select = ["jj.*", "vac.*"]
ignore = ["jj.diversion"]

[severity]
"jj.*" = "low"
"jj.macr" = "high"

[terms]
child = ["juvenile", "young person"]

[[reservations]]
check = "jj.separation_adults"
justification = "Reservation to CRC art. 37(c) entered on ratification."
expires = 2027-12-31
"""


def _repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "bills" / "2026").mkdir(parents=True)
    bill = root / "bills" / "2026" / "bill.md"
    bill.write_text("# Bill\n", encoding="utf-8")
    return root


def test_lexcheck_toml_found_walking_up(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    (root / "lexcheck.toml").write_text(CONFIG, encoding="utf-8")
    found = find_config(root / "bills" / "2026" / "bill.md")
    assert found == (root / "lexcheck.toml").resolve()
    cfg = load_config(found)
    assert cfg.fail_on == "partially_compliant"
    assert cfg.reservations[0].expires == date(2027, 12, 31)
    assert cfg.terms == {"child": ["juvenile", "young person"]}
    assert cfg.source == str(found)


def test_pyproject_tool_table(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    body = CONFIG.replace("[severity]", "[tool.lexcheck.severity]")
    body = body.replace("[terms]", "[tool.lexcheck.terms]")
    body = body.replace("[[reservations]]", "[[tool.lexcheck.reservations]]")
    head, _, rest = body.partition("[tool.lexcheck.severity]")
    text = "[project]\nname = 'x'\n\n[tool.lexcheck]\n" + head + "[tool.lexcheck.severity]" + rest
    (root / "pyproject.toml").write_text(text, encoding="utf-8")
    found = find_config(root / "bills" / "2026" / "bill.md")
    assert found is not None and found.name == "pyproject.toml"
    cfg = load_config(found)
    assert cfg.ignore == ["jj.diversion"]
    assert cfg.severity["jj.macr"] == Severity.HIGH
    assert cfg.reservations[0].check == "jj.separation_adults"


def test_pyproject_without_table_is_passed_over(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    (root / "lexcheck.toml").write_text('fail_on = "not_addressed"\n', encoding="utf-8")
    (root / "bills" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    found = find_config(root / "bills" / "2026" / "bill.md")
    assert found == (root / "lexcheck.toml").resolve()


def test_nearest_wins_and_lexcheck_toml_beats_pyproject(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    (root / "lexcheck.toml").write_text('fail_on = "not_addressed"\n', encoding="utf-8")
    near = root / "bills"
    (near / "pyproject.toml").write_text("[tool.lexcheck]\nignore = ['x']\n", encoding="utf-8")
    assert find_config(near / "2026" / "bill.md") == (near / "pyproject.toml").resolve()
    (near / "lexcheck.toml").write_text("select = ['jj.*']\n", encoding="utf-8")
    assert find_config(near / "2026" / "bill.md") == (near / "lexcheck.toml").resolve()


def test_walk_stops_at_repository_root(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    (tmp_path / "lexcheck.toml").write_text('fail_on = "not_addressed"\n', encoding="utf-8")
    assert find_config(root / "bills" / "2026" / "bill.md") is None
    assert resolve_config([str(root / "bills" / "2026" / "bill.md")], None) == GateConfig()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('fail_on = "compliant"\n', "fail_on"),
        ("fial_on = 'non_compliant'\n", "unknown key 'fial_on'"),
        ("[[reservations]]\ncheck = 'jj.macr'\n", "justification"),
        ("[[reservations]]\ncheck = 'jj.macr'\njustification = '  '\n", "justification"),
        ("[[reservations]]\ncheck = 'jj.macr'\njustification = 'x'\nexpires = 'soon'\n", "expires"),
        ("[[reservations]]\ncheck = 'jj.macr'\njustification = 'x'\nreason = 'y'\n", "reason"),
        ("[severity]\n'jj.macr' = 'critical'\n", "severity"),
        ("fail_on = [\n", "invalid TOML"),
    ],
)
def test_invalid_config_is_a_data_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "lexcheck.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_config(path)
    assert info.value.exit_code == 3
    assert str(path) in str(info.value) and message in str(info.value)


def test_missing_config_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        load_config(tmp_path / "nope.toml")


def test_files_under_different_configs_need_explicit_config(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "lexcheck.toml").write_text("", encoding="utf-8")
        (tmp_path / name / "bill.md").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="different configurations"):
        resolve_config([str(tmp_path / "a" / "bill.md"), str(tmp_path / "b" / "bill.md")], None)


def test_baseline_key_is_relative_to_the_config(tmp_path: Path) -> None:
    (tmp_path / "lexcheck.toml").write_text('baseline = "ci/baseline.json"\n', encoding="utf-8")
    cfg = load_config(tmp_path / "lexcheck.toml")
    assert cfg.baseline_path() == tmp_path / "ci" / "baseline.json"


def test_select_ignore_and_severity(bill_review: Review) -> None:
    cfg = GateConfig(
        select=["jj.*"],
        ignore=["jj.diversion", "jj.first_*"],
        severity={"jj.*": Severity.LOW, "jj.macr": Severity.HIGH},
    )
    selected = apply_selection(bill_review, cfg)
    checks = [f.check for f in selected.findings]
    assert "jj.diversion" not in checks and "jj.first_appearance" not in checks
    assert "jj.macr" in checks and "jj.separation_adults" in checks
    severity = {f.check: f.severity for f in selected.findings}
    assert severity["jj.macr"] == Severity.HIGH
    assert severity["jj.separation_adults"] == Severity.LOW
    assert selected.summary.not_addressed == 1  # only corporal punishment left silent


def test_select_nothing_matching_leaves_nothing_to_fail(bill_review: Review) -> None:
    outcome = evaluate(bill_review, GateConfig(select=["vac.*"]), fail_on="not_addressed")
    assert outcome.review.findings == [] and outcome.exit_code == 0


def test_instruments_filter(bill_review: Review) -> None:
    sources = {"jj.macr": {"crc", "gc24"}, "jj.separation_adults": {"crc", "havana"}}

    def instruments_for(reqs: list[str]) -> set[str] | None:
        return sources.get(reqs[0])

    cfg = GateConfig(instruments=["havana"])
    selected = apply_selection(bill_review, cfg, instruments_for=instruments_for)
    checks = {f.check for f in selected.findings}
    assert "jj.separation_adults" in checks
    assert "jj.macr" not in checks  # derives only from instruments not selected
    assert "jj.diversion" in checks  # unknown to the standards: kept, we cannot tell


def test_cli_fail_on_overrides_config(bill_review: Review) -> None:
    cfg = GateConfig(fail_on="not_addressed")
    assert evaluate(bill_review, cfg).review.gate.failing == 6  # type: ignore[union-attr]
    overridden = evaluate(bill_review, cfg, fail_on="non_compliant")
    assert overridden.review.gate.failing == 1  # type: ignore[union-attr]


def test_instruments_filter_with_the_bundled_standards(bill_review: Review) -> None:
    selected = apply_selection(bill_review, GateConfig(instruments=["havana"]))
    checks = {f.check for f in selected.findings}
    assert "jj.separation_adults" in checks  # Havana Rules 29
    assert "jj.macr" not in checks  # CRC, Beijing Rules and GC24 only
