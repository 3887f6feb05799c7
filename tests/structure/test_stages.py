"""Each stage of the structure pipeline on its own, on realistic statute snippets."""

from __future__ import annotations

import pytest

from lexcheck.structure import assemble, sections
from lexcheck.structure.crossheadings import find_crossheadings
from lexcheck.structure.definitions import find_inline, term_at
from lexcheck.structure.headings import find_container, find_headings, find_schedule
from lexcheck.structure.lines import split_lines
from lexcheck.structure.meta import derive_title, detect_language
from lexcheck.structure.nodes import Node
from lexcheck.structure.numbers import (
    alpha_to_int,
    clean_number,
    is_roman,
    roman_to_int,
    section_key,
    slug,
)
from lexcheck.structure.provisos import paragrafo_at, proviso_at
from lexcheck.structure.subdivide import find_tokens, nest


def line(text: str):  # type: ignore[no-untyped-def]
    return split_lines(text)[0]


# --- numbers -----------------------------------------------------------------------------


def test_roman_and_letters() -> None:
    assert [roman_to_int(r) for r in ("i", "iv", "ix", "xiv", "XL")] == [1, 4, 9, 14, 40]
    assert is_roman("xii") and not is_roman("ic") and not is_roman("")
    assert [alpha_to_int(a) for a in ("a", "z", "aa", "bb")] == [1, 26, 27, 28]


def test_section_keys_order_insertions() -> None:
    numbers = ["7", "7A", "7B", "8", "1.2", "1.2A", "1.3"]
    assert section_key("7") < section_key("7A") < section_key("7B") < section_key("8")
    assert section_key("1.2") < section_key("1.2A") < section_key("1.3")
    assert sorted(numbers[:4], key=section_key) == numbers[:4]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("(i)", "i"), ("1.2.", "1-2"), ("L. 11-1", "L-11-1"), ("ÚNICO", "UNICO"), ("26-A", "26-A")],
)
def test_clean_number(raw: str, clean: str) -> None:
    assert clean_number(raw) == clean


def test_slug_of_terms() -> None:
    assert slug("child in need of care") == "child-in-need-of-care"
    assert slug("privación de la libertad") == "privacion-de-la-libertad"


# --- lines -------------------------------------------------------------------------------


def test_markdown_layout_is_recognised_and_offsets_kept() -> None:
    text = "---\ntitle: x\n---\n##### 7\n\n- (1) A child\n> (2) quoted\n"
    lines = split_lines(text)
    assert [ln.skip for ln in lines[:3]] == [True, True, True]
    heading, _, item, quote = lines[3], lines[4], lines[5], lines[6]
    assert heading.md_level == 5 and heading.content == "7"
    assert item.bullet and item.content == "(1) A child"
    assert quote.quoted
    for ln in lines:
        assert text[ln.cstart : ln.cstart + len(ln.content)] == ln.content


# --- headings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "number", "heading"),
    [
        ("Part I – Preliminary", "part", "I", "Preliminary"),
        ("PART 2 — DISCLOSURE OF CONVICTIONS", "part", "2", "DISCLOSURE OF CONVICTIONS"),
        ("CHAPTER IV", "chapter", "IV", None),
        ("CAPÍTULO ÚNICO", "chapter", "ÚNICO", None),
        ("TITULO II", "title", "II", None),
        ("Division 2 - Children in need of care", "division", "2", "Children in need of care"),
        ("LIBRO II", "part", "II", None),
    ],
)
def test_container_headings(text: str, kind: str, number: str, heading: str | None) -> None:
    node = find_container(line(text))
    assert node is not None
    assert (node.kind, node.number, node.heading) == (kind, number, heading)


@pytest.mark.parametrize(
    "text",
    ["Part II of the Act applies to children.", "Chapter 26:03", "part of the estate", "Title"],
)
def test_running_text_is_not_a_container(text: str) -> None:
    assert find_container(line(text)) is None


def test_schedules_and_their_titles() -> None:
    lines = split_lines(
        "1. Short title\nText.\n\nFIRST SCHEDULE (Section 2)\nGUIDING PRINCIPLES\n\n1. Welfare\n"
        "Text. 16. Manslaughter Second Schedule (Section 3) Forms\n"
    )
    heads = find_headings(lines)
    assert [(h.kind, h.number, h.heading) for h in heads] == [
        ("schedule", "FIRST", "GUIDING PRINCIPLES"),
        ("schedule", "Second", "Forms"),
    ]
    assert find_schedule(line("Schedule 2 to the Act applies")) is None
    assert find_schedule(line("SCHEDULE")) is not None


# --- sections ----------------------------------------------------------------------------


def _numbers(text: str, family: str) -> list[str]:
    return [c.number for c in sections.candidates(split_lines(text))[family]]


def test_section_candidates_reject_cross_references() -> None:
    text = (
        "Section 7. Title\nSection 7 of the Act applies.\nArticle 12 of this Code\n"
        "Article 12 – Rights\n§ 5031. Definitions\n§§ 5031-5043\n2.(1) Text\n"
        "18 years of age\n7.—(1) Text\n1.2A Age\n"
    )
    assert _numbers(text, "section") == ["7"]
    assert _numbers(text, "article") == ["12"]
    assert _numbers(text, "sign") == ["5031"]
    assert _numbers(text, "bare") == ["2", "7", "1.2A"]


def test_inserted_articles_bis() -> None:
    text = "Artículo 5. Objeto.\nArtículo 5 Bis. Definiciones.\nArtículo 6. Otro.\n"
    found = sections.candidates(split_lines(text))["article"]
    assert [c.number for c in sections.sequence(found)] == ["5", "5 Bis", "6"]


def test_keyword_family_wins_over_numbered_lists() -> None:
    text = "Artículo 1. Objeto.\n1. Uno.\n2. Dos.\n3. Tres.\nArtículo 2. Otro.\n1. Uno.\n"
    assert sections.choose_family(sections.candidates(split_lines(text))) == "article"


def test_sequence_demotes_stray_and_backward_numbers() -> None:
    text = (
        "1. Short title\n2. Interpretation\n4. Detention\n7. stray numbered line.\n"
        "5. Duties\n3. A backward number\n6. Offences\n40. Repealed\n41. Transitional\n"
    )
    found = sections.candidates(split_lines(text))["bare"]
    assert [c.number for c in sections.sequence(found)] == ["1", "2", "4", "5", "6", "40", "41"]


def test_first_section_of_an_extract_need_not_be_one() -> None:
    found = sections.candidates(split_lines("139. First\n140. Second\n"))["bare"]
    assert [c.number for c in sections.sequence(found)] == ["139", "140"]


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("7. Short title", "Short title"),
        ("3. Restriction on punishment.—(1) No child", "Restriction on punishment"),
        ("4. (1) A court shall", None),
        ("1. This Act may be cited as the Child Act.", None),
        ("SEC. 7. JUVENILE DETENTION STANDARDS.", "JUVENILE DETENTION STANDARDS"),
        ("§ 5041. Repealed. Pub. L. 98–473", "Repealed"),
    ],
)
def test_heading_beside_the_number(text: str, heading: str | None) -> None:
    lines = split_lines(text)
    found = sections.candidates(lines)
    cand = next(c for f in sections.FAMILIES for c in found[f])
    assert sections.build_section(cand, lines, "section").heading == heading


def test_civil_law_title_is_the_first_short_sentence() -> None:
    text = "Artículo 140. Finalidad del sistema. En materia de responsabilidad penal …"
    lines = split_lines(text)
    cand = sections.candidates(lines)["article"][0]
    node = sections.build_section(cand, lines, "article")
    assert node.heading == "Finalidad del sistema"
    assert text[node.body_start :].startswith("En materia")


# --- subsections, paragraphs, provisos, definitions --------------------------------------


def _tree(text: str, *, allow_dot: bool = False) -> Node:
    lines = split_lines(text)
    root = Node("section", "1", 0, end=len(text))
    nest(root, find_tokens(text, lines, 0, len(text), allow_dot=allow_dot, first_line=0))
    return root


def _shape(node: Node) -> list[object]:
    return [
        (c.kind, c.number, _shape(c)) if c.children else (c.kind, c.number) for c in node.children
    ]


def test_inline_markers_follow_sentence_breaks_only() -> None:
    text = (
        "(1) A child may be detained under section 7(2) only: Provided that no child shall be "
        "held with adults. (2) Nothing in subsection (1)(a) or (2) applies where--- (a) the "
        "parent consents; or (b) the court orders; (3) End."
    )
    assert _shape(_tree(text)) == [
        ("marker", "1", [("proviso", None)]),
        ("marker", "2", [("marker", "a"), ("marker", "b")]),
        ("marker", "3"),
    ]


def test_roman_or_letter_i_is_settled_by_what_follows() -> None:
    head = "".join(f"({ch}) item;\n" for ch in "abcdefg")
    letters = head + "(h) two;\n(i) three.\n"
    roman = head + "(h) two, namely—\n(i) first;\n(ii) second.\n"
    assert [c.number for c in _tree(letters).children] == list("abcdefghi")
    tree = _tree(roman)
    assert [c.number for c in tree.children] == list("abcdefgh")
    assert [c.number for c in tree.children[-1].children] == ["i", "ii"]


def test_wrapped_cross_reference_does_not_start_a_subsection() -> None:
    text = "(1) A report may be called for under subsection\n(2) of section 9.\n(2) End.\n"
    assert [(c.number, c.start) for c in _tree(text).children] == [
        ("1", 0),
        ("2", text.index("(2) End")),
    ]


def test_definitions_open_levels_and_hold_their_paragraphs() -> None:
    text = '"child" means a person under 18;\n"detention" means—\n(a) custody; or\n(b) arrest;\n'
    tree = _tree(text)
    assert [(c.kind, c.terms) for c in tree.children] == [
        ("definition", ["child"]),
        ("definition", ["detention"]),
    ]
    assert [c.number for c in tree.children[1].children] == ["a", "b"]


def test_civil_numerals_and_paragrafos() -> None:
    text = "Son derechos:\n1. Uno.\n2. Dos.\na) letra\nParágrafo 1°. Excepción.\n"
    shape = _shape(_tree(text, allow_dot=True))
    assert shape == [("marker", "1"), ("marker", "2", [("marker", "a")]), ("proviso", "1")]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ('"child" means a person', ["child"]),
        ("“child” includes a young person", ["child"]),
        ('"court", in relation to a child, includes a tribunal', ["court"]),
        ('"parent" or "guardian" means', ["parent", "guardian"]),
        ("the term “State” includes", ["State"]),
        (
            '"no objection certificate" for inter-country adoption means',
            ["no objection certificate"],
        ),
        ("“*2011 Act*” means the Act", ["2011 Act"]),
        ("‘‘adult’’ means a person of 18", ["adult"]),
        ("the “2011 Act”), the Reporter", None),
        ("the “2011 Act” is amended", None),
    ],
)
def test_term_at(text: str, terms: list[str] | None) -> None:
    assert term_at(text, 0) == terms


def test_inline_definitions_run_to_the_end_of_their_sentence() -> None:
    text = (
        "For the purposes of this chapter, a “juvenile” is a person under 18, and “juvenile "
        "delinquency” is the violation of a law. Other text follows."
    )
    found = find_inline(text, 0, len(text))
    assert [(text[a:b], terms) for a, b, terms in found] == [
        ("a “juvenile” is a person under 18", ["juvenile"]),
        ("“juvenile delinquency” is the violation of a law.", ["juvenile delinquency"]),
    ]
    spanish = "Se entiende por privación de la libertad toda forma de internamiento. Fin."
    assert find_inline(spanish, 0, len(spanish))[0][2] == ["privación de la libertad"]


def test_provisos() -> None:
    assert proviso_at("Provided that no child", 0)
    assert proviso_at("Provided further that", 0)
    assert not proviso_at("Provided in section 3", 0)
    assert paragrafo_at("Parágrafo 2°. Texto", 0) == (True, "2")
    assert paragrafo_at("PARÁGRAFO. Texto", 0) == (True, None)


# --- cross-headings, assembly, metadata --------------------------------------------------


def test_cross_headings_group_sections_but_section_headings_do_not() -> None:
    text = "## PART 1\n\n### Powers of arrest\n\n#### Arrest of children\n\n##### 2\n\nText.\n"
    lines = split_lines(text)
    cands = sections.candidates(lines)["bare"]
    secs = [sections.build_section(c, lines, "section") for c in cands]
    assert secs[0].heading == "Arrest of children"
    found = find_crossheadings(lines, secs, len(text), [])
    assert [n.heading for n in found] == ["Powers of arrest"]


def test_labels_and_unique_eids() -> None:
    from lexcheck.models import SourceFormat, SourceText

    text = "Part 2\n1. A\n1. B\n"
    src = SourceText(
        path="x", format=SourceFormat.TXT, sha256="0", text=text, line_starts=[0, 7, 12]
    )
    part = Node("part", "2", 0, end=len(text), keyword="part")
    a = Node("section", "1", 7, end=11)
    b = Node("section", "1", 12, end=len(text) - 1)
    d = Node("definition", None, 12, end=16, terms=["child"])
    b.children.append(d)
    part.children.extend([a, b])
    assemble.name([part], None, set(), src)
    assert (part.label, part.eid) == ("Part 2", "part_2")
    assert (a.label, a.eid) == ("section 1", "part_2__sec_1")
    assert b.eid == "part_2__sec_1_2"
    assert (d.label, d.eid) == ('section 1("child")', "part_2__sec_1_2__def_child")
    assert [p.line for p in assemble.to_provisions([part], text)[0].walk()] == [1, 2, 3, 3]


def test_language_and_title() -> None:
    assert detect_language("Artículo 1. La presente ley tiene por objeto el sistema de los") == "es"
    assert detect_language("Section 1. This Act shall apply to any child in the State.") == "en"
    assert (
        derive_title("---\ntitle: x\n---\n# Child Act 2020\n\n1. Short title\n") == "Child Act 2020"
    )


# --- tables of contents and run-together statutes ----------------------------------------


def test_table_of_contents_is_skipped_up_to_the_act() -> None:
    from lexcheck.structure.toc import skip_contents

    text = (
        "ARRANGEMENT OF SECTIONS\n1. Short title\n2. Interpretation\nSCHEDULE\n\n"
        "AN ACT to protect children.\n\nPART I\nPRELIMINARY\n\n1. Short title\nText.\n"
    )
    lines = split_lines(text)
    skip_contents(lines)
    kept = [ln.content for ln in lines if not ln.skip and ln.content]
    assert kept == ["PART I", "PRELIMINARY", "1. Short title", "Text."]


def test_contents_word_without_a_list_is_left_alone() -> None:
    from lexcheck.structure.toc import skip_contents

    lines = split_lines("CONTENTS\n1. Short title\nThis Act is the Child Act.\n")
    skip_contents(lines)
    assert not any(ln.skip for ln in lines)


def test_run_together_sections_get_lines_of_their_own() -> None:
    from lexcheck.structure.runon import split_run_on

    text = (
        "CHILD ACT Section 1. Short title This Act is the Child Act. Section 2. Meaning "
        "In this Act a child is under 18, see Section 5 of the Code. Section 3. Detention (1) No "
        "child shall be detained."
    )
    lines = split_run_on(split_lines(text), text)
    assert [ln.content.split(".")[0] for ln in lines] == [
        "CHILD ACT",
        "Section 1",
        "Section 2",
        "Section 3",
    ]
    assert "".join(text[ln.start : ln.end] for ln in lines) == text


def test_untitled_contents_list_is_skipped_but_a_real_act_is_not() -> None:
    from lexcheck.structure.toc import skip_contents

    listed = split_lines(
        "CHILD ACT\n\n1. Short title\n2. Interpretation\nSCHEDULE\n\nAN ACT for children.\n\n"
        "1. Short title\nThis Act is the Child Act.\n"
    )
    skip_contents(listed)
    assert [ln.content for ln in listed if not ln.skip and ln.content][1:] == [
        "1. Short title",
        "This Act is the Child Act.",
    ]
    repealed = split_lines("1. [Repealed]\n2. [Repealed]\n3. [Repealed]\n4. Heading\nBody.\n")
    skip_contents(repealed)
    assert not any(ln.skip for ln in repealed)
