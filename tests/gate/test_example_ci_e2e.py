"""End to end with the real review engine: docs/ci.md copy-pasted on examples/ci, as a new
user would run it (the `lexcheck` command in a shell, from the repository root)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ci"
DOC = ROOT / "docs" / "ci.md"
SCHEMA = ROOT / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
WHIPPING = (
    "\n12. Discipline\n\n(1) A child who is found guilty of an offence may be sentenced to be"
    " whipped with a light cane.\n"
)


def _shell(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in bash with ``lexcheck`` meaning this checkout's lexcheck."""
    prelude = f'lexcheck() {{ "{sys.executable}" -m lexcheck "$@"; }}\nexport -f lexcheck\n'
    src = str(ROOT / "src")
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run(
        ["bash", "-c", prelude + script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def _lexcheck(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return _shell(" ".join(f"'{a}'" for a in ("lexcheck", *args)), cwd)


def _try_it_blocks() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Try it on the example", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)```", section, flags=re.S)


def test_docs_try_it_section_works_copy_pasted(tmp_path: Path) -> None:
    blocks = _try_it_blocks()
    assert len(blocks) == 2
    script = "\n".join(blocks).replace("/tmp/", f"{tmp_path}/")
    expected = [int(n) for n in re.findall(r"^echo \$\?\s+# (\d)", script, flags=re.M)]
    script = re.sub(r"^echo \$\?.*$", 'echo "rc=$?"', script, flags=re.M)
    proc = _shell(script, ROOT)
    codes = [int(n) for n in re.findall(r"^rc=(\d+)$", proc.stdout, flags=re.M)]
    assert codes == expected == [0, 1], (
        proc.stdout
        + proc.stderr
        + (
            "\n(if the first code is 1, the committed baseline is stale:"
            " run examples/ci/make_baseline.sh)"
        )
    )
    failing = [line for line in proc.stdout.splitlines() if "[FAILS]" in line]
    assert len(failing) == 1 and " jj.corporal_punishment " in failing[0]
    assert "reserved until 2028-12-31" in proc.stdout


def test_committed_baseline_is_a_review_of_the_committed_bill() -> None:
    baseline = json.loads((EXAMPLE / "baseline.json").read_text(encoding="utf-8"))
    bill = (EXAMPLE / "child_justice_bill.md").read_bytes()
    [document] = baseline["documents"]
    assert document["sha256"] == hashlib.sha256(bill).hexdigest(), (
        "examples/ci/baseline.json was made from another version of the bill:"
        " run examples/ci/make_baseline.sh"
    )


def test_baseline_made_from_scratch_then_a_regression(tmp_path: Path) -> None:
    work = tmp_path / "ci"
    shutil.copytree(EXAMPLE, work)
    (work / "baseline.json").unlink()
    made = _shell("bash make_baseline.sh", work)
    assert made.returncode == 0, made.stderr
    assert "wrote" in made.stdout
    ok = _lexcheck("check", "child_justice_bill.md", "--baseline", "baseline.json", cwd=work)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.splitlines()[-1].startswith("lexcheck: passed")
    with (work / "child_justice_bill.md").open("a", encoding="utf-8") as handle:
        handle.write(WHIPPING)
    bad = _lexcheck("check", "child_justice_bill.md", "--baseline", "baseline.json", cwd=work)
    assert bad.returncode == 1
    assert re.search(
        r"child_justice_bill\.md:\d+: non_compliant jj\.corporal_punishment", bad.stdout
    )
    diff = _lexcheck(
        "diff",
        str(EXAMPLE / "child_justice_bill.md"),
        "child_justice_bill.md",
        "--format",
        "json",
        cwd=work,
    )
    assert diff.returncode == 0, diff.stderr
    data = json.loads(diff.stdout)
    moved = {e["check"]: e for e in data["opened"] + data["changed"]}
    assert moved["jj.corporal_punishment"]["new_status"] == "non_compliant"


def test_example_sarif_and_junit_from_the_real_engine(tmp_path: Path) -> None:
    sarif_path, junit_path = tmp_path / "lexcheck.sarif", tmp_path / "junit.xml"
    bill = "examples/ci/child_justice_bill.md"
    for out in (sarif_path, junit_path):
        proc = _lexcheck("check", bill, "-o", str(out))
        assert proc.returncode == 1  # gaps at partially_compliant, no baseline given
        assert proc.stdout == "" and "lexcheck: failed" in proc.stderr
    log = json.loads(sarif_path.read_text(encoding="utf-8"))
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    results = log["runs"][0]["results"]
    reserved = [r for r in results if r.get("suppressions")]
    assert [r["ruleId"] for r in reserved] == ["jj.separation_adults"]
    assert all(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == bill for r in results
    )
    suite = ET.parse(junit_path).getroot().find("testsuite")
    assert suite is not None and int(suite.get("tests", "0")) >= 12  # every core check
    assert suite.get("skipped") == "1"
