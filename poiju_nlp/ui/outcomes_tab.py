"""Tab "Osaamistavoitteet": plain outcome statements from a course text (the author's own first, each with its
source sentence and what changed and why), and a check of existing statements."""
from __future__ import annotations

import gradio as gr

from ..domain import COURSE_LEVELS
from ..outcomes import check, propose
from .common import esc, friendly

EXAMPLE_DESCRIPTION = (
    "Kotihoidon lääkehoito (5 op)\n"
    "Osaamistavoitteet: Opintojakson suoritettuaan opiskelija osaa laatia asiakkaan lääkelistan ja ohjata "
    "asiakasta lääkkeiden otossa. Opiskelija tuntee yleisimpien lääkkeiden haittavaikutukset ja tutustuu "
    "lääkehoitosuunnitelmaan. Opiskelija syventää ammatillista osaamistaan.\n"
    "Sisältö: Kurssilla käsitellään lääkehoidon turvallisuutta ja kirjaamista. Ilmoittautuminen 15.1. mennessä."
)
EXAMPLE_STATEMENTS = (
    "Opiskelija ymmärtää ja osaa arvioida asiakkaan palvelutarvetta.\n"
    "Osaat laskea lääkeannoksen potilaan painon perusteella.\n"
    "Kurssilla käsitellään lääkehoidon turvallisuutta.\n"
    "Opiskelija tuntee ensiavun perusteet.\n"
    "Osaat soveltaa."
)
BLOOM = {1: "1 muistaa", 2: "2 ymmärtää", 3: "3 soveltaa", 4: "4 analysoida", 5: "5 arvioida", 6: "6 luoda"}
SOURCE_FI = {"author": "Kuvauksen omasta tavoitteesta", "built": "Koottu kurssin sisällöstä"}
CHANGE_FI = {"person": "sinä-muoto", "osaat": "muoto 'Osaat …'", "verb": "verbi vaihdettu",
             "split": "jaettu omaksi tavoitteeksi", "shortened": "lyhennetty", "built": "koottu sisällöstä"}
KIND_FI = {"vague_verb": "epämääräinen verbi", "several_verbs": "monta verbiä", "no_object": "ei kohdetta",
           "too_long": "liian pitkä", "passive_or_teacher": "opettajan näkökulma", "not_assessable": "ei arvioitavissa"}
STYLE = """
<style>
#outcome-cards .oc-card {border:1px solid #d0d7de; border-radius:8px; padding:10px 14px; margin:8px 0;}
#outcome-cards .oc-text {font-size:1.08em; font-weight:600;}
#outcome-cards .oc-badge {display:inline-block; font-size:.8em; padding:1px 8px; border-radius:10px;
  background:#eef3f8; color:#234; margin-right:6px;}
#outcome-cards .oc-badge.built {background:#fff4e0; color:#5a3b00;}
#outcome-cards .oc-source {color:#333; margin-top:6px; font-size:.93em;}
#outcome-cards .oc-source mark {background:#fff2a8; padding:0 2px;}
#outcome-cards .oc-why {color:#444; margin-top:4px; font-size:.9em;}
#outcome-cards .oc-skipped li {margin:4px 0;}
</style>
"""


def _source_html(o, text: str) -> str:
    """The source sentence with the author's statement marked in it (offsets into the pasted text)."""
    start, end = o.source_start, o.source_end
    if 0 <= start < end <= len(text) and start <= o.statement_start < o.statement_end <= end:
        return (esc(text[start:o.statement_start]) + "<mark>" + esc(text[o.statement_start:o.statement_end])
                + "</mark>" + esc(text[o.statement_end:end]))
    return esc(o.source_sentence)


def cards_html(proposal, text: str) -> str:
    """Each proposal as a card: the statement, where it came from (the source sentence, the statement marked),
    what changed and why. Every piece of user text is escaped."""
    parts = [STYLE, '<div id="outcome-cards">']
    for n, o in enumerate(proposal.outcomes, 1):
        kind = "built" if o.source == "built" else "author"
        changes = o.why or ", ".join(CHANGE_FI.get(c, c) for c in o.changed) or "Ei muutoksia."
        parts.append(
            f'<div class="oc-card" data-n="{n}"><div class="oc-text">{esc(o.text)}</div>'
            f'<div><span class="oc-badge {kind}">{esc(SOURCE_FI.get(o.source, o.source))}</span>'
            f'<span class="oc-badge">Bloom {esc(BLOOM.get(o.bloom_level, o.bloom_level))}</span></div>'
            f'<div class="oc-source"><b>Lähde:</b> {_source_html(o, text)}</div>'
            f'<div class="oc-why"><b>Mitä muutettiin:</b> {esc(changes)}</div></div>')
    if proposal.skipped:
        parts.append(f"<details class='oc-skipped'><summary>Jäi pois ({len(proposal.skipped)})</summary><ul>")
        for s in proposal.skipped:
            parts.append(f"<li>'{esc(s.statement)}': {esc(s.reason)}</li>")
        parts.append("</ul></details>")
    parts.append("</div>")
    return "".join(parts)


@friendly
def outcomes_for_ui(text: str, level: str = "perus"):
    proposal = propose(text, level=level if level in COURSE_LEVELS else None)
    rows = [[o.text, o.verb, BLOOM.get(o.bloom_level, str(o.bloom_level)), SOURCE_FI.get(o.source, o.source),
             o.source_sentence, o.why] for o in proposal.outcomes]
    authored = sum(o.source == "author" for o in proposal.outcomes)
    if not proposal.outcomes:
        summary = "**Ei ehdotuksia.**"
    elif authored:
        summary = (f"**{len(rows)} tavoitetta kuvauksen omista tavoitteista.** Jokaisessa on yksi mitattava verbi. "
                   "Verbi on kirjoittajan oma, jos sen voi arvioida; muuten se on vaihdettu saman tai alemman "
                   "tason verbiin. Tarkista ennen käyttöä.")
    else:
        summary = (f"**{len(rows)} tavoitetta koottu kurssin sisällöstä** (kuvauksessa ei ole omia tavoitteita). "
                   "Verbi lupaa vain sen, minkä kuvaus kertoo. Tarkista ja täydennä ennen käyttöä.")
    if proposal.notes:
        summary += "\n\n" + " ".join(proposal.notes)
    return cards_html(proposal, text), rows, summary, "\n".join(o.text for o in proposal.outcomes)


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
        gr.Markdown("### Selkeät osaamistavoitteet\nLiitä kurssikuvaus. Kuvauksen omista tavoitteista tehdään "
                    "selkeät lauseet muotoon 'Osaat + verbi + mitä'. Jos kuvauksessa ei ole tavoitteita, ne kootaan "
                    "siitä, mitä kurssilla opetetaan (0–6 kpl). Jokaisesta näet lähteen ja sen, mitä muutettiin.")
        description = gr.Textbox(label="Kurssikuvaus", value=EXAMPLE_DESCRIPTION, lines=8,
                                 elem_id="outcomes-text")
        # Kept for the /outcomes API (text, level): the proposals follow the author's own statements and verbs.
        level = gr.Dropdown(list(COURSE_LEVELS), value="perus", label="Kurssin taso", visible=False)
        propose_button = gr.Button("Ehdota tavoitteet", variant="primary", elem_id="outcomes-button")
        propose_summary = gr.Markdown(elem_id="outcomes-summary")
        cards = gr.HTML(elem_id="outcomes-cards")
        with gr.Accordion("Taulukkona", open=False):
            proposed = gr.Dataframe(headers=["Tavoite", "Verbi", "Bloomin taso", "Lähde", "Kuvauksen lause",
                                             "Miksi"], wrap=True, interactive=False, label="Ehdotukset")
        proposed_text = gr.Textbox(label="Ehdotukset tekstinä (kopioi tai tarkista alla)", lines=4,
                                   elem_id="outcomes-proposed-text")
        propose_button.click(outcomes_for_ui, inputs=[description, level],
                             outputs=[cards, proposed, propose_summary, proposed_text], api_name="outcomes")

        gr.Markdown("### Tarkista tavoitteet\nYksi tavoite riviä kohden.")
        statements = gr.Textbox(label="Tavoitteet", value=EXAMPLE_STATEMENTS, lines=6, elem_id="outcomes-check-text")
        check_button = gr.Button("Tarkista tavoitteet", variant="primary", elem_id="outcomes-check-button")
        check_summary = gr.Markdown()
        table = gr.Dataframe(headers=["Tavoite", "Ongelma", "Miksi", "Ehdotus"], wrap=True, interactive=False,
                             label="Tarkistus")
        check_button.click(check_for_ui, inputs=statements, outputs=[table, check_summary], api_name="outcomes_check")
        proposed_text.change(lambda t: t or gr.update(), inputs=proposed_text, outputs=statements,
                             api_name=False)
