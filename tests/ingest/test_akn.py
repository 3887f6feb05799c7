"""Akoma Ntoso 3.0: text, provision tree mapped from the XML hierarchy, and XML attacks refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexcheck.errors import InputError
from lexcheck.ingest import read
from lexcheck.ingest.akn import clean_number
from lexcheck.models import Provision, SourceFormat

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

ACT = f"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="{NS}">
  <act contains="singleVersion" name="act">
    <meta>
      <identification source="#arclii">
        <FRBRWork>
          <FRBRthis value="/akn/xa/act/2026/3/!main"/>
          <FRBRuri value="/akn/xa/act/2026/3"/>
          <FRBRalias value="Child Justice Act, 2026" name="title"/>
          <FRBRdate date="2026-06-01" name="Generation"/>
          <FRBRauthor href="#parliament"/>
          <FRBRcountry value="xa"/>
          <FRBRname value="act"/>
        </FRBRWork>
        <FRBRExpression>
          <FRBRthis value="/akn/xa/act/2026/3/eng@/!main"/>
          <FRBRuri value="/akn/xa/act/2026/3/eng@"/>
          <FRBRdate date="2026-06-01" name="Generation"/>
          <FRBRauthor href="#parliament"/>
          <FRBRlanguage language="eng"/>
        </FRBRExpression>
      </identification>
    </meta>
    <preface>
      <longTitle><p>An Act to provide for a child justice system and for
        <b>connected</b> matters.</p></longTitle>
      <p><docTitle>Child Justice Act, 2026</docTitle></p>
    </preface>
    <body>
      <part eId="part_I">
        <num>PART I</num>
        <heading>PRELIMINARY</heading>
        <section eId="sec_1">
          <num>1.</num>
          <heading>Short title</heading>
          <content><p>This Act may be cited as the Child Justice Act, 2026.</p></content>
        </section>
        <section eId="sec_2">
          <num>2.</num>
          <heading>Interpretation</heading>
          <subsection eId="sec_2__subsec_1">
            <num>(1)</num>
            <intro><p>In this Act—</p></intro>
            <paragraph eId="sec_2__subsec_1__para_a">
              <num>(a)</num>
              <content><p>"<def refersTo="#term-child">child</def>" means a person under
                the age of eighteen years;</p></content>
            </paragraph>
            <paragraph eId="sec_2__subsec_1__para_b">
              <num>(b)</num>
              <intro><p>"<def refersTo="#term-detention">detention</def>" includes—</p></intro>
              <subparagraph eId="sec_2__subsec_1__para_b__subpara_i">
                <num>(i)</num>
                <content><p>police custody;<authorialNote marker="1"><p>Note removed.</p>
                </authorialNote> and</p></content>
              </subparagraph>
              <subparagraph eId="sec_2__subsec_1__para_b__subpara_ii">
                <num>(ii)</num>
                <content><p>placement in a child justice centre.</p></content>
              </subparagraph>
            </paragraph>
          </subsection>
        </section>
      </part>
      <part eId="part_II">
        <num>PART II</num>
        <heading>CRIMINAL CAPACITY</heading>
        <section eId="sec_7">
          <num>7.</num>
          <heading>Minimum age</heading>
          <subsection eId="sec_7__subsec_1">
            <num>(1)</num>
            <content><p>A child under the age of 14 years cannot commit an offence.</p></content>
          </subsection>
          <subsection eId="sec_7__subsec_2">
            <num>(2)</num>
            <intro><p>A child aged 14 or older is presumed to lack capacity unless—</p></intro>
            <paragraph eId="sec_7__subsec_2__para_a">
              <num>(a)</num>
              <content><p>the prosecution proves otherwise; and</p></content>
            </paragraph>
            <wrapUp><p>the court so finds.</p></wrapUp>
          </subsection>
        </section>
      </part>
    </body>
    <attachments>
      <attachment eId="att_1">
        <doc name="schedule">
          <meta>
            <identification source="#arclii">
              <FRBRWork><FRBRthis value="/akn/xa/act/2026/3/!schedule1"/>
                <FRBRuri value="/akn/xa/act/2026/3"/>
                <FRBRalias value="First Schedule" name="title"/>
                <FRBRdate date="2026-06-01" name="Generation"/><FRBRauthor href="#p"/>
                <FRBRcountry value="xa"/></FRBRWork>
            </identification>
          </meta>
          <mainBody>
            <hcontainer eId="att_1__hcontainer_1" name="hcontainer">
              <heading>Forms</heading>
              <content><p>Form 1: Notice to parent of arrest.</p>
                <table><tr><th>Item</th><th>Detail</th></tr>
                  <tr><td>Name</td><td>Full name of the child</td></tr></table>
              </content>
            </hcontainer>
          </mainBody>
        </doc>
      </attachment>
    </attachments>
  </act>
</akomaNtoso>
"""

EXPECTED_TEXT = """\
An Act to provide for a child justice system and for connected matters.
Child Justice Act, 2026
PART I PRELIMINARY
1. Short title
This Act may be cited as the Child Justice Act, 2026.
2. Interpretation
(1) In this Act—
(a) "child" means a person under the age of eighteen years;
(b) "detention" includes—
(i) police custody; and
(ii) placement in a child justice centre.
PART II CRIMINAL CAPACITY
7. Minimum age
(1) A child under the age of 14 years cannot commit an offence.
(2) A child aged 14 or older is presumed to lack capacity unless—
(a) the prosecution proves otherwise; and
the court so finds.
Forms
Form 1: Notice to parent of arrest.
Item | Detail
Name | Full name of the child
"""


def walk(provs: list[Provision]) -> list[Provision]:
    out: list[Provision] = []
    for p in provs:
        out.extend(p.walk())
    return out


def test_akn_text_and_tree(tmp_path: Path) -> None:
    f = tmp_path / "act.xml"
    f.write_text(ACT, "utf-8")
    src = read(f)
    assert src.format is SourceFormat.AKN
    assert src.text == EXPECTED_TEXT
    assert src.title == "Child Justice Act, 2026"
    assert src.language == "en"
    assert src.provisions is not None
    nodes = walk(src.provisions)
    assert [(p.kind, p.label, p.eid) for p in nodes] == [
        ("part", "Part I", "part_I"),
        ("section", "section 1", "sec_1"),
        ("section", "section 2", "sec_2"),
        ("subsection", "section 2(1)", "sec_2__subsec_1"),
        ("definition", "section 2(1)(a)", "sec_2__subsec_1__para_a"),
        ("definition", "section 2(1)(b)", "sec_2__subsec_1__para_b"),
        ("subparagraph", "section 2(1)(b)(i)", "sec_2__subsec_1__para_b__subpara_i"),
        ("subparagraph", "section 2(1)(b)(ii)", "sec_2__subsec_1__para_b__subpara_ii"),
        ("part", "Part II", "part_II"),
        ("section", "section 7", "sec_7"),
        ("subsection", "section 7(1)", "sec_7__subsec_1"),
        ("subsection", "section 7(2)", "sec_7__subsec_2"),
        ("paragraph", "section 7(2)(a)", "sec_7__subsec_2__para_a"),
        ("schedule", "First Schedule", "att_1"),
    ]
    by_eid = {p.eid: p for p in nodes}
    sec7 = by_eid["sec_7"]
    assert sec7.number == "7" and sec7.heading == "Minimum age"
    assert sec7.text.startswith("7. Minimum age\n(1) A child under")
    assert sec7.text.endswith("the court so finds.")
    assert by_eid["sec_2__subsec_1__para_a"].terms == ["child"]
    assert by_eid["sec_2__subsec_1__para_b"].terms == ["detention"]  # not its children's
    assert by_eid["part_II"].number == "II"
    assert by_eid["att_1"].heading == "First Schedule"
    assert by_eid["att_1"].text.endswith("Name | Full name of the child")
    for p in nodes:
        assert src.text[p.start : p.end] == p.text
        assert src.line_at(p.start) == p.line
        assert src.text[p.start : p.end].strip() == p.text  # no stray whitespace in spans
    assert src.line_at(by_eid["sec_7__subsec_2__para_a"].start) == 16


def test_akn_articles_and_list_points(tmp_path: Path) -> None:
    xml = f"""<akomaNtoso xmlns="{NS}"><act name="act"><meta/>
      <body><chapter eId="chp_II"><num>CAPÍTULO II</num><heading>Garantías</heading>
        <article eId="art_7"><num>Artículo 7.–</num><heading>Derecho a ser oído</heading>
          <paragraph eId="art_7__para_1"><num>1.</num><list eId="art_7__para_1__list_1">
            <intro><p>El niño tiene derecho a:</p></intro>
            <point eId="art_7__para_1__list_1__point_a"><num>a)</num>
              <content><p>expresar su opinión libremente;</p></content></point>
            <point eId="art_7__para_1__list_1__point_b"><num>b)</num>
              <content><p>ser asistido por un abogado.</p></content></point>
          </list></paragraph>
        </article></chapter></body></act></akomaNtoso>"""
    f = tmp_path / "ley.akn"
    f.write_text(xml, "utf-8")
    src = read(f)
    nodes = walk(src.provisions or [])
    assert [(p.kind, p.label, p.number) for p in nodes] == [
        ("chapter", "Chapter II", "II"),
        ("article", "article 7", "7"),
        ("paragraph", "article 7(1)", "1"),
        ("subparagraph", "article 7(1)(a)", "a"),
        ("subparagraph", "article 7(1)(b)", "b"),
    ]
    assert src.text.splitlines()[:3] == [
        "CAPÍTULO II Garantías",
        "Artículo 7.– Derecho a ser oído",
        "1. El niño tiene derecho a:",
    ]
    assert src.language == "es"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("(a)", "a"),
        ("7.", "7"),
        ("(1)", "1"),
        ("Article 12", "12"),
        ("Artículo 7.–", "7"),
        ("§ 3", "3"),
        ("PART IV", "IV"),
        ("7A.", "7A"),
        ("  (iii) ", "iii"),
        ("", None),
    ],
)
def test_clean_number(raw: str, expected: str | None) -> None:
    assert clean_number(raw) == expected


def test_billion_laughs_refused(tmp_path: Path) -> None:
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    f = tmp_path / "lol.xml"
    f.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY l0 "lol">{lol}]>\n'
        f'<akomaNtoso xmlns="{NS}"><act><body><p>&l9;</p></body></act></akomaNtoso>',
        "utf-8",
    )
    with pytest.raises(InputError) as info:
        read(f)
    assert "entit" in info.value.problem


def test_external_entity_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", "utf-8")
    f = tmp_path / "xxe.xml"
    f.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        f'<akomaNtoso xmlns="{NS}"><act><body><p>&x;</p></body></act></akomaNtoso>',
        "utf-8",
    )
    with pytest.raises(InputError) as info:
        read(f)
    assert "entit" in info.value.problem


def test_external_dtd_not_loaded(tmp_path: Path) -> None:
    f = tmp_path / "dtd.xml"
    f.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso SYSTEM "http://example.invalid/akn.dtd">\n'
        f'<akomaNtoso xmlns="{NS}"><act><body><section eId="sec_1"><num>1.</num>'
        "<content><p>Text.</p></content></section></body></act></akomaNtoso>",
        "utf-8",
    )
    assert read(f).text == "1. Text.\n"


def test_malformed_akn(tmp_path: Path) -> None:
    f = tmp_path / "bad.xml"
    f.write_text(f'<akomaNtoso xmlns="{NS}"><act><body><section>', "utf-8")
    with pytest.raises(InputError) as info:
        read(f)
    assert "malformed" in info.value.problem


def test_empty_akn(tmp_path: Path) -> None:
    f = tmp_path / "empty.xml"
    f.write_text(f'<akomaNtoso xmlns="{NS}"><act><meta/><body/></act></akomaNtoso>', "utf-8")
    with pytest.raises(InputError) as info:
        read(f)
    assert "no text" in info.value.problem


def test_unnumbered_definitions_labelled_by_term(tmp_path: Path) -> None:
    xml = f"""<akomaNtoso xmlns="{NS}"><act name="act"><meta/><body>
      <section eId="sec_2"><num>2.</num><heading>Interpretation</heading>
        <subsection eId="sec_2__subsec_1"><intro><p>In this Act—</p></intro>
          <paragraph eId="sec_2__subsec_1__para_1"><content>
            <p>“<def refersTo="#t-child">child</def>” means a person under 18;</p>
            </content></paragraph>
          <paragraph eId="sec_2__subsec_1__para_2"><content>
            <p>“<def refersTo="#t-j">juvenile</def>” has the same meaning as child.</p>
            </content></paragraph>
        </subsection></section></body></act></akomaNtoso>"""
    f = tmp_path / "defs.xml"
    f.write_text(xml, "utf-8")
    nodes = walk(read(f).provisions or [])
    assert [(p.kind, p.label, p.terms) for p in nodes] == [
        ("section", "section 2", []),
        ("subsection", "section 2", []),
        ("definition", 'section 2("child")', ["child"]),
        ("definition", 'section 2("juvenile")', ["juvenile"]),
    ]


def test_block_list_with_mixed_content(tmp_path: Path) -> None:
    # Laws.Africa style: a blockList inside content, its introduction with inline markup.
    xml = f"""<akomaNtoso xmlns="{NS}"><act name="act"><meta/><body>
      <section eId="sec_5"><num>5.</num><heading>Arrest</heading>
        <content>
          <blockList eId="sec_5__list_1">
            <listIntroduction>A <term refersTo="#t-po">police officer</term> who arrests
              a <term refersTo="#t-child">child</term> shall—</listIntroduction>
            <item eId="sec_5__list_1__item_a"><num>(a)</num>
              <p>inform the <i>parent</i> at once; and</p></item>
            <item eId="sec_5__list_1__item_b"><num>(b)</num>
              <p>bring the child before a court within 24 hours.</p></item>
          </blockList>
        </content></section></body></act></akomaNtoso>"""
    f = tmp_path / "list.xml"
    f.write_text(xml, "utf-8")
    src = read(f)
    assert src.text == (
        "5. Arrest\n"
        "A police officer who arrests a child shall—\n"
        "(a) inform the parent at once; and\n"
        "(b) bring the child before a court within 24 hours.\n"
    )
    assert [p.label for p in walk(src.provisions or [])] == [
        "section 5",
        "section 5(a)",
        "section 5(b)",
    ]


def test_running_header_skipped_and_title_and_language_from_frbr(tmp_path: Path) -> None:
    # Shaped on laws-africa/indigo indigo_api/tests/pdf_fixtures/basic_in.xml and swahili_in.xml:
    # a <staticContent> running header before the body, the title only in FRBRalias, and an
    # ISO 639-2 language code.
    xml = f"""<akomaNtoso xmlns="{NS}"><act name="act"><meta><identification source="#la">
      <FRBRWork><FRBRthis value="/akn/tz/act/1977/1/!main"/><FRBRuri value="/akn/tz/act/1977/1"/>
        <FRBRalias value="Katiba ya Jamhuri ya Muungano wa Tanzania" name="title"/>
        <FRBRcountry value="tz"/></FRBRWork>
      <FRBRExpression><FRBRlanguage language="swa"/></FRBRExpression></identification></meta>
      <staticContent><container name="running-header">
        <span class="left-align">Restitution of Land Rights Act, 1994</span></container>
      </staticContent>
      <body><section eId="sec_5"><num>5.</num><heading>Haki ya kupiga kura</heading>
        <subsection eId="sec_5__subsec_1"><num>(1)</num><content>
          <p>Kila raia wa Tanzania aliyetimiza umri wa miaka kumi na minane anayo haki ya
            kupiga kura.</p></content></subsection></section></body></act></akomaNtoso>"""
    f = tmp_path / "katiba.xml"
    f.write_text(xml, "utf-8")
    src = read(f)
    assert src.title == "Katiba ya Jamhuri ya Muungano wa Tanzania"
    assert src.language == "sw"
    assert "Restitution" not in src.text
    assert src.text.startswith("5. Haki ya kupiga kura\n(1) Kila raia")


def test_components_beside_the_act_are_schedules(tmp_path: Path) -> None:
    # Early Indigo / AKN 2.0 (laws-africa/indigo
    # indigo_api/tests/xslt_fixtures/act_text-general-input.xml): schedules in <components>
    # beside the <act>, ids in id=, the body wrapped in one unnumbered <article>; the
    # component's own FRBRalias must not become the act's title.
    xml = f"""<akomaNtoso xmlns="{NS}"><act><meta><identification source="#o"><FRBRWork>
        <FRBRthis value="/za-cpt/act/by-law/2009/events/main"/>
        <FRBRalias value="City of Cape Town: Events By-law"/></FRBRWork></identification></meta>
      <body><section id="section-3"><num>3.</num><heading>Applications</heading>
        <subsection id="section-3.1"><num>(1)</num><content>
          <p>An application must be made by a person who is at least 18 years old.</p>
        </content></subsection></section></body></act>
      <components><component id="component-schedule1"><doc name="schedule1">
        <meta><identification source="#s"><FRBRWork>
          <FRBRthis value="/za-cpt/act/by-law/2009/events/schedule1"/>
          <FRBRalias value="Schedule 1"/></FRBRWork></identification></meta>
        <mainBody><article id="schedule1"><heading>Application timeframes</heading>
          <paragraph id="schedule1.paragraph-0"><content>
            <p>The following timeframes apply:</p>
            <table id="schedule1.paragraph-0.table1"><tr><th><p>SIZE</p></th>
              <th><p>CROWD SIZE</p></th></tr>
              <tr><td><p>Small</p></td><td><p>200 to 2000</p></td></tr></table>
          </content></paragraph>
          <paragraph id="schedule1.paragraph-1"><num>2.</num><content>
            <p>Appeals are decided within 48 hours.</p></content></paragraph>
        </article></mainBody></doc></component></components></akomaNtoso>"""
    f = tmp_path / "events.xml"
    f.write_text(xml, "utf-8")
    src = read(f)
    assert src.title == "City of Cape Town: Events By-law"
    nodes = walk(src.provisions or [])
    assert [(p.kind, p.label, p.eid) for p in nodes] == [
        ("section", "section 3", "section-3"),
        ("subsection", "section 3(1)", "section-3.1"),
        ("schedule", "Schedule 1", "component-schedule1"),
        ("paragraph", "Schedule 1", "schedule1.paragraph-0"),
        ("paragraph", "Schedule 1 paragraph 2", "schedule1.paragraph-1"),
    ]
    sched = nodes[2]
    assert sched.text == (
        "Application timeframes\nThe following timeframes apply:\n"
        "SIZE | CROWD SIZE\nSmall | 200 to 2000\n2. Appeals are decided within 48 hours."
    )
    for p in nodes:
        assert src.text[p.start : p.end] == p.text


def test_definitions_sharing_one_wrapper_are_split_by_term(tmp_path: Path) -> None:
    # Early Indigo (laws-africa/indigo indigo_api/tests/xslt_fixtures/act_text-general-input.xml):
    # every definition of section 1 in one unnumbered <paragraph>, one <p> or <blockList> per
    # term, a definition's tail in the <p> after its list.
    xml = f"""<akomaNtoso xmlns="{NS}"><act><meta/><body>
      <section id="section-1"><num>1.</num><heading>Definitions</heading>
        <paragraph id="section-1.paragraph-0"><content>
          <p>In this By-law, unless the context otherwise indicates —</p>
          <p>"<def refersTo="#term-City">City</def>" means the City of Cape Town;</p>
          <blockList id="section-1.paragraph-0.list6" refersTo="#term-event">
            <listIntroduction>"<def refersTo="#term-event">event</def>" means —</listIntroduction>
            <item id="section-1.paragraph-0.list6.a"><num>(a)</num>
              <p>any sporting or recreational event;</p></item>
            <item id="section-1.paragraph-0.list6.b"><num>(b)</num>
              <p>any cultural or religious event,</p></item>
          </blockList>
          <p>or any similar activity hosted at a venue;</p>
          <p>"<def refersTo="#term-child">child</def>" means a person under the age of 18 years.</p>
        </content></paragraph></section></body></act></akomaNtoso>"""
    f = tmp_path / "defs.xml"
    f.write_text(xml, "utf-8")
    src = read(f)
    nodes = walk(src.provisions or [])
    assert [(p.kind, p.label, p.eid, p.terms) for p in nodes] == [
        ("section", "section 1", "section-1", []),
        ("paragraph", "section 1", "section-1.paragraph-0", []),
        ("definition", 'section 1("City")', "section-1.paragraph-0__def_city", ["City"]),
        ("definition", 'section 1("event")', "section-1.paragraph-0.list6", ["event"]),
        ("subparagraph", 'section 1("event")(a)', "section-1.paragraph-0.list6.a", []),
        ("subparagraph", 'section 1("event")(b)', "section-1.paragraph-0.list6.b", []),
        ("definition", 'section 1("child")', "section-1.paragraph-0__def_child", ["child"]),
    ]
    by_label = {p.label: p for p in nodes}
    event = by_label['section 1("event")']
    assert event.text.endswith("or any similar activity hosted at a venue;")
    assert by_label['section 1("child")'].text == (
        '"child" means a person under the age of 18 years.'
    )
    for p in nodes:
        assert src.text[p.start : p.end] == p.text
        assert src.line_at(p.start) == p.line


def test_attachment_with_its_own_heading_keeps_its_body(tmp_path: Path) -> None:
    # Indigo (laws-africa/indigo bluebell_migration/tests/fixtures/crossheading1_fin.xml): the
    # <attachment> carries <heading> and <subheading> before its <doc>; the body must still be
    # read, and the visible heading lines belong to the schedule's text.
    xml = f"""<akomaNtoso xmlns="{NS}"><act name="act"><meta/><body>
      <section eId="sec_1"><num>1.</num><heading>Short title</heading>
        <content><p eId="sec_1__p_1">This is the Children Act.</p></content></section>
      </body>
      <attachments><attachment eId="att_1"><heading>Schedule 1</heading>
        <subheading>Forms</subheading>
        <doc name="schedule"><meta><identification source="#la"><FRBRWork>
            <FRBRalias name="title" value="Schedule 1"/></FRBRWork></identification></meta>
          <mainBody><p eId="att_1__p_1">intro:</p>
            <paragraph eId="att_1__para_1"><num>1.</num>
              <crossHeading eId="att_1__para_1__crossHeading_1">Notices</crossHeading>
              <hcontainer eId="att_1__para_1__hcontainer_1" name="hcontainer">
                <intro><p>A notice must state—</p></intro>
                <subparagraph eId="att_1__para_1__hcontainer_1__subpara_a"><num>(a)</num>
                  <content><p>the name of the child.</p></content></subparagraph>
              </hcontainer></paragraph>
          </mainBody></doc></attachment></attachments></act></akomaNtoso>"""
    f = tmp_path / "sched.xml"
    f.write_text(xml, "utf-8")
    src = read(f)
    nodes = walk(src.provisions or [])
    assert [(p.kind, p.label, p.eid) for p in nodes] == [
        ("section", "section 1", "sec_1"),
        ("schedule", "Schedule 1", "att_1"),
        ("paragraph", "Schedule 1 paragraph 1", "att_1__para_1"),
        (
            "subparagraph",
            "Schedule 1 paragraph 1(a)",
            "att_1__para_1__hcontainer_1__subpara_a",
        ),
    ]
    assert nodes[1].heading == "Schedule 1"
    assert nodes[1].text == (
        "Schedule 1\nForms\nintro:\n1. Notices\nA notice must state—\n(a) the name of the child."
    )
    for p in nodes:
        assert src.text[p.start : p.end] == p.text


def test_line_breaks_separate_words_and_padding_cells_dropped(tmp_path: Path) -> None:
    # laws-africa/indigo indigo_api/tests/pdf_fixtures/tables_in.xml: <br/> inside table
    # cells, and empty <td/> padding after a colspan.
    xml = f"""<akomaNtoso xmlns="{NS}"><act name="act"><meta/><body>
      <section eId="sec_1"><num>1.</num><heading>Register of beneficial owners</heading>
        <content><table eId="sec_1__table_1"><tr>
          <td><p>Nature of ownership<br/>or control the<br/>beneficial owner has</p></td>
          <td colspan="3"><p>Percentage of shares held - Directly<br/>-Indirectly</p></td>
          <td/><td/></tr></table>
        <p>A child<eol/>may not be a beneficial owner.</p></content>
      </section></body></act></akomaNtoso>"""
    f = tmp_path / "table.xml"
    f.write_text(xml, "utf-8")
    assert read(f).text == (
        "1. Register of beneficial owners\n"
        "Nature of ownership or control the beneficial owner has | "
        "Percentage of shares held - Directly -Indirectly\n"
        "A child may not be a beneficial owner.\n"
    )


def test_nested_attachments_and_untitled_placeholder(tmp_path: Path) -> None:
    # laws-africa/bluebell tests/roundtrip/nested_attachments.xml: a <statement> whose annex has
    # annexes of its own; FRBRalias "Untitled" is Indigo's placeholder, not a title.
    xml = f"""<akomaNtoso xmlns="{NS}"><statement name="statement"><meta><identification
      source="#c"><FRBRWork><FRBRalias value="Untitled" name="title"/></FRBRWork>
      </identification></meta>
      <mainBody><p eId="p_1">Children Protection Statement</p></mainBody>
      <attachments><attachment eId="att_1"><heading>Annex</heading>
        <doc name="annexure"><meta/><mainBody><p eId="att_1__p_1">Annex text.</p></mainBody>
          <attachments><attachment eId="att_1__att_1"><heading>Nested Annex</heading>
            <doc name="schedule"><meta/><mainBody><p>Nested text.</p></mainBody></doc>
          </attachment></attachments></doc></attachment></attachments>
    </statement></akomaNtoso>"""
    f = tmp_path / "nested.xml"
    f.write_text(xml, "utf-8")
    src = read(f)
    assert src.title == "Children Protection Statement"  # from the text, not "Untitled"
    nodes = walk(src.provisions or [])
    assert [(p.kind, p.eid, p.heading, p.text) for p in nodes] == [
        ("schedule", "att_1", "Annex", "Annex\nAnnex text.\nNested Annex\nNested text."),
        ("schedule", "att_1__att_1", "Nested Annex", "Nested Annex\nNested text."),
    ]
