"""The JSON report: the ``Review`` contract, pretty-printed, byte-identical for identical input."""

from __future__ import annotations

import json

from lexcheck.models import Review
from lexcheck.report import RenderOptions


def render(review: Review, options: RenderOptions) -> bytes:
    """``review`` as UTF-8 JSON (two-space indent, fields in contract order, trailing newline)."""
    data = review.model_dump(mode="json")
    # The gate's verdicts exist only after `lexcheck check`; a plain review keeps the contract.
    if data.get("gate") is None:
        data.pop("gate", None)
    for finding in data["findings"]:
        if finding.get("gate") is None:
            finding.pop("gate", None)
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
