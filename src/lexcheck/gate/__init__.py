"""The CI gate: configuration, selection, reservations, threshold, baseline ratchet and diff.

Pure functions over ``Review`` objects; ``lexcheck check`` and ``lexcheck diff`` are thin
layers over them.
"""

from __future__ import annotations

from lexcheck.gate.baseline import fingerprint, load_baseline, occurrences
from lexcheck.gate.config import GateConfig, find_config, load_config
from lexcheck.gate.diff import ReviewDiff, compare, render_diff
from lexcheck.gate.evaluate import GateOutcome, evaluate
from lexcheck.gate.select import apply_selection
from lexcheck.gate.threshold import FAIL_ON_CHOICES, at_or_beyond

__all__ = [
    "FAIL_ON_CHOICES",
    "GateConfig",
    "GateOutcome",
    "ReviewDiff",
    "apply_selection",
    "at_or_beyond",
    "compare",
    "evaluate",
    "find_config",
    "fingerprint",
    "load_baseline",
    "load_config",
    "occurrences",
    "render_diff",
]
