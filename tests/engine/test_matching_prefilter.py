"""The fast path of the matcher (token patterns run only on windows from a trigger word that
have every required word in reach) finds exactly what running every matcher on the whole
text finds, on real statute text."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexcheck.checks.loader import load_rules
from lexcheck.matching import engine

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "statutes"
STATUTES = [
    "mw_child_care_protection_justice_act_2010.txt",
    "in_juvenile_justice_act_2015.txt",
    "us_usc_title18_ch403_juvenile_delinquency.md",
]


def _char_spans(doc: object, matches: list[tuple[int, int, int]]) -> set[tuple[int, int, int]]:
    return {(m, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for m, s, e in matches}  # type: ignore[index]


@pytest.mark.parametrize("name", STATUTES)
def test_fast_path_equals_every_matcher_on_the_whole_text(name: str) -> None:
    compiled = engine._compile(load_rules(), "en")
    text = (FIXTURES / name).read_text(encoding="utf-8")[: engine.CHUNK_CHARS]

    doc = compiled.nlp.make_doc(text)
    expected = list(compiled.phrases(doc)) + list(compiled.matcher(doc))
    if engine._apply_fuzzy_norms(doc, compiled):
        expected += list(compiled.fuzzy(doc))
    want = _char_spans(doc, expected)

    ids, starts, ends = engine._match_chunk_arrays(compiled, text)
    got = set(zip(ids.tolist(), starts.tolist(), ends.tolist(), strict=True))

    assert len(want) > 100  # the statute really exercises the rules
    assert got == want


def test_required_words_are_only_words_every_match_contains() -> None:
    nlp = engine._compile(load_rules(), "en").nlp
    pattern = [
        {"LOWER": {"IN": ["Parent", "parents"]}},  # the trigger: not included (caller slices)
        {"OP": "{0,6}"},
        {"LOWER": {"IN": ["is", "are"]}},
        {"LOWER": "promptly", "OP": "?"},
        {"LOWER": {"NOT_IN": ["not"]}},
        {"LOWER": {"IN": ["notified", "cross-examined"]}},
        {"ORTH": "Court", "OP": "{1,2}"},
        {"LOWER": "hearing", "OP": "{0,1}"},
        {"LOWER": {"REGEX": "^inform"}},
    ]
    # "cross-examined" is never one token, so only "notified" can fill that place.
    assert engine._required_words(pattern[1:], nlp) == [
        frozenset({"is", "are"}),
        frozenset({"notified"}),
        frozenset({"court"}),
    ]


def test_a_pattern_led_by_an_exclusion_is_anchored_on_its_first_word_test() -> None:
    nlp = engine._compile(load_rules(), "en").nlp
    not_after_of = [
        {"LOWER": {"NOT_IN": ["of", "after"]}},
        {"LOWER": {"IN": ["first", "initial"]}},
        {"LOWER": "appearance"},
    ]
    assert engine._anchor(not_after_of, nlp) == (1, {"first", "initial"})
    # A variable-width lead makes the start unknowable from the anchor: run everywhere.
    assert engine._anchor([{"IS_ALPHA": True, "OP": "{1,2}"}, {"LOWER": "appearance"}], nlp) is None
    assert engine._anchor([{"LOWER": "in"}, {"LOWER": "person"}], nlp) == (0, {"in"})


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_every_token_pattern_in_rules_is_anchored(lang: str) -> None:
    """An unanchored pattern makes every pattern run on every token (ten times slower)."""
    assert not engine._compile(load_rules(), lang).always_match


@pytest.mark.parametrize("name", STATUTES)
def test_disapplying_formulas_found_by_their_last_word_equal_a_full_regex_scan(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    text += (
        "\n(3) Subsection (2) does not\n   apply to a child. Section 9 is subject to section 4;"
        " they shall not apply, and do not  apply, or are subject to this Part. apply"
    )
    fast = [m.span() for m in engine._disapplying(text)]
    assert fast == [m.span() for m in engine._DISAPPLY.finditer(text)]
    assert len(fast) >= 5


def _has(words: list[str], seq: list[str]) -> bool:
    return any(words[i : i + len(seq)] == seq for i in range(len(words)))


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_the_cacheable_tokenizer_splits_words_as_statutes_need(lang: str) -> None:
    """No special cases (they stop spaCy's cache), negations still split, and the pipeline
    gives the same tokens as spacy.blank with its special cases dropped."""
    from spacy.util import compile_suffix_regex

    spacy = engine.import_spacy()
    text = (FIXTURES / STATUTES[0]).read_text(encoding="utf-8")[:60_000]
    text += " A child cannot be detained; he can't be caned. Under subsection (8) the court acts."
    reference = spacy.blank(lang)
    reference.tokenizer.rules = {}
    suffixes = [*engine._NEGATION_SUFFIXES, *(reference.Defaults.suffixes or ())]
    reference.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    fast = engine.blank_pipeline(lang)
    assert fast.tokenizer.max_cache_size > 10_000  # spaCy's default would overflow
    words = [t.text for t in fast.make_doc(text)]
    assert words == [t.text for t in reference.make_doc(text)]
    assert _has(words, ["can", "not"]) and _has(words, ["ca", "n't"])
    assert _has(words, ["(", "8", ")"])  # not the emoticon "8)" of spaCy's special cases
