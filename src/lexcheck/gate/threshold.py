"""The fail threshold (``--fail-on``): which statuses are "at or beyond" it.

Statuses are ordered by ``models.STATUS_RANK``: compliant < not_addressed < partially_compliant
< non_compliant. A finding is at or beyond the threshold when its rank is at least the
threshold's rank, so:

- ``non_compliant`` (default): only provisions that contradict the standard fail;
- ``partially_compliant``: those, plus provisions that fall short in part;
- ``not_addressed``: every gap fails, silence included.

Silence ranks lowest among gaps because a bill is often silent on matters another act governs;
a provision that falls short, and above all one that contradicts the standard, is stronger
evidence of a problem in the text under review.
"""

from __future__ import annotations

from lexcheck.models import STATUS_RANK, Status

FAIL_ON_CHOICES: tuple[str, ...] = (
    Status.NON_COMPLIANT.value,
    Status.PARTIALLY_COMPLIANT.value,
    Status.NOT_ADDRESSED.value,
)


def at_or_beyond(status: Status, fail_on: Status) -> bool:
    """True when ``status`` is as serious as ``fail_on`` or more; compliant never is."""
    if status == Status.COMPLIANT:
        return False
    return STATUS_RANK[status] >= STATUS_RANK[fail_on]
