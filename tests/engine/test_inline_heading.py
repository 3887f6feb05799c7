"""Civil-law articles often put the heading and the first sentence on one line
("Artículo 30. Aprehensión. El adolescente ..."): the heading is skipped, the sentence is not."""

from __future__ import annotations

from pathlib import Path

from lexcheck.api import parse_file
from lexcheck.assess.review import review_documents
from lexcheck.checks.loader import load_rules
from lexcheck.matching.tree import index_document
from lexcheck.models import ParsedDocument

TEXT = (
    "Artículo 30. Aprehensión. El adolescente aprehendido será conducido ante el juez dentro "
    "de las treinta y seis (36) horas siguientes.\n\n"
    "La autoridad informará a los padres.\n\n"
    "Artículo 31. Registros. Estos registros son reservados.\n\n"
    "Solo el juez podrá consultarlos.\n"
)


def _parse(tmp_path: Path) -> ParsedDocument:
    path = tmp_path / "ley.txt"
    path.write_text(TEXT, encoding="utf-8")
    return parse_file(path)


def test_words_after_an_inline_heading_are_matched(tmp_path: Path) -> None:
    document = _parse(tmp_path)
    index = index_document(document, 0)
    own = {n.provision.label: " ".join(document.text[a:b] for a, b in n.own) for n in index.nodes}
    first = own["article 30"]
    assert "El adolescente aprehendido" in first
    assert "Aprehensión" not in first
    assert "La autoridad informará" in first


def test_first_appearance_found_in_the_first_sentence(tmp_path: Path) -> None:
    document = _parse(tmp_path)
    rules = tuple(r for r in load_rules() if r.id == "jj.first_appearance")
    [finding] = review_documents([document], rules)
    assert finding.values.get("max_hours") == 36
    assert [e.provision for e in finding.evidence] == ["article 30"]


CROSS_HEADED = """CHILDREN ACT

1. Short title
This Act may be cited as the Children Act.

Corporal Punishment

Schools

2. Discipline in schools
A teacher shall maintain discipline in school by positive means only.
"""


def test_a_cross_heading_is_a_subject_not_a_rule(tmp_path: Path) -> None:
    """'Corporal Punishment' over a sub-heading groups what follows; it authorises nothing."""
    path = tmp_path / "act.txt"
    path.write_text(CROSS_HEADED, encoding="utf-8")
    document = parse_file(path)
    labels = [p.label for p in document.walk()]
    assert "Corporal Punishment" in labels
    rules = tuple(r for r in load_rules() if r.id == "jj.corporal_punishment")
    [finding] = review_documents([document], rules)
    assert finding.status == "not_addressed", [e.provision for e in finding.evidence]
