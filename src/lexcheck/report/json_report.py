"""The JSON report: the ``Review`` contract, pretty-printed, byte-identical for identical input."""

from __future__ import annotations

import json

from lexcheck.models import Review
from lexcheck.report import RenderOptions


def render(review: Review, options: RenderOptions) -> bytes:
    """``review`` as UTF-8 JSON (two-space indent, fields in contract order, trailing newline)."""
    data = review.model_dump(mode="json")
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
