"""Gradio UI (the only package that imports gradio). Each tab is a module with ``build()``; TABS lists them in the
order they appear.

The first screen follows the users: Opettaja (teacher), Koordinaattori (coordinator), Arvioija (evaluator) and
Todistus (micro-credential), then the supporting tabs. A tab module that is listed but not (yet) in the package is
skipped with a warning, so the app starts while colleagues' tabs are still on their way.
"""
from __future__ import annotations

import importlib
import logging

log = logging.getLogger("poiju_nlp.ui")

# Module names in poiju_nlp/ui/, in tab order: the three roles and Todistus first.
TABS = [
    "teacher_tab",      # Opettaja: score (and rewrite)
    "coordinator_tab",  # Koordinaattori: match
    "evaluator_tab",    # Arvioija: benchmarks and own data
    "credential_tab",   # Todistus: micro-credential check and export
    "outcomes_tab",     # Osaamistavoitteet
    "analysis_tab",     # Analyysi
]

TITLE = "POIJU-NLP – selkeät kurssikuvaukset"
INTRO = (
    "# POIJU-NLP – selkeät kurssikuvaukset\n"
    "Valitse välilehti roolisi mukaan. Jokaisessa on valmis esimerkki: paina painiketta, niin näet tuloksen heti.\n\n"
    "- **Opettaja**: tarkista kurssikuvauksen selkeys ja saat ehdotukset selkeämmistä sanoista.\n"
    "- **Koordinaattori**: etsi työelämän tarpeeseen sopivat kurssit.\n"
    "- **Arvioija**: aja vertailut, katso tulokset ja kokeile omalla aineistollasi.\n"
    "- **Todistus**: tarkista, täyttääkö kurssi EU:n mikrotutkinnon tiedot, ja lataa todistuksen tiedot.\n\n"
    "Kaikki toimii tällä koneella: tekstejä ei lähetetä minnekään."
)


# App-wide layout and CSS. Finnish words are long and carry their endings: a word broken at a line end
# ("edistä|miseksi") cannot be read, so nothing in the app breaks inside a word (Gradio's highlighted text uses
# word-break: break-all, its tables break-word); hyphens only where the text has them. The highlighted views flow
# as running text, and the findings are cards whose reason and suggestion wrap inside a narrow column.
CSS = """
.gradio-container .textfield, .gradio-container .textspan, .gradio-container .poiju-cards,
.gradio-container .poiju-cards *, .gradio-container table td, .gradio-container table td *,
.gradio-container label span, .gradio-container .prose, .gradio-container textarea {
  word-break: normal !important; overflow-wrap: normal !important; hyphens: manual !important;
}
/* the highlighted views read as running text: inline pieces (the white space between Gradio's elements has no
   width: font-size 0 outside the text), wrapped only at spaces */
.poiju-flow .textfield { display: block !important; font-size: 0 !important; }
.poiju-flow .token-container, .poiju-flow .token { display: inline !important; margin: 0 !important;
  padding: 0 !important; }
.poiju-flow .token .text { background-color: inherit; border-radius: 3px; }  /* the token's own box has no height */
.poiju-flow .line-break { display: block !important; height: 0; }
.poiju-flow .line-break + .line-break { height: 14px; }
.poiju-flow .token .text { font-size: 16px !important; line-height: 1.75; white-space: pre-wrap !important;
  word-break: normal !important; overflow-wrap: normal !important; hyphens: manual !important; }
.poiju-cards { display: flex; flex-direction: column; gap: 10px; }
.poiju-total { margin: 0 0 2px 0; color: #555; font-size: 0.95em; }
.poiju-card { border: 1px solid #ddd; border-left: 6px solid #c9b3f5; border-radius: 8px; padding: 10px 12px;
  background: #fff; color: #222; font-size: 0.95em; line-height: 1.45; }
.poiju-card.sev3 { border-left-color: #e06666; }
.poiju-card[data-kind="hard_sentence"].sev2 { border-left-color: #e6c13c; }
.poiju-card[data-kind="passive"] { border-left-color: #6cc07a; }
.poiju-card[data-kind="abbreviation"] { border-left-color: #6fa8dc; }
.poiju-card-head { margin-bottom: 4px; }
.poiju-chip { display: inline-block; border-radius: 10px; padding: 1px 8px; font-size: 0.85em; background: #eee; }
.poiju-chip.sev3 { background: #f2a3a3; } .poiju-chip.sev2 { background: #f7e08b; } .poiju-chip.sev1 { background: #e3e3e3; }
.poiju-count { color: #666; font-size: 0.85em; }
.poiju-word { font-size: 1.05em; margin: 2px 0 4px 0; }
.poiju-old { font-weight: 600; } .poiju-new { font-weight: 600; color: #1d6b2f; } .poiju-arrow { color: #777; }
.poiju-quote { font-style: italic; color: #444; margin: 2px 0 4px 0; }
.poiju-reason { margin: 2px 0; } .poiju-suggestion { margin-top: 4px; color: #1d4f91; }
.poiju-more summary { cursor: pointer; font-weight: 600; margin: 4px 0 8px 0; }
.poiju-more .poiju-card { margin-bottom: 10px; }
#edit-choices label { align-items: flex-start; }
"""


def load_tabs(names=None) -> list:
    """Import the tab modules in order; a module that does not exist yet is skipped with a warning."""
    modules = []
    for name in names or TABS:
        full = f"{__name__}.{name}"
        try:
            modules.append(importlib.import_module(full))
        except ModuleNotFoundError as err:
            # Either the tab itself or a capability it needs is not in the package yet.
            log.warning("Välilehti %s ohitetaan: moduulia %s ei ole.", name, err.name)
    return modules


def build_app():
    import gradio as gr

    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.HTML(f"<style>{CSS}</style>", elem_id="poiju-style", container=False, padding=False)
        gr.Markdown(INTRO, elem_id="intro")
        with gr.Tabs():
            for module in load_tabs():
                module.build()
    return demo
