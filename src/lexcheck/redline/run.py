"""Redline one statute file: parse, review (or read a saved review), write the tracked copy."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from lexcheck.errors import InputError, UsageError
from lexcheck.models import Finding, ParsedDocument, Review
from lexcheck.redline.apply import RedlineResult, redline
from lexcheck.redline.statute_docx import statute_docx


def _review(path: Path, review_json: Path | None) -> tuple[list[Finding], ParsedDocument]:
    """The findings on ``path`` (from a saved review or a fresh one) and its parsed text."""
    from lexcheck import api

    if review_json is not None:
        try:
            saved = Review.model_validate(json.loads(review_json.read_text("utf-8")))
        except (OSError, ValueError) as exc:
            raise InputError(str(review_json), f"not a lexcheck review in JSON ({exc})") from exc
        return saved.findings, api.parse_file(path)
    review_files = getattr(api, "review_files", None)
    if review_files is None:
        raise UsageError(
            "this lexcheck build has no review engine; pass a saved review with --review"
        )
    result = review_files([str(path)])
    # review_files returns (Review, parsed documents); tolerate a bare Review too.
    review, documents = result if isinstance(result, tuple) else (result, [])
    doc = documents[0] if documents else api.parse_file(path)
    return review.findings, doc


def _findings_for(doc: ParsedDocument, findings: list[Finding]) -> list[Finding]:
    """Findings that concern this document: its own evidence, or none at all (silence)."""
    from lexcheck.recommend import recommend

    own = [
        f
        for f in findings
        if not f.evidence or any(e.document == doc.document.path for e in f.evidence)
    ]
    return recommend(own, [doc])


def redline_file(
    path: Path,
    output: Path,
    *,
    when: date,
    review_json: Path | None = None,
    author: str = "lexcheck",
) -> RedlineResult:
    """Write ``output``: a .docx copy of ``path`` with tracked amendments and comments."""
    from lexcheck.output import write_atomic

    if output.suffix.lower() != ".docx":
        raise UsageError(f"{output}: the redline is a Word document; name it .docx")
    if not path.is_file():
        raise InputError(str(path), "no such file")
    if output.resolve() == path.resolve():
        raise UsageError(f"{output}: lexcheck never overwrites its input; choose another name")
    all_findings, doc = _review(path, review_json)
    findings = _findings_for(doc, all_findings)
    is_docx = path.suffix.lower() == ".docx"
    source = path.read_bytes() if is_docx else statute_docx(doc, when)
    result = redline(source, doc, findings, when=when, author=author, path=str(path))
    write_atomic(output, result.data)
    return result
