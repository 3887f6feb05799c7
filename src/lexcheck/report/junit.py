"""JUnit XML output: one test case per check, so CI dashboards list every requirement.

A check at or beyond the fail threshold that fails the gate is a ``failure``; a reserved one
is ``skipped`` with its justification; everything else passes, its status in ``system-out``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from lexcheck.gate.locate import display_path, gate_for, labels, primary
from lexcheck.models import Finding, Review
from lexcheck.report import RenderOptions
from lexcheck.standards.citations import compact_text


def _details(f: Finding) -> str:
    g = gate_for(f)
    lines = [f"status: {f.status.value}", f"severity: {f.severity.value}"]
    if f.values:
        lines.append("values: " + ", ".join(f"{k}={v}" for k, v in sorted(f.values.items())))
    lines.append(" ".join(f.explanation.split()))
    for e in f.evidence:
        lines.append(f"{e.provision} ({display_path(e.document)}:{e.line}): {e.quote}")
    if not f.evidence and f.searched:
        lines.append("searched: " + "; ".join(f.searched))
    if f.citations:
        lines.append("standards: " + compact_text(f.citations))
    if g.reservation is not None:
        until = f" (until {g.reservation.expires})" if g.reservation.expires else ""
        lines.append(f"reserved{until}: {g.reservation.justification}")
    if g.baseline_state is not None:
        lines.append(f"baseline: {g.baseline_state}")
    if g.new_evidence:
        lines.append("new since baseline: " + "; ".join(g.new_evidence))
    return "\n".join(lines)


def _name(f: Finding, seen: dict[str, int]) -> str:
    seen[f.check] = seen.get(f.check, 0) + 1
    base = f"{f.check}: {f.title}" if f.title else f.check
    return base if seen[f.check] == 1 else f"{base} #{seen[f.check]}"


def to_xml(review: Review) -> ET.Element:
    """The ``testsuites`` element."""
    findings = sorted(review.findings, key=lambda f: (f.check, f.status.value))
    seen: dict[str, int] = {}
    cases: list[ET.Element] = []
    failures = skipped = 0
    for f in findings:
        g = gate_for(f)
        loc = primary(f, review)
        case = ET.Element(
            "testcase",
            {
                "classname": f"lexcheck.{f.theme or 'checks'}",
                "name": _name(f, seen),
                "file": loc.path,
                **({"line": str(loc.line)} if loc.line is not None else {}),
                "time": "0",
            },
        )
        where = "; ".join(labels(f)) or loc.path
        message = f"{f.status.value}: {' '.join(f.explanation.split())} [{where}]"
        if g.fails:
            failures += 1
            fail = ET.SubElement(case, "failure", {"message": message, "type": f.status.value})
            fail.text = _details(f)
        elif g.reservation is not None:
            skipped += 1
            ET.SubElement(case, "skipped", {"message": f"reserved: {g.reservation.justification}"})
        out = ET.SubElement(case, "system-out")
        out.text = _details(f)
        cases.append(case)

    documents = ", ".join(display_path(d.path) for d in review.documents) or "-"
    counts = {
        "tests": str(len(cases)),
        "failures": str(failures),
        "errors": "0",
        "skipped": str(skipped),
    }
    root = ET.Element("testsuites", {"name": "lexcheck", **counts, "time": "0"})
    suite_attrs = {"name": f"lexcheck {documents}", **counts, "time": "0"}
    suite = ET.SubElement(root, "testsuite", suite_attrs)
    props = ET.SubElement(suite, "properties")
    values = {"lexcheck_version": review.lexcheck_version}
    if review.gate is not None:
        values["fail_on"] = review.gate.fail_on.value
        values["passed"] = str(review.gate.passed).lower()
    for name, value in values.items():
        ET.SubElement(props, "property", {"name": name, "value": value})
    suite.extend(cases)
    if review.gate is not None and review.gate.notices:
        err = ET.SubElement(suite, "system-err")
        err.text = "\n".join(f"warning: {n}" for n in review.gate.notices)
    return root


def render(review: Review, options: RenderOptions) -> bytes:
    """The review as JUnit XML (UTF-8, stable order, no timestamps)."""
    del options
    root = to_xml(review)
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
