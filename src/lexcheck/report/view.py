"""The one view model of a gap-analysis report, shared by the Word, Markdown and HTML renderers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lexcheck.models import STATUS_RANK, Finding, ParsedDocument, Review, Severity, Status
from lexcheck.report import RenderOptions
from lexcheck.standards.loader import Standards

STATUS_ORDER: tuple[Status, ...] = (
    Status.NON_COMPLIANT,
    Status.PARTIALLY_COMPLIANT,
    Status.NOT_ADDRESSED,
    Status.COMPLIANT,
)
STATUS_LABEL: dict[str, str] = {
    "compliant": "Compliant",
    "partially_compliant": "Partially compliant",
    "non_compliant": "Non-compliant",
    "not_addressed": "Not addressed",
    "manual": "Manual review",
}
# Cell shading (light) and chart colour (strong) per status; red-amber-grey-green reads in print.
STATUS_FILL: dict[str, str] = {
    "compliant": "C6EFCE",
    "partially_compliant": "FFEB9C",
    "non_compliant": "FFC7CE",
    "not_addressed": "D9D9D9",
    "manual": "FFFFFF",
}
STATUS_COLOR: dict[str, str] = {
    "compliant": "2E7D32",
    "partially_compliant": "E0A100",
    "non_compliant": "C62828",
    "not_addressed": "7F7F7F",
}
THEME_LABEL: dict[str, str] = {
    "minimum_age": "Minimum age of criminal responsibility",
    "child_definition": "Definition of the child",
    "deprivation_of_liberty": "Deprivation of liberty",
    "fair_trial": "Fair trial",
    "sentencing": "Sentencing",
    "diversion": "Diversion",
    "privacy": "Privacy",
    "victims_and_witnesses": "Child victims and witnesses",
    "violence": "Violence in the justice system",
    "specialisation": "Specialised courts and personnel",
    "conditions_of_detention": "Conditions of detention",
}
THEME_ORDER = list(THEME_LABEL)
SEVERITY_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
ACTION_LABEL = {"insert": "Insert", "substitute": "Substitute", "repeal": "Repeal"}
QUOTE_LIMIT = 1200
PRIORITY_LIMIT = 10
KEY_QUOTES = 3  # standards quoted in a finding on a gap; the rest are cited under "see also"
KEY_QUOTES_MET = 1  # a requirement the law meets needs only the rule it meets quoted
LAW_QUOTES_MET = 2  # provisions of the law quoted for a requirement it meets; the rest named
STANDARD_QUOTE_LIMIT = 500  # a longer text is cut in the finding and given whole in the annex
SEARCHED_LIMIT = 4  # provisions named in "lexcheck searched ..." before "and N others"
EVIDENCE_LIMIT = 4  # evidence labels named in a matrix cell

METHODOLOGY = [
    "lexcheck read each law given to it, divided it into its provisions (parts, sections,"
    " subsections, articles, definitions) and compared them with requirements derived from the"
    " Convention on the Rights of the Child, its General comment No. 24, the Beijing Rules and"
    " the other United Nations standards on child justice listed on the title page.",
    "For each requirement the review gives one of four statuses: compliant (the law meets the"
    " standard), partially compliant (the law addresses it but falls short in part),"
    " non-compliant (the law contradicts it) or not addressed (the law is silent on it). Each"
    " status rests on the provisions quoted as evidence.",
    "For each gap, lexcheck drafts a model provision in the numbering style and vocabulary of"
    " the law reviewed. The drafts are starting points for the drafter, not final text.",
]
LIMITATIONS = [
    "This is an automated review. Its findings and drafts must be checked by a qualified lawyer"
    " familiar with the legal system concerned before they are relied on.",
    "Only the documents listed on the title page were reviewed. A matter that is dealt with in"
    " another law (a constitution, a penal code, a criminal procedure code) is reported as not"
    " addressed unless that law was reviewed with them.",
    "Statutory text is matched by patterns, not understood: unusual wording, cross-references"
    " and provisions that qualify each other may be misread. Practice, case law and"
    " implementation are outside the scope of a review of legislative text.",
]


@dataclass(frozen=True)
class StandardText:
    citation: str
    text: str
    official: bool  # official wording bundled (text_status official) or our summary
    truncated: bool = False  # cut in the finding; whole in the annex of texts


@dataclass(frozen=True)
class InstrumentTexts:
    """One instrument's provisions cited anywhere in the report, each once, in its order."""

    title: str
    texts: list[StandardText]


@dataclass(frozen=True)
class Quote:
    document: str
    label: str
    text: str
    line: int


@dataclass(frozen=True)
class AmendmentView:
    heading: str  # "Substitute section 7(1)", "Insert section 7A after section 7"
    text: str
    lines: list[str]
    alternatives: list[str]
    rationale: str


@dataclass(frozen=True)
class FindingView:
    anchor: str
    check: str
    title: str
    theme: str
    theme_label: str
    status: str
    status_label: str
    fill: str
    severity: str
    confidence: str
    statement: str
    requirements: list[str]
    citations: list[str]
    citation_text: str  # the citations, compacted: "CRC art. 37(b); CRC/C/GC/24 paras 20-27"
    standards: list[StandardText]  # the key provisions, quoted (at most KEY_QUOTES)
    see_also: str  # compact citations of the provisions not quoted here (texts in the annex)
    quotes: list[Quote]
    more_evidence: str  # labels of further provisions relied on but not quoted, or ""
    gap: str
    values: list[tuple[str, str]]
    searched: list[str]
    searched_text: str  # "section 1, section 2, section 7 and 20 other provisions"
    evidence_text: str  # evidence labels for the matrix, "—" when none
    conflicts: list[str]
    amendment: AmendmentView | None
    brief: bool  # a requirement the law does not deal with at all: status, reason, amendment

    @property
    def is_gap(self) -> bool:
        return self.status != Status.COMPLIANT.value


@dataclass(frozen=True)
class ThemeView:
    key: str
    label: str
    findings: list[FindingView]


@dataclass(frozen=True)
class CountView:
    status: str
    label: str
    count: int
    color: str


@dataclass(frozen=True)
class ChartRow:
    label: str
    counts: tuple[int, int, int, int]  # in STATUS_ORDER


@dataclass(frozen=True)
class AnnexRow:
    requirement: str
    title: str
    theme_label: str
    status: str
    status_label: str
    fill: str


@dataclass(frozen=True)
class DocumentView:
    title: str
    path: str
    sha256: str
    provisions: int


@dataclass(frozen=True)
class InstrumentView:
    short_name: str
    title: str
    adopted_by: str
    date: str


@dataclass
class ReportView:
    title: str
    report_date: date
    date_text: str
    lexcheck_version: str
    documents: list[DocumentView]
    instruments: list[InstrumentView]
    counts: list[CountView]
    total: int
    summary: list[str]
    priority: list[FindingView]  # the most serious gaps, at most PRIORITY_LIMIT
    priority_more: int  # gaps left out of the priority list (all are in the findings)
    priority_note: str  # the sentence that says so, or ""
    matrix: list[FindingView]
    themes: list[ThemeView]
    chart: list[ChartRow]
    annex: list[AnnexRow]
    schedule: list[FindingView]  # findings with an amendment, in the order of the statute
    standard_texts: list[InstrumentTexts] = field(default_factory=list)  # annex, once each
    methodology: list[str] = field(default_factory=lambda: list(METHODOLOGY))
    limitations: list[str] = field(default_factory=lambda: list(LIMITATIONS))
    status_order: list[str] = field(default_factory=lambda: [s.value for s in STATUS_ORDER])
    status_label: dict[str, str] = field(default_factory=lambda: dict(STATUS_LABEL))
    status_color: dict[str, str] = field(default_factory=lambda: dict(STATUS_COLOR))


def theme_label(key: str) -> str:
    if not key:
        return "Other requirements"
    return THEME_LABEL.get(key, key.replace("_", " ").capitalize())


def _theme_key(key: str) -> tuple[int, str]:
    return (THEME_ORDER.index(key) if key in THEME_ORDER else len(THEME_ORDER), key)


def _date_text(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _amendment_view(f: Finding) -> AmendmentView | None:
    a = f.amendment
    if a is None:
        return None
    verb = ACTION_LABEL.get(a.action, a.action.capitalize())
    if a.action == "insert" and a.new_label and a.target:
        heading = f"{verb} {a.new_label} after {a.target}"
    elif a.action == "insert" and a.new_label:
        heading = f"{verb} {a.new_label}"
    elif a.action == "insert":
        heading = f"{verb} a new provision"
    else:
        heading = f"{verb} {a.target or a.new_label or 'the provision'}"
    lines = [ln for ln in a.text.splitlines() if ln.strip()]
    return AmendmentView(heading, a.text, lines, list(a.alternatives), a.rationale)


def _instrument_of(std: Standards, pid: str) -> str:
    return std.provision_instrument.get(pid) or pid.split(".", 1)[0]


def _provision_rank(std: Standards, pid: str) -> int:
    """Which standards a finding quotes first: treaties, then the Beijing and Havana Rules
    (the detailed rules on justice and detention), then commentary and guidelines."""
    inst = _instrument_of(std, pid)
    instrument = std.instruments.get(inst)
    if (instrument is not None and instrument.binding) or inst in ("crc", "opac", "opsc"):
        return 0
    if inst in ("beijing", "havana"):
        return 1
    return 2


def _standard_text(std: Standards, pid: str) -> StandardText | None:
    prov = std.provisions.get(pid)
    if prov is None:
        return None
    if prov.text and prov.text_status == "official":
        # A user may attach the official text of an instrument that is not bundled.
        source = getattr(prov, "text_source", None)
        citation = f"{prov.citation} ({source})" if source else prov.citation
        return StandardText(citation, prov.text.strip(), True)
    if prov.summary:
        return StandardText(prov.citation, prov.summary.strip(), False)
    return None


def _cited_provisions(f: Finding, std: Standards) -> list[str]:
    """Ids of the provisions behind a finding's requirements, in derivation order, once each."""
    out: list[str] = []
    seen: set[str] = set()
    for rid in f.requirements:
        r = std.requirements.get(rid)
        for pid in r.derived_from if r else []:
            prov = std.provisions.get(pid)
            if prov is None or pid in out or prov.citation in seen:
                continue
            seen.add(prov.citation)
            out.append(pid)
    return out


def _citation_ranks(std: Standards) -> dict[str, int]:
    return {p.citation: _provision_rank(std, pid) for pid, p in std.provisions.items()}


def _by_rank(citations: list[str], rank: dict[str, int]) -> list[str]:
    """Citations with the treaties first, then the rules, then the rest, each group in its
    given order, so that the compact form reads "CRC …; Beijing Rules …; CRC/C/GC/24 …"."""
    return sorted(citations, key=lambda c: rank.get(c.removesuffix(" (unverified)"), 2))


def _cite(std: Standards, pid: str) -> str:
    prov = std.provisions[pid]
    return prov.citation if prov.verified else f"{prov.citation} (unverified)"


def _excerpt(s: StandardText) -> StandardText:
    """The text as quoted in a finding: a long one is cut at a word, whole in the annex."""
    if len(s.text) <= STANDARD_QUOTE_LIMIT:
        return s
    cut = s.text[:STANDARD_QUOTE_LIMIT].rsplit(" ", 1)[0].rstrip(" ,;:")
    return StandardText(s.citation, cut + " […]", s.official, truncated=True)


def _searched(searched: list[str], doc_titles: dict[str, str]) -> list[str]:
    """Where lexcheck looked, with a law's file path given as its title, or left out when
    only one law was reviewed (the title page names it)."""
    out = []
    for item in searched:
        for path, title in doc_titles.items():
            if item.startswith(f"{path}: "):
                rest = item[len(path) + 2 :]
                item = f"{title}: {rest}" if title else rest
                break
        out.append(item)
    return out


def _searched_text(searched: list[str]) -> str:
    # Labels read best with commas; descriptions that hold commas themselves need semicolons.
    sep = "; " if any("," in item for item in searched) else ", "
    if len(searched) <= SEARCHED_LIMIT + 1:
        return sep.join(searched)
    rest = len(searched) - SEARCHED_LIMIT
    return sep.join(searched[:SEARCHED_LIMIT]) + f" and {rest} other provisions"


def _evidence_text(labels: list[str]) -> str:
    unique = list(dict.fromkeys(labels))
    if not unique:
        return "—"
    if len(unique) <= EVIDENCE_LIMIT + 1:
        return "; ".join(unique)
    return "; ".join(unique[:EVIDENCE_LIMIT]) + f" and {len(unique) - EVIDENCE_LIMIT} more"


def _finding_view(
    f: Finding, std: Standards, doc_titles: dict[str, str], rank: dict[str, int]
) -> FindingView:
    from lexcheck.standards.citations import compact_text

    req = next((std.requirements[r] for r in f.requirements if r in std.requirements), None)
    theme = f.theme or (req.theme if req else "")
    cited = _cited_provisions(f, std)
    ranked = sorted(cited, key=lambda pid: _provision_rank(std, pid))  # stable: keeps order
    texts: list[StandardText] = []
    quoted: set[str] = set()
    limit = KEY_QUOTES_MET if f.status == Status.COMPLIANT else KEY_QUOTES
    for pid in ranked:
        if len(texts) == limit:
            break
        st = _standard_text(std, pid)
        if st is not None:
            texts.append(_excerpt(st))
            quoted.add(pid)
    others = [pid for pid in cited if pid not in quoted]
    see_also = compact_text([_cite(std, pid) for pid in others])
    citations = _by_rank(list(f.citations) or std.citations(f.requirements), rank)
    quotes = []
    for ev in f.evidence:
        text = " ".join(ev.quote.split())
        if len(text) > QUOTE_LIMIT:
            text = text[: QUOTE_LIMIT - 1].rstrip() + "…"
        quotes.append(Quote(doc_titles.get(ev.document, ev.document), ev.provision, text, ev.line))
    evidence_text = _evidence_text([q.label for q in quotes])
    more_evidence = ""
    if f.status == Status.COMPLIANT and len(quotes) > LAW_QUOTES_MET + 1:
        more_evidence = "; ".join(dict.fromkeys(q.label for q in quotes[LAW_QUOTES_MET:]))
        quotes = quotes[:LAW_QUOTES_MET]
    status = f.status.value
    return FindingView(
        anchor="finding-" + "".join(c if c.isalnum() else "-" for c in f.check),
        check=f.check,
        title=f.title or (req.title if req else f.check),
        theme=theme,
        theme_label=theme_label(theme),
        status=status,
        status_label=STATUS_LABEL[status],
        fill=STATUS_FILL[status],
        severity=f.severity.value,
        confidence=f"{f.confidence:.0%}",
        statement=req.statement if req else "",
        requirements=list(f.requirements),
        citations=citations,
        citation_text=compact_text(citations),
        standards=texts,
        see_also=see_also,
        quotes=quotes,
        more_evidence=more_evidence,
        gap=f.explanation,
        values=[(k, str(v)) for k, v in sorted(f.values.items())],
        searched=list(f.searched),
        searched_text=_searched_text(_searched(list(f.searched), doc_titles)),
        evidence_text=evidence_text,
        conflicts=[c.description for c in f.conflicts],
        amendment=_amendment_view(f),
        brief=f.status == Status.NOT_ADDRESSED and not quotes and not f.conflicts,
    )


def _standard_texts(findings: list[Finding], std: Standards) -> list[InstrumentTexts]:
    """Every provision cited by a finding, once, grouped by instrument in the order of
    _provision_rank, and in the instrument's own order within it."""
    position = {pid: i for i, pid in enumerate(std.provisions)}
    pids: set[str] = set()
    for f in findings:
        pids.update(_cited_provisions(f, std))
    by_instrument: dict[str, list[str]] = {}
    for pid in pids:
        by_instrument.setdefault(_instrument_of(std, pid), []).append(pid)
    out: list[InstrumentTexts] = []

    def inst_key(inst: str) -> tuple[int, int, str]:
        rank = min(_provision_rank(std, pid) for pid in by_instrument[inst])
        order = list(std.instruments).index(inst) if inst in std.instruments else len(pids)
        return (rank, order, inst)

    for inst in sorted(by_instrument, key=inst_key):
        texts: list[StandardText] = []
        citations: set[str] = set()
        for pid in sorted(by_instrument[inst], key=lambda p: (position[p], p)):
            st = _standard_text(std, pid)
            if st is not None and st.citation not in citations:
                citations.add(st.citation)
                texts.append(st)
        if texts:
            i = std.instruments.get(inst)
            title = f"{i.title} ({i.short_name})" if i else inst
            out.append(InstrumentTexts(title, texts))
    return out


def _summary(counts: dict[str, int], total: int, docs: list[DocumentView]) -> list[str]:
    names = ", ".join(d.title for d in docs) or "the documents given"
    gaps = total - counts["compliant"]
    lines = [
        f"This review compared {names} with {_plural(total, 'requirement', 'requirements')} of"
        " international standards on child justice.",
        f"The law meets {counts['compliant']} of them, meets "
        f"{counts['partially_compliant']} in part, contradicts {counts['non_compliant']} and is"
        f" silent on {counts['not_addressed']}.",
    ]
    if gaps:
        lines.append(
            f"A model amendment is proposed for each of the {_plural(gaps, 'gap', 'gaps')};"
            " the most serious are listed first below."
        )
    else:
        lines.append("No gap was found in the requirements checked.")
    return lines


def _priority_note(more: int) -> str:
    if more <= 0:
        return ""
    if more == 1:
        return "One other gap is set out with the detailed findings."
    return f"The {more} other gaps are set out with the detailed findings."


def _instruments(review: Review, std: Standards) -> list[InstrumentView]:
    used: set[str] = set()
    for f in review.findings:
        for rid in f.requirements:
            r = std.requirements.get(rid)
            used.update(pid.split(".", 1)[0] for pid in (r.derived_from if r else []))
    out = [
        InstrumentView(i.short_name, i.title, i.adopted_by, i.date)
        for key, i in std.instruments.items()
        if key in used or not used
    ]
    return sorted(out, key=lambda i: (i.date, i.short_name))


def _schedule(
    review: Review, views: list[FindingView], parsed: dict[str, ParsedDocument]
) -> list[FindingView]:
    """Amendments in the order a drafter applies them: by law, then by place in the law."""
    order = {d.path: i for i, d in enumerate(review.documents)}
    positions: dict[str, dict[str, tuple[int, int]]] = {}
    for path, doc in parsed.items():
        index: dict[str, tuple[int, int]] = {}
        for prov in doc.walk():
            index.setdefault(prov.label, (prov.start, prov.end))
        positions[path] = index

    def key(pair: tuple[Finding, FindingView]) -> tuple[int, int, str, str]:
        f = pair[0]
        a = f.amendment
        path = (
            f.evidence[0].document
            if f.evidence
            else (review.documents[0].path if review.documents else "")
        )
        span = positions.get(path, {}).get((a.target or "") if a else "")
        # A substitution sits where its target starts; an insertion after its target ends.
        where = (span[1] if a and a.action == "insert" else span[0]) if span else 1 << 40
        return (order.get(path, len(order)), where, (a.new_label or "") if a else "", f.check)

    pairs = [(f, v) for f, v in zip(review.findings, views, strict=True) if v.amendment]
    return [v for _, v in sorted(pairs, key=key)]


def build_view(
    review: Review, options: RenderOptions, standards: Standards | None = None
) -> ReportView:
    """Everything a report shows, sorted and worded once for every format."""
    from lexcheck.recommend.drafting import standards_or_empty

    std = standards if standards is not None else standards_or_empty()
    parsed: dict[str, ParsedDocument] = {d.document.path: d for d in options.documents}
    docs = [
        DocumentView(
            title=d.title
            or (parsed[d.path].document.title if d.path in parsed else None)
            or d.path,
            path=d.path,
            sha256=d.sha256,
            provisions=d.provisions,
        )
        for d in review.documents
    ]
    # With one law under review, every quote is from it: name the law only when there are more.
    doc_titles = {d.path: d.title for d in docs} if len(docs) > 1 else {d.path: "" for d in docs}
    rank = _citation_ranks(std)
    views = [_finding_view(f, std, doc_titles, rank) for f in review.findings]
    by_status = {s.value: 0 for s in STATUS_ORDER}
    for v in views:
        by_status[v.status] += 1
    rank = {s.value: STATUS_RANK[s] for s in Status}
    sev = {s.value: SEVERITY_RANK[s] for s in Severity}
    ordered = sorted(views, key=lambda v: (_theme_key(v.theme), -rank[v.status], v.check))
    priority = sorted(
        (v for v in views if v.is_gap), key=lambda v: (sev[v.severity], -rank[v.status], v.check)
    )
    themes: list[ThemeView] = []
    for v in ordered:
        if not themes or themes[-1].key != v.theme:
            themes.append(ThemeView(v.theme, v.theme_label, []))
        themes[-1].findings.append(v)
    chart = [
        ChartRow(
            t.label,
            tuple(sum(1 for v in t.findings if v.status == s.value) for s in STATUS_ORDER),  # type: ignore[arg-type]
        )
        for t in themes
    ]
    annex: list[AnnexRow] = []
    checked: set[str] = set()
    for v in ordered:
        for rid in v.requirements:
            checked.add(rid)
            r = std.requirements.get(rid)
            annex.append(
                AnnexRow(
                    rid, r.title if r else v.title, v.theme_label, v.status, v.status_label, v.fill
                )
            )
    for rid, r in sorted(std.requirements.items(), key=lambda kv: (_theme_key(kv[1].theme), kv[0])):
        if rid not in checked and r.check == "manual":
            annex.append(
                AnnexRow(
                    rid, r.title, theme_label(r.theme), "manual", STATUS_LABEL["manual"], "FFFFFF"
                )
            )
    report_date = options.report_date or date.today()
    if len(docs) == 1:
        title = f"Compliance review: {docs[0].title}"
    else:
        title = f"Compliance review of {_plural(len(docs), 'law', 'laws')}"
    return ReportView(
        title=title,
        report_date=report_date,
        date_text=_date_text(report_date),
        lexcheck_version=review.lexcheck_version,
        documents=docs,
        instruments=_instruments(review, std),
        counts=[
            CountView(s.value, STATUS_LABEL[s.value], by_status[s.value], STATUS_COLOR[s.value])
            for s in STATUS_ORDER
        ],
        total=len(views),
        summary=_summary(by_status, len(views), docs),
        priority=priority[:PRIORITY_LIMIT],
        priority_more=max(0, len(priority) - PRIORITY_LIMIT),
        priority_note=_priority_note(len(priority) - PRIORITY_LIMIT),
        matrix=ordered,
        themes=themes,
        chart=chart,
        annex=annex,
        schedule=_schedule(review, views, parsed),
        standard_texts=_standard_texts(review.findings, std),
    )
