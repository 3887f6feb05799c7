# ruff: noqa: E501
"""Test data for the report tests: a small Commonwealth act, a civil-law code, findings, standards.

Official wording in the standards fixture is quoted verbatim from the bundled instrument texts
(CRC: OHCHR English text; Beijing Rules: GA res 40/33 as published), with their citations.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lexcheck.models import (
    DocumentInfo,
    Evidence,
    Finding,
    ParsedDocument,
    Provision,
    Review,
    Severity,
    SourceFormat,
    Status,
)
from lexcheck.standards.loader import Standards
from lexcheck.standards.schema import Instrument, Requirement, StandardProvision


@dataclass
class Node:
    """A provision to lay out: its heading line (if any), its own text and its children."""

    kind: str
    number: str
    label: str
    line: str
    children: list[Node] = field(default_factory=list)
    heading: str | None = None
    terms: list[str] = field(default_factory=list)


def layout(nodes: list[Node], path: str, title: str, language: str = "en") -> ParsedDocument:
    """Lay the nodes out one per line and compute every span, as the structure stage would."""
    text_parts: list[str] = []
    line_starts: list[int] = []
    pos = 0

    def emit(node: Node, prefix: str) -> Provision:
        nonlocal pos
        start = pos
        line_no = len(line_starts) + 1
        line_starts.append(pos)
        text_parts.append(node.line + "\n")
        pos += len(node.line) + 1
        kids = [emit(child, f"{prefix}__{child.kind}_{child.number}") for child in node.children]
        return Provision(
            kind=node.kind,  # type: ignore[arg-type]
            number=node.number,
            label=node.label,
            eid=prefix,
            heading=node.heading,
            text="",
            start=start,
            end=pos,
            line=line_no,
            children=kids,
            terms=node.terms,
        )

    provs = [emit(n, f"{n.kind}_{n.number}") for n in nodes]
    text = "".join(text_parts)

    def fill(p: Provision) -> Provision:
        return p.model_copy(
            update={"text": text[p.start : p.end], "children": [fill(c) for c in p.children]}
        )

    provs = [fill(p) for p in provs]
    info = DocumentInfo(
        path=path,
        title=title,
        language=language,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )
    return ParsedDocument(
        document=info, format=SourceFormat.TXT, text=text, provisions=provs, line_starts=line_starts
    )


def children_act() -> ParsedDocument:
    """A Commonwealth-style act: Parts, sections, subsections, a definitions section."""
    s2_defs = [
        Node(
            "definition",
            "child",
            "section 2 (child)",
            '"child" means a person under the age of sixteen years;',
            terms=["child"],
        ),
        Node(
            "definition",
            "court",
            "section 2 (Children's Court)",
            '"Children\'s Court" means a court established under section 30;',
            terms=["Children's Court"],
        ),
    ]
    nodes = [
        Node(
            "part",
            "I",
            "Part I",
            "PART I - PRELIMINARY",
            heading="Preliminary",
            children=[
                Node(
                    "section",
                    "1",
                    "section 1",
                    "1. Short title",
                    heading="Short title",
                    children=[
                        Node(
                            "subsection",
                            "1",
                            "section 1(1)",
                            "(1) This Act may be cited as the Children Act.",
                        ),
                    ],
                ),
                Node(
                    "section",
                    "2",
                    "section 2",
                    "2. Interpretation",
                    heading="Interpretation",
                    children=[
                        Node(
                            "subsection",
                            "1",
                            "section 2(1)",
                            "(1) In this Act, unless the context otherwise requires—",
                            children=s2_defs,
                        ),
                    ],
                ),
            ],
        ),
        Node(
            "part",
            "II",
            "Part II",
            "PART II - CRIMINAL RESPONSIBILITY",
            heading="Criminal responsibility",
            children=[
                Node(
                    "section",
                    "7",
                    "section 7",
                    "7. Age of criminal responsibility",
                    heading="Age of criminal responsibility",
                    children=[
                        Node(
                            "subsection",
                            "1",
                            "section 7(1)",
                            "(1) A child under the age of ten years shall not be criminally responsible for any act or omission.",
                        ),
                        Node(
                            "subsection",
                            "2",
                            "section 7(2)",
                            "(2) A child of or above ten years who is charged with murder may be tried by the High Court.",
                        ),
                    ],
                ),
            ],
        ),
        Node(
            "part",
            "III",
            "Part III",
            "PART III - ARREST AND DETENTION",
            heading="Arrest and detention",
            children=[
                Node(
                    "section",
                    "12",
                    "section 12",
                    "12. Arrest of a child",
                    heading="Arrest of a child",
                    children=[
                        Node(
                            "subsection",
                            "1",
                            "section 12(1)",
                            "(1) A child who is arrested shall be brought before the Children's Court within forty-eight hours of the arrest.",
                        ),
                        Node(
                            "subsection",
                            "2",
                            "section 12(2)",
                            "(2) The police shall inform the parent or guardian of the child of the arrest.",
                        ),
                    ],
                ),
                Node(
                    "section",
                    "13",
                    "section 13",
                    "13. Detention",
                    heading="Detention",
                    children=[
                        Node(
                            "subsection",
                            "1",
                            "section 13(1)",
                            "(1) A child shall be detained only as a measure of last resort.",
                        ),
                    ],
                ),
            ],
        ),
        Node(
            "part",
            "IV",
            "Part IV",
            "PART IV - ORDERS ON CONVICTION",
            heading="Orders on conviction",
            children=[
                Node(
                    "section",
                    "20",
                    "section 20",
                    "20. Orders",
                    heading="Orders",
                    children=[
                        Node(
                            "subsection",
                            "1",
                            "section 20(1)",
                            "(1) The Children's Court may order that a male child be whipped with not more than six strokes of a light cane.",
                        ),
                        Node(
                            "subsection",
                            "2",
                            "section 20(2)",
                            "(2) <script>alert('x')</script> & other \"hostile\" text.",
                        ),
                    ],
                ),
            ],
        ),
    ]
    return layout(nodes, "children_act.txt", "Children Act, 2010")


def codigo() -> ParsedDocument:
    """A civil-law code in Spanish: articles with numbered paragraphs."""
    nodes = [
        Node(
            "title",
            "I",
            "título I",
            "TÍTULO I. DISPOSICIONES GENERALES",
            heading="Disposiciones generales",
            children=[
                Node(
                    "article",
                    "139",
                    "artículo 139",
                    "Artículo 139. Sistema de responsabilidad penal para adolescentes. El sistema se aplica a los adolescentes entre catorce y dieciocho años.",
                    heading="Sistema de responsabilidad penal para adolescentes",
                ),
                Node(
                    "article",
                    "142",
                    "artículo 142",
                    "Artículo 142. Exclusión de la responsabilidad penal. Las personas menores de catorce (14) años no serán juzgadas ni declaradas responsables penalmente.",
                    heading="Exclusión de la responsabilidad penal",
                ),
            ],
        ),
        Node(
            "title",
            "II",
            "título II",
            "TÍTULO II. PROCEDIMIENTO",
            heading="Procedimiento",
            children=[
                Node(
                    "article",
                    "160",
                    "artículo 160",
                    "Artículo 160. Privación de la libertad. La privación de la libertad del adolescente procede para los mayores de dieciséis años.",
                    heading="Privación de la libertad",
                ),
            ],
        ),
    ]
    return layout(nodes, "codigo.txt", "Código de la Infancia y la Adolescencia", language="es")


def evidence(doc: ParsedDocument, label: str) -> Evidence:
    prov = next(p for p in doc.walk() if p.label == label)
    return Evidence(
        document=doc.document.path,
        provision=prov.label,
        eid=prov.eid,
        quote=prov.text.strip().splitlines()[0],
        start=prov.start,
        end=prov.end,
        line=prov.line,
    )


def make_findings(doc: ParsedDocument) -> list[Finding]:
    """Realistic findings for the children act, one per status at least."""

    def f(
        check: str,
        theme: str,
        status: Status,
        labels: list[str],
        explanation: str,
        severity: Severity = Severity.HIGH,
        values: dict[str, Any] | None = None,
    ) -> Finding:
        return Finding(
            check=check,
            title=TITLES[check],
            theme=theme,
            requirements=[check],
            status=status,
            values=values or {},
            evidence=[evidence(doc, lab) for lab in labels],
            citations=[],
            explanation=explanation,
            severity=severity,
            confidence=0.9,
            searched=[] if labels else ["section 1", "section 2", "section 7"],
        )

    return [
        f(
            "jj.macr",
            "minimum_age",
            Status.NON_COMPLIANT,
            ["section 7(1)"],
            "The Act sets the minimum age at 10, below the floor of 14.",
            values={"minimum_age": 10},
        ),
        f(
            "jj.child_definition",
            "child_definition",
            Status.NON_COMPLIANT,
            ["section 2 (child)"],
            "A child is a person under 16, so 16- and 17-year-olds are outside the Act.",
            values={"upper_age": 16},
        ),
        f(
            "jj.first_appearance",
            "deprivation_of_liberty",
            Status.PARTIALLY_COMPLIANT,
            ["section 12(1)"],
            "An arrested child may be held 48 hours before appearing in court.",
            severity=Severity.MEDIUM,
            values={"max_hours": 48},
        ),
        f(
            "jj.detention_last_resort",
            "deprivation_of_liberty",
            Status.PARTIALLY_COMPLIANT,
            ["section 13(1)"],
            "Last resort is required but not the shortest appropriate period.",
            severity=Severity.MEDIUM,
        ),
        f(
            "jj.corporal_punishment",
            "sentencing",
            Status.NON_COMPLIANT,
            ["section 20(1)"],
            "The court may order whipping of a male child.",
        ),
        f(
            "jj.death_penalty",
            "sentencing",
            Status.NOT_ADDRESSED,
            [],
            "The Act does not exclude the death penalty for offences committed under 18.",
        ),
        f(
            "jj.diversion",
            "diversion",
            Status.NOT_ADDRESSED,
            [],
            "The Act makes no provision for diversion.",
            severity=Severity.MEDIUM,
        ),
        f(
            "jj.parental_notification",
            "deprivation_of_liberty",
            Status.PARTIALLY_COMPLIANT,
            ["section 12(2)"],
            "Parents are informed, but not immediately.",
            severity=Severity.LOW,
        ),
        f(
            "jj.interpreter",
            "fair_trial",
            Status.NOT_ADDRESSED,
            [],
            "No right to an interpreter.",
            severity=Severity.LOW,
        ),
        f(
            "jj.separation_adults",
            "deprivation_of_liberty",
            Status.COMPLIANT,
            ["section 13(1)"],
            "Detained children are kept apart from adults.",
            severity=Severity.LOW,
        ),
    ]


TITLES = {
    "jj.macr": "Minimum age of criminal responsibility",
    "jj.child_definition": "Every person under 18 is a child",
    "jj.first_appearance": "Prompt first appearance before a judge",
    "jj.detention_last_resort": "Detention as a last resort and for the shortest appropriate period",
    "jj.corporal_punishment": "No corporal punishment",
    "jj.death_penalty": "No death penalty",
    "jj.diversion": "Diversion from judicial proceedings",
    "jj.parental_notification": "Immediate notification of parents",
    "jj.interpreter": "Right to an interpreter",
    "jj.separation_adults": "Separation from adults",
}

THEMES = {
    "jj.macr": "minimum_age",
    "jj.child_definition": "child_definition",
    "jj.first_appearance": "deprivation_of_liberty",
    "jj.detention_last_resort": "deprivation_of_liberty",
    "jj.corporal_punishment": "sentencing",
    "jj.death_penalty": "sentencing",
    "jj.diversion": "diversion",
    "jj.parental_notification": "deprivation_of_liberty",
    "jj.interpreter": "fair_trial",
    "jj.separation_adults": "deprivation_of_liberty",
}

DERIVED = {
    "jj.macr": ["crc.art40.3.a", "beijing.r4.1"],
    "jj.child_definition": ["crc.art1"],
    "jj.first_appearance": ["crc.art37.d", "beijing.r10.2"],
    "jj.detention_last_resort": ["crc.art37.b", "beijing.r13.1"],
    "jj.corporal_punishment": ["beijing.r17.3"],
    "jj.death_penalty": ["crc.art37.a"],
    "jj.diversion": ["crc.art40.3.b"],
    "jj.parental_notification": ["beijing.r10.1"],
    "jj.interpreter": ["crc.art40.2.b.vi"],
    "jj.separation_adults": ["crc.art37.c"],
}

# Verbatim from /work/shared/instruments (crc.txt, beijing_rules.txt) at the time of writing.
OFFICIAL = {
    "crc.art37.b": (
        "CRC art. 37(b)",
        "No child shall be deprived of his or her liberty unlawfully or arbitrarily. The arrest, detention or imprisonment of a child shall be in conformity with the law and shall be used only as a measure of last resort and for the shortest appropriate period of time;",
    ),
    "crc.art40.3.a": (
        "CRC art. 40(3)(a)",
        "The establishment of a minimum age below which children shall be presumed not to have the capacity to infringe the penal law;",
    ),
    "beijing.r4.1": (
        "Beijing Rules 4.1",
        "In those legal systems recognizing the concept of the age of criminal responsibility for juveniles, the beginning of that age shall not be fixed at too low an age level, bearing in mind the facts of emotional, mental and intellectual maturity.",
    ),
    "beijing.r10.1": (
        "Beijing Rules 10.1",
        "Upon the apprehension of a juvenile, her or his parents or guardian shall be immediately notified of such apprehension, and, where such immediate notification is not possible, the parents or guardian shall be notified within the shortest possible time thereafter.",
    ),
    "beijing.r10.2": (
        "Beijing Rules 10.2",
        "A judge or other competent official or body shall, without delay, consider the issue of release.",
    ),
    "beijing.r13.1": (
        "Beijing Rules 13.1",
        "Detention pending trial shall be used only as a measure of last resort and for the shortest possible period of time.",
    ),
    "beijing.r17.3": (
        "Beijing Rules 17.3",
        "Juveniles shall not be subject to corporal punishment.",
    ),
}
SUMMARY_ONLY = {
    "crc.art1": "CRC art. 1",
    "crc.art37.a": "CRC art. 37(a)",
    "crc.art37.c": "CRC art. 37(c)",
    "crc.art37.d": "CRC art. 37(d)",
    "crc.art40.3.b": "CRC art. 40(3)(b)",
    "crc.art40.2.b.vi": "CRC art. 40(2)(b)(vi)",
}


def make_standards() -> Standards:
    std = Standards()
    std.instruments["crc"] = Instrument(
        id="crc",
        title="Convention on the Rights of the Child",
        short_name="CRC",
        adopted_by="General Assembly resolution 44/25",
        date="1989-11-20",
        binding=True,
        top_level_unit="article",
        top_level_total=54,
    )
    std.instruments["beijing"] = Instrument(
        id="beijing",
        title="United Nations Standard Minimum Rules for the Administration of Juvenile Justice",
        short_name="Beijing Rules",
        adopted_by="General Assembly resolution 40/33",
        date="1985-11-29",
        binding=False,
        top_level_unit="rule",
        top_level_total=30,
    )
    for pid, (cit, text) in OFFICIAL.items():
        std.provisions[pid] = StandardProvision(id=pid, citation=cit, number=[], text=text)
    for pid, cit in SUMMARY_ONLY.items():
        std.provisions[pid] = StandardProvision(
            id=pid,
            citation=cit,
            number=[],
            text=None,
            text_status="summary",
            summary="Our own summary of the provision.",
        )
    for rid, title in TITLES.items():
        std.requirements[rid] = Requirement(
            id=rid,
            title=title,
            statement=f"The law must provide for: {title.lower()}.",
            derived_from=DERIVED[rid],
            theme=THEMES[rid],
            protects=["children_in_conflict_with_law"],
            strength="treaty_obligation",
            check=rid,
            priority="high",
        )
    std.requirements["jj.complaints_inspection"] = Requirement(
        id="jj.complaints_inspection",
        title="Complaints and inspection",
        statement="Detained children can complain to an independent body.",
        derived_from=["crc.art37.c"],
        theme="conditions_of_detention",
        protects=["children_in_conflict_with_law"],
        strength="soft_law_standard",
        check="manual",
        manual_reason="Needs practice review.",
    )
    return std


def make_review(findings: list[Finding], docs: list[ParsedDocument]) -> Review:
    from lexcheck.api import make_review as review_of

    return review_of(findings, docs)


REPORT_DATE = date(2026, 3, 1)
