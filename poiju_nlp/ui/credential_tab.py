"""Tab "Todistus": fill or upload a course record, see the 11 EU micro-credential elements checked, and download
the record as Europass ELM JSON-LD or Open Badges 3.0 JSON."""
from __future__ import annotations

import json
from pathlib import Path

import gradio as gr

from ..credentials import check_micro_credential, load_record, to_elm, to_ob3
from ..errors import InputError
from ..settings import get_settings
from .common import friendly, write_download

STATUS_FI = {"present": "✔ kunnossa", "missing": "✘ puuttuu", "unclear": "? epäselvä"}
FORMATS = {"Europass (ELM, JSON-LD)": "elm", "Open Badges 3.0": "ob3"}
MAX_UPLOAD_BYTES = 1_000_000  # a record is a few kilobytes; a megabyte is surely not one


def example_json() -> str:
    path = get_settings().corpora_dir / "examples" / "record_example.json"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return '{\n  "title": "Ensiapu 1",\n  "credits": 2\n}'


def _record(record_json: str):
    if not (record_json or "").strip():
        raise InputError("Liitä tai lataa kurssitietue (JSON).")
    return load_record(record_json.strip())


@friendly
def credential_check(record_json: str):
    record, problems = _record(record_json)
    report = check_micro_credential(record, field_problems=problems)
    rows = [[e.number, e.name, STATUS_FI[e.status], e.value, e.explanation, e.proposal] for e in report.elements]
    summary = f"**{report.summary()}**"
    if report.field_problems:
        summary += "\n\nVirheelliset kentät (jätettiin tyhjiksi):\n" + "\n".join(
            f"- `{p.field}`: {p.message}" for p in report.field_problems)
    if report.notes:
        summary += "\n\n" + " ".join(report.notes)
    return rows, summary


@friendly
def credential_export(record_json: str, fmt: str = "Europass (ELM, JSON-LD)"):
    record, problems = _record(record_json)
    if problems:
        raise InputError("Korjaa ensin virheelliset kentät: " + "; ".join(f"{p.field}: {p.message}"
                                                                        for p in problems))
    if not record.title.strip():
        raise InputError("Tietueesta puuttuu nimi (title).")
    kind = FORMATS.get(fmt, fmt if fmt in ("elm", "ob3") else "elm")
    data = to_elm(record) if kind == "elm" else to_ob3(record)
    suffix = ".jsonld" if kind == "elm" else ".json"
    return write_download(data, suffix, f"todistus-{kind}-")


@friendly
def load_upload(path):
    if not path:
        return gr.update()
    file = Path(path)
    if file.stat().st_size > MAX_UPLOAD_BYTES:
        raise InputError("Tiedosto on liian suuri kurssitietueeksi (yli 1 Mt).")
    try:
        text = file.read_bytes().decode("utf-8-sig")
        json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"Tiedosto ei ole UTF-8-muotoista JSONia ({type(err).__name__}).") from None
    return text


def build() -> None:
    with gr.Tab("Todistus", id="todistus"):
        gr.Markdown("Tarkista, onko kurssilla kaikki EU:n mikrotutkintosuosituksen 11 pakollista tietoa, ja lataa "
                    "todistuksen tiedot Europass- tai Open Badges -muodossa. Muokkaa tietuetta suoraan tai lataa "
                    "oma JSON-tiedosto.")
        with gr.Row():
            record = gr.Code(value=example_json(), language="json", label="Kurssitietue (JSON)", lines=18,
                             elem_id="credential-record")
            upload = gr.File(label="Lataa tietue (.json)", file_types=[".json"], type="filepath")
        check_button = gr.Button("Tarkista tiedot", variant="primary", elem_id="credential-check-button")
        summary = gr.Markdown()
        table = gr.Dataframe(headers=["Nro", "Tieto", "Tila", "Arvo", "Selitys", "Ehdotus"], wrap=True,
                             interactive=False, label="EU:n pakolliset tiedot")
        with gr.Row():
            fmt = gr.Radio(list(FORMATS), value="Europass (ELM, JSON-LD)", label="Muoto")
            export_button = gr.Button("Tee todistustiedosto", elem_id="credential-export-button")
        download = gr.File(label="Lataa todistus")
        upload.change(load_upload, inputs=upload, outputs=record, api_name=False)
        check_button.click(credential_check, inputs=record, outputs=[table, summary], api_name="credential_check")
        export_button.click(credential_export, inputs=[record, fmt], outputs=download, api_name="credential_export")
