"""The library API behind the CLI: what a notebook or a web service calls."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from lexcheck import ingest, structure
from lexcheck.models import Finding, ParsedDocument, Review, ReviewedDocument, Summary


def parse_file(path: str | Path, *, max_bytes: int = ingest.DEFAULT_MAX_BYTES) -> ParsedDocument:
    """Read a statute and build its provision tree."""
    return structure.build(ingest.read(path, max_bytes=max_bytes))


def review_files(
    paths: list[str | Path],
    *,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
    progress: Callable[[str, int, int], None] | None = None,
    terms: Mapping[str, Sequence[str]] | None = None,
) -> tuple[Review, list[ParsedDocument]]:
    """Review several statutes as one legal framework; return the review and the parsed documents.

    ``progress(stage, done, total)`` is called as documents are parsed and matched.
    ``terms``: the jurisdiction's own words for the standards' terms, e.g.
    ``{"child": ["juvenile", "young person"]}`` (see ``lexcheck.checks.terms``).
    """
    from lexcheck.assess.review import review_documents
    from lexcheck.checks.loader import load_rules
    from lexcheck.checks.terms import with_terms
    from lexcheck.recommend import recommend

    documents: list[ParsedDocument] = []
    for i, path in enumerate(paths):
        documents.append(parse_file(path, max_bytes=max_bytes))
        if progress:
            progress("parse", i + 1, len(paths))
    findings = review_documents(
        documents,
        with_terms(load_rules(), terms) if terms else None,
        progress=(lambda n: progress("review", n, len(documents))) if progress else None,
    )
    findings = recommend(findings, documents)
    return make_review(findings, documents), documents


def make_review(findings: list[Finding], documents: list[ParsedDocument]) -> Review:
    """The ``Review`` (JSON contract) of findings over documents."""
    from lexcheck import __version__

    summary = Summary()
    for f in findings:
        setattr(summary, f.status.value, getattr(summary, f.status.value) + 1)
    return Review(
        lexcheck_version=__version__,
        documents=[
            ReviewedDocument(
                path=d.document.path,
                title=d.document.title,
                sha256=d.document.sha256,
                provisions=len(d.walk()),
            )
            for d in documents
        ],
        findings=findings,
        summary=summary,
    )
