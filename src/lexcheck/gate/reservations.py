"""Reservations: match them to findings, and report those expired or unused."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lexcheck.models import Finding, Reservation, Status

from .select import matches


@dataclass
class ReservationBook:
    """The configured reservations, split by whether they are in force on ``today``."""

    reservations: list[Reservation]
    today: date
    used: set[int] = field(default_factory=set)

    def is_active(self, r: Reservation) -> bool:
        """In force: no expiry date, or one not yet passed (the date itself is the last day)."""
        return r.expires is None or self.today <= r.expires

    def reserve(self, finding: Finding) -> Reservation | None:
        """The first active reservation covering this gap (in file order), or None.

        An exact id beats a glob, so a specific justification is shown where one was written.
        """
        if finding.status == Status.COMPLIANT:
            return None
        hits = [
            (i, r)
            for i, r in enumerate(self.reservations)
            if self.is_active(r) and matches(finding.check, [r.check])
        ]
        if not hits:
            return None
        exact = [h for h in hits if h[1].check == finding.check]
        for i, _ in hits:  # every matching reservation counts as used, not only the one shown
            self.used.add(i)
        return (exact or hits)[0][1]

    def notices(self) -> list[str]:
        """One line per expired or unused reservation, in file order."""
        out: list[str] = []
        for i, r in enumerate(self.reservations):
            if not self.is_active(r):
                out.append(
                    f"reservation for {r.check} expired after {r.expires}: it no longer suppresses"
                    " findings; renew it with a new expiry date or remove it"
                )
            elif i not in self.used:
                out.append(
                    f"reservation for {r.check} is unused: no gap matches it; remove it if the"
                    " law now complies"
                )
        return out
