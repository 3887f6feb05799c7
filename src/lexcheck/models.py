"""Pydantic models that are the contracts between the pipeline's stages.

ingest -> ``SourceText``; structure -> ``ParsedDocument`` of ``Provision``;
matching/assess -> ``Finding`` with ``Evidence``; the whole run -> ``Review``.
"""

from __future__ import annotations

import bisect
from datetime import date
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class SourceFormat(StrEnum):
    TXT = "txt"
    MD = "md"
    DOCX = "docx"
    PDF = "pdf"
    HTML = "html"
    AKN = "akn"


class SourceText(BaseModel):
    """A document read from disk: normalised text plus a way back to the source.

    ``line_starts[i]`` is the offset in ``text`` where source line ``i + 1`` begins (for
    docx/pdf/html the "line" is the paragraph or extracted line number). ``offsets`` maps
    normalised offsets back to source character offsets as sorted ``(norm, source)`` anchors:
    between anchors the two advance together.
    """

    model_config = ConfigDict(frozen=True)

    path: str
    format: SourceFormat
    sha256: str
    text: str
    title: str | None = None
    language: str | None = None
    line_starts: list[int] = Field(default_factory=lambda: [0])
    offsets: list[tuple[int, int]] = Field(default_factory=list)
    # Akoma Ntoso and similar structured inputs carry their own tree; structure uses it as is.
    provisions: list[Provision] | None = None

    def line_at(self, offset: int) -> int:
        """1-based source line of a normalised offset."""
        return max(1, bisect.bisect_right(self.line_starts, offset))

    def source_offset(self, offset: int) -> int:
        """Character offset in the decoded source file of a normalised offset."""
        if not self.offsets:
            return offset
        i = bisect.bisect_right(self.offsets, (offset, 1 << 62)) - 1
        if i < 0:
            return offset
        norm, src = self.offsets[i]
        return src + (offset - norm)


ProvisionKind = Literal[
    "part",
    "chapter",
    "title",
    "division",
    "section",
    "article",
    "subsection",
    "paragraph",
    "subparagraph",
    "proviso",
    "definition",
    "schedule",
]


# Kinds that group provisions rather than state a rule: a heading that runs into them is no
# lead-in, and a one-line group is only its heading.
CONTAINER_KINDS: frozenset[str] = frozenset({"part", "chapter", "title", "division", "schedule"})

# Akoma Ntoso eId prefixes of each provision kind (``part_2__sec_7__subsec_1__para_a``); one
# table, so a tree built from text and one read from AKN name the same provision the same way.
EID_PREFIX: dict[str, str] = {
    "part": "part",
    "chapter": "chp",
    "title": "title",
    "division": "dvs",
    "section": "sec",
    "article": "art",
    "subsection": "subsec",
    "paragraph": "para",
    "subparagraph": "subpara",
    "proviso": "proviso",
    "definition": "def",
    "schedule": "sched",
}


class Provision(BaseModel):
    """One node of a statute's hierarchy, with its span in ``SourceText.text``.

    ``text`` is the node's whole text, children included (``text == source[start:end]``).
    """

    kind: ProvisionKind
    number: str | None = None
    label: str
    eid: str
    heading: str | None = None
    text: str
    start: int
    end: int
    line: int
    children: list[Provision] = Field(default_factory=list)
    # For kind == "definition": the term(s) it defines, as written ("child", "juvenile").
    terms: list[str] = Field(default_factory=list)

    def walk(self) -> list[Provision]:
        """This node and all its descendants, in document order."""
        out: list[Provision] = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


class DocumentInfo(BaseModel):
    path: str
    title: str | None = None
    language: str | None = None
    sha256: str


class ParsedDocument(BaseModel):
    """The output of ``structure``: the document and its provision tree."""

    document: DocumentInfo
    format: SourceFormat
    text: str
    provisions: list[Provision]
    line_starts: list[int] = Field(default_factory=lambda: [0])

    def walk(self) -> list[Provision]:
        out: list[Provision] = []
        for p in self.provisions:
            out.extend(p.walk())
        return out

    def line_at(self, offset: int) -> int:
        return max(1, bisect.bisect_right(self.line_starts, offset))


class Status(StrEnum):
    COMPLIANT = "compliant"
    PARTIALLY_COMPLIANT = "partially_compliant"
    NON_COMPLIANT = "non_compliant"
    NOT_ADDRESSED = "not_addressed"


# Order of seriousness, used by thresholds (--fail-on) and summaries.
STATUS_RANK: dict[Status, int] = {
    Status.COMPLIANT: 0,
    Status.NOT_ADDRESSED: 1,
    Status.PARTIALLY_COMPLIANT: 2,
    Status.NON_COMPLIANT: 3,
}


class Severity(StrEnum):
    """How much a gap matters in law (bandit's severity axis)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Evidence(BaseModel):
    document: str
    provision: str  # label, e.g. "section 7(1)(a)"
    eid: str
    quote: str
    start: int
    end: int
    line: int


class Conflict(BaseModel):
    """Two provisions (possibly in different documents) that pull in opposite directions."""

    description: str
    evidence: list[Evidence]


class Amendment(BaseModel):
    """A drafted model provision that would close a gap (the ``recommend`` stage's output)."""

    action: Literal["insert", "substitute", "repeal"]
    target: str | None = None  # label of the provision substituted or repealed, or inserted after
    new_label: str | None = None  # e.g. "section 7A", "article 12 bis"
    text: str  # the model provision, in the statute's own style
    alternatives: list[str] = Field(default_factory=list)
    rationale: str = ""


class Finding(BaseModel):
    check: str
    title: str = ""
    theme: str = ""
    requirements: list[str]
    status: Status
    values: dict[str, Any] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)
    citations: list[str] = Field(default_factory=list)
    explanation: str
    severity: Severity
    confidence: float = Field(ge=0.0, le=1.0)
    conflicts: list[Conflict] = Field(default_factory=list)
    searched: list[str] = Field(default_factory=list)  # where a not_addressed finding looked
    amendment: Amendment | None = None
    # Set by the CI gate (``lexcheck check``) only; None in a plain review.
    gate: FindingGate | None = None


class Reservation(BaseModel):
    """A State's reservation or recorded policy decision: keeps matching gaps from failing CI.

    A reserved finding stays in every output, marked reserved; it is never dropped.
    """

    model_config = ConfigDict(extra="forbid")

    check: str = Field(min_length=1)  # a check id or a glob ("jj.separation_adults", "vac.*")
    justification: str = Field(min_length=1, pattern=r"\S")
    expires: date | None = None  # the last day the reservation suppresses findings


BaselineState = Literal["new", "unchanged", "updated"]


class FindingGate(BaseModel):
    """What the CI gate decided about one finding."""

    fails: bool  # this finding makes ``lexcheck check`` exit 1
    at_threshold: bool  # its status is at or beyond --fail-on (whether or not it fails)
    reservation: Reservation | None = None  # the active reservation that covers it
    baseline_state: BaselineState | None = None  # None when no baseline was given
    new_evidence: list[str] = Field(default_factory=list)  # labels not in the baseline
    fingerprint: str = ""  # line-independent identity (check, eIds, normalised quotes)


class GateSummary(BaseModel):
    """The CI gate's verdict over a whole review."""

    fail_on: Status
    passed: bool
    failing: int  # findings that fail the gate
    reserved: int  # findings at/beyond the threshold covered by a reservation
    baselined: int  # findings at/beyond the threshold already in the baseline
    baseline: str | None = None  # path of the baseline review, if one was given
    config: str | None = None  # path of the configuration file used, if any
    notices: list[str] = Field(default_factory=list)  # expired/unused reservations, etc.


class ReviewedDocument(BaseModel):
    path: str
    title: str | None = None
    sha256: str
    provisions: int


class Summary(BaseModel):
    compliant: int = 0
    partially_compliant: int = 0
    non_compliant: int = 0
    not_addressed: int = 0


class Review(BaseModel):
    """The JSON contract of ``lexcheck review --format json``."""

    lexcheck_version: str
    documents: list[ReviewedDocument]
    findings: list[Finding]
    summary: Summary
    # Set by the CI gate (``lexcheck check``) only; None in a plain review.
    gate: GateSummary | None = None
