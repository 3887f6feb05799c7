"""SARIF 2.1.0 output: rules with help text and citations; results with fingerprints,
locations, baseline state and suppressions (reservations stay visible, never dropped)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from lexcheck import __version__
from lexcheck.gate.locate import display_path, gap_order, gate_for, labels
from lexcheck.gate.rules import RuleText, describe
from lexcheck.models import Evidence, Finding, Review, Severity
from lexcheck.report import RenderOptions

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "lexcheckFinding/v1"


def _level(f: Finding) -> str:
    """error: at or beyond the fail threshold (failing, reserved or in the baseline alike);
    warning: a high-severity gap below it; note: any other gap."""
    g = gate_for(f)
    if g.at_threshold:
        return "error"
    return "warning" if f.severity == Severity.HIGH else "note"


def _uri(path: str) -> str:
    """Relative to the working folder (the repository root in CI), else a file:// URI."""
    shown = display_path(path)
    if shown.startswith("/"):
        return Path(shown).as_uri()
    return quote(shown, safe="/")


class _Sources:
    """The reviewed files' own text, to tell whether evidence offsets are source offsets."""

    def __init__(self) -> None:
        self._text: dict[str, str | None] = {}

    def offsets_hold(self, ev: Evidence) -> bool:
        """True when the quote sits at ``[start:end]`` of the file as decoded: then the
        offsets are the source's (no normalisation moved them) and SARIF may carry them."""
        if ev.document not in self._text:
            try:
                # newline="": keep CR LF as is, it shifts the file's own offsets
                with open(ev.document, encoding="utf-8-sig", newline="") as handle:
                    self._text[ev.document] = handle.read()
            except (OSError, UnicodeDecodeError):
                self._text[ev.document] = None
        text = self._text[ev.document]
        return text is not None and text[ev.start : ev.end] == ev.quote


def _location(
    ev: Evidence | None, document: str, sources: _Sources, index: int | None = None
) -> dict[str, Any]:
    region: dict[str, Any]
    if ev is None:
        # A finding about the whole document (the law is silent): anchored at its top.
        region = {"startLine": 1}
    else:
        region = {"startLine": max(1, ev.line)}
        if sources.offsets_hold(ev):
            region["charOffset"] = ev.start
            region["charLength"] = ev.end - ev.start
        region["snippet"] = {"text": ev.quote}
    loc: dict[str, Any] = {}
    if index is not None:
        loc["id"] = index
    loc["physicalLocation"] = {"artifactLocation": {"uri": _uri(document)}, "region": region}
    if ev is not None:
        loc["message"] = {"text": ev.provision}
        loc["logicalLocations"] = [
            {"name": ev.provision, "fullyQualifiedName": ev.eid, "kind": "element"}
        ]
    return loc


def _rule(r: RuleText, level: str) -> dict[str, Any]:
    cites = "; ".join(r.citations)
    help_text = f"{r.statement}\n\nStandards: {cites}" if cites else r.statement
    help_md = f"**{r.title}**\n\n{r.statement}"
    if r.citations:
        help_md += "\n\nStandards:\n" + "\n".join(f"- {c}" for c in r.citations)
    props: dict[str, Any] = {"citations": r.citations}
    tags = [t for t in (r.theme, "child-justice") if t]
    if tags:
        props["tags"] = tags
    return {
        "id": r.id,
        "name": r.name,
        "shortDescription": {"text": r.title},
        "fullDescription": {"text": r.statement},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": level},
        "properties": props,
    }


def _message(f: Finding) -> str:
    text = " ".join(f.explanation.split()) or f.title or f.check
    provisions = labels(f)
    if provisions:
        text += f" Provisions: {'; '.join(provisions)}."
    elif f.searched:
        text += f" Searched: {'; '.join(f.searched)}."
    return text


def _result(f: Finding, review: Review, rule_index: int, sources: _Sources) -> dict[str, Any]:
    g = gate_for(f)
    document = review.documents[0].path if review.documents else "-"
    if f.evidence:
        primary = _location(f.evidence[0], f.evidence[0].document, sources)
    else:
        primary = _location(None, document, sources)
    result: dict[str, Any] = {
        "ruleId": f.check,
        "ruleIndex": rule_index,
        "kind": "fail",
        "level": _level(f),
        "message": {"text": _message(f)},
        "locations": [primary],
    }
    if len(f.evidence) > 1:
        result["relatedLocations"] = [
            _location(ev, ev.document, sources, i) for i, ev in enumerate(f.evidence[1:], start=1)
        ]
    result["partialFingerprints"] = {FINGERPRINT_KEY: g.fingerprint}
    if g.reservation is not None:
        suppression: dict[str, Any] = {
            "kind": "external",
            "state": "accepted",
            "justification": g.reservation.justification,
            "properties": {"reservation": g.reservation.check},
        }
        if g.reservation.expires is not None:
            suppression["properties"]["expires"] = g.reservation.expires.isoformat()
        result["suppressions"] = [suppression]
    if g.baseline_state is not None:
        result["baselineState"] = g.baseline_state
    props: dict[str, Any] = {
        "status": f.status.value,
        "severity": f.severity.value,
        "confidence": f.confidence,
        "failsGate": g.fails,
    }
    if f.values:
        props["values"] = f.values
    if f.citations:
        props["citations"] = f.citations
    if g.new_evidence:
        props["newSinceBaseline"] = g.new_evidence
    result["properties"] = props
    return result


def to_sarif(review: Review) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    findings = gap_order(review)
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    # Every check reviewed gets a rule (compliant ones too), in id order, so rule indexes are
    # stable from one run to the next.
    first: dict[str, Finding] = {}
    for f in sorted(review.findings, key=lambda f: f.check):
        first.setdefault(f.check, f)
    for check, f in first.items():
        at = any(gate_for(x).at_threshold for x in review.findings if x.check == check)
        index[check] = len(rules)
        rules.append(_rule(describe(f), "error" if at else "warning"))
    sources = _Sources()
    results = [_result(f, review, index[f.check], sources) for f in findings]
    invocation: dict[str, Any] = {"executionSuccessful": True}
    gate = review.gate
    if gate is not None and gate.notices:
        invocation["toolConfigurationNotifications"] = [
            {"level": "warning", "message": {"text": n}} for n in gate.notices
        ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "lexcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "invocations": [invocation],
        "artifacts": [
            {"location": {"uri": _uri(d.path)}, "hashes": {"sha-256": d.sha256}}
            for d in review.documents
        ],
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    if gate is not None:
        run["properties"] = {
            "failOn": gate.fail_on.value,
            "passed": gate.passed,
            "failing": gate.failing,
            "reserved": gate.reserved,
            "baselined": gate.baselined,
        }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(review: Review, options: RenderOptions) -> bytes:
    """The review as a SARIF 2.1.0 log (UTF-8 JSON, stable key and result order)."""
    del options  # nothing in SARIF depends on the rendering options
    return (json.dumps(to_sarif(review), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
