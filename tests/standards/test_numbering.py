"""The numbering splitter on generated and realistic instrument layouts."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from lexcheck.standards.numbering import ROMANS, clean_line, split_units

WORD = st.text(alphabet=string.ascii_lowercase, min_size=2, max_size=8)
SENTENCE = st.lists(WORD, min_size=2, max_size=8).map(lambda ws: " ".join(ws).capitalize() + ".")

# An article: paragraphs, each with up to 7 lettered items, each with up to
# 4 roman sub-items. Letters stop at (g): "(h)" then "(i)" is ambiguous in print too.
ITEM = st.tuples(SENTENCE, st.lists(SENTENCE, max_size=4))
PARAGRAPH = st.tuples(SENTENCE, st.lists(ITEM, max_size=7))
ARTICLE = st.lists(PARAGRAPH, min_size=1, max_size=4)


def render(articles: list[list[tuple[str, list[tuple[str, list[str]]]]]]) -> tuple[str, set]:
    lines: list[str] = ["Some Convention", "Adopted by resolution 1/1", "PART I"]
    paths: set[tuple[str, ...]] = set()
    for a, paragraphs in enumerate(articles, start=1):
        lines.append(f"Article {a}")
        paths.add((str(a),))
        for p, (text, items) in enumerate(paragraphs, start=1):
            lines.append(f"{p}. {text}")
            paths.add((str(a), str(p)))
            for i, (item, subs) in enumerate(items):
                letter = string.ascii_lowercase[i]
                lines.append(f"({letter}) {item}")
                paths.add((str(a), str(p), letter))
                for r, sub in enumerate(subs):
                    lines.append(f"({ROMANS[r]}) {sub}")
                    paths.add((str(a), str(p), letter, ROMANS[r]))
        lines.append("")
    return "\n".join(lines), paths


@given(st.lists(ARTICLE, min_size=1, max_size=5))
@settings(max_examples=60, deadline=None)
def test_generated_articles_split_back_to_their_numbers(articles: list) -> None:
    text, paths = render(articles)
    units = split_units(text, "articles")
    assert {u.path for u in units} == paths
    assert len(units) == len(paths)


def test_letter_i_after_h_is_a_letter_but_roman_after_b() -> None:
    text = "\n".join(
        ["1. Chapeau:"]
        + [f"({c}) item {c};" for c in "abcdefgh"]
        + [
            "(i) ninth item;",
            "(j) tenth item.",
            "2. Other:",
            "(a) first;",
            "(b) second:",
            "(i) sub one;",
            "(ii) sub two;",
            "(c) third.",
        ]
    )
    paths = [u.path for u in split_units(text, "paragraphs")]
    assert ("1", "i") in paths and ("1", "j") in paths
    assert ("2", "b", "i") in paths and ("2", "b", "ii") in paths and ("2", "c") in paths


def test_sections_and_lettered_subsections_do_not_become_paragraphs() -> None:
    subsections = [f"{c}. Subsection {c}" for c in "ABCDEFGH"]
    text = "\n".join(
        [
            "I. Fundamental perspectives",
            "1. One.",
            "IV. Management",
            *subsections,
            "2. Two.",
            "I. Notification of illness",
            "3. Three.",
            "V. Personnel",
            "4. Four.",
        ]
    )
    units = split_units(text, "paragraphs")
    assert [u.path for u in units] == [("1",), ("2",), ("3",), ("4",)]
    assert units[2].part == "IV. Management / I. Notification of illness"
    assert units[3].part == "V. Personnel"


def test_editorial_matter_is_dropped() -> None:
    assert clean_line("*** TEXT NOT AVAILABLE") is None
    assert clean_line("> a secondary quotation") is None
    assert (
        clean_line("(d) To assist and support [... not retrieved ...]")
        == "(d) To assist and support"
    )
    assert clean_line("[Remainder not retrieved]") is None
