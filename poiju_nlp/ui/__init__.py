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
        gr.Markdown(INTRO, elem_id="intro")
        with gr.Tabs():
            for module in load_tabs():
                module.build()
    return demo
