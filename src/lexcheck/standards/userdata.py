"""Where lexcheck keeps a user's own data (attached official texts): never inside the package."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "LEXCHECK_DATA_DIR"


def user_data_dir() -> Path:
    """``$LEXCHECK_DATA_DIR``, else the platform's per-user data folder for lexcheck."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / "lexcheck"


def attached_dir() -> Path:
    """Folder of attached official texts, one ``<instrument>.yaml`` each."""
    return user_data_dir() / "attached"
