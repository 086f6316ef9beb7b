"""Readers for needs (JSONL {"qid","text"} or one need per line) and qrels (TSV qid, course_id, relevance)."""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import InputError
from .catalog import decode_catalog_bytes


def read_needs(path) -> dict[str, str]:
    path = Path(path)
    if not path.exists():
        raise InputError(f"Tiedostoa ei löydy: {path}")
    out: dict[str, str] = {}
    for n, line in enumerate(decode_catalog_bytes(path.read_bytes(), path.name).splitlines(), 1):
        if not line.strip():
            continue
        if line.lstrip().startswith("{"):
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                raise InputError(f"{path.name}, rivi {n}: rivi ei ole kelvollista JSONia.") from None
            text = row.get("text") or row.get("query") or ""
            out[str(row.get("qid") or row.get("id") or n)] = text
        else:
            out[str(n)] = line.strip()
    return out


def read_qrels(path) -> dict[str, dict[str, int]]:
    """TSV with or without a header; also accepts TREC format (qid 0 doc rel)."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"Tiedostoa ei löydy: {path}")
    out: dict[str, dict[str, int]] = {}
    for line in decode_catalog_bytes(path.read_bytes(), path.name).splitlines():
        parts = line.strip().split("\t") if "\t" in line else line.split()
        if len(parts) == 4:
            parts = [parts[0], parts[2], parts[3]]
        if len(parts) < 3:
            continue
        try:
            rel = int(float(parts[2]))
        except ValueError:
            continue  # header
        out.setdefault(parts[0], {})[parts[1]] = rel
    return out
