"""The encoded instruments: metadata, how their text is numbered, ids and pinpoint citations."""

from __future__ import annotations

from dataclasses import dataclass

from lexcheck.standards.numbering import Style
from lexcheck.standards.schema import Instrument


@dataclass(frozen=True)
class InstrumentSpec:
    """How one instrument is read from its text and cited."""

    instrument: Instrument
    style: Style  # numbering grammar of its text
    source_file: str | None  # under standards/sources/; None where no official text exists
    unit: str  # id unit of the top level: "art", "r", "para"
    cite_prefix: str  # "CRC art. ", "Beijing Rules ", "CRC/C/GC/24 para. "
    file_stem: str  # standards/<file_stem>.yaml

    @property
    def prefix(self) -> str:
        return self.instrument.provision_prefix or self.instrument.id


def _spec(
    style: Style, source_file: str | None, unit: str, cite_prefix: str, **meta: object
) -> InstrumentSpec:
    instrument = Instrument.model_validate(meta)
    return InstrumentSpec(instrument, style, source_file, unit, cite_prefix, instrument.id)


INSTRUMENT_SPECS: dict[str, InstrumentSpec] = {
    "crc": _spec(
        "articles",
        "crc.txt",
        "art",
        "CRC art. ",
        id="crc",
        title="Convention on the Rights of the Child",
        short_name="CRC",
        adopted_by="General Assembly resolution 44/25",
        date="1989-11-20",
        binding=True,
        top_level_unit="article",
        top_level_total=54,
        source="OHCHR English text; see standards/sources/SOURCES.md",
    ),
    "beijing": _spec(
        "rules",
        "beijing_rules.txt",
        "r",
        "Beijing Rules ",
        id="beijing",
        title="United Nations Standard Minimum Rules for the Administration of Juvenile Justice"
        ' ("The Beijing Rules")',
        short_name="Beijing Rules",
        adopted_by="General Assembly resolution 40/33",
        date="1985-11-29",
        binding=False,
        top_level_unit="rule",
        top_level_total=30,
        source="English edition published by Taiwan's SFAA (printing errors kept, flagged);"
        " see standards/sources/SOURCES.md",
    ),
    "model_strategies": _spec(
        "paragraphs",
        None,
        "para",
        "Model Strategies para. ",
        id="model_strategies",
        title="United Nations Model Strategies and Practical Measures on the Elimination of"
        " Violence against Children in the Field of Crime Prevention and Criminal Justice",
        short_name="Model Strategies",
        adopted_by="General Assembly resolution 69/194 (annex); approved by ECOSOC resolution"
        " 2014/18",
        date="2014-12-18",
        binding=False,
        top_level_unit="strategy",
        top_level_total=17,
        provision_prefix="ms",
        complete=False,
        notes="No official wording is bundled. Parts, strategies and paragraphs are encoded as far"
        " as structure_beijing_model_strategies.md confirms them, with summaries in our own words;"
        " the count of 17 strategies and every strategy numeral are unverified; paragraphs 19, 20,"
        " 30, 31 and 44 are confirmed by secondary sources.",
    ),
    "gc24": _spec(
        "paragraphs",
        "crc_gc24.txt",
        "para",
        "CRC/C/GC/24 para. ",
        id="gc24",
        title="Committee on the Rights of the Child, General comment No. 24 (2019) on children's"
        " rights in the child justice system",
        short_name="CRC/C/GC/24",
        adopted_by="Committee on the Rights of the Child",
        date="2019-09-18",
        binding=False,
        top_level_unit="paragraph",
        top_level_total=115,
        source="Official .docx text via the lszoszk/generalcomments corpus; section headings and"
        " footnotes not reproduced",
    ),
    "opac": _spec(
        "articles",
        "opac.txt",
        "art",
        "OPAC art. ",
        id="opac",
        title="Optional Protocol to the Convention on the Rights of the Child on the involvement of"
        " children in armed conflict",
        short_name="OPAC",
        adopted_by="General Assembly resolution A/RES/54/263",
        date="2000-05-25",
        binding=True,
        top_level_unit="article",
        top_level_total=13,
        source="OHCHR text (art. 13 from the NL Treaty Series); see standards/sources/SOURCES.md",
    ),
    "opsc": _spec(
        "articles",
        "opsc.txt",
        "art",
        "OPSC art. ",
        id="opsc",
        title="Optional Protocol to the Convention on the Rights of the Child on the sale of"
        " children, child prostitution and child pornography",
        short_name="OPSC",
        adopted_by="General Assembly resolution A/RES/54/263",
        date="2000-05-25",
        binding=True,
        top_level_unit="article",
        top_level_total=17,
        source="OHCHR text; see standards/sources/SOURCES.md",
    ),
    "havana": _spec(
        "paragraphs",
        "havana_rules.txt",
        "r",
        "Havana Rules ",
        id="havana",
        title="United Nations Rules for the Protection of Juveniles Deprived of their Liberty",
        short_name="Havana Rules",
        adopted_by="General Assembly resolution 45/113",
        date="1990-12-14",
        binding=False,
        top_level_unit="rule",
        top_level_total=87,
        source="English text published by Taiwan's SFAA; see standards/sources/SOURCES.md",
    ),
    "riyadh": _spec(
        "paragraphs",
        "riyadh_guidelines.txt",
        "para",
        "Riyadh Guidelines ",
        id="riyadh",
        title="United Nations Guidelines for the Prevention of Juvenile Delinquency"
        " (The Riyadh Guidelines)",
        short_name="Riyadh Guidelines",
        adopted_by="General Assembly resolution 45/112",
        date="1990-12-14",
        binding=False,
        top_level_unit="paragraph",
        top_level_total=66,
        source="English text published by Taiwan's SFAA (gaps kept, flagged);"
        " see standards/sources/SOURCES.md",
    ),
    "ecosoc2005": _spec(
        "paragraphs",
        "ecosoc_2005_20_guidelines.txt",
        "para",
        "ECOSOC res. 2005/20 Guidelines para. ",
        id="ecosoc2005",
        title="Guidelines on Justice in Matters involving Child Victims and Witnesses of Crime",
        short_name="ECOSOC 2005/20 Guidelines",
        adopted_by="Economic and Social Council resolution 2005/20",
        date="2005-07-22",
        binding=False,
        top_level_unit="paragraph",
        top_level_total=None,
        complete=False,
        notes="Only paragraphs 1-3 are bundled with official text, and 3(d) breaks off. The"
        " sections II-XV are encoded from general knowledge with summaries in our own words and"
        " are unverified; the total number of paragraphs is not known from the bundled sources.",
        source="archive.crin.org copy of section I (fragment); see standards/sources/SOURCES.md",
    ),
}


def provision_id(instrument: str, path: tuple[str, ...] | list[str]) -> str:
    """``crc`` + ("37", "b") -> ``crc.art37.b``; ``beijing`` + ("13", "1") -> ``beijing.r13.1``."""
    spec = INSTRUMENT_SPECS[instrument]
    if path[0] == "preamble":
        return f"{spec.prefix}.preamble"
    return ".".join([f"{spec.prefix}.{spec.unit}{path[0]}", *path[1:]])


def citation_for(instrument: str, path: tuple[str, ...] | list[str]) -> str:
    """Pinpoint citation as advisers write it: ``CRC art. 40(2)(b)(ii)``, ``Beijing Rules 13.1``."""
    spec = INSTRUMENT_SPECS[instrument]
    if path[0] == "preamble":
        return f"{spec.instrument.short_name} preamble"
    head, rest = path[0], list(path[1:])
    if spec.style == "rules" and rest:
        head, rest = f"{head}.{rest[0]}", rest[1:]
    return spec.cite_prefix + head + "".join(f"({p})" for p in rest)
