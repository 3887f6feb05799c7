"""examples/ci, docs/ci.md and .pre-commit-hooks.yaml: what a new user copies must work."""

from __future__ import annotations

import re
import shlex
from datetime import date
from pathlib import Path

import yaml

from lexcheck.gate import load_config

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ci"
DOC = ROOT / "docs" / "ci.md"


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_example_config_is_valid_with_one_justified_reservation() -> None:
    cfg = load_config(EXAMPLE / "lexcheck.toml")
    assert cfg.fail_on == "partially_compliant"
    assert len(cfg.reservations) == 1
    reservation = cfg.reservations[0]
    assert reservation.check == "jj.separation_adults"
    assert "37(c)" in reservation.justification
    assert reservation.expires is not None and reservation.expires > date(2026, 1, 1)


def test_example_bill_has_the_gaps_its_readme_lists() -> None:
    bill = (EXAMPLE / "child_justice_bill.md").read_text(encoding="utf-8")
    readme = (EXAMPLE / "README.md").read_text(encoding="utf-8")
    for phrase in (
        "under the age of twelve years",
        "shall inform the parent or guardian of the child of the arrest",
        "within forty-eight hours",
        "legal practitioner of the child's choice",
        "measure of last resort",
        "kept separately from adults",
        "no separate facility for children is available",
        "held in camera",
        "No child shall be sentenced to corporal punishment",
    ):
        assert phrase in bill, phrase
    assert "divert" not in bill.lower()  # jj.diversion: silent, as the README says
    for section in re.findall(r"\| section (\d+)\(", readme):
        assert re.search(rf"^{section}\. ", bill, flags=re.M), section


def test_pre_commit_hook() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "lexcheck-check")
    assert hook["entry"] == "lexcheck check" and hook["language"] == "python"
    pattern = re.compile(hook["files"])
    assert all(pattern.search(f) for f in ("bills/a.md", "b.txt", "c.docx"))
    assert not pattern.search("setup.py")


def test_documented_workflow_is_valid_yaml_that_uploads_sarif() -> None:
    workflow = yaml.safe_load(_blocks("yaml")[0])
    steps = workflow["jobs"]["bill"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert any("--format github" in r for r in runs)
    assert any("-o lexcheck.sarif" in r for r in runs)
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == "lexcheck.sarif" and upload["if"] == "always()"
    assert workflow["permissions"]["security-events"] == "write"


def test_documented_commands_name_files_that_exist() -> None:
    commands = [
        line
        for block in _blocks("sh")
        for line in block.splitlines()
        if line.startswith("lexcheck check examples/")
    ]
    assert commands
    for line in commands:
        for word in shlex.split(line.split("#")[0]):
            if word.startswith("examples/") and not word.endswith(".sarif"):
                assert (ROOT / word).exists() or word.endswith("baseline.json"), word


def test_every_config_key_in_the_docs_is_accepted(tmp_path: Path) -> None:
    block = next(b for b in _blocks("toml") if "[[reservations]]" in b)
    path = tmp_path / "lexcheck.toml"
    path.write_text(block, encoding="utf-8")
    cfg = load_config(path)
    assert cfg.instruments == ["crc", "beijing", "gc24"] and cfg.baseline == "ci/baseline.json"


def test_every_yaml_block_in_the_docs_parses() -> None:
    blocks = [yaml.safe_load(b) for b in _blocks("yaml")]
    assert len(blocks) == 3
    hooks = [h for b in blocks[1:] for repo in b["repos"] for h in repo["hooks"]]
    assert {h["id"] for h in hooks} == {"lexcheck-check"}
    local = next(h for h in hooks if h.get("language") == "system")
    assert re.search(local["files"], "bills/child_justice_bill.md")
    assert not re.search(local["files"], "README.md")
