"""Unicode and whitespace normalisation that keeps a map back to source offsets and lines.

What changes (conservatively, so quotations stay faithful):
- every line break (CRLF, CR, LF, VT, FF, NEL, U+2028/2029, ...) becomes ``\\n``;
- tabs, no-break and other typographic spaces become a plain space; runs of interior
  whitespace collapse to one space; trailing whitespace is dropped; leading indentation is
  kept (one space per source character);
- zero-width spaces, word joiners, stray BOMs, soft hyphens and C0/C1 control characters are
  removed (ZWJ/ZWNJ are kept: they carry meaning in several scripts);
- U+2010/U+2011 (hyphen, non-breaking hyphen) become ``-``;
- each line is put in Unicode NFC.
Quotes (straight or curly), en/em dashes, ``§`` and every other visible character stay as is.
Optionally (PDF text), a word hyphenated across a line break is rejoined when the next line
starts in lower case.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

# Horizontal whitespace that is not a plain ASCII space.
_ODD_SPACE = "\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000"
# A whitespace run worth rewriting: any run with an odd space, two or more spaces, or a
# single space at the end of the line.
# Characters removed outright: C0/C1 controls (line breaks are handled before), zero-width
# space, word joiner, BOM / zero-width no-break space, soft hyphen.
_REMOVED = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\u2060\ufeff\u00ad"
# Tokens: a run of blanks and removable characters with at least one that is not a plain
# space (so "a \u200b b" collapses to one space), two or more spaces, a final space, or a
# hyphen variant. Single spaces between words are not tokens: most lines have no token.
_BLANK = f" {_ODD_SPACE}{_REMOVED}"
_TOKEN = re.compile(rf"[{_BLANK}]*[{_ODD_SPACE}{_REMOVED}][{_BLANK}]*| {{2,}}| \Z|[\u2010\u2011]")
# Anything normalisation may change (in text already in NFC): line breaks other than LF,
# odd spaces, removed characters, hyphen variants (``_WORK_CHARS``), double or trailing spaces.
_WORK_CHARS = "".join(
    sorted(
        set(
            re.sub(
                "(.)-(.)",
                lambda m: "".join(map(chr, range(ord(m.group(1)), ord(m.group(2)) + 1))),
                f"\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029{_ODD_SPACE}{_REMOVED}\u2010\u2011",
            )
        )
    )
)
_DOUBLE_SPACE = re.compile("  ")
_TRAILING_SPACE = re.compile(" (?=\n)| \\Z")


def _work(src: str, start: int) -> Iterator[re.Match[str]]:
    """Matches, in order, of everything that may need normalising in ``src[start:]``.

    Which kinds occur is found first with plain substring tests (fast C scans); only those
    are searched for, each with its own simple pattern (one regex with all the alternatives
    runs several times slower), and the matches merged.
    """
    present = [c for c in _WORK_CHARS if c in src]
    patterns = []
    if present:
        patterns.append(re.compile("[" + re.escape("".join(present)) + "]"))
    if "  " in src:
        patterns.append(_DOUBLE_SPACE)
    if " \n" in src or src.endswith(" "):
        patterns.append(_TRAILING_SPACE)
    if len(patterns) == 1:
        return patterns[0].finditer(src, start)
    return heapq.merge(*(p.finditer(src, start) for p in patterns), key=lambda m: m.start())


_EOL = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_WS_RE = re.compile(rf"[ {_ODD_SPACE}]")


@dataclass
class Normalised:
    """Normalised text, the normalised offset of each source line, and offset anchors."""

    text: str
    line_starts: list[int]
    offsets: list[tuple[int, int]] = field(default_factory=list)


class _Anchors:
    """Collects ``(norm, source)`` anchors, adding one only where the delta changes."""

    def __init__(self, delta: int = 0) -> None:
        self.items: list[tuple[int, int]] = []
        self.delta = 0
        if delta:
            self.mark(0, delta)

    def mark(self, norm: int, src: int) -> None:
        """From ``norm`` on, normalised offsets map to ``src`` onwards (supersedes later ones)."""
        if self.items and self.items[-1][0] >= norm:
            while self.items and self.items[-1][0] >= norm:
                self.items.pop()
            self.delta = self.items[-1][1] - self.items[-1][0] if self.items else 0
        if src - norm != self.delta:
            self.delta = src - norm
            self.items.append((norm, src))


def _clean_line(line: str, norm0: int, src0: int, anchors: _Anchors | None) -> str:
    """Normalise one line (no line break inside); record anchors relative to offsets given."""
    if line.isascii() and line.isprintable() and "  " not in line and not line.endswith(" "):
        return line
    parts: list[str] = []
    out_len = 0  # length of the normalised line so far
    pos = 0
    n = len(line)
    for m in _TOKEN.finditer(line):
        s, e = m.span()
        if s > pos:
            parts.append(line[pos:s])
            out_len += s - pos
        tok = m.group()
        if tok in ("\u2010", "\u2011"):
            rep = "-"
        else:
            width = len(_WS_RE.findall(tok))
            if not width or e == n:
                rep = ""  # only invisible characters, or trailing blanks
            elif s == 0:
                rep = " " * width  # indentation: keep its width, one space per blank
            else:
                rep = " "
        parts.append(rep)
        out_len += len(rep)
        pos = e
        if anchors is not None:
            if rep:
                # the replacement's first character maps to the token's first character
                anchors.mark(norm0 + out_len - len(rep), src0 + s)
            anchors.mark(norm0 + out_len, src0 + e)
    parts.append(line[pos:])
    out = "".join(parts)
    if not unicodedata.is_normalized("NFC", out):
        out = unicodedata.normalize("NFC", out)
        if anchors is not None:
            # Composition moves characters around inside the line: drop finer anchors (mark
            # supersedes them) and keep the line's start and end exact.
            anchors.mark(norm0, src0)
            anchors.mark(norm0 + len(out), src0 + n)
    return out


def clean_line(line: str) -> str:
    """Normalise one line of text the same way ``normalise`` does, without a map."""
    return _clean_line(line, 0, 0, None)


def _lower_start(src: str, j: int) -> bool:
    """The line starting at ``j`` begins (after indentation) with a lower-case letter."""
    n = len(src)
    while j < n and src[j] in " \t\xa0":
        j += 1
    return j < n and src[j].isalpha() and src[j].islower()


def normalise(src: str, *, start: int = 0, join_hyphens: bool = False) -> Normalised:
    """Normalise ``src[start:]``; source lines before ``start`` are counted but dropped.

    Lines that need no change are copied as runs of the source (no per-line objects kept),
    so a clean file costs one copy of its text, or none. Text already in NFC (nearly all) is
    searched once for what needs work and only those lines are visited; otherwise, or when
    hyphens are to be rejoined, every line is.
    """
    if join_hyphens or not unicodedata.is_normalized("NFC", src):
        return normalise_lines(src, start=start, join_hyphens=join_hyphens)
    skipped_lines = len(src[:start].splitlines()) if start else 0
    anchors = _Anchors(start)
    out: list[str] = []
    line_starts: list[int] = [0] * skipped_lines
    n = len(src)
    if start < n:
        line_starts.append(0)
    norm = 0  # normalised offset of ``run_start``
    pos = run_start = start  # pos: the start of a line; src[run_start:pos] is copied verbatim
    find = src.find

    def clean_lines_until(stop: int) -> None:
        """Record the starts of the unchanged lines between ``pos`` and ``stop``."""
        delta = run_start - norm
        i = find("\n", pos, stop)
        while i >= 0:
            if i + 1 < n:
                line_starts.append(i + 1 - delta)
            i = find("\n", i + 1, stop)

    for w in _work(src, start):
        if w.start() < pos:
            continue  # inside a line already normalised
        line_start = src.rfind("\n", pos, w.start()) + 1 or pos
        clean_lines_until(line_start)
        m = _EOL.search(src, w.start())
        body_end, eol_end = (m.start(), m.end()) if m else (n, n)
        line_norm = norm + (line_start - run_start)
        out.append(src[run_start:line_start])
        norm = line_norm
        body = src[line_start:body_end]
        cleaned = _clean_line(body, line_norm, line_start, anchors)
        out.append(cleaned)
        norm += len(cleaned)
        if eol_end > body_end:
            anchors.mark(norm, body_end)
            out.append("\n")
            norm += 1
            if eol_end < n:
                line_starts.append(norm)
        anchors.mark(norm, eol_end)
        pos = run_start = eol_end
    clean_lines_until(n)
    out.append(src[run_start:n])
    return Normalised(text="".join(out), line_starts=line_starts or [0], offsets=anchors.items)


def normalise_lines(src: str, *, start: int = 0, join_hyphens: bool = False) -> Normalised:
    """``normalise`` visiting every line (any text; needed for NFC and hyphen rejoining)."""
    skipped_lines = len(src[:start].splitlines()) if start else 0
    anchors = _Anchors(start)
    out: list[str] = []
    norm = 0  # normalised offset of ``run_start``
    line_starts: list[int] = [0] * skipped_lines
    n = len(src)
    pos = run_start = start  # src[run_start:pos] is copied verbatim
    find_eol = _EOL.search
    while pos < n:
        m = find_eol(src, pos)
        body_end, eol_end = (m.start(), m.end()) if m else (n, n)
        line_norm = norm + (pos - run_start)
        line_starts.append(line_norm)
        body = src[pos:body_end]
        cleaned = _clean_line(body, line_norm, pos, anchors)
        eol = src[body_end:eol_end]
        hyphen = (
            join_hyphens
            and eol_end < n
            and len(cleaned) >= 2
            and cleaned[-1] == "-"
            and cleaned[-2].isalpha()
            and _lower_start(src, eol_end)
        )
        if not hyphen and eol in ("\n", "") and (cleaned is body or cleaned == body):
            pos = eol_end  # unchanged: extend the verbatim run
            continue
        out.append(src[run_start:pos])
        norm = line_norm
        if hyphen:
            # "protec-\ntion": drop the hyphen, the break and the next line's indentation;
            # the next source line then starts mid-line in the normalised text.
            cleaned = cleaned[:-1]
            out.append(cleaned)
            norm += len(cleaned)
            pos = eol_end
            while src[pos] in " \t\xa0":
                pos += 1
        else:
            out.append(cleaned)
            norm += len(cleaned)
            if eol:
                anchors.mark(norm, body_end)
                out.append("\n")
                norm += 1
            pos = eol_end
        anchors.mark(norm, pos)
        run_start = pos
    out.append(src[run_start:pos])
    return Normalised(text="".join(out), line_starts=line_starts or [0], offsets=anchors.items)
