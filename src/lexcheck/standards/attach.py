"""Align a user's official text of an instrument to the encoding by numbering, and store it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lexcheck.errors import InputError, UsageError
from lexcheck.output import write_atomic
from lexcheck.standards.instruments import INSTRUMENT_SPECS, provision_id
from lexcheck.standards.loader import Standards, clear_cache
from lexcheck.standards.numbering import split_units
from lexcheck.standards.schema import STRUCTURAL_KINDS, AttachedText
from lexcheck.standards.userdata import attached_dir


@dataclass
class Alignment:
    """The outcome of aligning a user's text to the encoding."""

    instrument: str
    texts: dict[str, str] = field(default_factory=dict)  # provision id -> user's official text
    numbers: dict[str, list[str]] = field(default_factory=dict)  # provision id -> number path
    confirmed: list[str] = field(default_factory=list)  # ids whose number the text prints
    missing: list[str] = field(default_factory=list)  # encoded, but not found in the user's text
    extra: list[str] = field(default_factory=list)  # in the user's text, not in the encoding
    duplicates: list[str] = field(default_factory=list)  # numbered twice in the user's text

    @property
    def matched(self) -> list[str]:
        """Provision ids found in both the user's text and the encoding."""
        return [pid for pid in self.texts if pid not in self.extra]


def _encoded_ids(std: Standards, instrument: str) -> list[str]:
    """Provision ids of the instrument that a numbered official text can supply."""
    return [
        pid
        for pid, inst in std.provision_instrument.items()
        if inst == instrument
        and std.provisions[pid].kind not in STRUCTURAL_KINDS
        and std.provisions[pid].kind != "strategy"
        and not pid.split(".", 1)[1].startswith(("introduction", "definitions", "guiding"))
    ]


def align(std: Standards, instrument: str, text: str) -> Alignment:
    """Split ``text`` by the instrument's numbering and compare it with the encoding."""
    spec = INSTRUMENT_SPECS.get(instrument)
    if spec is None or instrument not in std.instruments:
        known = ", ".join(sorted(INSTRUMENT_SPECS))
        raise UsageError(f"unknown instrument {instrument!r} (one of: {known})")
    result = Alignment(instrument)
    present: list[str] = []
    for unit in split_units(text, spec.style):
        pid = provision_id(instrument, unit.path)
        if pid in present:
            result.duplicates.append(pid)
            continue
        present.append(pid)
        result.numbers[pid] = list(unit.path)
        if unit.verified:
            result.confirmed.append(pid)
        if unit.lines:
            # A user's copy (often from PDF) wraps lines inside a provision: rejoin them.
            result.texts[pid] = " ".join(line for line in unit.lines if line)
    found = set(present)
    encoded = _encoded_ids(std, instrument)
    # A container printed without text of its own (e.g. "Article 40") is present when any of
    # its parts is.
    result.missing = [
        pid
        for pid in encoded
        if pid not in found and not any(p.startswith(pid + ".") for p in found)
    ]
    result.extra = [pid for pid in present if pid not in std.provisions]
    return result


def attach(
    std: Standards, instrument: str, path: Path, *, dry_run: bool = False
) -> tuple[Alignment, Path]:
    """Read ``path`` (txt, docx, pdf...), align it and store the texts in the user's data folder."""
    from lexcheck.ingest import read  # the reader set lives with ingest

    source = read(path)
    result = align(std, instrument, source.text)
    if not result.matched:
        raise InputError(
            str(path), f"no numbered provisions of {instrument} found (is it the right instrument?)"
        )
    target = attached_dir() / f"{instrument}.yaml"
    if not dry_run:
        record = AttachedText(
            instrument=instrument,
            source=Path(path).name,
            sha256=hashlib.sha256(Path(path).read_bytes()).hexdigest(),
            texts={pid: t for pid, t in sorted(result.texts.items()) if t},
            numbers={pid: result.numbers[pid] for pid in sorted(result.texts)},
            confirmed=sorted(result.confirmed),
        )
        body = yaml.safe_dump(record.model_dump(), sort_keys=False, allow_unicode=True, width=100)
        write_atomic(target, body.encode("utf-8"))
        clear_cache()
    return result, target
