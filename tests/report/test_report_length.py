"""What keeps the report short: key standards quoted per finding, every text once in an annex,
brief findings where the law is silent, compact citations in the matrix."""

from __future__ import annotations

import io

import docx
import pytest
from report_fixtures import REPORT_DATE, make_findings, make_review

from lexcheck.models import ParsedDocument, Review, Status
from lexcheck.recommend import recommend
from lexcheck.report import RenderOptions, render
from lexcheck.report.view import KEY_QUOTES, STANDARD_QUOTE_LIMIT, build_view
from lexcheck.standards.loader import Standards

# Real provisions (official texts, bundled) added to the fixture standards.
EXTRA = ["gc24.para85", "gc24.para86", "gc24.para87", "havana.r17"]


@pytest.fixture
def rich(standards: Standards) -> Standards:
    """The fixture standards with detention also derived from GC24 and the Havana Rules, and
    first appearance sharing Beijing rule 13.1 with it."""
    from lexcheck.standards.loader import load_standards

    try:
        bundled = load_standards(attached=False)
    except Exception:
        pytest.skip("bundled standards not available")
    if not all(pid in bundled.provisions for pid in EXTRA):
        pytest.skip("GC24 and Havana Rules not bundled yet")
    for pid in EXTRA:
        standards.provisions[pid] = bundled.provisions[pid]
        standards.provision_instrument[pid] = bundled.provision_instrument[pid]
    for inst in ("gc24", "havana"):
        standards.instruments[inst] = bundled.instruments[inst]
    req = standards.requirements["jj.detention_last_resort"]
    # GC24 first, as requirement files often list it: the treaty and rules are still quoted first.
    standards.requirements[req.id] = req.model_copy(
        update={"derived_from": [*EXTRA[:3], *req.derived_from, "havana.r17"]}
    )
    req = standards.requirements["jj.first_appearance"]
    standards.requirements[req.id] = req.model_copy(
        update={"derived_from": [*req.derived_from, "beijing.r13.1"]}
    )
    return standards


@pytest.fixture
def rich_review(act: ParsedDocument, rich: Standards) -> Review:
    return make_review(recommend(make_findings(act), [act]), [act])


def _opts(act: ParsedDocument) -> RenderOptions:
    return RenderOptions(report_date=REPORT_DATE, documents=[act])


def test_finding_quotes_treaty_and_rules_first_and_cites_the_rest(
    act: ParsedDocument, rich_review: Review, rich: Standards
) -> None:
    view = build_view(rich_review, _opts(act), rich)
    f = next(v for v in view.matrix if v.check == "jj.detention_last_resort")
    assert [s.citation for s in f.standards] == [
        "CRC art. 37(b)",
        "Beijing Rules 13.1",
        "Havana Rules 17",
    ]
    assert len(f.standards) == KEY_QUOTES
    assert f.see_also == "CRC/C/GC/24 paras 85-87"
    # The matrix and the findings cite compactly, the treaty and the rules first.
    assert f.citation_text == (
        "CRC art. 37(b); Beijing Rules 13.1; Havana Rules 17; CRC/C/GC/24 paras 85-87"
    )
    # A requirement the law meets has only its key rule quoted.
    met = next(v for v in view.matrix if v.status == Status.COMPLIANT.value)
    assert len(met.standards) <= 1


def test_annex_holds_each_cited_text_once(
    act: ParsedDocument, rich_review: Review, rich: Standards
) -> None:
    d = docx.Document(io.BytesIO(render(rich_review, "docx", _opts(act))))
    paras = [p.text for p in d.paragraphs]
    h1 = {p.text: i for i, p in enumerate(d.paragraphs) if p.style.name == "Heading 1"}
    start = h1["Annex: texts of the standards cited"]
    annex = paras[start : h1["Methodology and limitations"]]
    findings = paras[h1["Detailed findings"] : h1["Schedule of recommended amendments"]]
    cited = {
        pid
        for f in rich_review.findings
        for rid in f.requirements
        for pid in rich.requirements[rid].derived_from
        if pid in rich.provisions  # the fixture leaves some provisions out
    }
    assert len(cited) >= 12
    for pid in cited:
        prov = rich.provisions[pid]
        entries = [p for p in annex if p.startswith(f"{prov.citation}: ")]
        assert len(entries) == 1, prov.citation
        if prov.text:
            assert entries[0] == f"{prov.citation}: {prov.text.strip()}"
    # Beijing rule 13.1 backs two findings: quoted in both, given once in the annex.
    assert sum(p.startswith("Beijing Rules 13.1: ") for p in findings) == 2
    assert sum(p.startswith("Beijing Rules 13.1: ") for p in annex) == 1
    # Instruments in order: the treaty, the rules, then the General Comment.
    h2 = [
        p.text
        for p in d.paragraphs[start : h1["Methodology and limitations"]]
        if p.style.name == "Heading 3"
    ]
    assert [g.rsplit("(", 1)[-1] for g in h2] == [
        "CRC)",
        "Beijing Rules)",
        "Havana Rules)",
        "CRC/C/GC/24)",
    ]
    # Markdown and HTML carry the same annex.
    md = render(rich_review, "md", _opts(act)).decode()
    annex_md = md.split("## Annex: texts of the standards cited")[1]
    assert annex_md.count("**Beijing Rules 13.1:**") == 1
    assert "**See also:** CRC/C/GC/24 paras 85-87 (texts in the annex)" in md
    html = render(rich_review, "html", _opts(act)).decode()
    annex_html = html.split('<h2 id="texts">')[1]
    assert annex_html.count('<span class="label">Beijing Rules 13.1:</span>') == 1


def test_long_standard_is_cut_in_the_finding_and_whole_in_the_annex(
    act: ParsedDocument, rich_review: Review, rich: Standards
) -> None:
    long_text = rich.provisions["crc.art37.b"].text
    assert long_text
    long_text = " ".join([long_text.strip()] * 3)  # longer than the quote limit
    rich.provisions["crc.art37.b"] = rich.provisions["crc.art37.b"].model_copy(
        update={"text": long_text}
    )
    assert len(long_text) > STANDARD_QUOTE_LIMIT
    md = render(rich_review, "md", _opts(act)).decode()
    findings, annex = md.split("## Annex: texts of the standards cited")
    quoted = [ln for ln in findings.splitlines() if ln.startswith("> **CRC art. 37(b):**")]
    assert quoted and all(ln.endswith("\\[…\\] *(full text in the annex)*") for ln in quoted)
    assert all(len(ln) < STANDARD_QUOTE_LIMIT + 80 for ln in quoted)
    assert f"**CRC art. 37(b):** {long_text}" in annex


def test_silent_law_gives_a_brief_finding(act: ParsedDocument, review: Review) -> None:
    md = render(review, "md", _opts(act)).decode()
    section = md.split("#### No death penalty: not addressed")[1].split("####")[0]
    assert "**Priority and confidence:**" not in section
    assert "**Requirement:**" not in section and "> **" not in section
    assert "**The gap:**" in section and "(high priority)" in section
    assert "**The standards:** CRC art. 37(a)" in section
    assert "**Recommended amendment: " in section and "**Why:**" not in section
    html = render(review, "html", _opts(act)).decode()
    article = html.split('id="finding-jj-death-penalty"')[1].split("</article>")[0]
    assert "Priority and confidence" not in article and "<blockquote>" not in article
    assert '<div class="amendment">' in article
    d = docx.Document(io.BytesIO(render(review, "docx", _opts(act))))
    paras = [p.text for p in d.paragraphs]
    i = paras.index("No death penalty: not addressed")
    nxt = next(
        j for j in range(i + 1, len(paras)) if d.paragraphs[j].style.name.startswith("Heading")
    )
    brief = paras[i + 1 : nxt]
    assert brief[0].startswith("The gap: ") and not any(p.startswith("Requirement:") for p in brief)
    assert any(p.startswith("Recommended amendment: ") for p in brief)


def test_long_searched_list_is_summarised(act: ParsedDocument, standards: Standards) -> None:
    findings = make_findings(act)
    i = next(i for i, f in enumerate(findings) if f.check == "jj.death_penalty")
    searched = [f"section {n}" for n in range(1, 31)]
    findings[i] = findings[i].model_copy(update={"searched": searched})
    review = make_review(recommend(findings, [act]), [act])
    md = render(review, "md", _opts(act)).decode()
    assert (
        "nothing found; lexcheck searched section 1, section 2, section 3, section 4"
        " and 26 other provisions." in md
    )
    assert "section 30" not in md.split("#### No death penalty")[1].split("####")[0]


def test_met_requirement_quotes_two_provisions_and_names_the_rest(
    act: ParsedDocument, standards: Standards
) -> None:
    from report_fixtures import evidence

    findings = make_findings(act)
    i = next(i for i, f in enumerate(findings) if f.status == Status.COMPLIANT)
    labels = ["section 12(1)", "section 13", "section 7(1)", "section 20(2)"]
    findings[i] = findings[i].model_copy(
        update={"evidence": [evidence(act, label) for label in labels]}
    )
    review = make_review(recommend(findings, [act]), [act])
    view = build_view(review, _opts(act), standards)
    f = next(v for v in view.matrix if v.check == findings[i].check)
    assert [q.label for q in f.quotes] == labels[:2]
    assert f.more_evidence == "section 7(1); section 20(2)"
    assert f.evidence_text == "; ".join(labels)  # the matrix names every provision
    md = render(review, "md", _opts(act)).decode()
    assert "**Also relied on:** section 7(1); section 20(2)" in md
    d = docx.Document(io.BytesIO(render(review, "docx", _opts(act))))
    assert "Also relied on: section 7(1); section 20(2)" in [p.text for p in d.paragraphs]
    # A gap keeps every quote: the drafter needs the words being changed.
    gap = findings[0].model_copy(update={"evidence": [evidence(act, lab) for lab in labels]})
    view = build_view(make_review([gap], [act]), _opts(act), standards)
    assert len(view.matrix[0].quotes) == 4 and not view.matrix[0].more_evidence


def test_searched_names_the_law_only_when_several_were_reviewed(
    act: ParsedDocument, code: ParsedDocument, standards: Standards
) -> None:
    findings = make_findings(act)
    i = next(i for i, f in enumerate(findings) if f.check == "jj.death_penalty")
    where = [
        f"{act.document.path}: 20 provisions searched for death penalty, capital punishment",
        f"{code.document.path}: 12 provisions searched for pena de muerte",
    ]
    findings[i] = findings[i].model_copy(update={"searched": where[:1]})
    one = build_view(make_review(findings, [act]), _opts(act), standards)
    f = next(v for v in one.matrix if v.check == "jj.death_penalty")
    assert f.searched_text == "20 provisions searched for death penalty, capital punishment"
    findings[i] = findings[i].model_copy(update={"searched": where})
    opts = RenderOptions(report_date=REPORT_DATE, documents=[act, code])
    two = build_view(make_review(findings, [act, code]), opts, standards)
    f = next(v for v in two.matrix if v.check == "jj.death_penalty")
    assert f.searched_text == (
        "Children Act, 2010: 20 provisions searched for death penalty, capital punishment;"
        " Código de la Infancia y la Adolescencia: 12 provisions searched for pena de muerte"
    )
