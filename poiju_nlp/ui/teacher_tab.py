"""Tab "Opettaja": paste a draft, see every hard place highlighted with its reason and suggestion, and the score."""
from __future__ import annotations

import gradio as gr

from ..scoring import KIND_LABELS, SEVERITY_LABELS, score
from ..text import clean_text
from .common import friendly, write_download

EXAMPLE = (
    "Opintojakson osaamistavoitteena on, että opiskelija omaksuu moniammatillisen yhteistyön keskeiset käsitteet "
    "ja kykenee implementoimaan asiakaslähtöisiä toimintamalleja sosiaali- ja terveysalan palvelujärjestelmässä. "
    "Opintojaksolla perehdytään palveluohjauksen prosesseihin sekä potilasturvallisuuden kehittämisen "
    "menetelmiin. Laajuus on 3 op, ja toteutus on monimuotoinen."
)
FINDING_HEADERS = ["Kohta", "Mikä", "Vakavuus", "Miksi", "Ehdotus"]


def highlighted(text: str, findings) -> list[tuple[str, str | None]]:
    """Split the text into (piece, label) segments for gr.HighlightedText; nested findings keep the outer one."""
    segments, pos = [], 0
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if f.kind == "long_sentence" or f.start < pos:
            continue  # long sentences are shown in the sentence table; overlaps keep the first
        if f.start > pos:
            segments.append((text[pos:f.start], None))
        segments.append((text[f.start:f.end], KIND_LABELS.get(f.kind, f.kind)))
        pos = f.end
    if pos < len(text):
        segments.append((text[pos:], None))
    return segments


@friendly
def score_for_ui(text: str):
    report = score(text)
    rows = [[f.text, KIND_LABELS.get(f.kind, f.kind), SEVERITY_LABELS[f.severity], f.reason, f.suggestion]
            for f in report.findings]
    m = report.metrics
    summary = (
        f"## Selkeys {report.score:.0f}/100: {report.level}\n"
        f"LIX {m['lix']:.0f} · {m['words']:.0f} sanaa · {m['sentences']:.0f} virkettä · "
        f"{m['mean_sentence_length']:.1f} sanaa/virke · harvinaisia sanoja {100 * m['rare_word_share']:.0f} % · "
        f"-minen/-us-sanoja {100 * m['nominal_density']:.0f} % · passiivi {100 * m['passive_share']:.0f} %"
    )
    if not report.findings:
        summary += "\n\nEi huomautettavaa: teksti on selkeää."
    sentences = [[s.text, f"{s.score:.0f}"] for s in report.sentences]
    download = write_download(report.to_dict(), ".json", "selkeysraportti-")
    # Offsets refer to the cleaned text (control characters removed), so highlight that.
    return highlighted(clean_text(text), report.findings), summary, rows, sentences, download


def build() -> None:
    with gr.Tab("Opettaja", id="opettaja"):
        gr.Markdown("Liitä kurssikuvauksen luonnos. Näet kohdat, joihin työelämän lukija voi kompastua, "
                    "syyn ja paremman vaihtoehdon.")
        text = gr.Textbox(label="Kurssikuvaus", value=EXAMPLE, lines=8, max_lines=30, elem_id="teacher-text")
        button = gr.Button("Tarkista selkeys", variant="primary", elem_id="score-button")
        summary = gr.Markdown(elem_id="score-summary")
        marked = gr.HighlightedText(label="Vaikeat kohdat", combine_adjacent=False, show_legend=True,
                                    elem_id="score-highlight")
        findings = gr.Dataframe(headers=FINDING_HEADERS, label="Huomiot ja ehdotukset", wrap=True,
                                interactive=False)
        sentences = gr.Dataframe(headers=["Virke", "Selkeys"], label="Virkkeet", wrap=True, interactive=False)
        download = gr.File(label="Lataa raportti (JSON)")
        button.click(score_for_ui, inputs=text, outputs=[marked, summary, findings, sentences, download],
                     api_name="score")
