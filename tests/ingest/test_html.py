"""HTML statute pages: visible text only, block elements as lines, title, no entity tricks."""

from __future__ import annotations

from pathlib import Path

from lexcheck.ingest import read
from lexcheck.models import SourceFormat

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Children Act, 2001 | Arcadia Legal Information Institute</title>
  <style>p { color: red }</style>
  <script>var tracking = "should not appear";</script>
</head>
<body>
  <header><a href="/">ArcLII home</a> <form><input name="q"> Search</form></header>
  <nav><ul><li>Browse legislation</li><li>Judgments</li></ul></nav>
  <div id="content">
    <h1>Children Act, 2001</h1>
    <h2>PART&nbsp;III &#8212; CHILD OFFENDERS</h2>
    <h3>Section 14. Age of criminal responsibility</h3>
    <p>(1) A child under the age of twelve years is not criminally
       responsible for any act or omission.</p>
    <p>(2) Where a child is arrested&nbsp;&mdash;<br>(a) the parent shall be informed;<br>
       (b) the child shall be detained only as a measure of last resort.</p>
    <ol><li>See also <a href="#s15">section 15</a> and &sect; 3.</li></ol>
    <table>
      <tr><th>Offence</th><th>Maximum period</th></tr>
      <tr><td>Theft</td><td><p>3 months</p></td></tr>
    </table>
    <div style="display:none">hidden duplicate text</div>
    <!-- editorial comment -->
    <pre>FORM 1
  Name of child: ______</pre>
  </div>
  <aside>Related: Penal Code</aside>
  <footer>&copy; ArcLII 2026. Page generated in 0.2s</footer>
</body>
</html>
"""


def test_lii_page(tmp_path: Path) -> None:
    f = tmp_path / "children_act.html"
    f.write_text(PAGE, "utf-8")
    src = read(f)
    assert src.format is SourceFormat.HTML
    assert src.title == "Children Act, 2001 | Arcadia Legal Information Institute"
    assert src.language == "en"
    assert src.text.splitlines() == [
        "Children Act, 2001",
        "PART III — CHILD OFFENDERS",
        "Section 14. Age of criminal responsibility",
        "(1) A child under the age of twelve years is not criminally responsible for any act or"
        " omission.",
        "(2) Where a child is arrested —",
        "(a) the parent shall be informed;",
        "(b) the child shall be detained only as a measure of last resort.",
        "See also section 15 and § 3.",
        "Offence | Maximum period",
        "Theft | 3 months",
        "FORM 1",
        "  Name of child: ______",
    ]


def test_htm_without_title_uses_h1_and_detects_by_content(tmp_path: Path) -> None:
    f = tmp_path / "page.txt"  # wrong extension: the content decides
    f.write_text(
        "<html><body><h1>Ley de Justicia Juvenil</h1><p>Artículo 7.– El niño tiene derecho a"
        " ser oído en todo procedimiento judicial.</p></body></html>",
        "utf-8",
    )
    src = read(f)
    assert src.format is SourceFormat.HTML
    assert src.title == "Ley de Justicia Juvenil"
    assert src.language == "es"


def test_cp1252_html_fragment(tmp_path: Path) -> None:
    f = tmp_path / "frag.htm"
    f.write_bytes("<p>Artículo 7.– Protección integral según el § 3.</p>".encode("cp1252") * 3)
    src = read(f)
    assert src.format is SourceFormat.HTML
    assert "Artículo 7.– Protección integral según el § 3." in src.text


def test_html_external_entity_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", "utf-8")
    f = tmp_path / "xxe.html"
    f.write_text(
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        "<html><body><p>Section 1. &xxe; Short title</p></body></html>",
        "utf-8",
    )
    src = read(f)
    assert "TOP-SECRET" not in src.text
    assert "Short title" in src.text


def test_xhtml_with_xml_declaration(tmp_path: Path) -> None:
    f = tmp_path / "act.xhtml"
    f.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Act</title></head>'
        "<body><p>1. Short title</p></body></html>",
        "utf-8",
    )
    src = read(f)
    assert src.format is SourceFormat.HTML
    assert src.text == "1. Short title\n"
