"""Tab "Opettaja": a Finnish Hemingway. Paste a draft and see the hard sentences and words highlighted, the few
findings that matter as cards (reason and suggestion side by side, most important first, the rest behind "Näytä
kaikki"), the plainness score with the Wiio grade; then let the tool rewrite and keep only the edits you choose.
Your organisation's own terms live in "Oma sanasto" (accepted terms are never flagged)."""
from __future__ import annotations

import functools
import inspect
import json
import re

import gradio as gr

from ..errors import InputError
from ..rewriting import rewrite
from ..rewriting.edits import Edit, apply_edits
from ..rewriting.rules import rule_label as rewriting_rule_label
from ..scoring import KIND_LABELS, SEVERITY_LABELS, score
from ..scoring.glossary import Glossary, default_path
from ..scoring.metrics import wiio_level
from ..scoring.select import FIRST_SCREEN
from ..text import clean_text
from .common import esc, friendly, write_download

EXAMPLE = (
    "Opintojakson osaamistavoitteena on, että opiskelija omaksuu moniammatillisen yhteistyön keskeiset käsitteet "
    "ja kykenee implementoimaan asiakaslähtöisiä toimintamalleja sosiaali- ja terveysalan palvelujärjestelmässä. "
    "Opintojaksolla perehdytään palveluohjauksen prosesseihin sekä potilasturvallisuuden kehittämisen "
    "menetelmiin. Laajuus on 3 op, ja toteutus on monimuotoinen."
)
FINDING_HEADERS = ["Kohta", "Mikä", "Vakavuus", "Miksi", "Ehdotus"]
EDIT_HEADERS = ["Alkuperäinen", "Uusi", "Sääntö", "Miksi"]
GLOSSARY_HEADERS = ["Termi", "Tavallinen sana", "Selitys"]
# Highlight colours as a Finnish Hemingway: yellow hard sentence, red very hard, violet words with a plainer
# alternative, blue abbreviations, green passive, grey everything else.
# severity 1: a list that lost its line breaks (scoring/select.py names it as a list, not as a hard sentence)
SENTENCE_LABELS = {1: "luettelo ilman rivinvaihtoja", 2: "vaikea virke", 3: "hyvin vaikea virke"}
EDIT_COLORS = {"muutetaan": "#f7e08b", "muutos": "#a8e0b0", "hylätty": "#e0e0e0"}
COLOR_MAP = {"luettelo ilman rivinvaihtoja": "#f5ecc4", "vaikea virke": "#f7e08b", "hyvin vaikea virke": "#f2a3a3", KIND_LABELS["jargon"]: "#c9b3f5",
             KIND_LABELS["loanword"]: "#c9b3f5", KIND_LABELS["empty_phrase"]: "#f5b3e0",
             KIND_LABELS["abbreviation"]: "#9cc8f5", KIND_LABELS["passive"]: "#a8e0b0",
             KIND_LABELS["unknown_word"]: "#d0d0d0"}  # rare words are no finding of their own (round-2 review)


def rule_label(rule: str) -> str:
    """Finnish label of a rule from the rule registry; an edit made in two passes names both ('virke jaettu +
    tavallinen verbi')."""
    return rewriting_rule_label(rule)


# --- glossary ------------------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=4)
def _glossary_at(path: str, mtime: float) -> Glossary:
    return Glossary.load(path)


def current_glossary() -> Glossary | None:
    """The saved organisation glossary (re-read when the file changes), or None."""
    path = default_path()
    try:
        return _glossary_at(str(path), path.stat().st_mtime) or None
    except (FileNotFoundError, OSError, UnicodeDecodeError):
        return None


def glossary_rows() -> list[list[str]]:
    g = current_glossary()
    rows = [[e.term, e.plain, e.explanation] for e in g.entries] if g else []
    return rows or [["lähihoitaja", "", ""]]


def _table_rows(table) -> list[list]:
    if table is None:
        return []
    if hasattr(table, "values"):  # a pandas DataFrame
        return table.values.tolist()
    if isinstance(table, dict):
        return table.get("data") or []
    return list(table)


@friendly
def save_glossary(table):
    """Keep the good rows, report the bad ones by row number, write atomically."""
    g = Glossary.from_rows(_table_rows(table))
    path = g.save()
    note = f"Tallennettu {len(g)} termiä ({path})."
    if g.problems:
        note += "\n\nOhitetut rivit:\n" + "\n".join(f"- {esc(p)}" for p in g.problems)
    rows = [[e.term, e.plain, e.explanation] for e in g.entries] or [["", "", ""]]
    return rows, note, write_download(g.to_tsv(), ".tsv", "oma-sanasto-")


@friendly
def import_glossary(file):
    if file is None:
        raise InputError("Valitse ensin TSV-tiedosto.")
    path = getattr(file, "name", file)
    try:
        text = open(path, "rb").read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("Tiedosto ei ole UTF-8-muodossa. Tallenna se UTF-8-muodossa.") from None
    g = Glossary.from_tsv(text)
    note = f"Tuotu {len(g)} termiä. Tallenna, niin sanasto on käytössä."
    if g.problems:
        note += "\n\nOhitetut rivit:\n" + "\n".join(f"- {esc(p)}" for p in g.problems)
    return [[e.term, e.plain, e.explanation] for e in g.entries] or [["", "", ""]], note


def download_glossary():
    g = current_glossary() or Glossary()
    return write_download(g.to_tsv(), ".tsv", "oma-sanasto-")


# --- score ---------------------------------------------------------------------------------------------------------

def _label(f) -> str:
    return SENTENCE_LABELS[f.severity] if f.kind == "hard_sentence" else KIND_LABELS.get(f.kind, f.kind)


def highlighted(text: str, findings) -> list[tuple[str, str | None]]:
    """(piece, label) segments for gr.HighlightedText: hard sentences in yellow/red, the words inside them with a
    finding of their own (every occurrence) on top, passives in green."""
    labels: list[str | None] = [None] * len(text)

    def paint(start: int, end: int, label: str, over: bool) -> None:
        for k in range(max(0, start), min(end, len(text))):
            if over or labels[k] is None:
                labels[k] = label

    for f in findings:
        if f.kind == "hard_sentence":
            paint(f.start, f.end, _label(f), True)
    for f in findings:
        if f.kind not in ("hard_sentence", "passive"):
            for start, end in f.occurrences or [[f.start, f.end]]:
                paint(start, end, _label(f), True)
    for f in findings:
        if f.kind == "passive":
            for start, end in f.occurrences or [[f.start, f.end]]:
                if all(labels[k] in (None, *SENTENCE_LABELS.values()) for k in range(start, min(end, len(text)))):
                    paint(start, end, _label(f), True)
    segments: list[tuple[str, str | None]] = []
    start = 0
    for k in range(1, len(text) + 1):
        if k == len(text) or labels[k] != labels[start]:
            segments.append((text[start:k], labels[start]))
            start = k
    return segments


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def finding_card(f) -> str:
    """One finding as an HTML card: what, reason, suggestion. Every user-provided string is escaped."""
    colour = COLOR_MAP.get(_label(f), "#e3e3e3")
    chip = f'<span class="poiju-chip sev{f.severity}" style="background:{colour}">{esc(_label(f))}</span>'
    count = f' <span class="poiju-count">{f.count} kertaa</span>' if f.count > 1 else ""
    if f.kind == "hard_sentence":
        what = f'<div class="poiju-quote">”{esc(_short(f.text))}”</div>'
        suggestion = f'<div class="poiju-suggestion"><b>Tee näin:</b> {esc(f.suggestion)}</div>'
    else:
        arrow = (f' <span class="poiju-arrow">→</span> <span class="poiju-new">{esc(f.replacement)}</span>'
                 if f.replacement and f.replacement != f.text else "")
        what = f'<div class="poiju-word"><span class="poiju-old">{esc(f.text)}</span>{arrow}</div>'
        shown = f.suggestion
        if f.replacement and shown.startswith(f.replacement):  # the replacement is already next to the word
            shown = shown[len(f.replacement):].strip()
            if shown.startswith("(tai:") and shown.endswith(")"):
                shown = "myös " + shown[5:-1].strip()
        suggestion = f'<div class="poiju-suggestion"><b>Ehdotus:</b> {esc(shown)}</div>' if shown else ""
    return (f'<div class="poiju-card sev{f.severity}" data-kind="{esc(f.kind)}">'
            f'<div class="poiju-card-head">{chip}{count}</div>{what}'
            f'<div class="poiju-reason">{esc(f.reason)}</div>{suggestion}</div>')


def finding_cards(findings) -> str:
    """The first screen shows the most important findings; the rest are behind "Näytä kaikki"."""
    if not findings:
        return '<div class="poiju-cards"><p class="poiju-none">Ei huomautettavaa: teksti on selkeää.</p></div>'
    first, rest = findings[:FIRST_SCREEN], findings[FIRST_SCREEN:]
    html = [f'<div class="poiju-cards"><p class="poiju-total">{len(findings)} '
            f'{"huomio" if len(findings) == 1 else "huomiota"}, tärkeimmät ensin</p>']
    html += [finding_card(f) for f in first]
    if rest:
        html.append(f'<details class="poiju-more"><summary>Näytä kaikki ({len(findings)})</summary>')
        html += [finding_card(f) for f in rest]
        html.append("</details>")
    html.append("</div>")
    return "".join(html)


def _fi(x: float, digits: int = 1) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


def _wiio_gap(score_value: float, w9: float) -> str:
    """Why the two figures can disagree: Wiio counts only long words, so a clear list of long compounds
    ('ajoneuvovalmistajan takuuehdot') gets a high grade while its sentences are easy."""
    if score_value >= 60 and w9 > 9:
        return (" Wiio-luku laskee vain pitkiä sanoja: yhdyssanoista se nousee, vaikka virkkeet olisivat selkeitä. "
                "Katso siksi myös alla olevat huomiot.")
    return ""


def summary_markdown(report) -> str:
    m = report.metrics
    w9, w10 = m.get("wiio_w9", 0.0), m.get("wiio_w10", 0.0)
    hard = sum(f.kind == "hard_sentence" and f.severity == 2 for f in report.findings)
    very = sum(f.kind == "hard_sentence" and f.severity == 3 for f in report.findings)
    words = sum(f.kind != "hard_sentence" for f in report.findings)
    return (
        f"## Selkeys {report.score:.0f}/100: {report.level}\n"
        f"**Wiio-luku {_fi(w9)}: {wiio_level(w9)}.** Wiion kaava arvioi, montako vuotta koulua lukija tarvitsee: "
        f"alle 6 on helppo, 6–9 keskivaikea ja yli 9 vaikea (W9 {_fi(w9)}, W10 {_fi(w10)}).{_wiio_gap(report.score, w9)}\n\n"
        f"{very} hyvin vaikeaa ja {hard} vaikeaa virkettä · {words} muuta huomiota · "
        f"LIX {m['lix']:.0f} · {m['words']:.0f} sanaa · {m['sentences']:.0f} virkettä · "
        f"{_fi(m['mean_sentence_length'])} sanaa/virke"
    )


@friendly
def score_for_ui(text: str):
    report = score(text, glossary=current_glossary())
    rows = [[f.text, _label(f), SEVERITY_LABELS[f.severity], f.reason, f.suggestion] for f in report.findings]
    summary = summary_markdown(report)
    if not report.findings:
        summary += "\n\nEi huomautettavaa: teksti on selkeää."
    sentences = [[s.text, f"{s.score:.0f}"] for s in report.sentences]
    download = write_download(report.to_dict(), ".json", "selkeysraportti-")
    # Offsets refer to the cleaned text (control characters removed), so highlight that.
    cards = finding_cards(report.findings)
    return highlighted(clean_text(text), report.findings), summary, rows, sentences, download, cards


# --- rewrite and the teacher's choice ------------------------------------------------------------------------------

def _edit_of(d: dict) -> Edit:
    return Edit(int(d["start"]), int(d["end"]), str(d["original"]), str(d["replacement"]), str(d.get("rule", "")),
                str(d.get("reason", "")))


def apply_chosen_edits(original: str, edits: list[dict], accepted) -> str:
    """The text with only the accepted edits applied. ``edits`` are the rewrite result's edits (``to_dict()``:
    offsets into ``original``); an edit's id is its ``id`` key when it has one, else its position in the list.
    ``accepted`` is an iterable of ids. Edits that do not match the original are refused with a Finnish message.

    >>> edits = [{"start": 0, "end": 14, "original": "Opintojaksolla", "replacement": "Kurssilla", "rule": "lexicon"},
    ...          {"start": 15, "end": 26, "original": "perehdytään", "replacement": "opit", "rule": "learn_topics"}]
    >>> apply_chosen_edits("Opintojaksolla perehdytään ensiapuun.", edits, [0])
    'Kurssilla perehdytään ensiapuun.'
    """
    ids = {int(x) for x in accepted}
    chosen = []
    for position, d in enumerate(edits):
        edit_id = int(d.get("id", position)) if isinstance(d, dict) else position
        try:
            e = _edit_of(d)
        except (KeyError, TypeError, ValueError):
            raise InputError(f"Muutos {position + 1} on puutteellinen: siitä puuttuu kohta tai teksti.") from None
        if not 0 <= e.start <= e.end <= len(original) or original[e.start:e.end] != e.original:
            raise InputError(f"Muutos {position + 1} ei osu alkuperäiseen tekstiin: tarkista, että teksti on sama "
                             "kuin selkeytettäessä.")
        if edit_id in ids:
            chosen.append(e)
    return apply_edits(original, chosen)


def _parse_ids(accepted) -> list[int]:
    if isinstance(accepted, (list, tuple)):
        return [int(x) for x in accepted]
    accepted = (accepted or "").strip()
    if not accepted:
        return []
    if accepted.startswith("["):
        return [int(x) for x in json.loads(accepted)]
    return [int(x) for x in re.split(r"[,\s]+", accepted) if x]


@friendly
def apply_edits_api(original: str, edits: str, accepted: str) -> str:
    """API `apply_edits`: the original text, the rewrite result's edits as JSON (a list, or the whole result with an
    "edits" key) and the accepted edit ids ("0,2,3" or "[0, 2, 3]") -> the text with only those edits."""
    try:
        data = json.loads(edits or "[]")
    except json.JSONDecodeError:
        raise InputError("Muutokset eivät ole kelvollista JSONia.") from None
    if isinstance(data, dict):
        data = data.get("edits") or []
    if not isinstance(data, list):
        raise InputError("Muutosten pitää olla lista.")
    try:
        ids = _parse_ids(accepted)
    except (ValueError, json.JSONDecodeError):
        raise InputError("Hyväksytyt muutokset annetaan numeroina, esim. 0,2,3.") from None
    return apply_chosen_edits(clean_text(original or ""), data, ids)


def _edit_choice_label(n: int, e: dict) -> str:
    old, new = _short(e["original"], 70), _short(e["replacement"], 70)
    return f"{n + 1}. {old} → {new} · {rule_label(e['rule'])}"


def edit_segments(text: str, edits, side: str, accepted=None) -> list[tuple[str, str | None]]:
    """(piece, label) segments of the original (side='original') or the rewrite ('rewrite'): a kept edit is
    'muutetaan' / 'muutos', a rejected one shows its original words as 'hylätty' (the rule and reason of each edit
    are in the list of choices)."""
    segments, pos = [], 0
    for k, e in sorted(enumerate(edits), key=lambda p: p[1].start):
        if e.start < pos:
            continue
        if e.start > pos:
            segments.append((text[pos:e.start], None))
        kept = accepted is None or k in accepted
        if side == "original":
            segments.append((e.original, "muutetaan" if kept else "hylätty"))
        else:
            segments.append((e.replacement, "muutos") if kept else (e.original, "hylätty"))
        pos = e.end
    if pos < len(text):
        segments.append((text[pos:], None))
    return segments


def _rewrite(text: str):
    kwargs = {}
    if "glossary" in inspect.signature(rewrite).parameters:
        kwargs["glossary"] = current_glossary()
    return rewrite(text, **kwargs)


@friendly
def rewrite_for_ui(text: str):
    result = _rewrite(text)
    c = result.checks
    summary = (
        f"## Selkeys {c['score_before']:.0f} → {c['score_after']:.0f}\n"
        f"LIX {c['lix_before']:.0f} → {c['lix_after']:.0f} · merkitys {c['meaning_similarity']:.2f} "
        f"(virkkeitä katettu {c['sentences_covered']}) · tosiasiat "
        f"{'tallessa' if c['facts_preserved'] else 'puuttuu'} · pituus {c['length_ratio']:.2f}× · "
        f"{len(result.edits)} muutosta, {len(result.rejected)} hylätty\n\n"
        "Valitse alta, mitkä muutokset pidät: teksti päivittyy heti, ja ladattava teksti on valitsemasi versio."
    )
    for note in result.notes:
        summary += f"\n\n{note}"
    original = clean_text(text)
    rows = [[e.original, e.replacement, rule_label(e.rule), e.reason] for e in result.edits]
    rows += [[r["original"][:200], r["replacement"][:200], "hylätty: " + rule_label(r["rule"]),
              r["why"]] for r in result.rejected]
    download = write_download(result.rewrite, ".txt", "selkeytetty-")
    report = write_download(result.to_dict(), ".json", "selkeytys-")
    state = {"original": original, "edits": [e.to_dict() for e in result.edits]}
    return (edit_segments(original, result.edits, "original"), edit_segments(original, result.edits, "rewrite"),
            result.rewrite, summary, rows, download, report, state)


def edit_choices(state):
    edits = (state or {}).get("edits") or []
    choices = [(_edit_choice_label(n, e), n) for n, e in enumerate(edits)]
    return gr.update(choices=choices, value=list(range(len(edits))), visible=bool(edits))


@friendly
def apply_choice(state, accepted):
    if not state:
        raise InputError("Selkeytä teksti ensin.")
    accepted = [int(x) for x in accepted or []]
    text = apply_chosen_edits(state["original"], state["edits"], accepted)
    edits = [_edit_of(d) for d in state["edits"]]
    chosen = f"Pidät {len(accepted)}/{len(edits)} muutosta."
    return (edit_segments(state["original"], edits, "rewrite", set(accepted)), text,
            write_download(text, ".txt", "selkeytetty-"), chosen)


def accept_all(state):
    n = len((state or {}).get("edits") or [])
    return gr.update(value=list(range(n)))


def reject_all(state):
    return gr.update(value=[])


# --- layout --------------------------------------------------------------------------------------------------------

def build() -> None:
    with gr.Tab("Opettaja", id="opettaja"):
        gr.Markdown("Liitä kurssikuvauksen luonnos ja paina **Tarkista selkeys**. Keltainen virke on vaikea, "
                    "punainen hyvin vaikea; violetille sanalle on tutumpi vaihtoehto. Oikealla näet tärkeimmät "
                    "huomiot: miksi ja mitä kirjoittaa tilalle.")
        text = gr.Textbox(label="Kurssikuvaus", value=EXAMPLE, lines=7, max_lines=30, elem_id="teacher-text")
        button = gr.Button("Tarkista selkeys", variant="primary", elem_id="score-button")
        summary = gr.Markdown(elem_id="score-summary")
        with gr.Row(equal_height=False, elem_id="score-row"):
            with gr.Column(scale=3, min_width=380):
                marked = gr.HighlightedText(label="Vaikeat kohdat", combine_adjacent=False, show_legend=True,
                                            color_map=COLOR_MAP, elem_id="score-highlight",
                                            elem_classes=["poiju-flow"])
            with gr.Column(scale=2, min_width=320):
                cards = gr.HTML(elem_id="finding-cards", label="Huomiot ja ehdotukset")
        # the table is the API's view of the findings (other systems read it); on screen the cards show them
        findings = gr.Dataframe(headers=FINDING_HEADERS, label="Huomiot ja ehdotukset", wrap=True,
                                interactive=False, visible=False)
        with gr.Accordion("Virkkeiden selkeys (0–100)", open=False):
            sentences = gr.Dataframe(headers=["Virke", "Selkeys"], wrap=True, interactive=False,
                                     column_widths=["88%", "12%"], elem_id="sentence-table")
        download = gr.File(label="Lataa raportti (JSON)")
        cards_state = gr.State("")
        button.click(score_for_ui, inputs=text, outputs=[marked, summary, findings, sentences, download, cards_state],
                     api_name="score").then(lambda html: html, inputs=cards_state, outputs=cards,
                                            api_visibility="private")

        gr.Markdown("### Selkeytä\nTyökalu kirjoittaa tekstin selkeämmäksi muutos kerrallaan. Jokainen muutos "
                    "perustellaan, ja luvut, päivämäärät, hinnat, nimet ja osoitteet tarkistetaan. **Sinä päätät:** "
                    "pidä vain ne muutokset, jotka haluat.")
        rewrite_button = gr.Button("Selkeytä", variant="primary", elem_id="rewrite-button")
        rewrite_summary = gr.Markdown(elem_id="rewrite-summary")
        rewrite_state = gr.State(None)
        with gr.Row(equal_height=False):
            before = gr.HighlightedText(label="Alkuperäinen", combine_adjacent=False, show_legend=False,
                                        color_map=EDIT_COLORS,
                                        elem_id="rewrite-original", elem_classes=["poiju-flow"])
            after = gr.HighlightedText(label="Selkeytetty (valitsemasi muutokset)", combine_adjacent=False,
                                       show_legend=False, color_map=EDIT_COLORS,
                                       elem_id="rewrite-highlight", elem_classes=["poiju-flow"])
        with gr.Row():
            accept_button = gr.Button("Hyväksy kaikki", size="sm", elem_id="accept-all")
            reject_button = gr.Button("Hylkää kaikki", size="sm", elem_id="reject-all")
            chosen_note = gr.Markdown(elem_id="chosen-note")
        edit_checks = gr.CheckboxGroup(label="Muutokset: pidä valitut", choices=[], visible=False,
                                       elem_id="edit-choices")
        plain_text = gr.Textbox(label="Selkeytetty teksti (kopioi)", lines=8, max_lines=40, buttons=["copy"],
                                interactive=False, elem_id="rewrite-text")
        edits = gr.Dataframe(headers=EDIT_HEADERS, label="Muutokset ja perustelut", wrap=True, interactive=False,
                             visible=False)
        with gr.Row():
            download_text = gr.File(label="Lataa valitsemasi versio (.txt)", elem_id="rewrite-download")
            download_report = gr.File(label="Lataa muutosraportti (JSON)")
        rewrite_button.click(rewrite_for_ui, inputs=text,
                             outputs=[before, after, plain_text, rewrite_summary, edits, download_text,
                                      download_report, rewrite_state], api_name="rewrite").then(
            edit_choices, inputs=rewrite_state, outputs=edit_checks, api_visibility="private")
        edit_checks.input(apply_choice, inputs=[rewrite_state, edit_checks],
                          outputs=[after, plain_text, download_text, chosen_note], api_visibility="private")
        accept_button.click(accept_all, inputs=rewrite_state, outputs=edit_checks, api_visibility="private").then(
            apply_choice, inputs=[rewrite_state, edit_checks], outputs=[after, plain_text, download_text, chosen_note],
            api_visibility="private")
        reject_button.click(reject_all, inputs=rewrite_state, outputs=edit_checks, api_visibility="private").then(
            apply_choice, inputs=[rewrite_state, edit_checks], outputs=[after, plain_text, download_text, chosen_note],
            api_visibility="private")
        gr.api(apply_edits_api, api_name="apply_edits")

        with gr.Accordion("Oma sanasto: hyväksytyt termit ja omat korvaukset", open=False, elem_id="glossary"):
            gr.Markdown("Kirjoita termi perusmuodossa. **Hyväksytty termi** (esim. *lähihoitaja* tai kurssin nimi): "
                        "jätä muut sarakkeet tyhjiksi, niin sitä ei koskaan merkitä. **Oma korvaus**: kirjoita "
                        "tavallinen sana tai selitys. Sanasto tallentuu tälle koneelle ja on käytössä tarkistuksessa.")
            table = gr.Dataframe(headers=GLOSSARY_HEADERS, value=glossary_rows, col_count=(3, "fixed"),
                                 interactive=True, wrap=True, elem_id="glossary-table")
            with gr.Row():
                save_button = gr.Button("Tallenna sanasto", variant="primary", elem_id="glossary-save")
                upload = gr.UploadButton("Tuo TSV-tiedosto", file_types=[".tsv", ".txt"], elem_id="glossary-upload")
                glossary_download = gr.DownloadButton("Lataa sanasto (TSV)", value=download_glossary,
                                                      elem_id="glossary-download")
            glossary_note = gr.Markdown(elem_id="glossary-note")
        save_button.click(save_glossary, inputs=table, outputs=[table, glossary_note, glossary_download],
                          api_visibility="private")
        upload.upload(import_glossary, inputs=upload, outputs=[table, glossary_note], api_visibility="private")
