"""Tab "Osaamistavoitteet": propose learning outcomes from a course description, and check existing statements."""
from __future__ import annotations

import gradio as gr

from ..outcomes import check, propose
from .common import friendly

EXAMPLE_DESCRIPTION = (
    "Opintojaksolla perehdytään turvallisen lääkehoidon periaatteisiin. Käsiteltäviä sisältöjä ovat "
    "lääkehoitosuunnitelma, lääkemuodot ja antoreitit, lääkkeiden yhteisvaikutukset ja haittavaikutukset sekä "
    "lääkelaskut. Opintojaksolla korostetaan kaksoistarkastuksen merkitystä, lääkepoikkeamien ilmoittamista ja "
    "potilaan ohjausta. Laajuus 3 op."
)
EXAMPLE_STATEMENTS = (
    "Opiskelija ymmärtää ja osaa arvioida asiakkaan palvelutarvetta.\n"
    "Osaat laskea lääkeannoksen potilaan painon perusteella.\n"
    "Kurssilla käsitellään lääkehoidon turvallisuutta.\n"
    "Opiskelija tuntee ensiavun perusteet.\n"
    "Osaat soveltaa."
)
LEVELS = ["perus", "syventävä", "jatko"]
BLOOM = {1: "1 muistaa", 2: "2 ymmärtää", 3: "3 soveltaa", 4: "4 analysoida", 5: "5 arvioida", 6: "6 luoda"}
KIND_FI = {"vague_verb": "epämääräinen verbi", "several_verbs": "monta verbiä", "no_object": "ei kohdetta",
           "too_long": "liian pitkä", "passive_or_teacher": "opettajan näkökulma", "not_assessable": "ei arvioitavissa"}


@friendly
def outcomes_for_ui(text: str, level: str = "perus"):
    proposal = propose(text, level=level if level in LEVELS else None)
    rows = [[o.text, o.verb, BLOOM.get(o.bloom_level, str(o.bloom_level)), o.source_sentence]
            for o in proposal.outcomes]
    summary = (f"**{len(rows)} ehdotusta** (taso: {proposal.course_level}). Jokaisessa on yksi mitattava verbi, "
               "ja kohde on kuvauksesta. Muokkaa ne omiksesi ennen käyttöä.")
    if proposal.notes:
        summary += "\n\n" + " ".join(proposal.notes)
    return rows, summary, "\n".join(o.text for o in proposal.outcomes)


@friendly
def check_for_ui(statements: str):
    result = check(statements)
    rows = []
    for item in result.items:
        if not item.problems:
            rows.append([item.text, "kunnossa", "", ""])
        for p in item.problems:
            rows.append([item.text, KIND_FI.get(p.kind, p.kind), p.reason, p.suggestion])
    ok = sum(not i.problems for i in result.items)
    return rows, f"**{ok}/{len(result.items)} tavoitetta kunnossa.**"


def build() -> None:
    with gr.Tab("Osaamistavoitteet", id="osaamistavoitteet"):
        gr.Markdown("### Ehdota tavoitteita\nLiitä kurssikuvaus. Saat 3–6 tavoitetta muodossa "
                    "'Osaat <verbi> <kohde>'.")
        with gr.Row():
            description = gr.Textbox(label="Kurssikuvaus", value=EXAMPLE_DESCRIPTION, lines=6, scale=4,
                                     elem_id="outcomes-text")
            level = gr.Dropdown(LEVELS, value="perus", label="Kurssin taso", scale=1)
        propose_button = gr.Button("Ehdota tavoitteet", variant="primary", elem_id="outcomes-button")
        propose_summary = gr.Markdown()
        proposed = gr.Dataframe(headers=["Tavoite", "Verbi", "Bloomin taso", "Kuvauksen lause"], wrap=True,
                                interactive=False, label="Ehdotukset")
        proposed_text = gr.Textbox(label="Ehdotukset tekstinä (kopioi tai tarkista alla)", lines=4)
        propose_button.click(outcomes_for_ui, inputs=[description, level],
                             outputs=[proposed, propose_summary, proposed_text], api_name="outcomes")

        gr.Markdown("### Tarkista tavoitteet\nYksi tavoite riviä kohden.")
        statements = gr.Textbox(label="Tavoitteet", value=EXAMPLE_STATEMENTS, lines=6, elem_id="outcomes-check-text")
        check_button = gr.Button("Tarkista tavoitteet", variant="primary", elem_id="outcomes-check-button")
        check_summary = gr.Markdown()
        table = gr.Dataframe(headers=["Tavoite", "Ongelma", "Miksi", "Ehdotus"], wrap=True, interactive=False,
                             label="Tarkistus")
        check_button.click(check_for_ui, inputs=statements, outputs=[table, check_summary], api_name="outcomes_check")
        proposed_text.change(lambda t: t or gr.update(), inputs=proposed_text, outputs=statements,
                             api_name=False)
