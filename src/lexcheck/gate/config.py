"""``lexcheck.toml`` / ``[tool.lexcheck]``: find, read and validate the CI gate's configuration."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lexcheck.errors import DataError, UsageError
from lexcheck.models import Reservation, Severity

CONFIG_NAME = "lexcheck.toml"
PYPROJECT = "pyproject.toml"

FailOn = Literal["non_compliant", "partially_compliant", "not_addressed"]


class GateConfig(BaseModel):
    """The keys a project may set. Unknown keys are an error: a typo must not pass silently."""

    model_config = ConfigDict(extra="forbid")

    fail_on: FailOn = "non_compliant"
    # Check ids or globs ("jj.*"): a check is reviewed when it matches select and not ignore.
    select: list[str] = Field(default_factory=lambda: ["*"])
    ignore: list[str] = Field(default_factory=list)
    # Instrument ids ("crc", "beijing", "model_strategies", ...); None means all of them.
    instruments: list[str] | None = None
    # Per-check severity (check id or glob -> high|medium|low), overriding the rules' own.
    severity: dict[str, Severity] = Field(default_factory=dict)
    # The jurisdiction's own terms, e.g. {"child" = ["juvenile", "young person"]}; handed to the
    # review engine so it recognises the statute's vocabulary.
    terms: dict[str, list[str]] = Field(default_factory=dict)
    # An earlier JSON review to ratchet against, relative to the configuration file.
    baseline: str | None = None
    reservations: list[Reservation] = Field(default_factory=list)

    # Where the configuration was read from (not a key users write).
    source: str | None = Field(default=None, exclude=True)

    def baseline_path(self) -> Path | None:
        """The configured baseline, resolved against the configuration file's folder."""
        if self.baseline is None:
            return None
        base = Path(self.source).parent if self.source else Path.cwd()
        return base / self.baseline


def _describe(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(part) for part in err["loc"]) or "(top level)"
    if err["type"] == "extra_forbidden":
        return f"unknown key {where!r}"
    return f"{err['msg']} at {where}"


def _read_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read configuration ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{path}: invalid TOML: {exc}") from exc


def _table(path: Path, data: dict[str, object]) -> dict[str, object] | None:
    """The lexcheck table of a parsed file: the whole file, or pyproject's [tool.lexcheck]."""
    if path.name != PYPROJECT:
        return data
    tool = data.get("tool")
    if not isinstance(tool, dict):
        return None
    table = tool.get("lexcheck")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise DataError(f"{path}: [tool.lexcheck] must be a table")
    return table


def load_config(path: str | Path) -> GateConfig:
    """Read and validate one configuration file (lexcheck.toml or a pyproject.toml).

    Raises UsageError when the file cannot be read and DataError (exit 3) when it is invalid.
    """
    p = Path(path)
    if not p.is_file():
        raise UsageError(f"{p}: configuration file not found")
    table = _table(p, _read_toml(p))
    if table is None:
        raise DataError(f"{p}: no [tool.lexcheck] table")
    try:
        config = GateConfig.model_validate(table)
    except ValidationError as exc:
        raise DataError(f"{p}: {_describe(exc)}") from exc
    config.source = str(p)
    return config


def _is_root(folder: Path) -> bool:
    """A repository root ends the walk, so a stray file above the project is never picked up."""
    return (folder / ".git").exists() or folder.parent == folder


def find_config(start: str | Path) -> Path | None:
    """The configuration for a reviewed file: walk up from its folder to the repository root.

    In each folder ``lexcheck.toml`` wins over a ``pyproject.toml`` with a ``[tool.lexcheck]``
    table; a pyproject without that table is passed over.
    """
    here = Path(start).resolve()
    folder = here if here.is_dir() else here.parent
    while True:
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _table(pyproject, _read_toml(pyproject)) is not None:
            return pyproject
        if _is_root(folder):
            return None
        folder = folder.parent


def resolve_config(files: list[str], explicit: str | None) -> GateConfig:
    """The configuration for this run: ``--config``, else the one found from the files, else
    the defaults. Files governed by different configurations need an explicit ``--config``."""
    if explicit:
        return load_config(explicit)
    found = {find_config(f) for f in files}
    if len(found) > 1:
        names = ", ".join(sorted(str(p) if p else "(none)" for p in found))
        raise UsageError(f"the files fall under different configurations ({names}); use --config")
    path = found.pop() if found else None
    return load_config(path) if path else GateConfig()
