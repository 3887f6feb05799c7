"""The CLI shell: version, help, and unknown commands exit 2 without a traceback."""

from __future__ import annotations

import subprocess
import sys

from lexcheck import __version__


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lexcheck", *args], capture_output=True, text=True, check=False
    )


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"lexcheck {__version__}"


def test_unknown_command_is_usage_error() -> None:
    proc = run("frobnicate")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
