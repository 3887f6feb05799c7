"""How much of each instrument is encoded, mapped to requirements, checked, and verified."""

from __future__ import annotations

import re
from typing import Any

from lexcheck.checks.loader import CORE_CHECKS as CORE_CHECK_IDS
from lexcheck.standards.loader import Standards
from lexcheck.standards.schema import STRUCTURAL_KINDS


def _natural(pid: str) -> list[tuple[int, str]]:
    """Sort key putting ``sec2`` before ``sec10``."""
    return [(int(part), "") if part.isdigit() else (0, part) for part in re.split(r"(\d+)", pid)]


def mapped_provisions(std: Standards) -> set[str]:
    """Provisions covered by a requirement: cited, under a cited ancestor, or all parts covered."""
    cited = {pid for req in std.requirements.values() for pid in req.derived_from}
    children: dict[str, list[str]] = {}
    for prov in std.provisions.values():
        if prov.parent:
            children.setdefault(prov.parent, []).append(prov.id)
    out: set[str] = set()

    def visit(pid: str, inherited: bool) -> bool:
        covered = inherited or pid in cited
        kids = children.get(pid, [])
        results = [visit(k, covered) for k in kids]
        relevant = [
            r
            for k, r in zip(kids, results, strict=True)
            if std.provisions[k].implementable and std.provisions[k].kind not in STRUCTURAL_KINDS
        ]
        if not covered and relevant and all(relevant):
            covered = True
        if covered:
            out.add(pid)
        return covered

    for prov in std.provisions.values():
        if prov.parent is None:
            visit(prov.id, False)
    return out


def _is_top_level(std: Standards, pid: str) -> bool:
    prov = std.provisions[pid]
    inst = std.instruments[std.provision_instrument[pid]]
    if inst.top_level_unit == "strategy":
        return prov.kind == "strategy"
    return prov.parent is None and prov.kind not in ("preamble", *STRUCTURAL_KINDS)


def coverage(std: Standards, rule_ids: set[str] | None = None) -> dict[str, Any]:
    """The coverage summary (the JSON of ``lexcheck standards coverage --format json``)."""
    mapped = mapped_provisions(std)
    instruments = []
    for inst in std.instruments.values():
        pids = [p for p, i in std.provision_instrument.items() if i == inst.id]
        counted = [p for p in pids if std.provisions[p].kind not in STRUCTURAL_KINDS]
        implementable = [p for p in counted if std.provisions[p].implementable]
        unmapped = sorted((p for p in implementable if p not in mapped), key=_natural)
        unverified = sorted((p for p in pids if not std.provisions[p].verified), key=_natural)
        instruments.append(
            {
                "id": inst.id,
                "short_name": inst.short_name,
                "top_level_unit": inst.top_level_unit,
                "top_level_encoded": sum(1 for p in pids if _is_top_level(std, p)),
                "top_level_total": inst.top_level_total,
                "provisions": len(counted),
                "official_text": sum(1 for p in counted if std.provisions[p].text),
                "implementable": len(implementable),
                "mapped": sum(1 for p in implementable if p in mapped),
                "unmapped_implementable": len(unmapped),
                "unverified": len(unverified),
                "complete": inst.complete,
                "unmapped_implementable_ids": unmapped,
                "unverified_ids": unverified,
            }
        )
    reqs = list(std.requirements.values())
    automated = [r for r in reqs if r.check != "manual"]
    out: dict[str, Any] = {
        "instruments": instruments,
        "requirements": len(reqs),
        "automated": len(automated),
        "manual": len(reqs) - len(automated),
        "general": sum(1 for r in reqs if r.scope == "general"),
        "core_checks_missing": sorted(
            set(CORE_CHECK_IDS) - {r.id for r in automated if r.check == r.id}
        ),
    }
    if rule_ids is not None:
        out["checks_missing_in_rules"] = sorted(r.id for r in automated if r.id not in rule_ids)
    return out


def render_text(cov: dict[str, Any]) -> str:
    """A fixed-width table of the coverage summary."""
    head = (
        f"{'instrument':<26} {'top level':>12} {'provisions':>10} {'mapped':>12} {'unverified':>10}"
    )
    lines = [head, "-" * len(head)]
    for row in cov["instruments"]:
        total = row["top_level_total"] if row["top_level_total"] is not None else "?"
        top = f"{row['top_level_encoded']}/{total}"
        mapped = f"{row['mapped']}/{row['mapped'] + row['unmapped_implementable']}"
        lines.append(
            f"{row['short_name']:<26} {top:>12} {row['provisions']:>10} {mapped:>12}"
            f" {row['unverified']:>10}"
        )
    lines.append("")
    lines.append(
        f"requirements: {cov['requirements']} ({cov['automated']} automated,"
        f" {cov['manual']} manual; {cov['general']} on Convention rights beyond justice)"
    )
    missing = ", ".join(cov["core_checks_missing"]) or "none"
    lines.append(f"core checks missing: {missing}")
    if "checks_missing_in_rules" in cov:
        absent = cov["checks_missing_in_rules"]
        lines.append(f"automated requirements without a rule in rules/: {len(absent)}")
    for row in cov["instruments"]:
        if row["unverified_ids"]:
            lines.append(f"unverified in {row['short_name']}: " + ", ".join(row["unverified_ids"]))
    for row in cov["instruments"]:
        if row["unmapped_implementable_ids"] and row["id"] in (
            "crc",
            "beijing",
            "model_strategies",
        ):
            lines.append(
                f"unmapped in {row['short_name']}: " + ", ".join(row["unmapped_implementable_ids"])
            )
    return "\n".join(lines) + "\n"
