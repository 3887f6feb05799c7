"""The machine-readable encoding of the international instruments (``standards/`` data)."""

from __future__ import annotations

from lexcheck.standards.loader import Standards, load_standards
from lexcheck.standards.schema import Instrument, Requirement, StandardProvision

__all__ = ["Instrument", "Requirement", "StandardProvision", "Standards", "load_standards"]
