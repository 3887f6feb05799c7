"""The ``lexcheck`` command: registers subcommands and maps errors to one line and an exit code."""

from __future__ import annotations

import atexit
import gc
import os
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
    # A run builds a great many long-lived objects (modules, schemas, spaCy's vocabulary and
    # matchers, the provision tree, the hits) and few reference cycles, so the collector's
    # default pace (a pass every 700 allocations, a full pass every 70,000) mostly re-reads
    # live data: a tenth of a cold run. It still runs, at about a fourteenth of the pace.
    thresholds = gc.get_threshold()
    gc.set_threshold(10_000, 10, 10)
    # numpy keeps offsets for the matcher here, never does linear algebra; its OpenBLAS
    # otherwise starts a thread per core when loaded, which spin for a while: a tenth of a
    # cold run's CPU time, taken from whatever else the machine runs. A user's setting wins.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    _skip_exit_collection()
    try:
        app()
    except LexcheckError as exc:
        print(f"lexcheck: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    finally:
        gc.set_threshold(*thresholds)


def _skip_exit_collection() -> None:
    """At exit, freeze what is left rather than collect it: the process ends anyway.

    Python's last collections walk every object still alive, another tenth of a cold run.
    Outputs are written and closed by then, and the standard streams are still flushed.
    """
    global _freeze_registered
    if not _freeze_registered:
        atexit.register(gc.freeze)
        _freeze_registered = True


_freeze_registered = False
