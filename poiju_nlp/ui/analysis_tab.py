"""Tab: sentence and word analysis of a pasted text (what the other tools see)."""
from __future__ import annotations

import gradio as gr

from ..text import analyze
from .common import friendly

EXAMPLE = (
    "Opintojakson osaamistavoitteet kuvataan opetussuunnitelmassa. Opintojaksolla perehdytään "
    "moniammatilliseen yhteistyöhön. Laajuus on 5 opintopistettä."
)
HEADERS = ["Lause", "Sana", "Perusmuoto", "Sanaluokka", "Lauseenjäsen", "Tavut", "Yhdyssanan osat", "Voikko tuntee"]


@friendly
def analysis_table(text: str):
    result = analyze(text)
    rows = []
    for n, sent in enumerate(result.sentences, 1):
        for i in sent.tokens:
            t = result.tokens[i]
            rows.append([n, t.text, t.base, t.pos, t.dep, "-".join(t.syllables),
                         " + ".join(p.base for p in t.compound_parts) if len(t.compound_parts) > 1 else "",
                         "kyllä" if t.known else "ei"])
    summary = f"{len(result.sentences)} lausetta, {len(result.words)} sanaa."
    if result.warnings:
        summary += " " + " ".join(result.warnings)
    return rows, summary


def build() -> None:
    with gr.Tab("Analyysi", id="analyysi"):
        gr.Markdown("Näet, miten työkalu jäsentää tekstin: lauseet, perusmuodot, yhdyssanojen osat ja tavut.")
        text = gr.Textbox(label="Teksti", value=EXAMPLE, lines=6, max_lines=20)
        button = gr.Button("Analysoi", variant="primary")
        summary = gr.Markdown()
        table = gr.Dataframe(headers=HEADERS, label="Sanat", wrap=True, interactive=False)
        button.click(analysis_table, inputs=text, outputs=[table, summary], api_name="analyze")
