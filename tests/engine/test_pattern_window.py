"""Token patterns longer than the default trigger window still match in full."""

from __future__ import annotations

from lexcheck.matching.engine import MAX_PATTERN_WINDOW, PATTERN_WINDOW, _max_tokens


def test_bounded_wildcards_add_their_upper_bound() -> None:
    pattern = [{"LOWER": "detained"}, {"OP": "{0,8}"}, {"LOWER": "more"}, {"OP": "{0,7}"}]
    assert _max_tokens(pattern) == 17 > PATTERN_WINDOW


def test_optional_and_unbounded_tokens() -> None:
    assert _max_tokens([{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}, {"LOWER": "c"}]) == 3
    assert _max_tokens([{"LOWER": "a"}, {"OP": "*"}]) == MAX_PATTERN_WINDOW
    assert _max_tokens([{"LOWER": "a"}, {"OP": "{2,}"}]) == MAX_PATTERN_WINDOW
