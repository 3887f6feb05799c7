"""Fixtures for the CI gate: a realistic draft bill and Reviews built from its real text.

``build_review`` plays the review engine's part with findings whose evidence is located in the
bill's own text (labels, eIds, quotes, offsets and lines all real), so the gate is tested on
what the engine will hand it, without depending on the engine's judgement.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from lexcheck.models import (
    Evidence,
    Finding,
    Review,
    ReviewedDocument,
    Severity,
    Status,
)

BILL = """\
# Child Justice Bill, 2026

A Bill for an Act to establish a criminal justice system for children in conflict with the law.

## PART I — PRELIMINARY

### 1. Short title and commencement

This Act may be cited as the Child Justice Act, 2026, and shall come into force on a date
appointed by the Minister by notice in the Gazette.

### 2. Interpretation

In this Act, unless the context otherwise requires—

"child" means a person under the age of eighteen years;

"Children's Court" means a court established under section 40.

## PART II — CRIMINAL CAPACITY

### 7. Minimum age of criminal responsibility

(1) A child under the age of twelve years shall not be held criminally responsible for an
offence.

(2) A child of or above the age of twelve years but under the age of fourteen years is
presumed not to have criminal capacity unless the prosecution proves otherwise.

## PART III — ARREST AND DETENTION

### 12. Notification of parents

(1) Where a child is arrested, the police officer shall notify the parent or guardian of the
child as soon as practicable.

### 13. First appearance

A child who is arrested shall be brought before a Children's Court within forty-eight hours
of the arrest.

### 21. Detention

(1) A child shall be detained only as a measure of last resort and for the shortest
appropriate period of time.

(2) A child in detention shall be kept separately from adults, save where the facility does
not allow it.

## PART IV — SENTENCING

### 30. Sentences

(1) The Children's Court may impose any sentence provided for in section 31, but shall not
sentence a child to death or to imprisonment for life.
"""

WHIPPING = """
(2) The Children's Court may order that a male child be whipped, with not more than six
strokes of a light cane.
"""


@dataclass
class Spec:
    """A finding to build: where its evidence is (label, eId, quote found in the text)."""

    check: str
    status: Status
    evidence: list[tuple[str, str, str]] = field(default_factory=list)
    title: str = ""
    theme: str = ""
    severity: Severity = Severity.HIGH
    explanation: str = ""
    citations: list[str] = field(default_factory=list)
    values: dict[str, object] = field(default_factory=dict)


def locate(text: str, quote: str, nth: int = 0) -> tuple[int, int, int]:
    """Start, end and 1-based line of the ``nth`` occurrence of ``quote`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return start, start + len(quote), text.count("\n", 0, start) + 1


def build_review(path: str, text: str, specs: list[Spec]) -> Review:
    """A Review of ``path`` whose evidence is located in ``text``."""
    findings: list[Finding] = []
    for s in specs:
        evidence = []
        seen: dict[str, int] = {}
        for label, eid, quote in s.evidence:
            nth = seen.get(quote, 0)
            seen[quote] = nth + 1
            start, end, line = locate(text, quote, nth)
            evidence.append(
                Evidence(
                    document=path,
                    provision=label,
                    eid=eid,
                    quote=quote,
                    start=start,
                    end=end,
                    line=line,
                )
            )
        findings.append(
            Finding(
                check=s.check,
                title=s.title,
                theme=s.theme,
                requirements=[s.check],
                status=s.status,
                values=s.values,
                evidence=evidence,
                citations=s.citations,
                explanation=s.explanation or f"{s.check} is {s.status.value}.",
                severity=s.severity,
                confidence=0.9,
            )
        )
    counts = {st.value: sum(1 for f in findings if f.status == st) for st in Status}
    return Review(
        lexcheck_version="0.1.0",
        documents=[
            ReviewedDocument(
                path=path,
                title="Child Justice Bill, 2026",
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                provisions=12,
            )
        ],
        findings=findings,
        summary=counts,  # type: ignore[arg-type]
    )


def bill_specs(text: str) -> list[Spec]:
    """What a careful reviewer finds in the bill (and, with whipping added, in the amended one)."""
    specs = [
        Spec(
            "jj.child_definition",
            Status.COMPLIANT,
            [("section 2", "sec_2", '"child" means a person under the age of eighteen years')],
            title="Definition of a child",
            theme="child_definition",
        ),
        Spec(
            "jj.macr",
            Status.NON_COMPLIANT,
            [
                (
                    "section 7(1)",
                    "sec_7__subsec_1",
                    "A child under the age of twelve years shall not be held criminally"
                    " responsible",
                )
            ],
            title="Minimum age of criminal responsibility",
            theme="minimum_age",
            explanation="The minimum age is 12, below the floor of 14 that GC24 para. 22 sets.",
            citations=["CRC art. 40(3)(a)", "Beijing Rules 4.1", "GC24 para. 22"],
            values={"minimum_age": 12},
        ),
        Spec(
            "jj.parental_notification",
            Status.PARTIALLY_COMPLIANT,
            [("section 12(1)", "sec_12__subsec_1", "as soon as practicable")],
            title="Notification of parents",
            theme="deprivation_of_liberty",
            severity=Severity.MEDIUM,
        ),
        Spec(
            "jj.first_appearance",
            Status.PARTIALLY_COMPLIANT,
            [("section 13", "sec_13", "within forty-eight hours")],
            title="Prompt first appearance",
            theme="deprivation_of_liberty",
            values={"max_hours": 48},
        ),
        Spec(
            "jj.separation_adults",
            Status.PARTIALLY_COMPLIANT,
            [
                (
                    "section 21(2)",
                    "sec_21__subsec_2",
                    "save where the facility does\nnot allow it",
                )
            ],
            title="Separation from adults",
            theme="conditions_of_detention",
        ),
        Spec("jj.diversion", Status.NOT_ADDRESSED, title="Diversion", theme="diversion"),
    ]
    if "whipped" in text:
        specs.append(
            Spec(
                "jj.corporal_punishment",
                Status.NON_COMPLIANT,
                [("section 30(2)", "sec_30__subsec_2", "may order that a male child be whipped")],
                title="No corporal punishment",
                theme="sentencing",
                explanation="Section 30(2) authorises whipping, which the standards prohibit.",
                citations=["Beijing Rules 17.3", "Havana Rules 67"],
            )
        )
    else:
        specs.append(
            Spec(
                "jj.corporal_punishment",
                Status.NOT_ADDRESSED,
                title="No corporal punishment",
                theme="sentencing",
            )
        )
    return specs


def review_of(path: str | Path) -> Review:
    """Review a bill file the way the fixtures' stand-in engine does."""
    text = Path(path).read_text(encoding="utf-8")
    return build_review(str(path), text, bill_specs(text))


@pytest.fixture
def bill_review() -> Review:
    return build_review("bills/child_justice_bill.md", BILL, bill_specs(BILL))


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Install the stand-in engine as ``lexcheck.api.review_files``; records each call."""
    from lexcheck import api

    calls: list[list[str]] = []

    def review_files(paths: list[str]) -> tuple[Review, list[object]]:
        calls.append(list(paths))
        reviews = [review_of(p) for p in paths]
        first = reviews[0]
        for extra in reviews[1:]:
            first.documents.extend(extra.documents)
            first.findings.extend(extra.findings)
        return first, []

    monkeypatch.setattr(api, "review_files", review_files, raising=False)
    return calls
