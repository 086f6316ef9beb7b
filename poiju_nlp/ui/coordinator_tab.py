"""Tab "Koordinaattori": paste an employer need, filter, see ranked courses with explanations and a bundle; upload
another catalogue; download the results as CSV. The default index (corpora/courses) is built on first use and
cached under build/index/."""
from __future__ import annotations

import csv
import io
import threading
from pathlib import Path

import gradio as gr

from ..domain import MODES as _DOMAIN_MODES
from ..errors import InputError
from ..settings import MATCHING, PROJECT_ROOT, get_settings
from .common import esc, friendly, write_download

EXAMPLE = ("Hoitajamme tarvitsevat osaamista kivunhoitoon muistisairaille asukkaille, jotka eivät pysty kertomaan "
           "kivustaan. Lisäksi koko henkilöstön pitää osata alkusammutus. Koulutus ei saa olla kovin pitkä.")
MODES = list(_DOMAIN_MODES)
HEADERS = ["Sija", "Kurssi", "Tunniste", "Järjestäjä", "op", "h", "Toteutus", "Hinta €", "Pisteet", "Miksi"]
DEFAULT_CATALOG = PROJECT_ROOT / "corpora" / "courses"
CACHE_DIR = PROJECT_ROOT / "build" / "index" / "courses"

_lock = threading.Lock()  # building the default index
_upload_lock = threading.Lock()  # building uploaded catalogues (searches on the default index never wait for it)
_indexes: dict[str, object] = {}


def default_index():
    """Load the cached default index; (re)build it when missing, outdated or from another catalogue version (only
    changed passages are re-encoded). Once loaded it is read-only: searches share it without locks."""
    from ..matching import CourseIndex, IndexCorruptError, IndexVersionError, calibrate_gap_threshold, load_catalog

    index = _indexes.get("default")
    if index is not None:
        return index
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
            index = CourseIndex.build(load.records, show_progress=True, reuse=CACHE_DIR)
            needs, qrels = PROJECT_ROOT / "corpora/needs/needs.jsonl", PROJECT_ROOT / "corpora/needs/qrels.tsv"
            if needs.exists() and qrels.exists():
                from ..matching.data import read_needs, read_qrels

                calibrate_gap_threshold(index, read_needs(needs), read_qrels(qrels))
            index.save(CACHE_DIR)
        _indexes["default"] = index.warm()
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
    with _upload_lock:
        if key not in _indexes:
            if len(_indexes) > 3:  # keep memory bounded: drop the oldest upload
                _indexes.pop(next(k for k in _indexes if k != "default"))
            default = _indexes.get("default")
            index = CourseIndex.build(load.records, show_progress=False).warm()
            if default is not None:
                index.gap_threshold, index.gap_lex_threshold = default.gap_threshold, default.gap_lex_threshold
            _indexes[key] = index
    return _indexes[key], load


def _why(r) -> str:
    ex = r.explanation
    if ex is None:
        return ""
    parts = [f"\"{m.need_sentence}\" ↔ \"{m.course_passage}\" ({m.similarity:.2f})" for m in ex.matched[:1]]
    if ex.shared_terms:
        parts.append("yhteiset sanat: " + ", ".join(ex.shared_terms))
    return " · ".join(parts)


def _highlight(query: str, results) -> list[tuple[str, str | None]]:
    """Mark each need sentence with the course (among the results) whose passage matched it best."""
    best: dict[str, tuple[float, str]] = {}
    for r in results:
        for m in (r.explanation.matched if r.explanation else []):
            if m.similarity > best.get(m.need_sentence, (-1.0, ""))[0]:
                best[m.need_sentence] = (m.similarity, r.title)
    segments, pos = [], 0
    for sentence, (_, title) in sorted(best.items(), key=lambda x: query.find(x[0])):
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


def _limit(value) -> float | None:
    """A number field: empty or 0 means no limit (Gradio shows an empty Number as 0)."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if value > 0 else None


def _size(c) -> str:
    return f"{c.credits:g} op" if c.credits else (f"{c.hours:g} h" if c.hours else "? op")


@friendly
def search_for_ui(need: str, modes: list, max_credits, max_hours, max_price, language: str, provider: str,
                  tags: str, cap_credits, upload, k: int = 10, free_only: bool = False):
    from ..matching import MatchFilters, bundle, encode_need, match

    if upload:
        index, load = uploaded_index(upload if isinstance(upload, str) else upload.name)
        note = f"Ladattu luettelo: {len(load.records)} kurssia, {len(load.errors)} riviä ohitettu."
        problems = [f"- {esc(p)}" for p in load.problems[:10]]
    else:
        index = default_index()
        note, problems = f"Oletusluettelo: {len(index)} kurssia.", []
    filters = MatchFilters.from_any(dict(mode=modes or None, max_credits=_limit(max_credits),
                                         max_hours=_limit(max_hours),
                                         max_price=0.0 if free_only else _limit(max_price),
                                         language=(language or "").strip() or None,
                                         provider=(provider or "").strip() or None,
                                         tags=[t.strip() for t in (tags or "").split(",") if t.strip()] or None))
    enc = encode_need(index, need)  # once: shared by the ranking, the explanations and the bundle
    res = match(index, need, filters=filters, k=int(k or 10), encoding=enc)
    rows = [[n, r.title, r.id, r.provider, r.credits, r.hours, r.mode, r.price_eur, round(r.score, 4), _why(r)]
            for n, r in enumerate(res.results, 1)]
    b = bundle(index, need, max_credits=_limit(cap_credits), filters=filters, encoding=enc)
    lines = [f"### Paketti: {len(b.courses)} kurssia, {b.total_credits:g} op / {b.total_hours:g} h"]
    for c in b.courses:
        lines.append(f"- **{esc(c.title)}** ({esc(c.id)}, {_size(c)}) kattaa: "
                     + "; ".join(f"“{esc(q)}”" for q in c.covers))
    if b.uncovered:
        lines.append("\n**Ei hyvää vastinetta:** " + "; ".join(f"“{esc(q)}”" for q in b.uncovered))
    if b.practical:
        lines.append("\n**Käytännön toiveet** (katso kurssien toteutustapa, laajuus ja hinta): "
                     + "; ".join(f"“{esc(q)}”" for q in b.practical))
    summary = "\n".join([esc(note), *problems, *[f"⚠ {esc(w)}" for w in res.warnings]])
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(HEADERS + ["Osoite"])
    for row, r in zip(rows, res.results):
        writer.writerow(row + [r.url])
    download = write_download(buf.getvalue(), ".csv", "kurssihaku-")
    return summary, rows, _highlight(res.query, res.results), "\n".join(lines), download


@friendly
def match_api(need: str = EXAMPLE, filters: dict | None = None, k: int = 10, mode: list[str] | None = None,
              max_credits: float | None = None, max_hours: float | None = None, language: str | None = None,
              provider: str | None = None, tags: list[str] | None = None, max_price: float | None = None,
              explain: bool = True) -> dict:
    """Courses for an employer need, from the default catalogue.

    Call with the need text alone (``client.predict("Hoitajamme tarvitsevat ...", api_name="/match")``); filters
    are optional, as a dict (``filters={"mode": ["verkko"], "max_credits": 5}``) or as keywords (``mode``,
    ``max_credits``, ``max_hours``, ``language``, ``provider``, ``tags``, ``max_price``); ``k`` results (1-50).
    Returns the JSON of ``poiju_nlp.matching.MatchResult`` (documented in ``poiju_nlp/matching/results.py`` and
    the README): ``query``, ``method``, ``warnings`` and ``results`` with each course's facts, ``score``,
    ``dense``, ``bm25`` and ``explanation`` (matched need sentences and course passages, shared base forms).
    """
    from ..matching import MatchFilters, match

    chosen = MatchFilters.from_any(filters, mode=mode, max_credits=max_credits, max_hours=max_hours,
                                   language=language, provider=provider, tags=tags, max_price=max_price)
    try:
        k = min(50, max(1, int(k if k is not None else 10)))
    except (TypeError, ValueError):
        raise InputError(f"Tulosten määrän (k) pitää olla kokonaisluku, nyt {k!r}.") from None
    return match(default_index(), need, filters=chosen, k=k, explain_results=bool(explain)).to_dict()


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
                max_credits = gr.Number(label="Enintään op / kurssi (0 = ei rajaa)", value=None, minimum=0)
                max_hours = gr.Number(label="Enintään tuntia / kurssi (0 = ei rajaa)", value=None, minimum=0)
                max_price = gr.Number(label="Enintään € / kurssi (0 = ei rajaa)", value=None, minimum=0)
                free_only = gr.Checkbox(label="Vain maksuttomat", value=False)
                cap_credits = gr.Number(label="Paketin enimmäislaajuus (op)", value=10, minimum=0)
                k = gr.Slider(1, 30, value=10, step=1, label="Tuloksia")
            upload = gr.File(label="Oma kurssiluettelo (CSV, JSONL tai JSON, enintään 20 Mt)",
                             file_types=[".csv", ".jsonl", ".json"], type="filepath")
        button = gr.Button("Hae kurssit", variant="primary", elem_id="match-button")
        summary = gr.Markdown(elem_id="match-summary")
        # widths that keep every column on screen at 1280 px (the explanation wraps instead)
        table = gr.Dataframe(headers=HEADERS, label="Sopivimmat kurssit", wrap=True, interactive=False,
                             column_widths=["5%", "20%", "6%", "13%", "4%", "5%", "7%", "6%", "6%", "28%"])
        marked = gr.HighlightedText(label="Mihin tarpeen kohtaan mikin kurssi vastaa", combine_adjacent=False,
                                    show_legend=True)
        package = gr.Markdown(elem_id="match-bundle")
        download = gr.File(label="Lataa tulokset (CSV)")
        # The page's own event; other systems call /match (match_api: the need text alone, filters optional).
        # Searches run concurrently: the index is read-only while serving and query encodes are micro-batched.
        button.click(search_for_ui, inputs=[need, modes, max_credits, max_hours, max_price, language, provider,
                                            tags, cap_credits, upload, k, free_only],
                     outputs=[summary, table, marked, package, download], api_name="match_ui",
                     api_visibility="undocumented", concurrency_limit=get_settings().match_concurrency,
                     concurrency_id="match")
        gr.api(match_api, api_name="match", concurrency_limit=get_settings().match_concurrency,
               concurrency_id="match")
