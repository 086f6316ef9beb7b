"""Tab "Arvioija": run the quick benchmark suite with a progress bar, read the latest report and plots, and evaluate
an own dataset (annotated sentences for scoring, or a catalog with queries for matching)."""
from __future__ import annotations

import json
import shutil
import tempfile
import threading
from pathlib import Path

import gradio as gr

from ..errors import InputError
from ..settings import PROJECT_ROOT
from .common import friendly

RESULTS_DIR = PROJECT_ROOT / "evaluation" / "results"
# An evaluator's dataset is a few hundred sentences or a catalog of a few thousand courses: 20 MB is far above
# both and keeps one upload from filling the disk or the memory of a shared machine.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
ALLOWED_SUFFIXES = (".jsonl", ".json", ".csv", ".tsv")
# File names bench_matching reads as queries and judgements; every other uploaded file is the catalog.
QUERY_FILES = ("needs.jsonl", "queries.jsonl", "qrels.tsv")
KINDS = {
    "Selkeyden pisteytys: merkityt virkkeet": ("scoring", "bench_scoring"),
    "Kurssihaku: kurssiluettelo ja kyselyt": ("matching", "bench_matching"),
}
FORMAT_HELP = """\
**Oma aineisto** (JSONL: yksi JSON-olio riviä kohden, UTF-8, enintään 20 Mt):

- *Selkeyden pisteytys*: yksi tiedosto, jonka riveillä on virke ja sen vaikeat kohdat, esim.
  `{"text": "Opintojakson laajuus on 5 op.", "jargon": [{"text": "op", "kind": "abbreviation"}]}`
- *Kurssihaku*: kurssiluettelo (JSONL tai CSV: `id`, `title`, `description`), työelämän tarpeet `needs.jsonl`
  (`qid`, `text`) ja osuvuusarviot `qrels.tsv` (rivit: tarpeen tunniste, kurssin tunniste, osuvuus).
"""
_run_lock = threading.Lock()  # one benchmark run at a time: they load models and use both cores


def latest_report() -> str:
    path = RESULTS_DIR / "report.md"
    if not path.exists():
        return "Vertailuja ei ole vielä ajettu. Paina **Aja pikavertailu** (kestää muutaman minuutin)."
    text = path.read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if not line.startswith("!["))  # plots are in the gallery


def latest_plots() -> list[str]:
    return [str(p) for p in sorted(RESULTS_DIR.glob("*.png"))]


@friendly
def run_quick(progress=gr.Progress()):
    from evaluation.run_all import run_all

    if not _run_lock.acquire(blocking=False):
        raise InputError("Vertailu on jo käynnissä. Odota, että se valmistuu.")
    try:
        progress(0, desc="Aloitetaan…")
        run_all(quick=True, progress=lambda f, msg: progress(f, desc=msg))
    finally:
        _run_lock.release()
    return latest_report(), latest_plots()


def check_upload(paths) -> list[Path]:
    """Check uploaded files for type, size, encoding and JSONL shape; return them as paths.

    >>> check_upload([])
    Traceback (most recent call last):
    ...
    poiju_nlp.errors.InputError: Valitse ladattava JSONL-tiedosto.
    """
    if not paths:
        raise InputError("Valitse ladattava JSONL-tiedosto.")
    checked = []
    for raw in paths if isinstance(paths, list) else [paths]:
        path = Path(getattr(raw, "name", raw))
        if path.suffix.lower() not in ALLOWED_SUFFIXES:
            raise InputError(f"{path.name}: vain .jsonl-, .json-, .csv- ja .tsv-tiedostot käyvät.")
        size = path.stat().st_size
        if size > MAX_UPLOAD_BYTES:
            raise InputError(f"{path.name} on liian suuri: {size / 1e6:.1f} Mt, enintään "
                             f"{MAX_UPLOAD_BYTES / 1e6:.0f} Mt.")
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise InputError(f"{path.name} ei ole UTF-8-muodossa (virheellinen tavu kohdassa {err.start}).") from None
        lines = [line for line in text.splitlines() if line.strip()]
        if not lines:
            raise InputError(f"{path.name} on tyhjä.")
        if path.suffix.lower() == ".jsonl":
            for n, line in enumerate(lines, 1):
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as err:
                    raise InputError(f"{path.name}, rivi {n}: ei kelvollista JSONia ({err.msg}).") from None
                if not isinstance(row, dict):
                    raise InputError(f"{path.name}, rivi {n}: rivin pitää olla JSON-olio {{…}}.")
        checked.append(path)
    return checked


@friendly
def evaluate_own(files, kind: str, progress=gr.Progress()):
    from evaluation.run_all import load_bench, render_report, run_bench
    from evaluation.common import machine

    paths = check_upload(files)
    if kind not in KINDS:
        raise InputError("Valitse, mitä aineisto arvioi.")
    name, module = KINDS[kind]
    if name == "scoring" and len(paths) != 1:
        raise InputError("Selkeyden pisteytykseen tarvitaan yksi tiedosto merkittyjä virkkeitä.")
    bench = load_bench(module)
    if bench is None:
        raise InputError("Tämä vertailu ei ole vielä käytössä tässä versiossa.")
    if not _run_lock.acquire(blocking=False):
        raise InputError("Vertailu on jo käynnissä. Odota, että se valmistuu.")
    workdir = Path(tempfile.mkdtemp(prefix="poiju-oma-aineisto-"))
    try:
        if name == "scoring":
            data = str(shutil.copy(paths[0], workdir / paths[0].name))
        else:  # bench_matching reads DIR/courses/ as the catalog and DIR/needs.jsonl + DIR/qrels.tsv
            (workdir / "courses").mkdir()
            for p in paths:
                shutil.copy(p, workdir / p.name if p.name in QUERY_FILES else workdir / "courses" / p.name)
            data = str(workdir)
        progress(0.1, desc="Arvioidaan omaa aineistoa…")
        try:
            result = run_bench(bench, True, data)
        except (KeyError, TypeError, ValueError) as err:  # the file was JSONL but not the expected fields
            raise InputError(f"Aineiston kentät eivät sovi tähän vertailuun ({type(err).__name__}: {err}). "
                             "Katso muoto ohjeesta.") from None
        progress(1.0, desc="Valmis")
    finally:
        _run_lock.release()
        shutil.rmtree(workdir, ignore_errors=True)
    combined = {"machine": machine(), "quick": True, "data": ", ".join(p.name for p in paths),
                "benchmarks": {name: result}, "skipped": {}, "errors": {}, "seconds": {}}
    return render_report(combined)


def build() -> None:
    with gr.Tab("Arvioija", id="arvioija"):
        gr.Markdown("Aja vertailut tällä koneella ja katso, miten työkalu pärjää yksinkertaisiin "
                    "vertailumenetelmiin nähden. Voit myös arvioida työkalua omalla aineistollasi.")
        run = gr.Button("Aja pikavertailu", variant="primary", elem_id="eval-run")
        report = gr.Markdown(latest_report, elem_id="eval-report")
        plots = gr.Gallery(latest_plots, label="Kuvaajat", columns=2, height="auto", elem_id="eval-plots")
        run.click(run_quick, outputs=[report, plots], concurrency_limit=1, api_name="evaluate_quick")
        with gr.Accordion("Arvioi omalla aineistolla", open=False):
            gr.Markdown(FORMAT_HELP)
            files = gr.File(label="JSONL-tiedostot", file_count="multiple", file_types=list(ALLOWED_SUFFIXES),
                            elem_id="eval-upload")
            kind = gr.Radio(list(KINDS), value=next(iter(KINDS)), label="Mitä aineisto arvioi?")
            own_button = gr.Button("Arvioi oma aineisto", elem_id="eval-own")
            own_report = gr.Markdown(elem_id="eval-own-report")
            own_button.click(evaluate_own, inputs=[files, kind], outputs=own_report, concurrency_limit=1,
                             api_name="evaluate_own")
