"""Review a legal framework (one or more documents): one Finding per check, across documents."""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from lexcheck.assess.decide import MAX_EVIDENCE, Context, decide, evidence_of
from lexcheck.checks.loader import check_order, load_rules
from lexcheck.checks.schema import Rule
from lexcheck.errors import DataError
from lexcheck.matching.engine import DocumentMatches, Hit, match_document
from lexcheck.matching.language import guess_language
from lexcheck.models import Finding, ParsedDocument, Severity, Status


@cache
def _template(source: str) -> Any:
    from jinja2 import Environment, StrictUndefined

    env = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
    return env.from_string(source)


def _render(source: str, context: dict[str, Any], rule: Rule) -> str:
    from jinja2 import TemplateError

    try:
        text = str(_template(source).render(**context))
    except TemplateError as exc:
        raise DataError(f"rules/{rule.id}.yaml: explanation template: {exc}") from exc
    return re.sub(r"\s+", " ", text).strip()


def _standards() -> Any:
    """The standards encoding, or None while it is absent or broken (findings keep no citations)."""
    try:
        from lexcheck.standards.loader import load_standards

        return load_standards()
    except (FileNotFoundError, DataError):
        return None


def _labels(hits: list[Hit], matches: list[DocumentMatches]) -> list[str]:
    several = len(matches) > 1
    out: list[str] = []
    for h in hits:
        label = h.node.label
        if several:
            title = (
                matches[h.doc].index.document.document.title
                or matches[h.doc].index.document.document.path
            )
            label = f"{label} of {title}"
        if label not in out:
            out.append(label)
    return out


def _searched(rule: Rule, matches: list[DocumentMatches]) -> list[str]:
    # The signals outcomes rest on (not the helpers that only qualify them), in rule order.
    main = [t.signal for o in rule.outcomes for t in o.when if t.signal and not t.absent]
    main += [s for spec in rule.values.values() for s in spec.from_]
    names = list(dict.fromkeys(main)) or sorted(rule.signals)
    wanted = "; ".join(
        (rule.signals[n].description or n.replace("_", " ")) for n in names if n in rule.signals
    )
    out = []
    for dm in matches:
        n = len(dm.index.nodes)
        out.append(f"{dm.index.document.document.path}: {n} provisions searched for {wanted}")
    return out


def review_rule(rule: Rule, matches: list[DocumentMatches], standards: Any = None) -> Finding:
    """The Finding of one check over a framework of documents already matched."""
    hits: dict[str, list[Hit]] = {}
    positions: dict[str, dict[int, Any]] = {}
    for doc, dm in enumerate(matches):
        for hit in dm.hits.get(rule.id, []):
            hits.setdefault(hit.signal, []).append(hit)
        for signal, starts in dm.positions.get(rule.id, {}).items():
            positions.setdefault(signal, {})[doc] = starts
    ctx = Context(rule, matches, hits, positions=positions)
    decision = decide(ctx)
    title = rule.title
    citations: list[str] = []
    if standards is not None:
        req = standards.requirements.get(rule.requirements[0])
        title = req.title if req else title
        citations = standards.citations(rule.requirements)
    documents = [dm.index.document.document for dm in matches]
    base: dict[str, Any] = {
        "title": title,
        "documents": [d.title or d.path for d in documents],
        "several": len(documents) > 1,
    }
    if decision is None:
        explanation = _render(rule.not_addressed, {**base, "values": {}, "provisions": ""}, rule)
        return Finding(
            check=rule.id,
            title=title,
            theme=rule.theme,
            requirements=list(rule.requirements),
            status=Status.NOT_ADDRESSED,
            explanation=explanation,
            severity=Severity(rule.severity),
            confidence=0.6,
            citations=citations,
            searched=_searched(rule, matches),
        )
    evidence_hits = decision.hits[:MAX_EVIDENCE]
    labels = _labels(evidence_hits, matches)
    context = {
        **base,
        "values": decision.values,
        "labels": labels,
        "provisions": _join(labels),
    }
    return Finding(
        check=rule.id,
        title=title,
        theme=rule.theme,
        requirements=list(rule.requirements),
        status=decision.status,
        values=decision.values,
        evidence=[evidence_of(matches, h) for h in evidence_hits],
        citations=citations,
        explanation=_render(_explanation(rule, decision.explanation), context, rule),
        severity=Severity(rule.severity),
        confidence=decision.confidence,
        conflicts=decision.conflicts,
    )


def _explanation(rule: Rule, source: str) -> str:
    return source


def _join(labels: list[str]) -> str:
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def match_all(
    documents: list[ParsedDocument],
    rules: tuple[Rule, ...],
    progress: Callable[[int], None] | None = None,
) -> list[DocumentMatches]:
    """Match every document of the framework once (each in its own language)."""
    out: list[DocumentMatches] = []
    for i, document in enumerate(documents):
        lang = document.document.language or guess_language(document.text)
        out.append(match_document(document, i, rules, lang))
        if progress:
            progress(i + 1)
    return out


def review_documents(
    documents: list[ParsedDocument],
    rules: tuple[Rule, ...] | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Finding]:
    """One Finding per check for the framework ``documents``, core checks first."""
    active = rules if rules is not None else load_rules()
    with _collector_paused():
        matches = match_all(documents, active, progress)
        standards = _standards()
        findings = [review_rule(rule, matches, standards) for rule in active]
        # Free the provision trees by reference counting now, while the collector is off:
        # left to it, they would cost one more full scan as soon as it resumes.
        _release(matches)
        del matches
    return sorted(findings, key=lambda f: check_order(f.check))


def _release(matches: list[DocumentMatches]) -> None:
    for dm in matches:
        dm.index.release()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a framework is reviewed.

    A review allocates hundreds of thousands of short-lived objects (matches, hits), and each
    round of the collector walks every live object, the whole provision tree included: a
    fifth of the review time on a 5 MB statute. Those objects hold no cycles, so reference
    counting frees them anyway; the collector resumes (if it was on) when the review ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
