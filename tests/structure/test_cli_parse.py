"""`lexcheck parse`: the JSON contract, the tree view, determinism and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MALAWI = FIXTURES / "statutes" / "mw_child_care_protection_justice_act_2010.txt"
PROVISION_KEYS = ["kind", "number", "label", "eid", "heading", "text", "start", "end", "line"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lexcheck", "parse", *args],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )


def test_json_shape_is_the_contract() -> None:
    proc = run(str(MALAWI), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert list(data) == ["document", "provisions"]
    assert list(data["document"]) == ["path", "title", "language", "sha256"]
    assert data["document"]["title"] == "Child Care, Protection and Justice Act"
    assert data["document"]["language"] == "en"
    source = MALAWI.read_text("utf-8")

    def check(nodes: list[dict[str, object]]) -> None:
        for node in nodes:
            keys = list(node)
            assert keys[: len(PROVISION_KEYS)] == PROVISION_KEYS
            assert keys[len(PROVISION_KEYS)] == "children"
            assert keys[len(PROVISION_KEYS) + 1 :] == (
                ["terms"] if node["kind"] == "definition" else []
            )
            assert node["text"] == source[node["start"] : node["end"]]  # type: ignore[misc]
            check(node["children"])  # type: ignore[arg-type]

    check(data["provisions"])
    part1 = data["provisions"][0]
    assert (part1["kind"], part1["label"], part1["eid"], part1["line"]) == (
        "part",
        "Part I",
        "part_I",
        11,
    )


def test_output_is_deterministic() -> None:
    first = run(str(MALAWI), "-f", "json")
    second = run(str(MALAWI), "-f", "json")
    assert first.returncode == 0
    assert first.stdout == second.stdout


def test_tree_view_shows_kinds_labels_and_headings() -> None:
    proc = run(str(FIXTURES / "structure" / "commonwealth_dot_heading_beside.txt"))
    assert proc.returncode == 0, proc.stderr
    assert "section 3(3)(b)" in proc.stdout
    assert "Minimum age of criminal responsibility" in proc.stdout
    assert 'section 2("child")' in proc.stdout


def test_missing_file_is_one_line_exit_2(tmp_path: Path) -> None:
    proc = run(str(tmp_path / "nope.txt"))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "nope.txt" in proc.stderr


def test_size_limit(tmp_path: Path) -> None:
    proc = run(str(MALAWI), "--max-size", "1000")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n \n", "utf-8")
    proc = run(str(empty))
    assert proc.returncode == 2
    assert "empty.txt" in proc.stderr
