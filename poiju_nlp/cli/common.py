"""Helpers shared by CLI commands: reading input, printing JSON."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import InputError


def read_text(source: str | None) -> str:
    """Read a text from a file path, or from stdin when ``source`` is '-' or missing."""
    if source in (None, "-"):
        data = sys.stdin.buffer.read()
        name = "syöte"
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"Tiedostoa ei löydy: {source}")
        if path.is_dir():
            raise InputError(f"{source} on kansio, ei tiedosto.")
        data = path.read_bytes()
        name = source
    return decode_bytes(data, name)


def decode_bytes(data: bytes, name: str = "tiedosto") -> str:
    """UTF-8 (with or without BOM); anything else gets a clear message instead of mojibake."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name} ei ole UTF-8-muodossa (virheellinen tavu kohdassa {err.start}). Tallenna se UTF-8-muodossa."
        ) from err


def print_json(obj) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
