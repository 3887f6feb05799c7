"""Write small, valid PDFs with a real text layer (Helvetica, WinAnsi) for tests.

Hand-written so the tests need no PDF-writing dependency: one content stream per page with
``BT /F1 size Tf x y Td (text) Tj ET`` for each line, and an exact cross-reference table.
"""

from __future__ import annotations

from pathlib import Path

Line = tuple[float, float, str]  # x, y (from the bottom, in points), text


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf_bytes(pages: list[list[Line]], *, size: float = 11, title: str | None = None) -> bytes:
    """A PDF whose page ``i`` shows ``pages[i]``; an empty list makes a page with no text."""
    objects: list[bytes] = []
    n = len(pages)
    # 1 catalog, 2 pages, 3 font, 4 info, then (page, contents) pairs
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(n))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    objects.append(b"<< /Title (" + _escape(title or "") + b") >>")
    for i, lines in enumerate(pages):
        content = b"".join(
            b"BT /F1 %g Tf %g %g Td (" % (size, x, y) + _escape(text) + b") Tj ET\n"
            for x, y, text in lines
        )
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {6 + 2 * i} 0 R"
            " /Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def page_of(body: list[str], *, header: str | None, footer: str | None) -> list[Line]:
    """A page with an optional running header and footer around body lines."""
    lines: list[Line] = []
    if header:
        lines.append((72, 800, header))
    y = 760.0
    for text in body:
        lines.append((72, y, text))
        y -= 16
    if footer:
        lines.append((280, 40, footer))
    return lines


def write_pdf(path: Path, pages: list[list[Line]], **kw: object) -> Path:
    path.write_bytes(pdf_bytes(pages, **kw))  # type: ignore[arg-type]
    return path
