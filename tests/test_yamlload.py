"""The fast YAML loader gives what PyYAML's safe loader gives, for our data and for YAML's
corners (tags, anchors, merge keys, errors)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lexcheck.resources import data_dir
from lexcheck.yamlload import load_yaml

SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _safe(text: str) -> object:
    return yaml.load(text, Loader=SAFE)


def _data_files() -> list[Path]:
    files: list[Path] = []
    for name in ("rules", "standards"):
        files += sorted(data_dir(name).rglob("*.yaml"))
    return files


def test_every_rule_and_standards_file_loads_the_same() -> None:
    files = _data_files()
    assert len(files) > 60
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert load_yaml(text) == _safe(text), path


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n",
        "a: 1\nb: true\nc: null\nd: 2024-01-02\ne: 1.5\nf: '1'\ng: [1, x, {h: ~}]\nplain: yes\n",
        "base: &b {x: 1, y: [1, 2]}\nother:\n  <<: *b\n  y: 3\nref: *b\n",
        "x: !!set {a, b}\ny: !!omap [{a: 1}]\nz: !!binary aGVsbG8=\nw: !!str 12\n",
        "- &a x\n- *a\n- |\n  block\n  text\n- >-\n  folded\n  text\n",
        "dup: 1\ndup: 2\n",
    ],
)
def test_same_values_as_the_safe_loader(text: str) -> None:
    assert repr(load_yaml(text)) == repr(_safe(text))


def test_an_alias_is_the_same_object_and_may_be_recursive() -> None:
    data = load_yaml("base: &b {x: 1}\nref: *b\nloop: &l [1, *l]\n")
    assert data["ref"] is data["base"]
    assert data["loop"][1] is data["loop"]


@pytest.mark.parametrize(
    "text",
    ["? [1, 2]\n: x\n", "a: 1\n---\nb: 2\n", "a: b: c\n", "a: [1, 2\n", "a: *nowhere\n"],
)
def test_same_errors_as_the_safe_loader(text: str) -> None:
    with pytest.raises(yaml.YAMLError) as expected:
        _safe(text)
    with pytest.raises(type(expected.value)) as got:
        load_yaml(text)
    assert str(got.value) == str(expected.value)
