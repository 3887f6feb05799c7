"""Schema of the instruments encoding under ``standards/`` (validated on load)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

TextStatus = Literal["official", "summary", "unavailable"]
Strength = Literal["treaty_obligation", "soft_law_standard", "committee_recommendation"]
Protects = Literal["children_in_conflict_with_law", "child_victims_and_witnesses", "all_children"]
Priority = Literal["high", "medium", "low"]

# Kinds of provision. "part" and "section" only group others; they carry no norm of their own.
Kind = Literal[
    "preamble",
    "part",
    "section",
    "strategy",
    "article",
    "rule",
    "paragraph",
    "subparagraph",
    "item",
]
STRUCTURAL_KINDS: frozenset[str] = frozenset({"part", "section"})

# Report grouping of requirements, with the heading a report prints for each theme.
THEMES: dict[str, str] = {
    "minimum_age": "Minimum age of criminal responsibility",
    "child_definition": "Definition of the child and scope of child justice",
    "deprivation_of_liberty": "Deprivation of liberty",
    "fair_trial": "Fair trial and procedural guarantees",
    "sentencing": "Sentencing and dispositions",
    "diversion": "Diversion and alternatives to judicial proceedings",
    "privacy": "Privacy and records",
    "victims_and_witnesses": "Child victims and witnesses",
    "violence": "Violence against children",
    "specialisation": "Specialised courts, personnel and services",
    "conditions_of_detention": "Conditions of detention",
    # Themes beyond child justice, for the rest of the Convention and for prevention.
    "general_principles": "General principles of the Convention",
    "general_measures": "General measures of implementation",
    "civil_rights": "Civil rights and freedoms",
    "family_and_care": "Family environment and alternative care",
    "health_and_welfare": "Health, disability and welfare",
    "education_and_culture": "Education, leisure and culture",
    "special_protection": "Special protection measures",
    "prevention": "Prevention of offending and of violence",
}
Theme = Literal[
    "minimum_age",
    "child_definition",
    "deprivation_of_liberty",
    "fair_trial",
    "sentencing",
    "diversion",
    "privacy",
    "victims_and_witnesses",
    "violence",
    "specialisation",
    "conditions_of_detention",
    "general_principles",
    "general_measures",
    "civil_rights",
    "family_and_care",
    "health_and_welfare",
    "education_and_culture",
    "special_protection",
    "prevention",
]


class Instrument(BaseModel):
    """An international instrument: a treaty, a set of UN rules or a Committee general comment."""

    model_config = ConfigDict(extra="forbid")

    id: str  # "crc", "beijing", "model_strategies", "gc24", "havana", "riyadh", "opac", ...
    title: str
    short_name: str  # "CRC", "Beijing Rules"
    adopted_by: str  # "General Assembly resolution 44/25"
    date: str  # ISO date of adoption
    binding: bool  # treaty (binding on States parties) or soft law
    top_level_unit: str  # "article", "rule", "paragraph", "strategy"
    top_level_total: int | None  # top-level units in the instrument; None where not known
    source: str = ""  # where the official text was taken from
    provision_prefix: str = ""  # first part of provision ids where it differs from id ("ms")
    complete: bool = True  # False where the bundled official text is a fragment or absent
    notes: str = ""  # what is missing or unverified, in our words


class StandardProvision(BaseModel):
    """One numbered provision of an instrument (article, rule, paragraph, sub-paragraph)."""

    model_config = ConfigDict(extra="forbid")

    id: str  # "crc.art37.b", "beijing.r13.1", "gc24.para22"
    citation: str  # "CRC art. 37(b)", "Beijing Rules 13.1", "CRC/C/GC/24 para. 22"
    number: list[str]  # number path: ["37", "b"]
    parent: str | None = None
    kind: Kind = "paragraph"
    part: str | None = None  # the part or section it stands in, as printed
    heading: str | None = None  # its own heading, as printed (Beijing rules, CRC parts)
    text: str | None = None  # official wording, verbatim from the bundled source
    text_status: TextStatus = "official"
    text_complete: bool = True  # False where the bundled official text breaks off
    text_source: str | None = None  # set when a user's attached text replaces the bundled one
    summary: str | None = None  # our own words, where no official text is bundled
    commentary: str | None = None  # Beijing Rules: the official Commentary to the rule
    verified: bool = True  # False where the number could not be confirmed
    implementable: bool = True  # can national law implement it (False: procedural clauses)
    note: str | None = None  # editorial note in our words (printing errors, confirmation)

    @model_validator(mode="after")
    def _text_matches_status(self) -> StandardProvision:
        if self.text_status == "summary" and not self.summary:
            raise ValueError(f"{self.id}: text_status summary but no summary")
        if self.text_status != "official" and self.text:
            raise ValueError(f"{self.id}: text given but text_status is {self.text_status}")
        return self


class InstrumentFile(BaseModel):
    """One ``standards/<instrument>.yaml`` file."""

    model_config = ConfigDict(extra="forbid")

    instrument: Instrument
    provisions: list[StandardProvision]


class Requirement(BaseModel):
    """What a national law must do, in our own words, and the provisions that support it."""

    model_config = ConfigDict(extra="forbid")

    id: str  # same id as the check that tests it, e.g. "jj.macr"
    title: str  # short name, e.g. "Minimum age of criminal responsibility"
    statement: str  # what the national law must do
    derived_from: list[str] = Field(min_length=1)  # StandardProvision ids, across instruments
    theme: Theme  # report grouping: "minimum_age", "deprivation_of_liberty", ...
    topics: list[str] = Field(default_factory=list)
    protects: list[Protects] = Field(min_length=1)
    strength: Strength
    check: str  # the check id in rules/ (same as id), or "manual"
    manual_reason: str | None = None  # why it cannot be checked from statute text
    priority: Priority = "medium"
    thresholds: dict[str, int] = Field(default_factory=dict)  # {"minimum_age": 14}
    core: bool = False  # one of the 12 core checks of the evaluation vocabulary
    # "justice": what a child justice / violence-against-children law review covers;
    # "general": a right of the Convention at large, which a report may leave out of its annex.
    scope: Literal["justice", "general"] = "justice"

    @model_validator(mode="after")
    def _check_is_consistent(self) -> Requirement:
        if self.check == "manual":
            if not self.manual_reason:
                raise ValueError(f"{self.id}: check is manual but manual_reason is missing")
        elif self.check != self.id:
            raise ValueError(f"{self.id}: check must be the requirement id or 'manual'")
        return self


class RequirementsFile(BaseModel):
    """One ``standards/requirements/<theme>.yaml`` file."""

    model_config = ConfigDict(extra="forbid")

    requirements: list[Requirement]


class AttachedText(BaseModel):
    """A user's official text of an instrument, aligned to the encoding by numbering."""

    model_config = ConfigDict(extra="forbid")

    instrument: str
    source: str  # file name the user attached
    sha256: str  # of the attached file
    texts: dict[str, str]  # provision id -> official text from the user's file
    numbers: dict[str, list[str]] = Field(default_factory=dict)  # id -> number path as printed
    confirmed: list[str] = Field(default_factory=list)  # ids whose number the text prints


SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "instrument_file": InstrumentFile,
    "requirements_file": RequirementsFile,
    "attached_text": AttachedText,
}


def json_schemas() -> dict[str, str]:
    """JSON Schema text of each YAML file type, keyed by file name (``standards/schema/``)."""
    import json

    out = {}
    for name, model in SCHEMA_MODELS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://lexcheck.invalid/schema/{name}.schema.json"
        out[f"{name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out
