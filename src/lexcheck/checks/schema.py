"""Schema of a check file under ``rules/`` (one YAML file per check), validated on load.

A check names its requirements, its signals (what to look for, per language), the values to
extract, and an ordered list of outcomes (status + explanation) decided from the signals'
hits. Python only runs this data: a new check is a new YAML file.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from lexcheck.models import ProvisionKind, Severity, Status

CheckKind = Literal["presence", "prohibition", "threshold", "conditional"]
Polarity = Literal["affirmed", "negated", "penalised", "defined"]
Extractor = Literal[
    "age", "age_floor", "age_upper", "age_lower", "hours", "days", "months", "years"
]
Language = Literal["en", "es", "fr"]
TokenPattern = list[dict[str, Any]]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class LanguageSignal(_Strict):
    """How a signal is written in one language."""

    phrases: list[str] = Field(
        default_factory=list,
        description="Exact phrases, matched case-insensitively on tokens (PhraseMatcher, LOWER).",
    )
    patterns: list[TokenPattern] = Field(
        default_factory=list,
        description="spaCy Matcher token patterns (LOWER, IN, OP, IS_DIGIT, LIKE_NUM ...).",
    )
    fuzzy: list[str] = Field(
        default_factory=list,
        description="Phrases also matched with spelling variants and OCR noise (rapidfuzz).",
    )


class Scope(_Strict):
    """Where a signal counts. Empty lists mean no restriction."""

    kinds: list[ProvisionKind] = Field(
        default_factory=list, description="Only provisions of these kinds or inside them."
    )
    exclude_kinds: list[ProvisionKind] = Field(
        default_factory=list, description="Never provisions of these kinds or inside them."
    )
    headings: list[str] = Field(
        default_factory=list,
        description="Only where the provision's or an ancestor's heading contains one of these.",
    )
    exclude_headings: list[str] = Field(default_factory=list)
    exclude_section_headings: list[str] = Field(
        default_factory=list,
        description="Never where the heading of the provision or of its section or article "
        "(not of a Part, Chapter, Title or Book) contains one of these.",
    )
    defined_terms: list[str] = Field(
        default_factory=list,
        description="Only in the definition of one of these terms (a definition provision, "
        "or a sentence '\"term\" means ...').",
    )


class Signal(_Strict):
    """Something to find in the text, written per language."""

    description: str = ""
    en: LanguageSignal | None = None
    es: LanguageSignal | None = None
    fr: LanguageSignal | None = None
    scope: Scope | None = Field(default=None, description="Narrows the check's scope.")

    def for_language(self, lang: str) -> LanguageSignal | None:
        found: LanguageSignal | None = (
            getattr(self, lang, None) if lang in ("en", "es", "fr") else None
        )
        return found


class ValueSpec(_Strict):
    """A figure to extract from the sentences where a signal was found."""

    extract: Extractor
    from_: list[str] = Field(alias="from", description="Signals whose sentences are read.")
    extract_by_signal: dict[str, Extractor] = Field(
        default_factory=dict,
        description="Another extractor for the hits of some signals (the lower bound of a "
        "'young person' definition, where the other signals give a floor).",
    )
    polarity: list[Polarity] = Field(
        default_factory=list, description="Only hits with one of these polarities."
    )
    pick: Literal["min", "max", "first"] = "min"
    fallback: bool = Field(
        default=False,
        description="true: the signals in `from` are tried in order and the first that gives "
        "any figure wins (a definition before a scope clause).",
    )
    per_hit: Literal["all", "first"] = Field(
        default="all",
        description="first: only the first figure of each hit's window counts (a definition's "
        "main age, not the ages of its extensions).",
    )
    window: Literal["clause", "sentence", "provision"] = "sentence"
    with_list: bool = Field(
        default=False,
        description="Also read the list a sentence leads into ('The following are exempt from "
        "criminal liability: ... 2. A person under nine years of age').",
    )
    without: list[str] = Field(
        default_factory=list,
        description="Skip hits with one of these signals in their sentence (an appeal 'brought "
        "before the High Court within thirty days' is no appearance deadline).",
    )


class ValueTest(_Strict):
    """Compare an extracted value; all given bounds must hold."""

    key: str
    min: float | None = None  # value >= min
    max: float | None = None  # value <= max
    below: float | None = None  # value < below
    above: float | None = None  # value > above


class Test(_Strict):
    """One condition of an outcome.

    With ``signal``: true when at least one hit of that signal passes every filter (or, with
    ``absent: true``, when none does). With only ``value``: true when the value was extracted
    and passes the bounds (``absent: true``: when no value was extracted).
    """

    signal: str | None = None
    polarity: list[Polarity] = Field(default_factory=list)
    exception: bool | None = Field(
        default=None, description="true: the hit is qualified by an exception/proviso; false: not."
    )
    exception_lacks: str | None = Field(
        default=None,
        description="Only hits with an exception that does not mention this signal "
        "(e.g. an exception other than the child's best interests).",
    )
    with_: list[str] = Field(
        default_factory=list, alias="with", description="Signals also in the hit's sentence."
    )
    without: list[str] = Field(
        default_factory=list, description="Signals that must not be in the hit's sentence."
    )
    within: Literal["sentence", "provision"] = Field(
        default="sentence",
        description="Where `with`/`without` look: the sentence or the provision.",
    )
    heading: list[str] = Field(default_factory=list)
    not_heading: list[str] = Field(default_factory=list)
    value: ValueTest | None = None
    absent: bool = False

    @model_validator(mode="after")
    def _needs_subject(self) -> Test:
        if self.signal is None and self.value is None:
            raise ValueError("a test needs a signal or a value")
        return self


class Outcome(_Strict):
    """A status and its explanation, chosen when every test holds (first match wins)."""

    status: Status
    when: list[Test] = Field(default_factory=list)
    explanation: str = Field(description="jinja2 template; sees values, evidence, document.")
    confidence: float = Field(default=0.8, ge=0.0, le=1.0)


class Rule(_Strict):
    """One check: a file ``rules/<id>.yaml``."""

    id: str = Field(pattern=r"^[a-z]+\.[a-z0-9_]+$")
    requirements: list[str] = Field(min_length=1)
    title: str
    theme: str
    severity: Severity
    kind: CheckKind
    description: str = ""
    aliases: list[str] = Field(default_factory=list, description="Former ids of this check.")
    scope: Scope = Field(default_factory=Scope)
    signals: dict[str, Signal]
    values: dict[str, ValueSpec] = Field(default_factory=dict)
    outcomes: list[Outcome] = Field(min_length=1)
    not_addressed: str = Field(
        default="The reviewed text does not deal with {{ title | lower }}.",
        description="Explanation when no outcome applies (jinja2).",
    )
    conflicts: list[ConflictSpec] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references_exist(self) -> Rule:
        names = set(self.signals)
        for key, spec in self.values.items():
            missing = [s for s in [*spec.from_, *spec.without] if s not in names]
            if missing:
                raise ValueError(f"value {key!r} reads unknown signal(s) {missing}")
        for i, outcome in enumerate(self.outcomes):
            for test in outcome.when:
                refs = [test.signal, test.exception_lacks, *test.with_, *test.without]
                for ref in refs:
                    if ref is not None and ref not in names:
                        raise ValueError(f"outcome {i} names unknown signal {ref!r}")
                if test.value and test.value.key not in self.values:
                    raise ValueError(f"outcome {i} tests unknown value {test.value.key!r}")
        for conflict in self.conflicts:
            for selector in (conflict.a, conflict.b):
                if selector.signal not in names:
                    raise ValueError(f"conflict names unknown signal {selector.signal!r}")
        if self.kind == "threshold" and not self.values:
            raise ValueError("a threshold check needs at least one value")
        return self


class HitSelector(_Strict):
    """Hits of one signal with given polarities (for conflicts)."""

    signal: str
    polarity: list[Polarity] = Field(default_factory=list)


class ConflictSpec(_Strict):
    """Two kinds of hit that contradict each other when both occur (possibly across documents)."""

    a: HitSelector
    b: HitSelector
    description: str
    different_documents_only: bool = False


class Case(_Strict):
    """A test case for a check (sqlfluff-style): statute text and the expected finding."""

    name: str
    text: str
    language: Language = "en"
    status: Status
    values: dict[str, Any] = Field(default_factory=dict)
    evidence: list[str] = Field(default_factory=list, description="Labels; each must be cited.")


class CaseFile(_Strict):
    """``rules/cases/<check id>.yaml``."""

    check: str
    cases: list[Case] = Field(min_length=1)


class Savings(_Strict):
    """Negations undone by the verb after them: "Nothing in this section prevents a parent
    from ..." keeps what it mentions lawful instead of forbidding it."""

    after: list[str] = Field(description="Negation cues a saving verb can undo: 'nothing in this'.")
    verbs: list[str] = Field(description="'prevent', 'affect', 'limit', 'derogate from'.")
    within_words: int = Field(
        default=6, ge=0, le=12, description="Most words between the negation and the verb."
    )


class LanguageCues(_Strict):
    """Per-language words that set a hit's polarity (``rules/lang/<lang>.yaml``)."""

    language: Language
    modals: list[str]
    negators: list[str] = Field(description="'no', 'neither': negate when a modal follows.")
    negations: list[str] = Field(description="Phrases that negate a clause: 'shall not'.")
    prohibitions: list[str] = Field(description="'is prohibited', 'abolished'.")
    penalties: list[str] = Field(description="'commits an offence', 'shall be liable'.")
    exceptions: list[str] = Field(description="'except', 'unless', 'save that', 'subject to'.")
    exception_lookalikes: list[str] = Field(
        default_factory=list,
        description="Phrases containing an exception cue that are not exceptions: "
        "'be subject to' (a predicate: 'shall not be subject to criminal proceedings').",
    )
    overrides: list[str] = Field(default_factory=list, description="'notwithstanding'.")
    savings: Savings | None = Field(
        default=None,
        description="Saving clauses: a negation that a saving verb follows closely "
        "('nothing in this section prevents', 'shall not affect') forbids nothing.",
    )
    definitions: list[str] = Field(description="'means', 'includes' after a quoted term.")
    reference_units: list[str] = Field(
        default_factory=list, description="'section', 'article': cross-references to resolve."
    )
    abbreviations: list[str] = Field(
        default_factory=list, description="Words ending in '.' that do not end a sentence."
    )


Rule.model_rebuild()
