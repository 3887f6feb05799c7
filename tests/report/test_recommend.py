"""Recommended amendments: placement, numbering and vocabulary follow the statute's own style."""

from __future__ import annotations

from report_fixtures import Node, evidence, layout, make_findings

from lexcheck.models import Finding, ParsedDocument, Severity, Status
from lexcheck.recommend import GAP_STATUSES, recommend
from lexcheck.recommend.style import detect_style
from lexcheck.standards.loader import Standards


def _by_check(findings: list[Finding]) -> dict[str, Finding]:
    return {f.check: f for f in findings}


def test_style_of_commonwealth_act(act: ParsedDocument) -> None:
    style = detect_style(act)
    assert style.unit == "section"
    assert style.child == "child"
    assert style.court == "Children's Court"
    assert style.modal == "shall"
    assert [u.provision.number for u in style.units] == ["1", "2", "7", "12", "13", "20"]


def test_style_of_civil_law_code(code: ParsedDocument) -> None:
    style = detect_style(code)
    assert style.unit == "article"
    assert style.language == "es"
    assert style.child == "adolescente"
    assert style.label(style.next_number("142")) == "artículo 142 bis"
    assert style.label(style.next_number("142")) == "artículo 142 ter"


def test_one_amendment_per_gap_and_none_for_compliant(
    act: ParsedDocument, standards: Standards
) -> None:
    out = recommend(make_findings(act), [act])
    for f in out:
        if f.status in GAP_STATUSES:
            assert f.amendment is not None and f.amendment.text.strip(), f.check
            assert f.amendment.rationale
        else:
            assert f.amendment is None


def test_wrong_figure_in_subsection_is_substituted(
    act: ParsedDocument, standards: Standards
) -> None:
    out = _by_check(recommend(make_findings(act), [act]))
    macr = out["jj.macr"].amendment
    assert macr is not None
    assert (macr.action, macr.target) == ("substitute", "section 7(1)")
    assert macr.text.startswith("(1) A child who was under the age of fourteen years")
    assert any("fifteen or sixteen" in alt for alt in macr.alternatives)
    assert "CRC art. 40(3)(a)" in macr.rationale
    hours = out["jj.first_appearance"].amendment
    assert hours is not None and hours.action == "substitute"
    assert "the Children's Court" in hours.text and "twenty-four hours" in hours.text
    assert any("without delay" in alt for alt in hours.alternatives)
    definition = out["jj.child_definition"].amendment
    assert definition is not None and definition.target == "section 2 (child)"
    assert definition.text == '"child" means a person under the age of eighteen years;'


def test_new_sections_follow_the_evidence_with_fresh_numbers(
    act: ParsedDocument, standards: Standards
) -> None:
    out = _by_check(recommend(make_findings(act), [act]))
    last_resort = out["jj.detention_last_resort"].amendment
    assert last_resort is not None
    assert (last_resort.action, last_resort.target, last_resort.new_label) == (
        "insert",
        "section 13",
        "section 13A",
    )
    assert last_resort.text.splitlines()[0] == "13A. Deprivation of liberty as a last resort"
    assert last_resort.text.splitlines()[1].startswith("(1) A child shall be deprived of liberty")
    labels = [f.amendment.new_label for f in out.values() if f.amendment and f.amendment.new_label]
    inserted = [lab for lab in labels if not lab.endswith(")")]
    assert len(inserted) == len(set(inserted)), "two amendments got the same new number"
    corporal = out["jj.corporal_punishment"].amendment
    assert corporal is not None and "section 20(1)" in corporal.text
    assert "repealed to that extent" in corporal.text


def test_not_addressed_goes_to_the_part_on_its_theme(
    act: ParsedDocument, standards: Standards
) -> None:
    # Death penalty (sentencing) belongs in Part IV "Orders on conviction", after section 20.
    out = _by_check(recommend(make_findings(act), [act]))
    death = out["jj.death_penalty"].amendment
    assert death is not None and death.target == "section 20"
    assert death.new_label is not None and death.new_label.startswith("section 20")


def test_unknown_check_uses_theme_fallback(act: ParsedDocument, standards: Standards) -> None:
    # A requirement added in YAML only (no template of its own) still gets a drafted clause.
    f = Finding(
        check="jj.local_requirement",
        title="Right to a court-appointed guardian ad litem",
        theme="fair_trial",
        requirements=["jj.local_requirement"],
        status=Status.NOT_ADDRESSED,
        explanation="Silent.",
        severity=Severity.LOW,
        confidence=0.5,
    )
    a = recommend([f], [act])[0].amendment
    assert a is not None
    assert a.text.splitlines()[0] == "20A. Right to a court-appointed guardian ad litem"
    assert "shall be guaranteed the right to a court-appointed guardian ad litem" in a.text


def test_statute_vocabulary_juvenile_board_and_must(standards: Standards) -> None:
    doc = layout(
        [
            Node(
                "section",
                "2",
                "section 2",
                "2. Definitions",
                heading="Definitions",
                children=[
                    Node(
                        "definition",
                        "juvenile",
                        "section 2 (juvenile)",
                        '"juvenile" means a person who has not completed eighteen years of age;',
                        terms=["juvenile"],
                    ),
                ],
            ),
            Node(
                "section",
                "10",
                "section 10",
                "10. Apprehension",
                heading="Apprehension",
                children=[
                    Node(
                        "subsection",
                        "1",
                        "section 10(1)",
                        "(1) A juvenile who is apprehended must be produced before the Juvenile"
                        " Justice Board within seventy-two hours, and the Juvenile Justice"
                        " Board must decide on bail.",
                    ),
                ],
            ),
        ],
        "jj_act.txt",
        "Juvenile Justice Act",
    )
    finding = Finding(
        check="jj.detention_last_resort",
        title="Last resort",
        theme="deprivation_of_liberty",
        requirements=["jj.detention_last_resort"],
        status=Status.NOT_ADDRESSED,
        explanation="Silent.",
        severity=Severity.HIGH,
        confidence=0.8,
    )
    fa = Finding(
        check="jj.first_appearance",
        title="First appearance",
        theme="deprivation_of_liberty",
        requirements=["jj.first_appearance"],
        status=Status.NON_COMPLIANT,
        values={"max_hours": 72},
        evidence=[evidence(doc, "section 10(1)")],
        explanation="72 hours.",
        severity=Severity.HIGH,
        confidence=0.8,
    )
    out = _by_check(recommend([finding, fa], [doc]))
    text = out["jj.detention_last_resort"].amendment.text  # type: ignore[union-attr]
    assert "A juvenile must be deprived of liberty" in text
    assert "the Juvenile Justice Board must consider" in text
    assert "child" not in text.replace("child's", "")
    sub = out["jj.first_appearance"].amendment
    assert sub is not None and sub.action == "substitute" and sub.target == "section 10(1)"
    assert sub.text.startswith("(1) A juvenile who is arrested must be brought before the Juvenile")


def test_civil_law_article_bis(code: ParsedDocument, standards: Standards) -> None:
    f = Finding(
        check="jj.detention_last_resort",
        title="Last resort",
        theme="deprivation_of_liberty",
        requirements=["jj.detention_last_resort"],
        status=Status.PARTIALLY_COMPLIANT,
        evidence=[evidence(code, "artículo 160")],
        explanation="Only last resort.",
        severity=Severity.MEDIUM,
        confidence=0.7,
    )
    a = recommend([f], [code])[0].amendment
    assert a is not None
    assert (a.action, a.target, a.new_label) == ("insert", "artículo 160", "artículo 160 bis")
    assert a.text.startswith("Artículo 160 bis. Privación de la libertad como último recurso.\n1. ")
    assert "la liberación del adolescente" in a.text
    assert "subsection" not in a.text and "child" not in a.text


def test_recommend_is_deterministic(act: ParsedDocument, standards: Standards) -> None:
    assert recommend(make_findings(act), [act]) == recommend(make_findings(act), [act])


def test_spanish_code_gets_spanish_text(code: ParsedDocument, standards: Standards) -> None:
    findings = [
        Finding(
            check=check,
            title=check,
            theme=theme,
            requirements=[check],
            status=Status.NOT_ADDRESSED,
            explanation="Silent.",
            severity=Severity.HIGH,
            confidence=0.7,
        )
        for check, theme in (
            ("jj.first_appearance", "deprivation_of_liberty"),
            ("jj.parental_notification", "deprivation_of_liberty"),
            ("vac.testimony_aids", "victims_and_witnesses"),
        )
    ]
    out = _by_check(recommend(findings, [code]))
    first = out["jj.first_appearance"].amendment
    assert first is not None and first.new_label == "artículo 160 bis"
    assert first.text.splitlines()[0] == (
        "Artículo 160 bis. Puesta a disposición de la autoridad judicial."
    )
    assert "Todo adolescente aprehendido será puesto a disposición de la autoridad judicial" in (
        first.text
    )
    assert "veinticuatro (24) horas" in first.text
    # Alternatives and rationale stay in the report's language, with the standards cited.
    assert any("without delay" in alt for alt in first.alternatives)
    assert "adolescente" not in first.rationale and "An arrested child" in first.rationale
    notify = out["jj.parental_notification"].amendment
    assert notify is not None and notify.new_label == "artículo 160 ter"
    assert "interés superior del adolescente" in notify.text and "de el " not in notify.text
    generic = out["vac.testimony_aids"].amendment
    assert generic is not None and "los adolescentes" in generic.text


def _template_ids() -> list[str]:
    from lexcheck.resources import data_dir

    return sorted(p.stem for p in (data_dir("templates") / "amendments").glob("*.j2"))


def test_every_template_renders_in_both_styles(
    act: ParsedDocument, code: ParsedDocument, standards: Standards
) -> None:
    ids = _template_ids()
    assert len(ids) >= 12 + 30  # the core checks and the shared vocabulary
    for doc in (act, code):
        for status in (Status.NON_COMPLIANT, Status.NOT_ADDRESSED):
            findings = [
                Finding(
                    check=cid,
                    title=cid,
                    theme="",
                    requirements=[cid],
                    status=status,
                    explanation="Gap.",
                    severity=Severity.MEDIUM,
                    confidence=0.5,
                )
                for cid in ids
            ]
            for f in recommend(findings, [doc]):
                a = f.amendment
                assert a is not None and a.new_label, f.check
                text = a.text
                assert "{{" not in text and "{%" not in text, f.check
                assert " the the " not in text and " a a " not in text, f.check
                assert len(text.splitlines()) >= 2, f.check
                assert a.rationale, f.check


def test_of_two_defined_terms_the_one_used_most_wins() -> None:
    doc = layout(
        [
            Node(
                "section",
                "2",
                "section 2",
                "2. Definitions",
                children=[
                    Node(
                        "definition",
                        "child",
                        "section 2(12)",
                        '(12) "child" means a person who has not completed eighteen years of age;',
                        terms=["child"],
                    ),
                    Node(
                        "definition",
                        "juvenile",
                        "section 2(35)",
                        '(35) "juvenile" means a child below the age of eighteen years;',
                        terms=["juvenile"],
                    ),
                ],
            ),
            Node(
                "section",
                "3",
                "section 3",
                "3. Principles",
                children=[
                    Node(
                        "subsection",
                        "1",
                        "section 3(1)",
                        "(1) A child shall be presumed innocent, and every child shall be heard;"
                        " the Board shall treat the child with dignity.",
                    ),
                ],
            ),
        ],
        "jj.txt",
        "Juvenile Justice (Care and Protection of Children) Act",
    )
    assert detect_style(doc).child == "child"


def test_undefined_lower_case_court_of_another_system_is_not_taken() -> None:
    doc = layout(
        [
            Node(
                "section",
                "5032",
                "section 5032",
                "5032. Delinquency proceedings",
                children=[
                    Node(
                        "subsection",
                        "a",
                        "section 5032(a)",
                        "(a) A juvenile alleged to have committed an act of juvenile delinquency"
                        " shall not be proceeded against in any court of the United States unless"
                        " the juvenile court of the State does not have jurisdiction.",
                    ),
                ],
            ),
        ],
        "usc.md",
        "Juvenile Delinquency",
    )
    assert detect_style(doc).court is None


def test_child_term_counted_in_pieces_as_in_the_whole() -> None:
    # The text is lowered a piece at a time (memory); pieces end at line breaks, so a term
    # at a piece's edge, or one written in capitals or with a non-ASCII letter, counts the
    # same as in the whole text lowered at once.
    from lexcheck.recommend.style import _lowered

    line = "The Juvenile shall be heard; a NIÑO, NIÑA O ADOLESCENTE too. Δ child\n"
    text = line * 3000 + "a minor\n" * 5000
    pieces = list(_lowered(text, size=1000))
    assert len(pieces) > 50
    assert all(p.endswith("\n") for p in pieces)
    assert "".join(pieces) == text.lower()
    assert list(_lowered("no line break at all", size=4)) == ["no line break at all"]
    assert list(_lowered("")) == []
