"""Generate ``standards/<instrument>.yaml`` from the official texts in ``standards/sources/``.

Official wording is copied verbatim from the source files (one numbered provision per line), so
the encoding never holds remembered text. Run from the repository root:

    python scripts/build_standards.py            # write the YAML files
    python scripts/build_standards.py --check    # exit 1 if any generated file is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from lexcheck.standards.instruments import (  # noqa: E402
    INSTRUMENT_SPECS,
    citation_for,
    provision_id,
)
from lexcheck.standards.numbering import Unit, clean_line, split_units  # noqa: E402
from lexcheck.standards.schema import (  # noqa: E402
    Instrument,
    InstrumentFile,
    StandardProvision,
    json_schemas,
)

STANDARDS = ROOT / "standards"
SOURCES = STANDARDS / "sources"

# Provisions that national law cannot implement: preambles, saving clauses, the Committee,
# reporting, signature, ratification and other final clauses. Listed by id prefix.
NOT_IMPLEMENTABLE: dict[str, list[str]] = {
    "crc": ["crc.preamble", "crc.art41"] + [f"crc.art{n}" for n in range(42, 55)],
    "opac": [
        "opac.preamble",
        "opac.art3.2",
        "opac.art3.4",
        "opac.art3.5",
        "opac.art4.3",
        "opac.art5",
        "opac.art7",
    ]
    + [f"opac.art{n}" for n in range(8, 14)],
    "opsc": ["opsc.preamble", "opsc.art11"] + [f"opsc.art{n}" for n in range(12, 18)],
    "beijing": ["beijing.r1.5", "beijing.r9"],
    "gc24": [f"gc24.para{n}" for n in (1, 2, 3, 4, 5, 6, 44, 82, 84, 97, 98, 99)],
    "havana": ["havana.r3", "havana.r5", "havana.r9", "havana.r10", "havana.r16"],
    "riyadh": ["riyadh.para7", "riyadh.para8", "riyadh.para65", "riyadh.para66"],
    "ecosoc2005": ["ecosoc2005.para1", "ecosoc2005.para2", "ecosoc2005.para3"],
}

# Notes on printing errors kept from the source edition (see standards/sources/SOURCES.md).
PRINTING_NOTES: dict[str, str] = {
    "beijing.r2.3.a": 'Printed "offencers" and "rigths" [sic]; check A/RES/40/33 before quoting.',
    "beijing.r2.3.b": 'Printed "need of society" [sic], probably "needs"; check A/RES/40/33.',
    "beijing.r10.3": 'Printed "hi m" [sic] for "him".',
    "beijing.r13.5": "Hyphens printed where the list is set off by dashes [sic].",
    "beijing.r26.2": "Hyphens for dashes and a space before the full stop [sic].",
    "beijing.r26.6": 'Printed "do no leave" [sic], evidently "do not leave".',
    "riyadh.para5.f": "Stray apostrophe in the source copy [sic]; check A/RES/45/112.",
    "riyadh.para34": "Words missing in the source copy [sic]; check A/RES/45/112 before quoting.",
    "riyadh.para38": 'Printed "less or street children" [sic]; check A/RES/45/112.',
    "riyadh.para54": 'Printed "measures at , in schools" [sic]; check A/RES/45/112.',
    "riyadh.para65": "A comma appears to be missing in the source copy [sic].",
    "riyadh.para46": "Cases (a)-(e) are printed inside the running sentence and kept so.",
    "ecosoc2005.para3.d": "The bundled source breaks off mid-sentence; the rest is not available.",
}


def _implementable(pid: str, instrument: str) -> bool:
    for prefix in NOT_IMPLEMENTABLE.get(instrument, []):
        if pid == prefix or pid.startswith(prefix + "."):
            return False
    return True


def _provisions_from_units(instrument: str, units: list[Unit]) -> list[StandardProvision]:
    out: list[StandardProvision] = []
    for unit in units:
        pid = provision_id(instrument, unit.path)
        parent = provision_id(instrument, unit.path[:-1]) if len(unit.path) > 1 else None
        text = unit.text or None
        note = PRINTING_NOTES.get(pid) or unit.note
        out.append(
            StandardProvision(
                id=pid,
                citation=citation_for(instrument, unit.path),
                number=list(unit.path),
                parent=parent,
                kind=unit.kind,  # type: ignore[arg-type]
                part=unit.part,
                heading=unit.heading,
                text=text,
                text_status="official",
                text_complete=pid != "ecosoc2005.para3.d",
                verified=unit.verified,
                implementable=_implementable(pid, instrument),
                note=note,
            )
        )
    return out


def _beijing_commentary() -> dict[str, str]:
    """Commentary paragraphs per rule, from the "Rule N (heading) - Commentary" blocks."""
    blocks: dict[str, list[str]] = {}
    current: str | None = None
    for raw in (SOURCES / "beijing_rules_commentary.txt").read_text(encoding="utf-8").splitlines():
        line = clean_line(raw)
        if line is None:
            continue
        if line.startswith("Rule ") and line.endswith(" - Commentary"):
            current = line.split()[1]
            blocks[current] = []
        elif current is not None:
            blocks[current].append(line)
    return {f"beijing.r{n}": "\n".join(lines) for n, lines in blocks.items()}


def _outline(name: str, instrument: str) -> list[StandardProvision]:
    data = yaml.safe_load((SOURCES / name).read_text(encoding="utf-8"))
    out = []
    for entry in data["provisions"]:
        entry = dict(entry)
        entry.setdefault("verified", False)
        entry["text_status"] = "summary"
        out.append(StandardProvision.model_validate(entry))
    return out


def build_instrument(instrument: str) -> InstrumentFile:
    spec = INSTRUMENT_SPECS[instrument]
    provisions: list[StandardProvision] = []
    if spec.source_file:
        text = (SOURCES / spec.source_file).read_text(encoding="utf-8")
        provisions = _provisions_from_units(instrument, split_units(text, spec.style))
    if instrument == "beijing":
        commentary = _beijing_commentary()
        provisions = [
            p.model_copy(update={"commentary": commentary.get(p.id)}) if p.parent is None else p
            for p in provisions
        ]
    if instrument == "model_strategies":
        provisions = _outline("model_strategies_outline.yaml", instrument)
    if instrument == "ecosoc2005":
        provisions += _outline("ecosoc2005_outline.yaml", instrument)
    meta: Instrument = spec.instrument
    return InstrumentFile(instrument=meta, provisions=provisions)


def render(data: InstrumentFile) -> str:
    body: dict[str, Any] = {
        "instrument": data.instrument.model_dump(exclude_defaults=True),
        "provisions": [p.model_dump(exclude_defaults=True) for p in data.provisions],
    }
    header = (
        "# yaml-language-server: $schema=schema/instrument_file.schema.json\n"
        "# GENERATED by scripts/build_standards.py from standards/sources/: do not edit.\n"
    )
    return header + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a file is out of date")
    args = parser.parse_args(argv)
    stale = []
    outputs = {
        STANDARDS / f"{spec.file_stem}.yaml": render(build_instrument(instrument))
        for instrument, spec in INSTRUMENT_SPECS.items()
    }
    outputs.update({STANDARDS / "schema" / name: text for name, text in json_schemas().items()})
    for target, content in outputs.items():
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != content:
                stale.append(target.name)
        else:
            target.write_text(content, encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
