"""Load a course catalogue (CSV, JSONL, JSON list, a Hugging Face ``datasets`` dataset, or a folder of those) into
``CourseRecord``s. Bad rows are reported with their row numbers and kept out; good rows are kept.

>>> load = load_catalog("corpora/courses")
>>> len(load.records) > 300, load.problems[:1]
(True, [])
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import InputError
from ..records import CourseRecord, is_placeholder

REQUIRED = ("id", "title", "description")
REQUIRED_FI = {"id": "tunniste (id)", "title": "nimi (title)", "description": "kuvaus (description)"}
LIST_FIELDS = ("learning_outcomes", "tags")
SUFFIXES = (".jsonl", ".csv", ".json")


@dataclass
class CatalogProblem:
    """One problem in a catalogue row. ``severity`` "virhe" drops the row, "varoitus" keeps it."""

    source: str
    row: int | None
    message: str
    id: str = ""
    field: str = ""
    severity: str = "virhe"

    def __str__(self) -> str:
        where = f"{self.source}, rivi {self.row}" if self.row else self.source
        who = f" ({self.id})" if self.id else ""
        what = f" kenttä {self.field}:" if self.field else ""
        return f"{where}{who}:{what} {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class CatalogLoad:
    records: list[CourseRecord]
    problems: list[CatalogProblem] = field(default_factory=list)

    @property
    def errors(self) -> list[CatalogProblem]:
        return [p for p in self.problems if p.severity == "virhe"]

    def sha256(self) -> str:
        return catalog_sha256(self.records)

    def to_dict(self) -> dict:
        return {"count": len(self.records), "problems": [p.to_dict() for p in self.problems]}


def catalog_sha256(records) -> str:
    h = hashlib.sha256()
    for r in records:
        h.update(json.dumps(r.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def decode_catalog_bytes(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        hint = ""
        try:
            data.decode("cp1252")
            hint = " Se näyttää olevan Windows-1252- tai Latin-1-muodossa (esim. Excelin CSV)."
        except UnicodeDecodeError:
            pass
        raise InputError(f"Kurssiluettelo {name} ei ole UTF-8-muodossa (virheellinen tavu kohdassa {err.start}).{hint}"
                         " Tallenna tiedosto UTF-8-muodossa ja lataa uudelleen.") from err


def _csv_value(key: str, value):
    if value is None:
        return None
    value = value.strip()
    if key in LIST_FIELDS:
        if value.startswith("["):
            try:
                return json.loads(value)
            except json.JSONDecodeError:
                pass
        sep = "|" if "|" in value else ("\n" if "\n" in value else ";")
        return [v.strip() for v in value.split(sep) if v.strip()]
    if key == "dates" and value.startswith("{"):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value if value != "" else None


def _rows_csv(text: str):
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        return
    reader.fieldnames = [f.strip().lstrip("\ufeff") for f in reader.fieldnames]
    for row in reader:
        data = {}
        extra = row.pop(None, None)
        for k, v in row.items():
            if k in ("date_start", "start"):
                data.setdefault("dates", {})["start"] = v.strip() if v else None
            elif k in ("date_end", "end"):
                data.setdefault("dates", {})["end"] = v.strip() if v else None
            else:
                data[k] = _csv_value(k, v)
        if isinstance(data.get("dates"), dict):
            data["dates"] = {k: v for k, v in data["dates"].items() if v} or None
        if extra:
            data["__extra__"] = extra
        yield reader.line_num, data


def _rows_jsonl(text: str):
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError as err:
            yield n, InputError(f"Rivi ei ole kelvollista JSONia ({err.msg}, sarake {err.colno}).")


def _rows_json(text: str):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"Tiedosto ei ole kelvollista JSONia (rivi {err.lineno}: {err.msg}).") from err
    if isinstance(data, dict):
        data = data.get("courses") or data.get("records") or [data]
    if not isinstance(data, list):
        raise InputError("JSON-tiedostossa pitää olla lista kursseja.")
    for n, item in enumerate(data, 1):
        yield n, item


def _rows_dataset(ds):
    try:
        from datasets import DatasetDict
    except ImportError:  # pragma: no cover - datasets is in requirements
        DatasetDict = ()
    splits = list(ds.values()) if isinstance(ds, DatasetDict) else [ds]
    n = 0
    for split in splits:
        for item in split:
            n += 1
            yield n, dict(item)


def _is_hf_dir(path: Path) -> bool:
    return (path / "dataset_info.json").exists() or (path / "state.json").exists() or (
        path / "dataset_dict.json").exists()


def _files(source) -> list:
    """Expand a path / folder / list into catalogue sources (files, HF dataset folders or Dataset objects)."""
    if isinstance(source, (list, tuple)):
        out = []
        for s in source:
            out.extend(_files(s))
        return out
    if not isinstance(source, (str, Path)):
        return [source]
    path = Path(source)
    if not path.exists():
        raise InputError(f"Kurssiluetteloa ei löydy: {source}")
    if path.is_dir():
        if _is_hf_dir(path):
            return [path]
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not files:
            raise InputError(f"Kansiossa {source} ei ole kurssiluetteloita (.jsonl, .csv, .json).")
        return files
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(f"Tiedostomuotoa {path.suffix or '(ei päätettä)'} ei tueta. Käytä CSV-, JSONL- tai "
                         "JSON-tiedostoa tai Hugging Face datasets -kansiota.")
    return [path]


def _rows(src):
    if isinstance(src, Path):
        if src.is_dir():
            from datasets import load_from_disk

            try:
                ds = load_from_disk(str(src))
            except Exception as err:
                raise InputError(f"Datasets-kansiota {src} ei voitu lukea: {err}") from err
            return str(src), _rows_dataset(ds)
        text = decode_catalog_bytes(src.read_bytes(), src.name)
        suffix = src.suffix.lower()
        reader = _rows_csv if suffix == ".csv" else _rows_json if suffix == ".json" else _rows_jsonl
        return src.name, reader(text)
    if isinstance(src, dict):
        return "syöte", _rows_json(json.dumps([src]))
    if hasattr(src, "column_names"):  # a datasets Dataset / DatasetDict
        return "datasets", _rows_dataset(src)
    raise InputError(f"Kurssiluetteloa ei voi lukea tyypistä {type(src).__name__}.")


def records_from_rows(rows, source: str, load: CatalogLoad, seen: dict[str, str]) -> None:
    """Validate rows into ``load`` (in place): required fields, field checks, duplicate ids."""
    from dataclasses import fields as dc_fields

    known = {f.name for f in dc_fields(CourseRecord)}
    unknown_cols: set[str] = set()
    for n, data in rows:
        if isinstance(data, Exception):
            load.problems.append(CatalogProblem(source, n, getattr(data, "message", str(data))))
            continue
        if not isinstance(data, dict):
            load.problems.append(CatalogProblem(source, n, "Rivi ei ole kurssi (avain–arvo-pareja)."))
            continue
        if data.pop("__extra__", None):
            load.problems.append(CatalogProblem(source, n, "Rivillä on enemmän sarakkeita kuin otsikkorivillä.",
                                                severity="varoitus"))
        unknown_cols.update(k for k in data if k not in known)
        clean = {k: v for k, v in data.items() if k in known}
        if clean.get("id") is not None and not isinstance(clean["id"], str):
            clean["id"] = str(clean["id"])
        record, problems = CourseRecord.from_dict(clean)
        cid = record.id
        missing = [f for f in REQUIRED if is_placeholder(getattr(record, f))]
        if missing:
            load.problems.append(CatalogProblem(
                source, n, "Pakollinen tieto puuttuu: " + ", ".join(REQUIRED_FI[f] for f in missing) +
                ". Rivi jätettiin pois.", id=cid, field=",".join(missing)))
            continue
        for p in problems:
            load.problems.append(CatalogProblem(source, n, p.message + " Kenttä jätettiin tyhjäksi.", id=cid,
                                                field=p.field, severity="varoitus"))
        if cid in seen:
            load.problems.append(CatalogProblem(
                source, n, f"Tunniste {cid} on jo käytössä ({seen[cid]}). Rivi jätettiin pois.", id=cid,
                field="id"))
            continue
        seen[cid] = f"{source}, rivi {n}"
        load.records.append(record)
    if unknown_cols:
        load.problems.append(CatalogProblem(
            source, None, "Tuntemattomat sarakkeet jätettiin huomiotta: " + ", ".join(sorted(unknown_cols)) + ".",
            severity="varoitus"))


def load_catalog(source) -> CatalogLoad:
    """Load one or more catalogues. ``source``: a file, a folder (all .jsonl/.csv/.json in it, or a datasets
    folder saved with ``save_to_disk``), a list of those, a ``datasets.Dataset`` or a list of dicts."""
    load = CatalogLoad(records=[])
    seen: dict[str, str] = {}
    if isinstance(source, list) and source and all(isinstance(s, dict) for s in source):
        records_from_rows(enumerate(source, 1), "syöte", load, seen)
        return load
    for src in _files(source):
        name, rows = _rows(src)
        records_from_rows(rows, name, load, seen)
    return load
