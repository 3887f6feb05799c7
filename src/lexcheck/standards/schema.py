"""Schema of the instruments encoding under ``standards/`` (validated on load)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

TextStatus = Literal["official", "summary", "unavailable"]
Strength = Literal["treaty_obligation", "soft_law_standard", "committee_recommendation"]
Protects = Literal["children_in_conflict_with_law", "child_victims_and_witnesses", "all_children"]


class Instrument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str  # "crc", "beijing", "model_strategies", "gc24", "havana", "riyadh", "opac", ...
    title: str
    short_name: str  # "CRC", "Beijing Rules"
    adopted_by: str  # "General Assembly resolution 44/25"
    date: str  # ISO date of adoption
    binding: bool  # treaty (binding on States parties) or soft law
    top_level_unit: str  # "article", "rule", "paragraph", "strategy"
    top_level_total: int  # how many top-level units the instrument has
    source: str = ""  # where the official text was taken from


class StandardProvision(BaseModel):
    """One numbered provision of an instrument (article, rule, paragraph, sub-paragraph)."""

    model_config = ConfigDict(extra="forbid")

    id: str  # "crc.art37.b", "beijing.r13.1", "gc24.para22"
    citation: str  # "CRC art. 37(b)", "Beijing Rules 13.1", "GC24 para. 22"
    number: list[str]  # number path: ["37", "b"]
    parent: str | None = None
    heading: str | None = None
    text: str | None = None  # official wording, verbatim from the bundled source
    text_status: TextStatus = "official"
    summary: str | None = None  # our own words, where no official text is bundled
    commentary: str | None = None  # Beijing Rules: the official Commentary to the rule
    verified: bool = True  # False where the number could not be confirmed
    implementable: bool = True  # can national law implement it (False: procedural clauses)


class InstrumentFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    instrument: Instrument
    provisions: list[StandardProvision]


class Requirement(BaseModel):
    """What a national law must do, in our own words, and the provisions that support it."""

    model_config = ConfigDict(extra="forbid")

    id: str  # same id as the check that tests it, e.g. "jj.macr"
    title: str  # short name, e.g. "Minimum age of criminal responsibility"
    statement: str  # what the national law must do
    derived_from: list[str]  # StandardProvision ids, across instruments
    theme: str  # report grouping: "minimum_age", "deprivation_of_liberty", ...
    topics: list[str] = Field(default_factory=list)
    protects: list[Protects]
    strength: Strength
    check: str  # a check id in rules/, or "manual"
    manual_reason: str | None = None  # why it cannot be checked from statute text
    priority: Literal["high", "medium", "low"] = "medium"


class RequirementsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    requirements: list[Requirement]
