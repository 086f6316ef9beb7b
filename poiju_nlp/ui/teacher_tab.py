"""Tab "Opettaja": paste a draft, see every hard place highlighted with its reason and suggestion, and the score."""
from __future__ import annotations

import gradio as gr

from ..rewriting import rewrite
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
EDIT_HEADERS = ["Alkuperäinen", "Uusi", "Sääntö", "Miksi"]
RULE_LABELS = {"lexicon": "tutumpi sana", "explain": "termi selitetty", "abbreviation": "lyhenne avattu",
               "passive_to_2sg": "lukijan puhuttelu", "nominal_to_verb": "verbi -minen-sanan sijaan",
               "enumeration": "luettelo", "split_sentence": "virke jaettu", "intended_for": "tavallinen verbi",
               "learner_goal": "lukijan puhuttelu", "learner_subject": "lukijan puhuttelu",
               "goal_for_learner": "lukijan puhuttelu", "recipient_split": "kenelle ja mitä saat",
               "arranged_is": "tavallinen verbi", "learn_topics": "tavallinen verbi", "skills_to_learn": "mitä opit", "enrol_imperative": "kehotus lukijalle", "list_split": "luettelo", "credit_sentence": "laajuus omaksi virkkeeksi"}


def rule_label(rule: str) -> str:
    """Finnish label of a rule; an edit made in two passes names both ('virke jaettu + tavallinen verbi')."""
    return " + ".join(dict.fromkeys(RULE_LABELS.get(r, r) for r in rule.split("+")))


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


def edit_segments(text: str, edits, side: str) -> list[tuple[str, str | None]]:
    """(piece, label) segments of the original (side='original') or the rewrite ('rewrite'), edits labelled with
    their rule (the reasons are in the table next to it). Gradio renders the pieces as text, never as HTML."""
    segments, pos, out_pos = [], 0, 0
    for e in sorted(edits, key=lambda e: e.start):
        if e.start < pos:
            continue
        if e.start > pos:
            segments.append((text[pos:e.start], None))
        label = rule_label(e.rule)
        segments.append((e.original if side == "original" else e.replacement, label))
        pos = e.end
    if pos < len(text):
        segments.append((text[pos:], None))
    return segments


@friendly
def rewrite_for_ui(text: str):
    result = rewrite(text)
    c = result.checks
    summary = (
        f"## Selkeys {c['score_before']:.0f} → {c['score_after']:.0f}\n"
        f"LIX {c['lix_before']:.0f} → {c['lix_after']:.0f} · merkitys {c['meaning_similarity']:.2f} "
        f"(virkkeitä katettu {c['sentences_covered']}) · tosiasiat "
        f"{'tallessa' if c['facts_preserved'] else 'puuttuu'} · pituus {c['length_ratio']:.2f}× · "
        f"{len(result.edits)} muutosta, {len(result.rejected)} hylätty"
    )
    for note in result.notes:
        summary += f"\n\n{note}"
    original = clean_text(text)
    rows = [[e.original, e.replacement, rule_label(e.rule), e.reason] for e in result.edits]
    rows += [[r["original"][:200], r["replacement"][:200], "hylätty: " + rule_label(r["rule"]),
              r["why"]] for r in result.rejected]
    download = write_download(result.rewrite, ".txt", "selkeytetty-")
    report = write_download(result.to_dict(), ".json", "selkeytys-")
    return (edit_segments(original, result.edits, "original"), edit_segments(original, result.edits, "rewrite"),
            result.rewrite, summary, rows, download, report)


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

        gr.Markdown("### Selkeytä\nTyökalu kirjoittaa tekstin selkeämmäksi muutos kerrallaan. Jokainen muutos "
                    "perustellaan, ja luvut, päivämäärät, hinnat, nimet ja osoitteet tarkistetaan.")
        rewrite_button = gr.Button("Selkeytä", variant="primary", elem_id="rewrite-button")
        rewrite_summary = gr.Markdown(elem_id="rewrite-summary")
        with gr.Row():
            before = gr.HighlightedText(label="Alkuperäinen", combine_adjacent=False, show_legend=True,
                                        elem_id="rewrite-original")
            after = gr.HighlightedText(label="Selkeytetty", combine_adjacent=False, show_legend=True,
                                       elem_id="rewrite-highlight")
        plain_text = gr.Textbox(label="Selkeytetty teksti (kopioi)", lines=8, max_lines=40, buttons=["copy"],
                                interactive=False, elem_id="rewrite-text")
        edits = gr.Dataframe(headers=EDIT_HEADERS, label="Muutokset ja perustelut", wrap=True, interactive=False)
        with gr.Row():
            download_text = gr.File(label="Lataa selkeytetty teksti (.txt)")
            download_report = gr.File(label="Lataa muutosraportti (JSON)")
        rewrite_button.click(rewrite_for_ui, inputs=text,
                             outputs=[before, after, plain_text, rewrite_summary, edits, download_text,
                                      download_report], api_name="rewrite")
