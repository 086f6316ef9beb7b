"""Tab "Koordinaattori": paste an employer need, filter, see ranked courses with explanations and a bundle; upload
another catalogue; download the results as CSV. The default index (corpora/courses) is built on first use and
cached under build/index/."""
from __future__ import annotations

import csv
import io
import threading
from pathlib import Path

import gradio as gr

from ..errors import InputError
from ..settings import MATCHING, PROJECT_ROOT
from .common import esc, friendly, write_download

EXAMPLE = ("Hoitajamme tarvitsevat osaamista kivunhoitoon muistisairaille asukkaille, jotka eivät pysty kertomaan "
           "kivustaan. Lisäksi koko henkilöstön pitää osata alkusammutus. Koulutus ei saa olla kovin pitkä.")
MODES = ["lähi", "etä", "hybridi", "verkko"]
HEADERS = ["Sija", "Kurssi", "Tunniste", "Järjestäjä", "op", "h", "Toteutus", "Hinta €", "Pisteet", "Miksi"]
DEFAULT_CATALOG = PROJECT_ROOT / "corpora" / "courses"
CACHE_DIR = PROJECT_ROOT / "build" / "index" / "courses"

_lock = threading.Lock()
_indexes: dict[str, object] = {}


def default_index():
    """Load the cached default index; (re)build it when missing, outdated or from another catalogue version."""
    from ..matching import CourseIndex, IndexCorruptError, IndexVersionError, calibrate_gap_threshold, load_catalog

    with _lock:
        if "default" in _indexes:
            return _indexes["default"]
        load = load_catalog(DEFAULT_CATALOG)
        index = None
        try:
            index = CourseIndex.load(CACHE_DIR)
            if index.manifest()["catalog_sha256"] != load.sha256():
                index = None
        except (IndexCorruptError, IndexVersionError):
            index = None
        if index is None:
            index = CourseIndex.build(load.records, show_progress=True)
            needs, qrels = PROJECT_ROOT / "corpora/needs/needs.jsonl", PROJECT_ROOT / "corpora/needs/qrels.tsv"
            if needs.exists() and qrels.exists():
                from ..matching.data import read_needs, read_qrels

                calibrate_gap_threshold(index, read_needs(needs), read_qrels(qrels))
            index.save(CACHE_DIR)
        _indexes["default"] = index
        return index


def uploaded_index(path: str):
    from ..matching import CourseIndex, load_catalog

    p = Path(path)
    if p.suffix.lower() not in (".csv", ".jsonl", ".json"):
        raise InputError("Lataa kurssiluettelo CSV-, JSONL- tai JSON-tiedostona.")
    if p.stat().st_size > MATCHING.max_upload_bytes:
        raise InputError(f"Tiedosto on liian suuri (yli {MATCHING.max_upload_bytes // 1_000_000} Mt).")
    load = load_catalog(p)
    if not load.records:
        raise InputError("Tiedostossa ei ole yhtään kelvollista kurssia (pakolliset kentät: id, title, "
                         "description).")
    key = load.sha256()
    with _lock:
        if key not in _indexes:
            if len(_indexes) > 3:  # keep memory bounded: drop the oldest upload
                _indexes.pop(next(k for k in _indexes if k != "default"))
            default = _indexes.get("default")
            index = CourseIndex.build(load.records, show_progress=False)
            if default is not None:
                index.gap_threshold, index.gap_lex_threshold = default.gap_threshold, default.gap_lex_threshold
            _indexes[key] = index
    return _indexes[key], load


def _why(r: dict) -> str:
    ex = r.get("explanation") or {}
    parts = [f"\"{m['need_sentence']}\" ↔ \"{m['course_passage']}\" ({m['similarity']:.2f})"
             for m in ex.get("matched", [])[:1]]
    if ex.get("shared_terms"):
        parts.append("yhteiset sanat: " + ", ".join(ex["shared_terms"]))
    return " · ".join(parts)


def _highlight(query: str, results: list[dict]) -> list[tuple[str, str | None]]:
    """Mark each need sentence with the best course that matched it."""
    label: dict[str, str] = {}
    for r in results[:5]:
        for m in (r.get("explanation") or {}).get("matched", []):
            label.setdefault(m["need_sentence"], r["title"])
    segments, pos = [], 0
    for sentence, title in sorted(label.items(), key=lambda x: query.find(x[0])):
        start = query.find(sentence, pos)
        if start < 0:
            continue
        if start > pos:
            segments.append((query[pos:start], None))
        segments.append((sentence, title))
        pos = start + len(sentence)
    if pos < len(query):
        segments.append((query[pos:], None))
    return segments


@friendly
def search_for_ui(need: str, modes: list, max_credits, max_hours, max_price, language: str, provider: str,
                  tags: str, cap_credits, upload, k: int = 10):
    from ..matching import MatchFilters, bundle, match

    if upload:
        index, load = uploaded_index(upload if isinstance(upload, str) else upload.name)
        note = f"Ladattu luettelo: {len(load.records)} kurssia, {len(load.errors)} riviä ohitettu."
        problems = [f"- {esc(p)}" for p in load.problems[:10]]
    else:
        index, note, problems = default_index(), f"Oletusluettelo: {len(default_index())} kurssia.", []
    filters = MatchFilters(mode=modes or None, max_credits=max_credits or None, max_hours=max_hours or None,
                           max_price=max_price if max_price not in (None, "") else None,
                           language=(language or "").strip() or None, provider=(provider or "").strip() or None,
                           tags=[t.strip() for t in (tags or "").split(",") if t.strip()] or None)
    res = match(index, need, k=int(k or 10), filters=filters)
    rows = [[n, r["title"], r["id"], r["provider"], r["credits"], r["hours"], r["mode"], r["price_eur"],
             round(r["score"], 4), _why(r)] for n, r in enumerate(res.results, 1)]
    b = bundle(index, need, max_credits=cap_credits or None, filters=filters)
    lines = [f"### Paketti: {len(b.courses)} kurssia, {b.total_credits:g} op / {b.total_hours:g} h"]
    for c in b.courses:
        lines.append(f"- **{esc(c['title'])}** ({esc(c['id'])}, {c['credits'] or '?'} op) kattaa: "
                     + "; ".join(f"“{esc(q)}”" for q in c["covers"]))
    if b.uncovered:
        lines.append("\n**Ei hyvää vastinetta:** " + "; ".join(f"“{esc(q)}”" for q in b.uncovered))
    summary = "\n".join([esc(note), *problems, *[f"⚠ {esc(w)}" for w in res.warnings]])
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(HEADERS + ["Osoite"])
    for row, r in zip(rows, res.results):
        writer.writerow(row + [r["url"]])
    download = write_download(buf.getvalue(), ".csv", "kurssihaku-")
    return summary, rows, _highlight(res.query, res.results), "\n".join(lines), download


def build() -> None:
    with gr.Tab("Koordinaattori", id="koordinaattori"):
        gr.Markdown("Kirjoita työnantajan osaamistarve. Näet sopivimmat kurssit, miksi ne sopivat, ja pienen "
                    "paketin, joka kattaa tarpeen eri osat.")
        need = gr.Textbox(label="Osaamistarve", value=EXAMPLE, lines=5, max_lines=20, elem_id="need-text")
        with gr.Accordion("Rajaukset", open=False):
            with gr.Row():
                modes = gr.CheckboxGroup(MODES, label="Toteutustapa")
                language = gr.Textbox(label="Kieli (esim. fi)", max_lines=1)
                provider = gr.Textbox(label="Järjestäjä", max_lines=1)
                tags = gr.Textbox(label="Aiheet (pilkulla erotettuna)", max_lines=1)
            with gr.Row():
                max_credits = gr.Number(label="Enintään op / kurssi", value=None, minimum=0)
                max_hours = gr.Number(label="Enintään tuntia / kurssi", value=None, minimum=0)
                max_price = gr.Number(label="Enintään € / kurssi", value=None, minimum=0)
                cap_credits = gr.Number(label="Paketin enimmäislaajuus (op)", value=10, minimum=0)
                k = gr.Slider(1, 30, value=10, step=1, label="Tuloksia")
            upload = gr.File(label="Oma kurssiluettelo (CSV, JSONL tai JSON, enintään 20 Mt)",
                             file_types=[".csv", ".jsonl", ".json"], type="filepath")
        button = gr.Button("Hae kurssit", variant="primary", elem_id="match-button")
        summary = gr.Markdown(elem_id="match-summary")
        table = gr.Dataframe(headers=HEADERS, label="Sopivimmat kurssit", wrap=True, interactive=False)
        marked = gr.HighlightedText(label="Mihin tarpeen kohtaan mikin kurssi vastaa", combine_adjacent=False,
                                    show_legend=True)
        package = gr.Markdown(elem_id="match-bundle")
        download = gr.File(label="Lataa tulokset (CSV)")
        button.click(search_for_ui, inputs=[need, modes, max_credits, max_hours, max_price, language, provider,
                                            tags, cap_credits, upload, k],
                     outputs=[summary, table, marked, package, download], api_name="match",
                     # One search at a time: a search (two e5 encodings + bundle) costs ~5x a score, and on 2 cores
                     # parallel searches would only slow every teacher's score request down.
                     concurrency_limit=1)
