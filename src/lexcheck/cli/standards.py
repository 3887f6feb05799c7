"""`lexcheck standards` (being built; see the issue tracker)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this command to the app."""

    @app.command("standards", hidden=True)
    def _placeholder() -> None:
        """Not yet available."""
        raise typer.Exit(2)
