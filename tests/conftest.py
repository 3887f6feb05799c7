"""Settings shared by every test module."""

from __future__ import annotations

import os

from hypothesis import settings

# In CI the property tests draw the same examples every run, so a red build always means a
# change in the code, never an unlucky draw; locally they keep searching at random.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
