"""A legal framework: several documents reviewed as one, with conflicts across them."""

from __future__ import annotations

from tests.engine.treebuilder import build

from lexcheck.assess.review import review_documents
from lexcheck.checks.loader import load_rules

CHILDREN_ACT = """Section 2. Interpretation
"child" means a person under the age of eighteen years;
Section 20. Sentences
No child shall be sentenced to death.
Section 21. Responsibility
A child under the age of fourteen years shall not be criminally responsible for any offence.
"""

PENAL_CODE = """Section 14. Immature age
A person under the age of twelve years is not criminally responsible for any act or omission.
Section 200. Murder
Any person who commits murder shall be sentenced to death.
Section 201. Caning
The court may order a male offender to be caned.
"""


def _review(*texts: str) -> dict[str, object]:
    docs = [build(t, path=f"doc{i}.txt") for i, t in enumerate(texts)]
    return {f.check: f for f in review_documents(docs, load_rules())}


def test_evidence_from_any_document_and_conflicting_ages() -> None:
    findings = _review(CHILDREN_ACT, PENAL_CODE)
    macr = findings["jj.macr"]
    assert macr.status == "non_compliant"  # type: ignore[attr-defined]
    assert macr.values == {"minimum_age": 12}  # type: ignore[attr-defined]
    assert {e.document for e in macr.evidence} == {"doc1.txt"}  # type: ignore[attr-defined]
    [conflict] = macr.conflicts  # type: ignore[attr-defined]
    assert "12, 14" in conflict.description
    assert {e.document for e in conflict.evidence} == {"doc0.txt", "doc1.txt"}
    assert any("twelve" in e.quote for e in conflict.evidence)
    assert any("fourteen" in e.quote for e in conflict.evidence)


def test_exclusion_in_one_act_and_death_sentence_in_another_is_a_conflict() -> None:
    findings = _review(CHILDREN_ACT, PENAL_CODE)
    death = findings["jj.death_penalty"]
    assert death.status == "compliant"  # type: ignore[attr-defined]
    [conflict] = death.conflicts  # type: ignore[attr-defined]
    quotes = [e.quote for e in conflict.evidence]
    assert quotes == [
        "No child shall be sentenced to death.",
        "Any person who commits murder shall be sentenced to death.",
    ]


def test_corporal_punishment_authorised_in_the_penal_code_counts() -> None:
    alone = _review(CHILDREN_ACT)["jj.corporal_punishment"]
    assert alone.status == "not_addressed"  # type: ignore[attr-defined]
    framework = _review(CHILDREN_ACT, PENAL_CODE)["jj.corporal_punishment"]
    assert framework.status == "non_compliant"  # type: ignore[attr-defined]
    assert framework.evidence[0].document == "doc1.txt"  # type: ignore[attr-defined]
    assert framework.evidence[0].provision == "section 201"  # type: ignore[attr-defined]


def test_findings_are_deterministic_and_in_core_order() -> None:
    first = [f.model_dump() for f in _review(CHILDREN_ACT, PENAL_CODE).values()]
    second = [f.model_dump() for f in _review(CHILDREN_ACT, PENAL_CODE).values()]
    assert first == second
    ids = [f["check"] for f in first]
    assert ids[:3] == ["jj.child_definition", "jj.macr", "jj.death_penalty"]


def test_evidence_carries_exact_spans_and_lines() -> None:
    doc = build(CHILDREN_ACT, path="act.txt")
    [finding] = [f for f in review_documents([doc], load_rules()) if f.check == "jj.death_penalty"]
    [ev] = finding.evidence
    assert doc.text[ev.start : ev.end] == ev.quote
    assert ev.line == 4
    assert ev.eid == "sec_20"


def test_review_leaves_the_garbage_collector_as_it_found_it() -> None:
    """The review pauses the cyclic collector for speed; a caller's setting survives it."""
    import gc

    assert gc.isenabled()
    _review(CHILDREN_ACT)
    assert gc.isenabled()
    gc.disable()
    try:
        _review(CHILDREN_ACT)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_review_frees_its_provision_index_without_the_garbage_collector() -> None:
    """No reference cycle outlives a review: with the collector off, nothing is left over."""
    import gc

    from lexcheck.matching.engine import Hit
    from lexcheck.matching.tree import Node

    gc.collect()
    gc.disable()
    try:
        findings = _review(CHILDREN_ACT, PENAL_CODE)
        left = [o for o in gc.get_objects() if isinstance(o, (Node, Hit))]
    finally:
        gc.enable()
    assert findings["jj.death_penalty"].evidence  # type: ignore[attr-defined]
    assert left == []
