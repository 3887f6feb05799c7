"""Allow ``python -m lexcheck``."""

from lexcheck.cli.app import main

main()
