"""Place an amendment in a statute (where, under which number) and render its template."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from lexcheck.models import Amendment, Evidence, Finding, ParsedDocument, Provision, Status
from lexcheck.recommend.style import StatuteStyle, Unit, detect_style
from lexcheck.resources import data_dir
from lexcheck.standards.loader import Standards, load_standards

GAP_STATUSES = frozenset({Status.NON_COMPLIANT, Status.PARTIALLY_COMPLIANT, Status.NOT_ADDRESSED})

# Checks whose gap is usually a wrong figure in one provision: the value, and the test the
# figure fails. When the evidence provision states the figure, the amendment substitutes it.
FIGURE_CHECKS: dict[str, tuple[str, Any]] = {
    "jj.macr": ("minimum_age", lambda v: v < 14),
    "jj.child_definition": ("upper_age", lambda v: v < 18),
    "jj.first_appearance": ("max_hours", lambda v: v > 24),
}

# Words in a Part's heading that make it the natural home of a new provision on a theme.
THEME_PART_WORDS: dict[str, tuple[str, ...]] = {
    "minimum_age": ("criminal responsibility", "age", "responsabilidad", "preliminary", "general"),
    "child_definition": (
        "preliminary",
        "interpretation",
        "definitions",
        "general",
        "disposiciones",
    ),
    "deprivation_of_liberty": (
        "arrest",
        "detention",
        "custody",
        "remand",
        "bail",
        "apprehension",
        "detención",
        "privación",
        "libertad",
    ),
    "fair_trial": (
        "trial",
        "proceedings",
        "procedure",
        "inquiry",
        "hearing",
        "garantías",
        "procedimiento",
        "proceso",
    ),
    "sentencing": ("sentenc", "orders", "disposition", "measures", "sanciones", "medidas"),
    "diversion": ("diversion", "alternative", "restorative", "principio de oportunidad"),
    "privacy": ("privacy", "confidential", "records", "publication", "reserva"),
    "victims_and_witnesses": ("victim", "witness", "víctima", "testigo"),
    "violence": ("protection", "abuse", "violence", "offences against", "maltrato"),
    "specialisation": ("court", "board", "establishment", "institutions", "autoridades"),
    "conditions_of_detention": (
        "institution",
        "detention",
        "homes",
        "facilities",
        "custody",
        "centros",
        "internamiento",
    ),
}

_ARTICLES_FOR = ("a", "e", "i", "o", "u")
MAX_RATIONALE_CITATIONS = 4


def standards_or_empty() -> Standards:
    """The bundled standards, or an empty set where no standards folder is installed.

    Invalid standards raise DataError (exit 3): a report must not quietly drop the standards.
    """
    try:
        return load_standards()
    except FileNotFoundError:
        return Standards()


def _words(n: int) -> str:
    units = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen",
    ]  # fmt: skip
    tens = {
        20: "twenty",
        30: "thirty",
        40: "forty",
        50: "fifty",
        60: "sixty",
        70: "seventy",
        80: "eighty",
        90: "ninety",
    }
    if 0 <= n < 20:
        return units[n]
    if n < 100:
        t, u = divmod(n, 10)
        return tens[t * 10] + (f"-{units[u]}" if u else "")
    return str(n)


def _capfirst(s: str) -> str:
    return s[:1].upper() + s[1:]


def _join_labels(labels: list[str]) -> str:
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


@cache
def _environment(root: Path) -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(root)),
        autoescape=False,  # amendment text is plain text; each renderer escapes for its format
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )
    env.filters["capfirst"] = _capfirst
    env.filters["words"] = _words
    env.filters["join_labels"] = _join_labels
    return env


def _topic(title: str) -> str:
    t = title.strip().rstrip(".")
    if not t:
        return "the protection the standards require"
    t = t[0].lower() + t[1:] if not t[:2].isupper() else t
    if re.match(r"(?:the|a|an)\b", t, re.I):
        return t
    return f"the {t}"


def _indefinite(term: str) -> str:
    return ("an " if term[:1].lower() in _ARTICLES_FOR else "a ") + term


def _spanish(style: StatuteStyle) -> dict[str, str]:
    """Articles and contractions Spanish templates need ("del adolescente", "al juez")."""
    court = style.court if style.court and style.court.lower().startswith("juez") else None
    return {
        "el_child": f"el {style.child}",
        "del_child": f"del {style.child}",
        "al_child": f"al {style.child}",
        "un_child": f"un {style.child}",
        "los_children": f"los {style.children}",
        "el_court": f"el {court}" if court else "la autoridad judicial competente",
        "del_court": f"del {court}" if court else "de la autoridad judicial competente",
        "act_es": "el presente Código" if "código" in style.title.lower() else "la presente ley",
    }


class Drafter:
    """Drafts amendments for one review, allocating fresh unit numbers as it goes."""

    def __init__(self, documents: list[ParsedDocument], standards: Standards | None = None) -> None:
        self.documents = documents
        self.styles = {doc.document.path: detect_style(doc) for doc in documents}
        self.standards = standards if standards is not None else standards_or_empty()
        self.env = _environment(data_dir("templates"))
        self._index: dict[str, dict[str, Provision]] = {}  # path -> eid/label -> provision

    # --- placement -------------------------------------------------------------------------
    def _document_for(self, finding: Finding) -> ParsedDocument | None:
        for ev in finding.evidence:
            for doc in self.documents:
                if doc.document.path == ev.document:
                    return doc
        return self.documents[0] if self.documents else None

    def _provision(self, doc: ParsedDocument, ev: Evidence) -> Provision | None:
        index = self._index.get(doc.document.path)
        if index is None:
            index = self._index[doc.document.path] = {}
            for prov in doc.walk():
                index.setdefault(prov.eid, prov)
                index.setdefault(prov.label, prov)
        found = index.get(ev.eid) or index.get(ev.provision)
        if found is not None:
            return found
        best: Provision | None = None
        for prov in doc.walk():
            # Otherwise the smallest provision whose span holds the quote.
            if prov.start <= ev.start < prov.end and (best is None or prov.start >= best.start):
                best = prov
        return best

    @staticmethod
    def _unit_at(style: StatuteStyle, offset: int) -> Unit | None:
        for unit in style.units:
            if unit.provision.start <= offset < unit.provision.end:
                return unit
        return None

    @staticmethod
    def _unit_for_theme(style: StatuteStyle, theme: str) -> Unit | None:
        """The last unit of the Part whose heading suits the theme, else the last unit."""
        if not style.units:
            return None
        words = THEME_PART_WORDS.get(theme, ())
        pattern = re.compile("|".join(rf"\b{re.escape(w)}" for w in words)) if words else None

        def suits(heading: str | None) -> bool:
            return bool(pattern and heading and pattern.search(heading.lower()))

        part_suits: dict[int, bool] = {}
        chosen: Unit | None = None
        for unit in style.units:
            if unit.part is not None:
                key = id(unit.part)
                if key not in part_suits:
                    part_suits[key] = suits(unit.part.heading)
                if part_suits[key]:
                    chosen = unit  # keep the last unit of the matching Part(s)
        if chosen is None:
            for unit in style.units:
                if suits(unit.provision.heading):
                    chosen = unit
        return chosen or style.units[-1]

    # --- drafting --------------------------------------------------------------------------
    def _template(self, finding: Finding, theme: str, language: str) -> Any:
        names = []
        if language != "en":
            # A statute in another language gets its text in that language where we have it.
            names += [
                f"amendments/{language}/{finding.check}.j2",
                f"amendments/{language}/themes/{theme}.j2",
                f"amendments/{language}/themes/generic.j2",
            ]
        names += [
            f"amendments/{finding.check}.j2",
            f"amendments/themes/{theme}.j2",
            "amendments/themes/generic.j2",
        ]
        return self.env.select_template(names)

    def draft(self, finding: Finding) -> Amendment:
        """A model provision that would close this finding's gap."""
        doc = self._document_for(finding)
        style = self.styles[doc.document.path] if doc else StatuteStyle()
        req = next(
            (
                self.standards.requirements[r]
                for r in finding.requirements
                if r in self.standards.requirements
            ),
            None,
        )
        theme = finding.theme or (req.theme if req else "")
        own_evidence = [e for e in finding.evidence if doc and e.document == doc.document.path]
        first = own_evidence[0] if own_evidence else None
        prov = self._provision(doc, first) if doc and first else None

        mode, target, new_label, sub, target_kind = "insert", None, None, "", ""
        figure = FIGURE_CHECKS.get(finding.check)
        value = finding.values.get(figure[0]) if figure else None
        if (
            figure
            and isinstance(value, int | float)
            and figure[1](value)
            and prov is not None
            and first is not None
            and re.search(rf"\b{int(value)}\b|\b{_words(int(value))}\b", prov.text, re.I)
        ):
            mode, target, target_kind = "substitute", first.provision, prov.kind
            new_label = first.provision
            number = (prov.number or "").strip("()")
            numbered = prov.kind in ("subsection", "paragraph", "subparagraph") or (
                prov.kind == "definition" and re.fullmatch(r"\d+[A-Za-z]*", number)
            )
            if numbered and number:
                sub = f"({number}) "
        else:
            unit = self._unit_at(style, first.start) if first else None
            unit = unit or self._unit_for_theme(style, theme)
            if unit is not None and unit.provision.number:
                target = unit.provision.label
                new_label = style.label(style.next_number(unit.provision.number))

        topic_title = (req.title if req else finding.title) or finding.check
        statement = req.statement if req else finding.explanation
        the_court = f"the {style.court}" if style.court else "the court"
        if style.court and style.court[:1].islower() and style.court.startswith("juez"):
            the_court = "the court"  # Spanish court names stay in Spanish templates
        ctx: dict[str, Any] = {
            "child": style.child,
            "children": style.children,
            "a_child": _indefinite(style.child),
            "child_s": f"{style.child}'s",
            "the_court": the_court,
            "shall": style.modal,
            "unit": style.unit,
            "act_word": "Code" if style.civil_law else "Act",
            "subref": "paragraph" if style.civil_law else "subsection",
            "mode": mode,
            "sub": sub,
            "target_kind": target_kind,
            "status": finding.status.value,
            "values": finding.values,
            "evidence_labels": [e.provision for e in own_evidence],
            "other_labels": [e.provision for e in own_evidence[1:]],
            "topic": _topic(topic_title),
            "requirement_title": topic_title,
            "statement": statement,
            "title": style.title,
        }
        ctx.update(_spanish(style))
        module = self._template(finding, theme, style.language).make_module(ctx)
        explained = module
        if style.language != "en":
            # Alternatives and rationale address the adviser, in the report's language (English)
            # and with English words for the child and the court.
            english = ctx | {
                "child": "child",
                "children": "children",
                "a_child": "a child",
                "child_s": "child's",
                "the_court": "the court",
            }
            explained = self._template(finding, theme, "en").make_module(english)
        body = "\n".join(line.strip() for line in str(module).splitlines() if line.strip())
        heading = str(getattr(module, "heading", "") or topic_title)
        if mode == "insert" and new_label:
            number = new_label.split(" ", 1)[1]
            if style.civil_law:
                word = "Artículo" if style.language == "es" else "Article"
                text = f"{word} {number}. {heading}.\n{body}"
            else:
                text = f"{number}. {heading}\n{body}"
        else:
            text = body
        citations = finding.citations or self.standards.citations(finding.requirements)
        rationale = str(getattr(explained, "rationale", "") or statement).strip()
        if citations:
            # The leading citations carry the rule; the report lists every citation elsewhere.
            from lexcheck.standards.citations import compact

            groups = compact(citations)  # one entry per instrument, runs as ranges
            shown = "; ".join(groups[:MAX_RATIONALE_CITATIONS])
            more = len(groups) - MAX_RATIONALE_CITATIONS
            rationale = f"{rationale} ({shown}{f' and {more} more' if more > 0 else ''})"
        return Amendment(
            action="substitute" if mode == "substitute" else "insert",
            target=target,
            new_label=new_label,
            text=text,
            alternatives=[str(a) for a in getattr(explained, "alternatives", [])],
            rationale=rationale,
        )
