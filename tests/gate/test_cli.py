"""`lexcheck check` and `lexcheck diff` end to end through the CLI, on bill files on disk.

The review engine is replaced by the fixtures' stand-in (see conftest) so that these tests
pin the gate's own behaviour: exit codes, config discovery, baseline, outputs.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from lexcheck.cli.app import main

from .conftest import BILL, WHIPPING

RESERVATION = """\
fail_on = "partially_compliant"

[[reservations]]
check = "jj.separation_adults"
justification = "Reservation to CRC art. 37(c) entered on ratification."
expires = 2099-12-31
"""


def run(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["lexcheck", *args])
    with pytest.raises(SystemExit) as info:
        main()
    out, err = capsys.readouterr()
    code = info.value.code
    return (code if isinstance(code, int) else 1), out, err


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "bills").mkdir()
    (tmp_path / "bills" / "child_justice_bill.md").write_text(BILL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


BILL_PATH = "bills/child_justice_bill.md"


def test_exit_1_when_a_finding_is_at_the_default_threshold(
    repo: Path, fake_engine: list[list[str]], capsys, monkeypatch
) -> None:
    code, out, err = run(["check", BILL_PATH], capsys, monkeypatch)
    assert code == 1, err
    assert fake_engine == [[BILL_PATH]]
    assert f"{BILL_PATH}:24: non_compliant jj.macr — " in out
    assert out.splitlines()[-1] == "lexcheck: failed: 1 finding at or beyond non_compliant"
    assert "Traceback" not in err


def test_exit_0_when_nothing_fails(repo: Path, fake_engine, capsys, monkeypatch) -> None:
    (repo / "lexcheck.toml").write_text('ignore = ["jj.macr"]\n', encoding="utf-8")
    code, out, _ = run(["check", BILL_PATH], capsys, monkeypatch)
    assert code == 0
    assert "jj.macr" not in out
    assert out.splitlines()[-1] == "lexcheck: passed: no failing finding at or beyond non_compliant"


def test_fail_on_levels_from_the_command_line(repo: Path, fake_engine, capsys, monkeypatch) -> None:
    (repo / "lexcheck.toml").write_text('ignore = ["jj.macr"]\n', encoding="utf-8")
    assert run(["check", BILL_PATH], capsys, monkeypatch)[0] == 0
    code, out, _ = run(
        ["check", "--fail-on", "partially_compliant", BILL_PATH], capsys, monkeypatch
    )
    assert code == 1 and "3 findings at or beyond partially_compliant" in out
    code, out, _ = run(["check", "--fail-on", "not_addressed", BILL_PATH], capsys, monkeypatch)
    assert code == 1 and "5 findings at or beyond not_addressed" in out


def test_reservation_from_discovered_config(repo: Path, fake_engine, capsys, monkeypatch) -> None:
    (repo / "lexcheck.toml").write_text(RESERVATION, encoding="utf-8")
    code, out, _ = run(["check", BILL_PATH], capsys, monkeypatch)
    assert code == 1  # macr, notification, first appearance still fail at partially_compliant
    sep = next(line for line in out.splitlines() if "jj.separation_adults" in line)
    assert "[reserved until 2099-12-31: Reservation to CRC art. 37(c)" in sep
    assert "[FAILS]" not in sep
    assert "(1 reserved)" in out.splitlines()[-1]


def test_pyproject_config(repo: Path, fake_engine, capsys, monkeypatch) -> None:
    (repo / "pyproject.toml").write_text(
        "[project]\nname = 'bills'\n\n[tool.lexcheck]\nignore = ['jj.macr']\n", encoding="utf-8"
    )
    assert run(["check", BILL_PATH], capsys, monkeypatch)[0] == 0


def test_usage_and_input_errors_exit_2(repo: Path, fake_engine, capsys, monkeypatch) -> None:
    for args, needle in (
        (["check", "bills/missing.md"], "bills/missing.md: no such file"),
        (["check", "bills"], "is a folder"),
        (["check", "--fail-on", "compliant", BILL_PATH], "compliant"),
        (["check", "--format", "docx", BILL_PATH], "docx"),
        (["check", "--config", "nope.toml", BILL_PATH], "nope.toml: configuration file not found"),
        (["check"], "Missing argument"),
    ):
        code, _, err = run(args, capsys, monkeypatch)
        assert code == 2, (args, err)
        assert needle in err, (args, err)
        assert "Traceback" not in err
    (repo / "baseline.json").write_text("[1, 2", encoding="utf-8")
    code, _, err = run(["check", "--baseline", "baseline.json", BILL_PATH], capsys, monkeypatch)
    assert code == 2 and "baseline.json: baseline is not JSON" in err
    assert err.count("\n") == 1  # one line, no traceback


def test_invalid_config_exits_3(repo: Path, fake_engine, capsys, monkeypatch) -> None:
    (repo / "lexcheck.toml").write_text("fial_on = 'non_compliant'\n", encoding="utf-8")
    code, out, err = run(["check", BILL_PATH], capsys, monkeypatch)
    assert code == 3 and out == ""
    assert err == f"lexcheck: error: {repo / 'lexcheck.toml'}: unknown key 'fial_on'\n"
    assert fake_engine == []  # the configuration is checked before any review work


def test_baseline_ratchet_through_the_cli(repo: Path, fake_engine, capsys, monkeypatch) -> None:
    code, _, err = run(
        ["check", BILL_PATH, "--format", "json", "-o", "baseline.json"], capsys, monkeypatch
    )
    assert code == 1 and "lexcheck: failed" in err
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert data["gate"]["failing"] == 1 and len(data["findings"]) == 7
    code, out, _ = run(["check", BILL_PATH, "--baseline", "baseline.json"], capsys, monkeypatch)
    assert code == 0 and "(1 in baseline)" in out
    bill = repo / BILL_PATH
    bill.write_text(BILL + WHIPPING, encoding="utf-8")
    code, out, _ = run(["check", BILL_PATH, "--baseline", "baseline.json"], capsys, monkeypatch)
    assert code == 1
    assert "jj.corporal_punishment" in out and "[FAILS]" in out


def test_baseline_from_config(repo: Path, fake_engine, capsys, monkeypatch) -> None:
    run(["check", BILL_PATH, "-o", "ci/baseline.json", "--format", "json"], capsys, monkeypatch)
    (repo / "lexcheck.toml").write_text('baseline = "ci/baseline.json"\n', encoding="utf-8")
    assert run(["check", BILL_PATH], capsys, monkeypatch)[0] == 0


def test_outputs_written_by_extension(repo: Path, fake_engine, capsys, monkeypatch) -> None:
    code, out, err = run(["check", BILL_PATH, "-o", "out/lexcheck.sarif"], capsys, monkeypatch)
    assert code == 1 and out == ""
    assert err.strip().endswith("lexcheck: failed: 1 finding at or beyond non_compliant")
    sarif = json.loads((repo / "out" / "lexcheck.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert run(["check", BILL_PATH, "-o", "out/junit.xml"], capsys, monkeypatch)[0] == 1
    assert ET.parse(repo / "out" / "junit.xml").getroot().tag == "testsuites"
    code, out, _ = run(["check", BILL_PATH, "--format", "github"], capsys, monkeypatch)
    assert code == 1 and f"::error file={BILL_PATH},line=24," in out
    assert not list((repo / "out").glob(".*.tmp"))  # atomic writes leave nothing behind
    first = (repo / "out" / "lexcheck.sarif").read_bytes()
    run(["check", BILL_PATH, "-o", "out/lexcheck.sarif"], capsys, monkeypatch)
    assert (repo / "out" / "lexcheck.sarif").read_bytes() == first  # byte-identical


def test_input_file_is_never_modified(repo: Path, fake_engine, capsys, monkeypatch) -> None:
    before = (repo / BILL_PATH).read_bytes()
    run(["check", BILL_PATH, "--format", "sarif"], capsys, monkeypatch)
    assert (repo / BILL_PATH).read_bytes() == before


def test_diff_command(repo: Path, fake_engine, capsys, monkeypatch) -> None:
    (repo / "bills" / "v2.md").write_text(BILL + WHIPPING, encoding="utf-8")
    code, out, _ = run(["diff", BILL_PATH, "bills/v2.md"], capsys, monkeypatch)
    assert code == 0
    assert "## Gaps changed" in out
    assert (
        "| `jj.corporal_punishment` No corporal punishment | not_addressed | non_compliant | — |"
        in out
    )
    code, out, _ = run(["diff", BILL_PATH, "bills/v2.md", "--format", "json"], capsys, monkeypatch)
    assert json.loads(out)["changed"][0]["new_provisions"] == ["section 30(2)"]
    code, _, err = run(["diff", BILL_PATH, "bills/v3.md"], capsys, monkeypatch)
    assert code == 2 and "bills/v3.md: no such file" in err


def test_commands_are_documented(capsys, monkeypatch) -> None:
    for command in ("check", "diff"):
        code, out, _ = run([command, "--help"], capsys, monkeypatch)
        assert code == 0 and "Usage:" in out and len(out) > 400


def test_terms_unused_by_the_engine_are_reported(
    repo: Path, fake_engine, capsys, monkeypatch
) -> None:
    (repo / "lexcheck.toml").write_text(
        '[terms]\ncourt = ["Children\'s Court"]\n', encoding="utf-8"
    )
    code, out, _ = run(["check", BILL_PATH], capsys, monkeypatch)
    assert code == 1 and "lexcheck: warning: [terms] is not used" in out


def test_engine_receives_terms_and_instruments_when_it_takes_them(
    repo: Path, capsys, monkeypatch
) -> None:
    from lexcheck import api

    from .conftest import review_of

    seen: dict[str, object] = {}

    def review_files(paths: list[str], *, terms=None, instruments=None):  # type: ignore[no-untyped-def]
        seen.update(terms=terms, instruments=instruments)
        return review_of(paths[0]), []

    monkeypatch.setattr(api, "review_files", review_files, raising=False)
    monkeypatch.setattr("lexcheck.gate.select.instruments_of", lambda reqs: None)
    (repo / "lexcheck.toml").write_text(
        "instruments = ['crc']\n[terms]\ncourt = [\"Children's Court\"]\n", encoding="utf-8"
    )
    code, out, _ = run(["check", BILL_PATH], capsys, monkeypatch)
    assert code == 1
    assert seen == {"terms": {"court": ["Children's Court"]}, "instruments": ["crc"]}
    assert "[terms] is not used" not in out


def test_reports_do_not_depend_on_the_checkout_path(
    repo: Path, fake_engine, capsys, monkeypatch
) -> None:
    (repo / "lexcheck.toml").write_text('fail_on = "non_compliant"\n', encoding="utf-8")
    absolute = str(repo / BILL_PATH)
    run(["check", absolute, "--format", "json", "-o", "out.json"], capsys, monkeypatch)
    data = json.loads((repo / "out.json").read_text(encoding="utf-8"))
    assert data["gate"]["config"] == "lexcheck.toml"
    assert str(repo) not in (repo / "out.json").read_text(encoding="utf-8").replace(absolute, "")


def test_broken_rules_or_standards_exit_3(repo: Path, capsys, monkeypatch) -> None:
    from lexcheck import api
    from lexcheck.errors import DataError

    def review_files(paths: list[str]):  # type: ignore[no-untyped-def]
        raise DataError("rules/jj.macr.yaml: Field required at outcomes")

    monkeypatch.setattr(api, "review_files", review_files)
    code, out, err = run(["check", BILL_PATH], capsys, monkeypatch)
    assert code == 3 and out == ""
    assert err == "lexcheck: error: rules/jj.macr.yaml: Field required at outcomes\n"


def test_real_rules_with_a_broken_copy_exit_3(repo: Path) -> None:
    """With the real engine, in a fresh process: a rules folder whose check file is broken."""
    import shutil
    import subprocess

    from lexcheck.resources import data_dir

    for name in ("rules", "standards", "templates"):
        shutil.copytree(data_dir(name), repo / name)
    broken = sorted((repo / "rules").glob("*.yaml"))[0]
    broken.write_text("id: [this is not a check\n", encoding="utf-8")
    script = (
        "import pathlib, sys\n"
        "import lexcheck.resources as resources\n"
        "resources._PACKAGE = pathlib.Path(sys.argv[1])  # data folders beside it\n"
        "from lexcheck.cli.app import main\n"
        "sys.argv = ['lexcheck', 'check', sys.argv[2]]\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(repo / "src" / "lexcheck"), BILL_PATH],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 3, proc.stderr
    assert proc.stderr.startswith("lexcheck: error: ") and broken.name in proc.stderr
    assert "Traceback" not in proc.stderr
    # One line, with the position of the YAML error.
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "invalid YAML at line 2, column 1" in proc.stderr
