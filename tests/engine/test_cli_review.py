"""`lexcheck review`: formats, output files, frameworks, errors, reproducibility."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import lexcheck

ACT = """CHILD JUSTICE ACT

Part I - Preliminary

1. Interpretation
In this Act, unless the context otherwise requires—
"child" means a person below the age of sixteen years;

2. Age of criminal responsibility
A child under the age of ten years cannot commit an offence.

3. Arrest
(1) A child who is arrested shall be brought before a magistrate within forty-eight hours.
(2) The officer shall inform the parent or guardian of the child immediately after the arrest.
"""


# The subprocess must import this checkout's lexcheck, whatever the working directory.
SRC = str(Path(lexcheck.__file__).resolve().parent.parent)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run(
        [sys.executable, "-m", "lexcheck", "review", *args],
        capture_output=True,
        cwd=cwd,
        check=False,
        env=env,
    )


@pytest.fixture()
def act(tmp_path: Path) -> Path:
    path = tmp_path / "act.txt"
    path.write_text(ACT, encoding="utf-8")
    return path


def test_json_to_stdout_follows_the_contract(act: Path, tmp_path: Path) -> None:
    proc = run(str(act), "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"lexcheck_version", "documents", "findings", "summary"}
    assert set(data["documents"][0]) == {"path", "title", "sha256", "provisions"}
    by_check = {f["check"]: f for f in data["findings"]}
    assert by_check["jj.child_definition"]["values"] == {"upper_age": 16}
    assert by_check["jj.macr"]["values"] == {"minimum_age": 10}
    assert by_check["jj.first_appearance"]["status"] == "partially_compliant"
    assert by_check["jj.first_appearance"]["values"] == {"max_hours": 48}
    assert by_check["jj.parental_notification"]["status"] == "compliant"
    finding = by_check["jj.macr"]
    assert {
        "check",
        "requirements",
        "status",
        "values",
        "evidence",
        "citations",
        "explanation",
        "severity",
        "confidence",
        "conflicts",
    } <= set(finding)
    ev = finding["evidence"][0]
    assert {"document", "provision", "eid", "quote", "start", "end", "line"} <= set(ev)
    assert sum(data["summary"].values()) == len(data["findings"])
    assert proc.stderr == b""


def test_output_file_format_from_extension_and_identical_bytes(act: Path, tmp_path: Path) -> None:
    out1, out2 = tmp_path / "r1.txt", tmp_path / "r2.txt"
    assert run(str(act), "-o", str(out1), cwd=tmp_path).returncode == 0
    assert run(str(act), "-o", str(out2), cwd=tmp_path).returncode == 0
    text = out1.read_text(encoding="utf-8")
    assert "jj.macr" in text and "non_compliant" in text
    assert "not addressed" in text.splitlines()[-1]  # the summary table's totals line
    assert out1.read_bytes() == out2.read_bytes()


def test_framework_of_two_files(act: Path, tmp_path: Path) -> None:
    code = tmp_path / "penal.txt"
    code.write_text("1. Murder\nAny person who commits murder shall be sentenced to death.\n")
    proc = run(str(act), str(code), "--format", "json", cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert [d["path"] for d in data["documents"]] == [str(act), str(code)]
    death = {f["check"]: f for f in data["findings"]}["jj.death_penalty"]
    assert death["status"] == "non_compliant"
    assert death["evidence"][0]["document"] == str(code)


def test_missing_file_is_one_line_exit_2(tmp_path: Path) -> None:
    proc = run(str(tmp_path / "nope.txt"), cwd=tmp_path)
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_bad_date_and_unknown_format_are_usage_errors(act: Path, tmp_path: Path) -> None:
    for args in (["--date", "yesterday"], ["--format", "pdf"], ["-o", str(tmp_path / "x.odt")]):
        proc = run(str(act), *args, cwd=tmp_path)
        assert proc.returncode == 2, args
        assert b"Traceback" not in proc.stderr
