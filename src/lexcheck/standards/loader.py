"""Load and index ``standards/*.yaml`` (instruments) and ``standards/requirements/*.yaml``.

Official texts a user attached (``lexcheck standards attach``) are overlaid from the user's data
directory, so reports quote them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from lexcheck.errors import DataError, yaml_error_position
from lexcheck.resources import data_dir
from lexcheck.standards.schema import (
    AttachedText,
    Instrument,
    InstrumentFile,
    Requirement,
    RequirementsFile,
    StandardProvision,
)
from lexcheck.standards.userdata import attached_dir
from lexcheck.yamlload import load_yaml


@dataclass
class Standards:
    instruments: dict[str, Instrument] = field(default_factory=dict)
    provisions: dict[str, StandardProvision] = field(default_factory=dict)
    requirements: dict[str, Requirement] = field(default_factory=dict)
    # Which instrument each provision belongs to, and the files everything came from.
    provision_instrument: dict[str, str] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)  # instrument or requirement id -> file
    attached: dict[str, str] = field(default_factory=dict)  # instrument id -> attached file name

    def citations(self, requirement_ids: list[str]) -> list[str]:
        """Pinpoint citations of every provision behind these requirements, in order, once.

        A provision whose number could not be confirmed is cited with "(unverified)".
        """
        out: list[str] = []
        for rid in requirement_ids:
            req = self.requirements.get(rid)
            for pid in req.derived_from if req else []:
                prov = self.provisions.get(pid)
                if prov is None:
                    continue
                cite = prov.citation if prov.verified else f"{prov.citation} (unverified)"
                if cite not in out:
                    out.append(cite)
        return out

    def children(self, provision_id: str) -> list[StandardProvision]:
        """Direct sub-provisions, in document order."""
        return [p for p in self.provisions.values() if p.parent == provision_id]

    def full_text(self, provision_id: str) -> str:
        """The provision's official text with that of all its sub-provisions, one per line.

        Labels the source does not print (an unlettered item given a probable letter) are shown
        in [square brackets], and text that breaks off in the source ends with "[...]".
        """
        prov = self.provisions[provision_id]
        lines = []
        if prov.text:
            lines.append(prov.text if prov.text_complete else f"{prov.text} [...]")
        for child in self.children(provision_id):
            label = _label(child) if child.verified else f"[{_label(child)}]"
            sub = self.full_text(child.id)
            lines.append(f"{label} {sub}".strip())
        return "\n".join(lines)

    def requirements_citing(self, provision_id: str) -> list[Requirement]:
        """Requirements derived from this provision."""
        return [r for r in self.requirements.values() if provision_id in r.derived_from]


def _label(prov: StandardProvision) -> str:
    """How a sub-provision is labelled in print: "(b)", "2.", "13.1"."""
    if prov.kind in ("subparagraph", "item"):
        return f"({prov.number[-1]})"
    if prov.kind == "rule":
        return ".".join(prov.number)
    return f"{prov.number[-1]}."


def _read_yaml(path: Path) -> object:
    try:
        # The ~850 provisions are read on every review (cold start): the fast loader.
        return load_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: invalid YAML{yaml_error_position(exc)}") from exc


def _first_error(path: Path, exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(part) for part in err["loc"])
    return f"{path}: {err['msg']} at {where}"


def _duplicate(path: Path, kind: str, ident: str, first: Path) -> DataError:
    return DataError(f"{path}: duplicate {kind} id {ident!r} (first defined in {first.name})")


def _number_key(number: list[str]) -> list[tuple[int, str]]:
    """Document order of number paths: 2 before 10, "6" before "6.a"."""
    return [(int(n), "") if n.isdigit() else (0, n) for n in number]


def _overlay(std: Standards, folder: Path) -> None:
    """Replace bundled texts with the official texts the user attached.

    Provisions the encoding lacks (the Model Strategies and ECOSOC 2005/20 paragraphs, which
    the bundle has no text of) are added from the attached text with their printed numbers.
    """
    if not folder.is_dir():
        return
    from lexcheck.standards.instruments import INSTRUMENT_SPECS, citation_for, provision_id

    for path in sorted(folder.glob("*.yaml")):
        try:
            att = AttachedText.model_validate(_read_yaml(path))
        except ValidationError as exc:
            raise DataError(_first_error(path, exc)) from exc
        if att.instrument not in std.instruments or att.instrument not in INSTRUMENT_SPECS:
            continue
        std.attached[att.instrument] = att.source
        update = {
            "text_status": "official",
            "text_complete": True,
            "text_source": f"attached by the user from {att.source}",
        }
        confirmed = set(att.confirmed)
        order = sorted(att.texts, key=lambda p: _number_key(att.numbers.get(p, [p])))
        for pid in order:
            text = att.texts[pid]
            prov = std.provisions.get(pid)
            if prov is not None:
                verified = prov.verified or pid in confirmed
                std.provisions[pid] = prov.model_copy(
                    update={**update, "text": text, "verified": verified}
                )
                continue
            number = att.numbers.get(pid)
            if not number:
                continue
            parent = provision_id(att.instrument, number[:-1]) if len(number) > 1 else None
            std.provisions[pid] = StandardProvision(
                id=pid,
                citation=citation_for(att.instrument, number),
                number=number,
                parent=parent if parent in std.provisions else None,
                kind="subparagraph" if len(number) > 1 else "paragraph",
                text=text,
                verified=pid in confirmed,
                **update,
            )
            std.provision_instrument[pid] = att.instrument


@cache
def _load(base: Path, overlay_from: Path | None) -> Standards:
    std = Standards()
    seen: dict[str, Path] = {}
    for path in sorted(base.glob("*.yaml")):
        try:
            data = InstrumentFile.model_validate(_read_yaml(path))
        except ValidationError as exc:
            raise DataError(_first_error(path, exc)) from exc
        inst = data.instrument
        if inst.id in std.instruments:
            raise _duplicate(path, "instrument", inst.id, std.files[inst.id])
        std.instruments[inst.id] = inst
        std.files[inst.id] = path
        for prov in data.provisions:
            if prov.id in std.provisions:
                raise _duplicate(path, "provision", prov.id, seen[prov.id])
            std.provisions[prov.id] = prov
            std.provision_instrument[prov.id] = inst.id
            seen[prov.id] = path
    for path in sorted((base / "requirements").glob("*.yaml")):
        try:
            reqs = RequirementsFile.model_validate(_read_yaml(path))
        except ValidationError as exc:
            raise DataError(_first_error(path, exc)) from exc
        for req in reqs.requirements:
            if req.id in std.requirements:
                raise _duplicate(path, "requirement", req.id, std.files[req.id])
            std.requirements[req.id] = req
            std.files[req.id] = path
    if overlay_from is not None:
        _overlay(std, overlay_from)
    return std


def clear_cache() -> None:
    """Forget loaded standards (after a user attaches a text in the same process)."""
    _load.cache_clear()


def load_standards(root: Path | None = None, *, attached: bool = True) -> Standards:
    """Read every instrument and requirement file; raise DataError on the first invalid one.

    With ``attached`` (the default) official texts the user attached are overlaid.
    """
    base = (root or data_dir("standards")).resolve()
    return _load(base, attached_dir() if attached else None)
