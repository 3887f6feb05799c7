"""Check the encoding: schema, ids, references, official text against the sources, check ids."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lexcheck.errors import DataError
from lexcheck.standards.instruments import INSTRUMENT_SPECS
from lexcheck.standards.loader import Standards, load_standards
from lexcheck.standards.numbering import clean_line, normalise_ws
from lexcheck.standards.schema import STRUCTURAL_KINDS

_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
# A printed label at the start of a source line: "Article 37", "1.", "13.1", "(b)", "a.", "IV.".
_LABEL = re.compile(
    r"^(?:\(\s?[a-z]{1,4}\s?\)|[a-z]\.|\d+\s?\.\s?\d+|\d+\s?\.|[IVX]+\.|[A-Z]\.)\s+"
)
COMMENTARY_FILE = "beijing_rules_commentary.txt"


@dataclass
class ValidationReport:
    """What is wrong with the encoding; ``missing_checks`` is kept apart from other problems."""

    problems: list[str] = field(default_factory=list)
    missing_checks: list[str] = field(default_factory=list)  # requirement ids with no rule
    rule_ids: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.missing_checks

    def all_problems(self) -> list[str]:
        return self.problems + [
            f"requirement {rid}: check {rid!r} not found in rules/" for rid in self.missing_checks
        ]


def _rule_entries(rules_dir: Path | None) -> list[tuple[Path, dict[str, object]]]:
    """Every check in ``rules/*.yaml`` (a file may hold one check or a list of them)."""
    out: list[tuple[Path, dict[str, object]]] = []
    if rules_dir is None or not rules_dir.is_dir():
        return out
    for path in sorted(rules_dir.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        candidates: list[object] = []
        if isinstance(data, dict):
            candidates.append(data)
            for value in data.values():
                if isinstance(value, list):
                    candidates.extend(value)
        elif isinstance(data, list):
            candidates.extend(data)
        out += [
            (path, c) for c in candidates if isinstance(c, dict) and isinstance(c.get("id"), str)
        ]
    return out


def rule_check_ids(rules_dir: Path | None) -> set[str]:
    """The ``id:`` of every check in ``rules/*.yaml``."""
    return {str(entry["id"]) for _, entry in _rule_entries(rules_dir)}


def _check_rule_references(
    std: Standards, rules_dir: Path | None, report: ValidationReport
) -> None:
    """A check's ``requirements:`` list must name requirements that exist."""
    for path, entry in _rule_entries(rules_dir):
        refs = entry.get("requirements")
        for rid in refs if isinstance(refs, list) else []:
            if rid not in std.requirements:
                report.problems.append(
                    f"rules/{path.name}: check {entry['id']!r} names unknown requirement {rid!r}"
                )


def _source_lines(path: Path) -> set[str]:
    """Each non-editorial line of a source, with and without its printed label, normalised."""
    out: set[str] = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = clean_line(raw)
        if line is None:
            continue
        out.add(normalise_ws(line))
        stripped = _LABEL.sub("", line, count=1)
        out.add(normalise_ws(stripped))
    return out


def _check_official_text(std: Standards, sources: Path, report: ValidationReport) -> None:
    cache: dict[str, set[str]] = {}

    def lines_of(name: str) -> set[str]:
        if name not in cache:
            cache[name] = _source_lines(sources / name)
        return cache[name]

    for prov in std.provisions.values():
        inst = std.provision_instrument[prov.id]
        spec = INSTRUMENT_SPECS.get(inst)
        if prov.text is not None and prov.text_source is None:
            if spec is None or spec.source_file is None:
                report.problems.append(f"{prov.id}: official text but no bundled source exists")
                continue
            for line in prov.text.split("\n"):
                if normalise_ws(line) not in lines_of(spec.source_file):
                    report.problems.append(
                        f"{prov.id}: official text differs from standards/sources/"
                        f"{spec.source_file}: {line[:60]!r}"
                    )
                    break
        if prov.commentary:
            for line in prov.commentary.split("\n"):
                if normalise_ws(line) not in lines_of(COMMENTARY_FILE):
                    report.problems.append(
                        f"{prov.id}: commentary differs from standards/sources/{COMMENTARY_FILE}"
                    )
                    break


_STRUCTURAL_LINE = re.compile(
    r"^(?:Article \d+|PART [IVX]+|PREAMBLE|Part \w+.*|[IVX]+\. .*|[A-Z]\. .*|[A-Z ,-]+|---)$"
)


def _check_sources_encoded(std: Standards, sources: Path, report: ValidationReport) -> None:
    """Every line of official text in a source is somewhere in the encoding (nothing dropped)."""
    encoded: dict[str, set[str]] = {}
    for prov in std.provisions.values():
        bucket = encoded.setdefault(std.provision_instrument[prov.id], set())
        for text in (prov.text, prov.heading):
            if text and prov.text_source is None:
                bucket.update(normalise_ws(line) for line in text.split("\n"))
    for inst, spec in INSTRUMENT_SPECS.items():
        if spec.source_file is None or inst not in std.instruments:
            continue
        body = False
        for raw in (sources / spec.source_file).read_text(encoding="utf-8").splitlines():
            line = clean_line(raw)
            if line is None:
                continue
            if line == "---":
                break  # what follows is an editorial note
            structural = bool(_STRUCTURAL_LINE.match(line))
            numbered = bool(_LABEL.match(line))
            body = body or structural or numbered
            if not body or structural:
                continue
            bare = normalise_ws(_LABEL.sub("", line, count=1))
            if bare not in encoded.get(inst, set()) and normalise_ws(line) not in encoded.get(
                inst, set()
            ):
                report.problems.append(
                    f"standards/sources/{spec.source_file}: line not encoded: {line[:60]!r}"
                )


def validate_standards(
    root: Path | None = None,
    *,
    sources: Path | None = None,
    rules_dir: Path | None = None,
) -> ValidationReport:
    """Validate the encoding under ``root`` (default: the bundled ``standards/``)."""
    report = ValidationReport()
    try:
        std = load_standards(root, attached=False)
    except DataError as exc:
        report.problems.append(str(exc))
        return report
    base = root or next(iter(std.files.values()), Path("standards")).parent
    for prov in std.provisions.values():
        inst = std.provision_instrument[prov.id]
        spec = INSTRUMENT_SPECS.get(inst)
        prefix = spec.prefix if spec else inst
        if not _ID.match(prov.id) or not prov.id.startswith(prefix + "."):
            report.problems.append(f"{prov.id}: id must be lower case and start with {prefix!r}.")
        if prov.parent is not None and prov.parent not in std.provisions:
            report.problems.append(f"{prov.id}: parent {prov.parent!r} does not exist")
        if (
            prov.text_status == "official"
            and not prov.text
            and prov.kind not in STRUCTURAL_KINDS
            and not std.children(prov.id)
        ):
            report.problems.append(f"{prov.id}: text_status official but no text")
    for req in std.requirements.values():
        if not _ID.match(req.id):
            report.problems.append(f"requirement {req.id}: id must look like 'jj.name'")
        if req.id in std.provisions:
            report.problems.append(f"requirement {req.id}: id clashes with a provision id")
        seen: set[str] = set()
        for pid in req.derived_from:
            if pid not in std.provisions:
                report.problems.append(f"requirement {req.id}: derived_from {pid!r} does not exist")
            if pid in seen:
                report.problems.append(f"requirement {req.id}: {pid!r} listed twice")
            seen.add(pid)
    _check_official_text(std, sources or base / "sources", report)
    _check_sources_encoded(std, sources or base / "sources", report)
    report.rule_ids = rule_check_ids(rules_dir)
    _check_rule_references(std, rules_dir, report)
    report.missing_checks = sorted(
        r.id
        for r in std.requirements.values()
        if r.check != "manual" and r.check not in report.rule_ids
    )
    return report
