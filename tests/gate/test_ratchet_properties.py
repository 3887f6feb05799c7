"""Properties of the baseline ratchet over arbitrary findings (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lexcheck.gate import evaluate
from lexcheck.models import Evidence, Finding, Review, ReviewedDocument, Severity, Status, Summary

CHECKS = ["jj.macr", "jj.corporal_punishment", "jj.privacy", "vac.mandatory_reporting"]
QUOTES = ["may be whipped", "twelve years", "as soon as practicable", "in camera"]
EIDS = ["sec_7__subsec_1", "sec_12", "sec_30__subsec_2", "art_5"]

evidence = st.builds(
    lambda eid, quote, line: Evidence(
        document="bill.md",
        provision=eid.replace("_", " "),
        eid=eid,
        quote=quote,
        start=line * 10,
        end=line * 10 + len(quote),
        line=line,
    ),
    st.sampled_from(EIDS),
    st.sampled_from(QUOTES),
    st.integers(min_value=1, max_value=400),
)
gap_status = st.sampled_from(
    [Status.NOT_ADDRESSED, Status.PARTIALLY_COMPLIANT, Status.NON_COMPLIANT]
)
finding = st.builds(
    lambda check, status, ev: Finding(
        check=check,
        requirements=[check],
        status=status,
        evidence=ev,
        explanation="x",
        severity=Severity.HIGH,
        confidence=0.5,
    ),
    st.sampled_from(CHECKS),
    gap_status,
    st.lists(evidence, max_size=3),
)


def _review(findings: list[Finding]) -> Review:
    return Review(
        lexcheck_version="0",
        documents=[ReviewedDocument(path="bill.md", sha256="0" * 64, provisions=1)],
        findings=findings,
        summary=Summary(),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(finding, max_size=6))
def test_a_review_never_fails_against_itself(findings: list[Finding]) -> None:
    review = _review(findings)
    assert evaluate(review, baseline=review, fail_on="not_addressed").passed


@settings(max_examples=60, deadline=None)
@given(st.lists(finding, min_size=1, max_size=6), st.data())
def test_one_more_identical_occurrence_always_fails(findings: list[Finding], data) -> None:  # type: ignore[no-untyped-def]
    baseline = _review(findings)
    i = data.draw(st.integers(min_value=0, max_value=len(findings) - 1))
    grown = list(findings)
    target = grown[i]
    extra = target.evidence[:1] or []
    if extra:
        moved = extra[0].model_copy(update={"line": extra[0].line + 7})
        grown[i] = target.model_copy(update={"evidence": [*target.evidence, moved]})
    else:
        grown.append(target)  # a second silent finding of the same check
    outcome = evaluate(_review(grown), baseline=baseline, fail_on="not_addressed")
    assert not outcome.passed


@settings(max_examples=60, deadline=None)
@given(st.lists(finding, max_size=6), st.integers(min_value=1, max_value=50))
def test_line_numbers_never_matter(findings: list[Finding], shift: int) -> None:
    moved = [
        f.model_copy(
            update={"evidence": [e.model_copy(update={"line": e.line + shift}) for e in f.evidence]}
        )
        for f in findings
    ]
    assert evaluate(_review(moved), baseline=_review(findings), fail_on="not_addressed").passed
