"""`lexcheck standards ...` end to end, in a subprocess as a user runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from lexcheck.resources import data_dir


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lexcheck", "standards", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_list_filters_by_instrument_and_topic() -> None:
    proc = run("list", "--instrument", "havana", "--topic", "restraint")
    assert proc.returncode == 0, proc.stderr
    ids = [line.split()[0] for line in proc.stdout.splitlines()]
    assert ids == ["jj.restraint_and_force"]
    everything = run("list").stdout.splitlines()
    assert len(everything) > 60
    assert any(line.startswith("jj.macr ") and "automated" in line for line in everything)


def test_list_provisions_of_an_instrument_flags_unverified() -> None:
    proc = run("list", "--instrument", "model_strategies", "--provisions")
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert any(line.startswith("ms.para44 ") and "[unverified]" not in line for line in lines)
    assert any(line.startswith("ms.strategy13 ") and "[unverified]" in line for line in lines)


def test_unknown_instrument_is_a_usage_error() -> None:
    proc = run("list", "--instrument", "nonsuch")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "unknown instrument 'nonsuch'" in proc.stderr


def test_show_requirement_quotes_provisions_with_citations() -> None:
    proc = run("show", "jj.detention_last_resort")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("jj.detention_last_resort: ")
    assert "== CRC art. 37(b)  [crc.art37.b]" in out
    assert "shall be used only as a measure of last resort and for the shortest appropriate" in out
    assert "== Model Strategies, strategy XII [number unverified]" in out
    assert "[summary in our words; no official text bundled]" in out


def test_show_provision_with_commentary_and_parts() -> None:
    proc = run("show", "beijing.r17")
    assert proc.returncode == 0
    assert "Beijing Rules 17 (Guiding principles in adjudication and disposition)" in proc.stdout
    assert "17.2 Capital punishment shall not be imposed" in proc.stdout
    assert "Commentary:" in proc.stdout
    assert "requirements:" not in run("show", "crc.art53").stdout


def test_show_unknown_id_suggests() -> None:
    proc = run("show", "jj.macrr")
    assert proc.returncode == 2
    assert "jj.macr" in proc.stderr and "Traceback" not in proc.stderr


def test_search_ranks_the_requirement_first_and_is_deterministic() -> None:
    first = run("search", "solitary", "confinement")
    assert first.returncode == 0
    lines = first.stdout.splitlines()
    assert lines[0].split()[1] == "jj.solitary_confinement"
    assert any("havana.r67" in line for line in lines)
    assert run("search", "solitary", "confinement").stdout == first.stdout
    typo = run("search", "detension", "pretrial", "review", "-n", "3").stdout.splitlines()
    assert typo[0].split()[1] == "jj.pretrial_review"


def test_validate_bundled_standards(tmp_path: Path) -> None:
    # An empty rules folder: every automated requirement lacks its check, which validate reports.
    proc = run("validate", "--rules", str(tmp_path))
    assert proc.returncode == 3
    assert all("not found in rules/" in line for line in proc.stdout.splitlines())
    # With a rules folder holding every check id, the encoding validates.
    ids = [
        r["id"]
        for f in sorted((data_dir("standards") / "requirements").glob("*.yaml"))
        for r in yaml.safe_load(f.read_text(encoding="utf-8"))["requirements"]
        if r["check"] != "manual"
    ]
    (tmp_path / "all.yaml").write_text(yaml.safe_dump({"checks": [{"id": i} for i in ids]}))
    proc = run("validate", "--rules", str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("standards valid: 9 instruments")


def test_validate_broken_standards_dir_exits_3_with_one_line(tmp_path: Path) -> None:
    root = tmp_path / "standards"
    shutil.copytree(data_dir("standards"), root)
    path = root / "requirements" / "core.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("theme: minimum_age", "theme: age", 1))
    proc = run("validate", "--root", str(root), "--rules", str(tmp_path))
    assert proc.returncode == 3
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("lexcheck: error: standards invalid:")
    assert "core.yaml" in proc.stderr and "Traceback" not in proc.stderr


def test_coverage_json_shape() -> None:
    proc = run("coverage", "--format", "json")
    assert proc.returncode == 0
    cov = json.loads(proc.stdout)
    assert {"instruments", "requirements", "automated", "manual", "core_checks_missing"} <= set(cov)
    crc = next(r for r in cov["instruments"] if r["id"] == "crc")
    for key in (
        "id",
        "short_name",
        "top_level_encoded",
        "top_level_total",
        "provisions",
        "mapped",
        "unmapped_implementable",
        "unverified",
    ):
        assert key in crc
    assert (crc["top_level_encoded"], crc["top_level_total"]) == (54, 54)
    assert cov["core_checks_missing"] == []
    assert run("coverage", "--format", "json").stdout == proc.stdout


def test_coverage_text_and_bad_format() -> None:
    text = run("coverage").stdout
    assert "CRC" in text and "54/54" in text and "30/30" in text
    assert "core checks missing: none" in text
    assert run("coverage", "--format", "xml").returncode == 2
