"""Locate the data folders (standards/, rules/, templates/) installed or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """Return the folder ``name`` ("standards", "rules" or "templates").

    A wheel carries them as ``lexcheck/_data/<name>``; a source checkout (and an editable
    install) keeps them at the repository's top level, two levels above this package.
    """
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"lexcheck data folder {name!r} not found")
