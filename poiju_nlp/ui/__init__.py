"""Gradio UI (the only package that imports gradio). Each tab is a module with ``build()``; TABS lists them in the
order they appear."""
from __future__ import annotations

import importlib

# Module names in poiju_nlp/ui/, in tab order.
TABS = ["teacher_tab", "analysis_tab"]

TITLE = "POIJU-NLP – selkeät kurssikuvaukset"
INTRO = (
    "# POIJU-NLP\n"
    "Selkeää kieltä kurssikuvauksiin. Valitse välilehti roolisi mukaan. "
    "Kaikki toimii tällä koneella: tekstejä ei lähetetä minnekään."
)


def build_app():
    import gradio as gr

    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(INTRO)
        with gr.Tabs():
            for name in TABS:
                importlib.import_module(f"{__name__}.{name}").build()
    return demo
