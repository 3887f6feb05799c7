"""The ``lexcheck`` command: registers subcommands and maps errors to one line and an exit code."""

from __future__ import annotations

import sys

import typer

from lexcheck import __version__
from lexcheck.cli import check, diff, parse, redline, review, standards
from lexcheck.errors import LexcheckError

app = typer.Typer(
    name="lexcheck",
    help="Review child-justice statutes against the CRC, the Beijing Rules and the UN Model"
    " Strategies.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lexcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Review child-justice statutes against international standards."""


for module in (parse, review, standards, check, diff, redline):
    module.register(app)


def main() -> None:
    """Entry point: run the app; a LexcheckError becomes one line on stderr and its exit code.

    typer's standalone mode already turns usage errors into a message and exit code 2.
    """
    try:
        app()
    except LexcheckError as exc:
        print(f"lexcheck: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
