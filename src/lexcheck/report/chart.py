"""The at-a-glance chart (statuses by theme) as a PNG for Word and as inline SVG for HTML.

No plotting library is installed, so the PNG is drawn pixel by pixel with a 5x7 bitmap font
(upper and lower case), each font pixel a 3x3 block so that labels read at about 9 pt when the
image is printed 17 cm wide, and encoded with zlib; both images come from the same layout, so the
docx and the HTML agree.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from xml.sax.saxutils import escape

# 5x7 glyphs, one string of five 0/1 per row (lower case with two rows of descender).
_FONT: dict[str, tuple[str, ...]] = {
    "A": ("01110", "10001", "10001", "11111", "10001", "10001", "10001"),
    "B": ("11110", "10001", "10001", "11110", "10001", "10001", "11110"),
    "C": ("01110", "10001", "10000", "10000", "10000", "10001", "01110"),
    "D": ("11110", "10001", "10001", "10001", "10001", "10001", "11110"),
    "E": ("11111", "10000", "10000", "11110", "10000", "10000", "11111"),
    "F": ("11111", "10000", "10000", "11110", "10000", "10000", "10000"),
    "G": ("01110", "10001", "10000", "10111", "10001", "10001", "01111"),
    "H": ("10001", "10001", "10001", "11111", "10001", "10001", "10001"),
    "I": ("01110", "00100", "00100", "00100", "00100", "00100", "01110"),
    "J": ("00111", "00010", "00010", "00010", "00010", "10010", "01100"),
    "K": ("10001", "10010", "10100", "11000", "10100", "10010", "10001"),
    "L": ("10000", "10000", "10000", "10000", "10000", "10000", "11111"),
    "M": ("10001", "11011", "10101", "10101", "10001", "10001", "10001"),
    "N": ("10001", "10001", "11001", "10101", "10011", "10001", "10001"),
    "O": ("01110", "10001", "10001", "10001", "10001", "10001", "01110"),
    "P": ("11110", "10001", "10001", "11110", "10000", "10000", "10000"),
    "Q": ("01110", "10001", "10001", "10001", "10101", "10010", "01101"),
    "R": ("11110", "10001", "10001", "11110", "10100", "10010", "10001"),
    "S": ("01111", "10000", "10000", "01110", "00001", "00001", "11110"),
    "T": ("11111", "00100", "00100", "00100", "00100", "00100", "00100"),
    "U": ("10001", "10001", "10001", "10001", "10001", "10001", "01110"),
    "V": ("10001", "10001", "10001", "10001", "10001", "01010", "00100"),
    "W": ("10001", "10001", "10001", "10101", "10101", "10101", "01010"),
    "X": ("10001", "10001", "01010", "00100", "01010", "10001", "10001"),
    "Y": ("10001", "10001", "01010", "00100", "00100", "00100", "00100"),
    "Z": ("11111", "00001", "00010", "00100", "01000", "10000", "11111"),
    "0": ("01110", "10001", "10011", "10101", "11001", "10001", "01110"),
    "1": ("00100", "01100", "00100", "00100", "00100", "00100", "01110"),
    "2": ("01110", "10001", "00001", "00010", "00100", "01000", "11111"),
    "3": ("11111", "00010", "00100", "00010", "00001", "10001", "01110"),
    "4": ("00010", "00110", "01010", "10010", "11111", "00010", "00010"),
    "5": ("11111", "10000", "11110", "00001", "00001", "10001", "01110"),
    "6": ("00110", "01000", "10000", "11110", "10001", "10001", "01110"),
    "7": ("11111", "00001", "00010", "00100", "01000", "01000", "01000"),
    "8": ("01110", "10001", "10001", "01110", "10001", "10001", "01110"),
    "9": ("01110", "10001", "10001", "01111", "00001", "00010", "01100"),
    " ": ("00000",) * 7,
    "-": ("00000", "00000", "00000", "11111", "00000", "00000", "00000"),
    ".": ("00000", "00000", "00000", "00000", "00000", "01100", "01100"),
    ",": ("00000", "00000", "00000", "00000", "01100", "00100", "01000"),
    "'": ("00100", "00100", "01000", "00000", "00000", "00000", "00000"),
    "(": ("00010", "00100", "01000", "01000", "01000", "00100", "00010"),
    ")": ("01000", "00100", "00010", "00010", "00010", "00100", "01000"),
    "/": ("00000", "00001", "00010", "00100", "01000", "10000", "00000"),
    ":": ("00000", "01100", "01100", "00000", "01100", "01100", "00000"),
    "?": ("01110", "10001", "00001", "00010", "00100", "00000", "00100"),
    # Lower case: rows 0-6 stand on the baseline, rows 7-8 are descenders.
    "a": ("00000", "00000", "01110", "00001", "01111", "10001", "01111"),
    "b": ("10000", "10000", "10110", "11001", "10001", "10001", "11110"),
    "c": ("00000", "00000", "01110", "10000", "10000", "10001", "01110"),
    "d": ("00001", "00001", "01101", "10011", "10001", "10001", "01111"),
    "e": ("00000", "00000", "01110", "10001", "11111", "10000", "01110"),
    "f": ("00110", "01001", "01000", "11100", "01000", "01000", "01000"),
    "g": ("00000", "00000", "01111", "10001", "10001", "10001", "01111", "00001", "01110"),
    "h": ("10000", "10000", "10110", "11001", "10001", "10001", "10001"),
    "i": ("00100", "00000", "01100", "00100", "00100", "00100", "01110"),
    "j": ("00010", "00000", "00110", "00010", "00010", "00010", "00010", "10010", "01100"),
    "k": ("10000", "10000", "10010", "10100", "11000", "10100", "10010"),
    "l": ("01100", "00100", "00100", "00100", "00100", "00100", "01110"),
    "m": ("00000", "00000", "11010", "10101", "10101", "10001", "10001"),
    "n": ("00000", "00000", "10110", "11001", "10001", "10001", "10001"),
    "o": ("00000", "00000", "01110", "10001", "10001", "10001", "01110"),
    "p": ("00000", "00000", "11110", "10001", "10001", "10001", "11110", "10000", "10000"),
    "q": ("00000", "00000", "01111", "10001", "10001", "10001", "01111", "00001", "00001"),
    "r": ("00000", "00000", "10110", "11001", "10000", "10000", "10000"),
    "s": ("00000", "00000", "01111", "10000", "01110", "00001", "11110"),
    "t": ("01000", "01000", "11100", "01000", "01000", "01001", "00110"),
    "u": ("00000", "00000", "10001", "10001", "10001", "10011", "01101"),
    "v": ("00000", "00000", "10001", "10001", "10001", "01010", "00100"),
    "w": ("00000", "00000", "10001", "10001", "10101", "10101", "01010"),
    "x": ("00000", "00000", "10001", "01010", "00100", "01010", "10001"),
    "y": ("00000", "00000", "10001", "10001", "10001", "10001", "01111", "00001", "01110"),
    "z": ("00000", "00000", "11111", "00010", "00100", "01000", "11111"),
}
_ACCENTS = str.maketrans(
    "ÁÀÂÄÉÈÊËÍÌÎÏÓÒÔÖÚÙÛÜÑÇáàâäéèêëíìîïóòôöúùûüñç’",
    "AAAAEEEEIIIIOOOOUUUUNCaaaaeeeeiiiioooouuuunc'",
)

SCALE = 3  # each font pixel is SCALE x SCALE image pixels
CHAR_W = 6 * SCALE
TEXT_H = 7 * SCALE  # capital height; descenders go below
WIDTH = 1500  # printed 17 cm wide in the Word report
LABEL_W = 41 * CHAR_W
BAR_X = LABEL_W + 24
BAR_W = WIDTH - BAR_X - 30
ROW_H = 48
BAR_H = 32
TOP = 16
LEGEND_H = 64
LEGEND_BOX = 26
MAX_LABEL = LABEL_W // CHAR_W
SVG_FONT = 27  # px in the SVG's own units: about the PNG's capital height


@dataclass(frozen=True)
class Segment:
    x: int
    width: int
    color: str
    count: int


@dataclass(frozen=True)
class Row:
    y: int
    label: str
    segments: list[Segment]
    total: int


def _fit(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "."


def layout(rows: list[tuple[str, tuple[int, ...]]], colors: list[str]) -> tuple[int, list[Row]]:
    """Pixel geometry shared by the PNG and the SVG: image height and one Row per theme."""
    biggest = max((sum(c) for _, c in rows), default=0) or 1
    out: list[Row] = []
    for i, (label, counts) in enumerate(rows):
        y = TOP + i * ROW_H
        x = BAR_X
        segs: list[Segment] = []
        for count, color in zip(counts, colors, strict=True):
            w = round(BAR_W * count / biggest)
            if count:
                segs.append(Segment(x, w, color, count))
            x += w
        out.append(Row(y, _fit(label), segs, sum(counts)))
    height = TOP + len(rows) * ROW_H + LEGEND_H
    return height, out


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return int(hex_color[0:2], 16), int(hex_color[2:4], 16), int(hex_color[4:6], 16)


class _Canvas:
    def __init__(self, width: int, height: int) -> None:
        self.w, self.h = width, height
        self.px = bytearray(b"\xff" * (width * height * 3))

    def rect(self, x: int, y: int, w: int, h: int, color: tuple[int, int, int]) -> None:
        row = bytes(color) * max(0, min(w, self.w - x))
        for yy in range(max(0, y), min(self.h, y + h)):
            start = (yy * self.w + x) * 3
            self.px[start : start + len(row)] = row

    def text(self, x: int, y: int, s: str, color: tuple[int, int, int]) -> None:
        for ch in s.translate(_ACCENTS):
            glyph = _FONT.get(ch) or _FONT.get(ch.upper(), _FONT["?"])
            for gy, bits in enumerate(glyph):
                for gx, bit in enumerate(bits):
                    if bit == "1":
                        self.rect(x + gx * SCALE, y + gy * SCALE, SCALE, SCALE, color)
            x += CHAR_W

    def png(self) -> bytes:
        raw = b"".join(
            b"\x00" + bytes(self.px[y * self.w * 3 : (y + 1) * self.w * 3]) for y in range(self.h)
        )

        def chunk(kind: bytes, data: bytes) -> bytes:
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

        header = struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b"")
        )


def _legend(labels: list[str], colors: list[str], y: int) -> list[tuple[int, str, str]]:
    """x positions of the legend entries: (x, label, color)."""
    out = []
    x = 10
    for label, color in zip(labels, colors, strict=True):
        out.append((x, label, color))
        x += LEGEND_BOX + 10 + len(label) * CHAR_W + 40
    return out


def png(rows: list[tuple[str, tuple[int, ...]]], labels: list[str], colors: list[str]) -> bytes:
    """A stacked horizontal bar per theme, one colour per status, with a legend below."""
    height, geo = layout(rows, colors)
    c = _Canvas(WIDTH, height)
    ink = (0x33, 0x33, 0x33)
    for row in geo:
        c.text(10, row.y + (BAR_H - TEXT_H) // 2, row.label, ink)
        for seg in row.segments:
            c.rect(seg.x, row.y, seg.width, BAR_H, _rgb(seg.color))
            digits = str(seg.count)
            if seg.width >= len(digits) * CHAR_W + 6:
                c.text(
                    seg.x + (seg.width - len(digits) * CHAR_W) // 2 + SCALE,
                    row.y + (BAR_H - TEXT_H) // 2,
                    digits,
                    (0xFF, 0xFF, 0xFF),
                )
    ly = height - LEGEND_H + 18
    for x, label, color in _legend(labels, colors, ly):
        c.rect(x, ly, LEGEND_BOX, LEGEND_BOX, _rgb(color))
        c.text(x + LEGEND_BOX + 10, ly + (LEGEND_BOX - TEXT_H) // 2, label, ink)
    return c.png()


def svg(rows: list[tuple[str, tuple[int, ...]]], labels: list[str], colors: list[str]) -> str:
    """The same chart as inline SVG, with real text for screen readers and search."""
    height, geo = layout(rows, colors)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%"'
        ' role="img" aria-label="Status of requirements by theme"'
        f' font-family="Arial, Helvetica, sans-serif" font-size="{SVG_FONT}">'
    ]
    for row in geo:
        ty = row.y + BAR_H // 2 + SVG_FONT // 3
        parts.append(f'<text x="10" y="{ty}" fill="#333">{escape(row.label)}</text>')
        for seg in row.segments:
            parts.append(
                f'<rect x="{seg.x}" y="{row.y}" width="{seg.width}" height="{BAR_H}"'
                f' fill="#{seg.color}"><title>{seg.count}</title></rect>'
            )
            if seg.width >= SVG_FONT:
                parts.append(
                    f'<text x="{seg.x + seg.width // 2}" y="{ty}" fill="#fff"'
                    f' text-anchor="middle">{seg.count}</text>'
                )
    ly = height - LEGEND_H + 18
    for x, label, color in _legend(labels, colors, ly):
        parts.append(
            f'<rect x="{x}" y="{ly}" width="{LEGEND_BOX}" height="{LEGEND_BOX}" fill="#{color}"/>'
        )
        parts.append(
            f'<text x="{x + LEGEND_BOX + 10}" y="{ly + LEGEND_BOX // 2 + SVG_FONT // 3}"'
            f' fill="#333">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def chart_inputs(view: object) -> tuple[list[tuple[str, tuple[int, ...]]], list[str], list[str]]:
    """Rows, legend labels and colours from a ReportView."""
    from lexcheck.report.view import ReportView

    assert isinstance(view, ReportView)
    rows: list[tuple[str, tuple[int, ...]]] = [(r.label, r.counts) for r in view.chart]
    labels = [view.status_label[s] for s in view.status_order]
    colors = [view.status_color[s] for s in view.status_order]
    return rows, labels, colors
