"""Outputs: SARIF (validated against the official 2.1.0 schema), JUnit, GitHub, text, JSON."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from lexcheck.gate import GateConfig, evaluate
from lexcheck.gate import text as text_output
from lexcheck.models import Reservation, Review
from lexcheck.report import RenderOptions, render
from lexcheck.report.github import command, escape_data, escape_property

from .conftest import BILL, WHIPPING, bill_specs, build_review

SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
TODAY = date(2026, 11, 29)
CRC_37C = "Reservation to CRC art. 37(c) entered on ratification."


@pytest.fixture
def gated() -> Review:
    text = BILL + WHIPPING
    review = build_review("bills/child_justice_bill.md", text, bill_specs(text))
    cfg = GateConfig(
        fail_on="partially_compliant",
        reservations=[
            Reservation(
                check="jj.separation_adults", justification=CRC_37C, expires=date(2027, 12, 31)
            ),
            Reservation(check="vac.*", justification="Victims bill to follow."),
        ],
    )
    baseline = build_review("bills/child_justice_bill.md", BILL, bill_specs(BILL))
    outcome = evaluate(review, cfg, baseline=baseline, baseline_name="baseline.json", today=TODAY)
    return outcome.review


def _sarif(review: Review) -> dict:
    return json.loads(render(review, "sarif", RenderOptions()))


def test_sarif_validates_against_the_official_schema(gated: Review, bill_review: Review) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    for review in (gated, bill_review):  # with and without a gate applied
        errors = sorted(validator.iter_errors(_sarif(review)), key=str)
        assert errors == [], errors[0].message if errors else ""


def test_sarif_schema_rejects_a_broken_log(gated: Review) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    log = _sarif(gated)
    log["runs"][0]["results"][0]["suppressions"] = [{"kind": "somewhere"}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, schema)


def test_sarif_content(gated: Review, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bills").mkdir()
    (tmp_path / "bills" / "child_justice_bill.md").write_text(BILL + WHIPPING, encoding="utf-8")
    run = _sarif(gated)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(ids) and "jj.child_definition" in ids  # every reviewed check
    macr_rule = rules[ids.index("jj.macr")]
    assert macr_rule["name"] == "MinimumAgeOfCriminalResponsibility"
    assert "GC24 para. 22" in macr_rule["help"]["text"]
    assert macr_rule["shortDescription"]["text"] == "Minimum age of criminal responsibility"
    results = {r["ruleId"]: r for r in run["results"]}
    assert "jj.child_definition" not in results  # compliant: a rule, no result
    macr = results["jj.macr"]
    assert rules[macr["ruleIndex"]]["id"] == "jj.macr"
    region = macr["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 24
    assert BILL[region["charOffset"] :].startswith("A child under the age of twelve")
    uri = macr["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "bills/child_justice_bill.md"
    assert macr["level"] == "error" and macr["baselineState"] == "unchanged"
    assert len(macr["partialFingerprints"]["lexcheckFinding/v1"]) == 32
    punish = results["jj.corporal_punishment"]
    assert punish["baselineState"] == "updated" and punish["properties"]["failsGate"]
    sep = results["jj.separation_adults"]
    assert sep["suppressions"] == [
        {
            "kind": "external",
            "state": "accepted",
            "justification": CRC_37C,
            "properties": {"reservation": "jj.separation_adults", "expires": "2027-12-31"},
        }
    ]
    assert sep["level"] == "error"  # at the threshold; the suppression says why it passes
    diversion = results["jj.diversion"]
    assert diversion["level"] == "warning"  # high-severity gap below the threshold
    assert diversion["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    notes = run["invocations"][0]["toolConfigurationNotifications"]
    assert notes[0]["message"]["text"].startswith("reservation for vac.* is unused")
    assert run["properties"]["failOn"] == "partially_compliant"


def test_junit(gated: Review) -> None:
    root = ET.fromstring(render(gated, "junit", RenderOptions()))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None
    cases = {c.get("name", "").split(":")[0]: c for c in suite.findall("testcase")}
    assert len(cases) == len(gated.findings)  # one test case per check
    assert cases["jj.corporal_punishment"].find("failure") is not None
    assert cases["jj.parental_notification"].find("failure") is None  # in the baseline
    assert cases["jj.macr"].find("failure") is None  # in the baseline
    skipped = cases["jj.separation_adults"].find("skipped")
    assert skipped is not None and CRC_37C in skipped.get("message", "")
    assert cases["jj.child_definition"].find("failure") is None
    failing = [n for n, c in cases.items() if c.find("failure") is not None]
    assert failing == ["jj.corporal_punishment"]
    assert suite.get("failures") == "1" == root.get("failures")
    assert suite.get("skipped") == "1" and suite.get("tests") == str(len(cases))
    assert cases["jj.macr"].get("line") == "24"
    assert cases["jj.macr"].get("file") == "bills/child_justice_bill.md"
    out = cases["jj.macr"].findtext("system-out") or ""
    assert "values: minimum_age=12" in out and "baseline: unchanged" in out
    assert "unused" in (suite.findtext("system-err") or "")


def test_github_escaping() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("section 7(1), a: b") == "section 7(1)%2C a%3A b"
    assert command("error", "a\nb", file="x,y.md", line=3, title="t:1") == (
        "::error file=x%2Cy.md,line=3,title=t%3A1::a%0Ab"
    )
    assert command("warning", "m") == "::warning::m"


def test_github_annotations(gated: Review) -> None:
    lines = render(gated, "github", RenderOptions()).decode().splitlines()
    commands = [ln for ln in lines if ln.startswith("::")]
    assert all("\n" not in c for c in commands)
    punish = next(c for c in commands if "jj.corporal_punishment" in c)
    assert punish.startswith(
        "::error file=bills/child_justice_bill.md,line=57,"
        "title=lexcheck jj.corporal_punishment%3A non_compliant::"
    )
    assert "%0AProvisions: section 30(2)%0AStandards: Beijing Rules 17.3; Havana Rules 67" in punish
    sep = next(c for c in commands if "jj.separation_adults" in c)
    assert sep.startswith("::notice ") and "Reserved until 2027-12-31" in sep
    macr = next(c for c in commands if "jj.macr" in c)
    assert macr.startswith("::notice ") and "In baseline" in macr
    # Silence below the threshold: one notice for all such checks, not one annotation each.
    quiet = [c for c in commands if "jj.diversion" in c]
    assert quiet == [
        "::notice file=bills/child_justice_bill.md,title=lexcheck::1 requirement not addressed,"
        " below the fail threshold: jj.diversion"
    ]
    parental = next(c for c in commands if "jj.parental_notification" in c)
    assert parental.startswith("::notice ") and "In baseline" in parental
    assert any(c.startswith("::warning title=lexcheck configuration::") for c in commands)
    assert lines[-1] == (
        "lexcheck: failed: 1 finding at or beyond partially_compliant (1 reserved, 3 in baseline)"
    )


def test_text_lines(gated: Review) -> None:
    out = text_output.render(gated).decode()
    lines = out.splitlines()
    pattern = re.compile(r"^(?P<path>[^:]+)(:(?P<line>\d+))?: (?P<status>\w+) (?P<check>\S+) — .+")
    gap_lines = [ln for ln in lines if not ln.startswith("lexcheck:")]
    gaps = [f for f in gated.findings if f.status.value != "compliant"]
    assert len(gap_lines) == len(gaps) - 1  # all but the silence below the threshold
    parsed = [pattern.match(ln) for ln in gap_lines]
    assert all(parsed)
    first = parsed[0]
    assert first is not None and first["path"] == "bills/child_justice_bill.md"
    assert first["line"] == "24" and first["check"] == "jj.macr"
    assert "lexcheck: 1 requirement not addressed, below the fail threshold: jj.diversion" in lines
    by_check = {m["check"]: ln for m, ln in zip(parsed, gap_lines, strict=True) if m}
    assert by_check["jj.macr"].startswith(
        "bills/child_justice_bill.md:24: non_compliant jj.macr — The minimum age is 12"
    )
    assert by_check["jj.macr"].endswith("(section 7(1)) [in baseline]")
    assert f"[reserved until 2027-12-31: {CRC_37C}]" in by_check["jj.separation_adults"]
    assert (
        "[worse than baseline: new evidence in section 30(2)] [FAILS]"
        in by_check["jj.corporal_punishment"]
    )
    assert "lexcheck: warning: reservation for vac.* is unused" in out
    assert lines[-1].startswith("lexcheck: failed: 1 finding at or beyond partially_compliant")


def test_every_format_is_deterministic(gated: Review) -> None:
    for fmt in ("sarif", "junit", "github"):
        assert render(gated, fmt, RenderOptions()) == render(gated, fmt, RenderOptions())
    assert text_output.render(gated) == text_output.render(gated)


def test_sarif_uris(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    inside = str(tmp_path / "bills" / "draft bill.md")
    outside = "/srv/other/bill.md"
    for path, expected in (
        (inside, "bills/draft%20bill.md"),
        (outside, "file:///srv/other/bill.md"),
    ):
        review = build_review(path, BILL, bill_specs(BILL))
        run = _sarif(review)["runs"][0]
        uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == expected
        assert run["artifacts"][0]["location"]["uri"] == expected


def test_sarif_rule_help_comes_from_the_bundled_standards(bill_review: Review) -> None:
    from lexcheck.standards.loader import load_standards

    requirement = load_standards().requirements["jj.separation_adults"]
    rules = _sarif(bill_review)["runs"][0]["tool"]["driver"]["rules"]
    rule = next(r for r in rules if r["id"] == "jj.separation_adults")
    assert rule["fullDescription"]["text"] == requirement.statement
    assert "CRC art. 37(c)" in rule["help"]["text"]
    assert "- CRC art. 37(c)" in rule["help"]["markdown"]
    assert "CRC art. 37(c)" in rule["properties"]["citations"]


def _macr_region(review: Review) -> dict:
    results = _sarif(review)["runs"][0]["results"]
    macr = next(r for r in results if r["ruleId"] == "jj.macr")
    return macr["locations"][0]["physicalLocation"]["region"]  # type: ignore[no-any-return]


def test_sarif_offsets_only_when_they_are_the_files_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    review = build_review("bill.md", BILL, bill_specs(BILL))
    (tmp_path / "bill.md").write_text(BILL.replace("\n", "\r\n"), encoding="utf-8", newline="")
    region = _macr_region(review)
    # CRLF in the file: lexcheck's offsets (of normalised text) are not the file's, so only
    # the line (always the source line) is given.
    assert region["startLine"] == 24 and "charOffset" not in region
    (tmp_path / "bill.md").write_text(BILL, encoding="utf-8")
    region = _macr_region(review)
    assert region["charOffset"] == BILL.index("A child under the age of twelve")


def test_silence_at_the_threshold_or_reserved_keeps_its_own_line(bill_review: Review) -> None:
    at = text_output.render(evaluate(bill_review, fail_on="not_addressed").review).decode()
    assert "bills/child_justice_bill.md: not_addressed jj.diversion — " in at
    assert "not addressed, below the fail threshold" not in at
    cfg = GateConfig(reservations=[Reservation(check="jj.diversion", justification="Policy.")])
    reserved = text_output.render(evaluate(bill_review, cfg).review).decode()
    assert "not_addressed jj.diversion — " in reserved and "[reserved: Policy.]" in reserved
    assert "below the fail threshold: jj.corporal_punishment\n" in reserved
