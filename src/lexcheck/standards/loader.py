"""Load and index ``standards/*.yaml`` (instruments) and ``standards/requirements/*.yaml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from lexcheck.errors import DataError
from lexcheck.resources import data_dir
from lexcheck.standards.schema import (
    Instrument,
    InstrumentFile,
    Requirement,
    RequirementsFile,
    StandardProvision,
)


@dataclass
class Standards:
    instruments: dict[str, Instrument] = field(default_factory=dict)
    provisions: dict[str, StandardProvision] = field(default_factory=dict)
    requirements: dict[str, Requirement] = field(default_factory=dict)

    def citations(self, requirement_ids: list[str]) -> list[str]:
        """Pinpoint citations of every provision behind these requirements, in order, once."""
        out: list[str] = []
        for rid in requirement_ids:
            req = self.requirements.get(rid)
            for pid in req.derived_from if req else []:
                prov = self.provisions.get(pid)
                if prov and prov.citation not in out:
                    out.append(prov.citation)
        return out


def _read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot read: {exc}") from exc


def _first_error(path: Path, exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(part) for part in err["loc"])
    return f"{path}: {err['msg']} at {where}"


@cache
def load_standards(root: Path | None = None) -> Standards:
    """Read every instrument and requirement file; raise DataError on the first invalid one."""
    base = root or data_dir("standards")
    std = Standards()
    for path in sorted(base.glob("*.yaml")):
        try:
            data = InstrumentFile.model_validate(_read_yaml(path))
        except ValidationError as exc:
            raise DataError(_first_error(path, exc)) from exc
        std.instruments[data.instrument.id] = data.instrument
        for prov in data.provisions:
            std.provisions[prov.id] = prov
    for path in sorted((base / "requirements").glob("*.yaml")):
        try:
            reqs = RequirementsFile.model_validate(_read_yaml(path))
        except ValidationError as exc:
            raise DataError(_first_error(path, exc)) from exc
        for req in reqs.requirements:
            std.requirements[req.id] = req
    return std
