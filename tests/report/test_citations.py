"""Citation compaction: one entry per instrument, runs of paragraphs as ranges."""

from __future__ import annotations

import pytest

from lexcheck.standards.citations import compact, compact_text


def test_consecutive_paragraphs_become_a_range() -> None:
    gc24 = [f"CRC/C/GC/24 para. {n}" for n in range(20, 28)]
    assert compact(gc24) == ["CRC/C/GC/24 paras 20-27"]


def test_instruments_keep_the_order_of_first_mention_and_share_their_name() -> None:
    cites = [
        "CRC art. 40(3)(a)",
        "Beijing Rules 4.1",
        "CRC/C/GC/24 para. 21",
        "CRC/C/GC/24 para. 20",
        "CRC/C/GC/24 para. 22",
        "CRC art. 37(b)",
        "Beijing Rules 13.2",
        "Beijing Rules 13.1",
        "Beijing Rules 13.3",
        "CRC/C/GC/24 para. 90",
    ]
    assert compact_text(cites) == (
        "CRC arts 37(b), 40(3)(a); Beijing Rules 4.1, 13.1-13.3; CRC/C/GC/24 paras 20-22, 90"
    )


def test_a_single_pinpoint_keeps_the_singular_unit() -> None:
    assert compact_text(["CRC/C/GC/24 para. 90", "CRC art. 37(d)"]) == (
        "CRC/C/GC/24 para. 90; CRC art. 37(d)"
    )


def test_sub_paragraph_pinpoints_are_kept_and_never_ranged() -> None:
    cites = [
        "CRC/C/GC/24 para. 6(c)(i)",
        "CRC/C/GC/24 para. 6(c)(iv)",
        "CRC/C/GC/24 para. 7",
        "CRC/C/GC/24 para. 8",
        "Havana Rules 87(f)",
        "Havana Rules 87(e)",
    ]
    assert compact(cites) == [
        "CRC/C/GC/24 paras 6(c)(i), 6(c)(iv), 7-8",
        "Havana Rules 87(e), 87(f)",
    ]


def test_unverified_marks_are_kept_and_break_a_range() -> None:
    cites = [
        "Havana Rules 1",
        "Havana Rules 2 (unverified)",
        "Havana Rules 3",
        "Havana Rules 4",
        "Beijing Rules 2.3(c) (unverified)",
        "Havana Rules 9 (unverified)",
        "Havana Rules 8 (unverified)",
    ]
    assert compact(cites) == [
        "Havana Rules 1, 2 (unverified), 3-4, 8-9 (unverified)",
        "Beijing Rules 2.3(c) (unverified)",
    ]


def test_names_with_digits_and_unnumbered_citations() -> None:
    cites = [
        "ECOSOC res. 2005/20 Guidelines para. 3(a)",
        "CRC preamble",
        "ECOSOC res. 2005/20 Guidelines para. 4",
        "ECOSOC res. 2005/20 Guidelines para. 5",
        "Model Strategies, strategy XII (unverified)",
        "CRC preamble",
        "Riyadh Guidelines 5(a)",
        "ECOSOC res. 2005/20 Guidelines, section IX (unverified)",
        "Model Strategies, part one",
        "ECOSOC res. 2005/20 Guidelines, section VIII (unverified)",
        "Model Strategies, strategy XIII (unverified)",
        "ECOSOC res. 2005/20 Guidelines, section XV",
    ]
    assert compact(cites) == [
        "ECOSOC res. 2005/20 Guidelines paras 3(a), 4-5",
        "CRC preamble",
        "Model Strategies, strategies XII-XIII (unverified)",
        "Riyadh Guidelines 5(a)",
        "ECOSOC res. 2005/20 Guidelines, sections VIII-IX (unverified), XV",
        "Model Strategies, part one",
    ]


def test_duplicates_and_empty() -> None:
    assert compact([]) == []
    assert compact(["CRC art. 1", "CRC art. 1"]) == ["CRC art. 1"]


def test_every_bundled_citation_survives_alone() -> None:
    """Each citation of the bundled standards, compacted on its own, is unchanged."""
    from lexcheck.standards.loader import load_standards

    try:
        std = load_standards(attached=False)
    except Exception:
        pytest.skip("bundled standards not available")
    for prov in std.provisions.values():
        for cite in (prov.citation, f"{prov.citation} (unverified)"):
            assert compact([cite]) == [cite]


def test_bundled_requirement_citations_lose_nothing() -> None:
    """Compaction of real requirement citations keeps every instrument and shortens the text."""
    from lexcheck.standards.loader import load_standards

    try:
        std = load_standards(attached=False)
    except Exception:
        pytest.skip("bundled standards not available")
    if "jj.macr" not in std.requirements:
        pytest.skip("core requirements not bundled yet")
    for rid in std.requirements:
        cites = std.citations([rid])
        text = compact_text(cites)
        assert len(text) <= len("; ".join(cites))
        req = std.requirements[rid]
        instruments = {std.provision_instrument[p] for p in req.derived_from}
        # At most two entries per instrument (numbered paragraphs; named sections, strategies),
        # and a citation without a number ("CRC preamble", "Model Strategies, part one") apart.
        unnumbered = sum(1 for c in cites if c.split()[-1].islower())
        assert len(compact(cites)) <= 2 * len(instruments) + unnumbered, (rid, compact(cites))
        for cite in cites:
            assert cite.split()[0] in text, (rid, cite)
