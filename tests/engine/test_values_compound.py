"""Compound durations ("one year and six months") are one figure, not two."""

from __future__ import annotations

import pytest

from lexcheck.matching.values import extract_durations


@pytest.mark.parametrize(
    ("text", "lang", "unit", "expected"),
    [
        ("shall be concluded within one year and six months of the charge", "en", "months", [18]),
        ("within two (2) days and twelve hours of the arrest", "en", "hours", [60]),
        ("dentro de un año y seis meses", "es", "months", [18]),
        ("dans un délai d'un an et six mois", "fr", "months", [18]),
        # Alternatives and repeated units stay separate figures.
        (
            "within four months, or within eight months for a serious offence",
            "en",
            "months",
            [4, 8],
        ),
        ("six months and a further three months", "en", "months", [6, 3]),
        # A smaller unit before a larger one is not a compound.
        ("six months and one year", "en", "months", [6, 12]),
    ],
)
def test_compound_durations(text: str, lang: str, unit: str, expected: list[int]) -> None:
    assert [v.value for v in extract_durations(text, lang, unit)] == expected
