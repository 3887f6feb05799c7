"""Definitions are recognised whatever the publisher did with the defined term's quotes."""

from __future__ import annotations

import pytest

from lexcheck.matching.engine import _definition_pattern

TERMS = ("child", "juvenile", "young person")


@pytest.mark.parametrize(
    "clause",
    [
        '"child" means a person under the age of eighteen years',
        "“young person” means a person who has attained fourteen years",
        "''child'' means a person under the age of eighteen years",
        "``juvenile'' means any person who has not attained sixteen years",
        "**juvenile** means a person who has not attained the age of sixteen years",
        "In this Act, child means any person under the age of eighteen years",
        "young person means a person who is twelve years old or older",
    ],
)
def test_definition_forms(clause: str) -> None:
    assert _definition_pattern(TERMS).search(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "The court shall treat the child as a person in need of care.",
        '"court" means a juvenile court',
        "guardian means a person over the age of twenty-one years",
    ],
)
def test_not_definitions_of_child_terms(clause: str) -> None:
    assert not _definition_pattern(TERMS).search(clause)
