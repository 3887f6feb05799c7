"""Helpers for writing Office Open XML packages byte for byte reproducibly."""

from __future__ import annotations

import io
import zipfile

# 1980-01-01 is the earliest date a zip entry can carry: a fixed, obviously synthetic stamp.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def normalise_zip(data: bytes, first: tuple[str, ...] = ("[Content_Types].xml",)) -> bytes:
    """Rewrite a zip with fixed timestamps, ``first`` entries leading and the rest sorted.

    ``[Content_Types].xml`` first is what Word itself writes and what some readers expect.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    order = [n for n in first if n in names] + sorted(n for n in names if n not in first)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            info.create_system = 3
            dst.writestr(info, src.read(name), compresslevel=6)
    return out.getvalue()
