"""Decide a check's status from its hits: extract values, try outcomes in order, build evidence."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from lexcheck.checks.schema import Outcome, Rule, Test, ValueSpec, ValueTest
from lexcheck.matching.engine import DocumentMatches, Hit, clause_span
from lexcheck.matching.values import EXTRACTORS, Value
from lexcheck.models import CONTAINER_KINDS, Conflict, Evidence, Status

MAX_EVIDENCE = 8
MAX_QUOTE = 400


@dataclass
class Extracted:
    """A value picked for a check, the hits it came from, and the pick per document."""

    value: int
    hits: list[Hit]
    spans: list[tuple[int, int, int]]  # (doc, start, end) of the figure
    per_doc: dict[int, tuple[int, Hit]] = field(default_factory=dict)


@dataclass
class Context:
    """Everything a rule's tests look at: its hits across the framework and its values."""

    rule: Rule
    matches: list[DocumentMatches]
    hits: dict[str, list[Hit]]  # signal -> hits, in framework order
    values: dict[str, Extracted] = field(default_factory=dict)
    # Context-only signals: signal -> document -> sorted start offsets (an int64 array).
    positions: dict[str, dict[int, Any]] = field(default_factory=dict)
    _starts: dict[tuple[str, int], list[int]] = field(default_factory=dict)
    _figures: dict[tuple[str, int, int, int], list[Value]] = field(default_factory=dict)

    def extracted(self, extract: str, doc: int, start: int, end: int) -> list[Value]:
        """Figures of ``extract`` in a window, read once however many hits share it."""
        key = (extract, doc, start, end)
        found = self._figures.get(key)
        if found is None:
            dm = self.matches[doc]
            found = self._figures[key] = EXTRACTORS[extract](dm.text()[start:end], dm.language)
        return found

    def any_within(self, signal: str, doc: int, start: int, end: int) -> bool:
        """Is there a hit of ``signal`` in ``doc`` starting in [start, end)? (bisect, so that
        co-occurrence tests stay linear on large frameworks)."""
        key = (signal, doc)
        starts = self._starts.get(key)
        if starts is None:
            starts = sorted(
                [h.start for h in self.hits.get(signal, []) if h.doc == doc]
                + _offsets(self.positions.get(signal, {}).get(doc))
            )
            self._starts[key] = starts
        i = bisect.bisect_left(starts, start)
        return i < len(starts) and starts[i] < end


def _offsets(found: Any) -> list[int]:
    return [] if found is None else list(found.tolist())


def _window(ctx: Context, hit: Hit, window: str) -> tuple[int, int]:
    text = ctx.matches[hit.doc].text()
    if window == "clause":
        return clause_span(text, hit)
    if window == "provision":
        own = hit.node.own
        return (own[0][0], own[-1][1]) if own else (hit.sent_start, hit.sent_end)
    return hit.sent_start, hit.sent_end


def extract_values(ctx: Context) -> None:
    """Fill ``ctx.values`` from the rule's value specs."""
    for key, spec in ctx.rule.values.items():
        found = _extract(ctx, spec)
        if found is not None:
            ctx.values[key] = found


def _item_hit(hit: Hit, start: int, end: int) -> Hit:
    """The list item holding a figure read from a lead-in's list, as a hit of its own: the
    evidence then quotes "(b) a child under the age of ten years", not the lead-in."""
    node = hit.node
    while True:
        inner = next(
            (c for c in node.children if c.provision.start <= start < c.provision.end), None
        )
        if inner is None:
            break
        node = inner
    if node is hit.node:
        return hit
    s0, s1 = next(
        ((a, b) for a, b in node.own if a <= start < b), (node.provision.start, node.provision.end)
    )
    return Hit(hit.check, hit.signal, node, start, end, s0, s1, hit.fuzzy)


def _extract(ctx: Context, spec: ValueSpec) -> Extracted | None:
    candidates: list[tuple[int, int, int, Hit, Value]] = []  # (doc, pos, value, hit, v)
    seen: set[tuple[int, int]] = set()
    for signal in spec.from_:
        for hit in ctx.hits.get(signal, []):
            if spec.polarity and hit.polarity not in spec.polarity:
                continue
            if any(_near(ctx, hit, s) for s in spec.without):
                continue
            windows = [_window(ctx, hit, spec.window)]
            if spec.with_list and hit.node.provision.kind not in CONTAINER_KINDS:
                # "The following are exempt from criminal liability: ... (b) a person under
                # nine years of age": the figure is in the list the sentence leads into.
                listed = hit.node.run_on_span(ctx.matches[hit.doc].text(), hit.sent_end)
                if listed is not None:
                    windows.append(listed)
            extractor = spec.extract_by_signal.get(signal, spec.extract)
            for n, (w0, w1) in enumerate(windows):
                found = ctx.extracted(extractor, hit.doc, w0, w1)
                for v in found[:1] if spec.per_hit == "first" else found:
                    where = (hit.doc, w0 + v.start)
                    if where in seen:
                        continue
                    seen.add(where)
                    source = hit if n == 0 else _item_hit(hit, w0 + v.start, w0 + v.end)
                    candidates.append((hit.doc, w0 + v.start, v.value, source, v))
        if candidates and spec.fallback:
            break  # an earlier signal gave figures: later ones are only fallbacks
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0], c[1]))
    if spec.pick == "first":
        chosen = candidates[0][2]
    elif spec.pick == "max":
        chosen = max(c[2] for c in candidates)
    else:
        chosen = min(c[2] for c in candidates)
    picked = [c for c in candidates if c[2] == chosen]
    per_doc: dict[int, tuple[int, Hit]] = {}
    for doc in sorted({c[0] for c in candidates}):
        in_doc = [c for c in candidates if c[0] == doc]
        if spec.pick == "first":
            best = in_doc[0]
        elif spec.pick == "max":
            best = max(in_doc, key=lambda c: c[2])
        else:
            best = min(in_doc, key=lambda c: c[2])
        per_doc[doc] = (best[2], best[3])
    return Extracted(
        chosen,
        [c[3] for c in picked],
        [(c[0], c[1], c[1] + c[4].end - c[4].start) for c in picked],
        per_doc,
    )


def _value_ok(value: float, test: ValueTest) -> bool:
    if test.min is not None and value < test.min:
        return False
    if test.max is not None and value > test.max:
        return False
    if test.below is not None and value >= test.below:
        return False
    return not (test.above is not None and value <= test.above)


def _near(ctx: Context, hit: Hit, signal: str, within: str = "sentence") -> bool:
    if within == "provision":
        p = hit.node.provision
        # The provision, or the section/article that holds it when it is a list item.
        holder = hit.node
        while holder.parent is not None and holder.provision.kind not in ("section", "article"):
            holder = holder.parent
        lo, hi = min(p.start, holder.provision.start), max(p.end, holder.provision.end)
        return ctx.any_within(signal, hit.doc, lo, hi)
    spans = hit.context or [(hit.sent_start, hit.sent_end)]
    return any(ctx.any_within(signal, hit.doc, a, b) for a, b in spans)


def _exception_lacks(ctx: Context, hit: Hit, signal: str) -> bool:
    """True when some exception of ``hit`` says nothing that matches ``signal``."""
    return any(not ctx.any_within(signal, exc.doc, exc.start, exc.end) for exc in hit.exceptions)


def _passes(ctx: Context, test: Test, hit: Hit) -> bool:
    if test.polarity and hit.polarity not in test.polarity:
        return False
    if test.exception is not None and bool(hit.exceptions) != test.exception:
        return False
    if test.exception_lacks and not _exception_lacks(ctx, hit, test.exception_lacks):
        return False
    if any(not _near(ctx, hit, s, test.within) for s in test.with_):
        return False
    if any(_near(ctx, hit, s, test.within) for s in test.without):
        return False
    if test.heading or test.not_heading:
        headings = hit.node.headings()
        if test.heading and not any(h.lower() in headings for h in test.heading):
            return False
        if any(h.lower() in headings for h in test.not_heading):
            return False
    return True


def evaluate(ctx: Context, test: Test) -> tuple[bool, list[Hit]]:
    """Whether ``test`` holds, and the hits that make it hold."""
    value_hits: list[Hit] = []
    if test.value is not None:
        found = ctx.values.get(test.value.key)
        if test.signal is None and test.absent:
            return found is None, []
        if found is None or not _value_ok(found.value, test.value):
            return False, []
        value_hits = found.hits
        if test.signal is None:
            return True, value_hits
    assert test.signal is not None
    passing = [h for h in ctx.hits.get(test.signal, []) if _passes(ctx, test, h)]
    if test.absent:
        return not passing, []
    return bool(passing), value_hits + passing


def _quote(text: str, hit: Hit) -> tuple[str, int, int]:
    """The sentence carrying the hit (cut around it when long), whitespace collapsed."""
    a, b = hit.sent_start, hit.sent_end
    if b - a > MAX_QUOTE:
        a = max(a, hit.start - 160)
        b = min(b, max(hit.end + 200, a + MAX_QUOTE))
        # Snap to word boundaries so quotes never start or end mid-word.
        while a > hit.sent_start and not text[a - 1].isspace():
            a -= 1
        while b < hit.sent_end and not text[b].isspace():
            b += 1
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    quote = re.sub(r"\s+", " ", text[a:b])
    if a > hit.sent_start:
        quote = "… " + quote
    if b < hit.sent_end:
        quote += " …"
    return quote, a, b


def evidence_of(matches: list[DocumentMatches], hit: Hit) -> Evidence:
    """Evidence for one hit: the deepest provision carrying it and the quoted sentence."""
    dm = matches[hit.doc]
    text = dm.text()
    quote, a, b = _quote(text, hit)
    p = hit.node.provision
    return Evidence(
        document=dm.index.document.document.path,
        provision=p.label,
        eid=p.eid,
        quote=quote,
        start=a,
        end=b,
        line=dm.index.document.line_at(a),
    )


def _conflicts(ctx: Context) -> list[Conflict]:
    out: list[Conflict] = []
    for spec in ctx.rule.conflicts:
        a_hits = [
            h
            for h in ctx.hits.get(spec.a.signal, [])
            if not spec.a.polarity or h.polarity in spec.a.polarity
        ]
        b_hits = [
            h
            for h in ctx.hits.get(spec.b.signal, [])
            if not spec.b.polarity or h.polarity in spec.b.polarity
        ]
        pair = next(
            (
                (x, y)
                for x in a_hits
                for y in b_hits
                if not spec.different_documents_only or x.doc != y.doc
            ),
            None,
        )
        if pair is not None:
            x, y = pair
            out.append(
                Conflict(
                    description=spec.description,
                    evidence=[evidence_of(ctx.matches, x), evidence_of(ctx.matches, y)],
                )
            )
    for key, found in sorted(ctx.values.items()):
        distinct = sorted({v for v, _ in found.per_doc.values()})
        if len(distinct) > 1:
            docs = sorted(found.per_doc.items(), key=lambda kv: kv[1][0])
            first, last = docs[0][1], docs[-1][1]
            out.append(
                Conflict(
                    description=f"The documents set different values of {key}: "
                    + ", ".join(str(v) for v in distinct)
                    + ".",
                    evidence=[
                        evidence_of(ctx.matches, first[1]),
                        evidence_of(ctx.matches, last[1]),
                    ],
                )
            )
    return out


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """The first hit in each provision (hits are many, provisions few: look each node up once)."""
    out: list[Hit] = []
    seen: set[tuple[int, str]] = set()
    done: set[int] = set()  # id() of nodes already given a hit (nodes outlive this call)
    for hit in hits:
        node = hit.node
        if id(node) in done:
            continue
        key = (node.doc, node.provision.eid)
        if key not in seen:
            seen.add(key)
            out.append(hit)
        done.add(id(node))
    return out


@dataclass
class Decision:
    """The outcome chosen for a rule, before it becomes a Finding."""

    status: Status
    explanation: str
    confidence: float
    hits: list[Hit]
    values: dict[str, Any]
    conflicts: list[Conflict]


def _support(ctx: Context, outcome: Outcome) -> list[Hit] | None:
    """The hits an outcome rests on, or None when one of its tests fails."""
    support: list[Hit] = []
    for test in outcome.when:
        ok, hits = evaluate(ctx, test)
        if not ok:
            return None
        support.extend(hits)
    return support


def decide(ctx: Context) -> Decision | None:
    """Try the rule's outcomes in order; None when none applies (not addressed)."""
    extract_values(ctx)
    for i, outcome in enumerate(ctx.rule.outcomes):
        support = _support(ctx, outcome)
        if support:  # an outcome must rest on something found in the text
            # Later outcomes with the same status add their evidence after this one's.
            for later in ctx.rule.outcomes[i + 1 :]:
                if later.status == outcome.status:
                    support.extend(_support(ctx, later) or [])
            hits = _dedupe(support)
            values = {k: v.value for k, v in sorted(ctx.values.items())}
            confidence = outcome.confidence
            if all(h.fuzzy for h in hits):
                confidence = round(confidence * 0.8, 2)
            return Decision(
                outcome.status, outcome.explanation, confidence, hits, values, _conflicts(ctx)
            )
    return None
