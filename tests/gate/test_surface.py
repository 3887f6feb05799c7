"""The gate's public surface is what it means to be, and every module says what it is for."""

from __future__ import annotations

import ast
from pathlib import Path

import lexcheck.gate

SRC = Path(lexcheck.gate.__file__).resolve().parents[1]
MINE = [
    *sorted((SRC / "gate").glob("*.py")),
    SRC / "cli" / "check.py",
    SRC / "cli" / "diff.py",
    SRC / "report" / "sarif.py",
    SRC / "report" / "junit.py",
    SRC / "report" / "github.py",
]


def test_public_surface() -> None:
    assert sorted(lexcheck.gate.__all__) == [
        "FAIL_ON_CHOICES",
        "GateConfig",
        "GateOutcome",
        "ReviewDiff",
        "apply_selection",
        "at_or_beyond",
        "compare",
        "evaluate",
        "find_config",
        "fingerprint",
        "load_baseline",
        "load_config",
        "occurrences",
        "render_diff",
    ]
    for name in lexcheck.gate.__all__:
        assert getattr(lexcheck.gate, name) is not None


def test_every_module_has_a_docstring_and_renderers_the_contract() -> None:
    for path in MINE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        doc = ast.get_docstring(tree)
        assert doc and doc.strip(), path
        if path.parent.name == "report":
            render = next(
                n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "render"
            )
            assert [a.arg for a in render.args.args] == ["review", "options"], path
