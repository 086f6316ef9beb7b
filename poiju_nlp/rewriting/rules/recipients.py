"""Who the course is for: 'on suunnattu X:lle' -> 'sopii X:lle' (intended_for), and 'X-kurssi tarjoaa hoitajille
taidot Y:hyn.' -> 'X-kurssi on hoitajille. Kurssilla saat taidot Y:hyn.' (recipient_split)."""
from __future__ import annotations

from ...settings import REWRITING
from ...text.analysis import Sentence, Token
from ..edits import Edit
from .base import Context, Example, Rule, cap, each_sentence, each_token, is_learner, register, rendered_lemma
from .verbs import _GIVING_VERBS, _is_skill_noun, _topics_after, course_place


def _modifies_allative_after(toks: list[Token], w: Token, within: set[int]) -> bool:
    """'turvallisuudesta vastaaville asiantuntijoille': a word inside a participle phrase that modifies a later
    allative noun (read from the parse, a few steps up)."""
    k = w
    for _ in range(3):
        if k.head == k.i or k.head not in within or k.head < k.i:
            return False
        k = toks[k.head]
        if k.morph.get("Case") == "All" and k.pos in ("NOUN", "PROPN", "VERB", "ADJ"):
            return True  # (a participle may be the head itself: 'hoitotyötä tekeville')
    return False


def _recipients_after(toks: list[Token], i: int, within: set[int]) -> Token | None:
    """The last word of the recipients right after token i: genitive attributes, hyphenated first parts,
    coordination and allatives only ('kotihoidon, kotiutustiimien ja pelastuslaitosten henkilöstölle'; the
    parser may misattach them, so this reads the surface). None when something else comes in between or after."""
    rec, j = None, i + 1
    while j in within:
        w = toks[j]
        case = w.morph.get("Case")
        if case == "All" and w.pos in ("NOUN", "PROPN", "ADJ", "VERB"):
            rec = w
            # ('vastaaville asiantuntijoille', 'rokotuksia antaville terveydenhuollon ammattilaisille': one phrase)
            nxt = toks[j + 1] if j + 1 in within else None
            if w.pos in ("ADJ", "VERB") and nxt is not None and (
                    nxt.morph.get("Case") == "All" or _modifies_allative_after(toks, nxt, within)):
                j += 1
                continue
            if nxt is not None and nxt.text.lower() not in (",", "ja", "sekä", "tai"):
                j += 1
                break  # what follows the recipients is the rest of the clause ('... opettajille kokonaiskuvan')
        elif not (case == "Gen" or w.text.endswith("-") or w.text == "-" or j + 1 in within and toks[j + 1].text == "-"
                  or w.text.lower() in (",", "ja", "sekä", "tai") or _modifies_allative_after(toks, w, within)):
            break
        j += 1
    if rec is None or toks[rec.i - 1].text == "," or any(toks[k].text.lower() not in (",", "ja", "sekä", "tai")
                                                         for k in range(rec.i + 1, j)):
        return None
    return rec


def _build_recipient_split(ctx: Context, sent: Sentence) -> list[Edit]:
    """'X-kurssi tarjoaa hoitajille taidot Y:hyn.' -> 'X-kurssi on hoitajille. Kurssilla saat taidot Y:hyn.'
    (who the course is for, then what the reader gets: two things, two sentences, the reader addressed)."""
    edits = []
    toks = ctx.analysis.tokens
    ws = [toks[i] for i in sent.tokens]
    within = set(sent.tokens)
    words = [w for w in ws if w.is_word]
    # the giving verb (the parser may make a long title the root: 'Poistumisturvallisuus ... -koulutus tarjoaa')
    root = next((w for w in ws if w.lemma.lower() in _GIVING_VERBS and w.dep in ("ROOT", "parataxis")), None)
    if root is None or len(words) < REWRITING.split_min_words or not sent.text.rstrip().endswith("."):
        return edits
    m = root.morph
    if not (root.lemma.lower() in _GIVING_VERBS and m.get("VerbForm") == "Fin" and m.get("Person") == "3"
            and m.get("Voice") != "Pass" and m.get("Polarity") != "Neg" and m.get("Tense") == "Pres"):
        return edits
    # the subject is everything before the verb, ending with its head noun ('X -kurssi tarjoaa ...')
    subj = toks[root.i - 1] if root.i - 1 in within else None
    if subj is None or subj.pos not in ("NOUN", "PROPN") or subj.morph.get("Case") != "Nom" or any(
            w.i < root.i and (w.text in ",;:" or w.morph.get("VerbForm") == "Fin") for w in ws):
        return edits
    rec = _recipients_after(toks, root.i, within)
    if rec is None or is_learner(rec):  # 'antaa opiskelijalle valmiuksia' names no target group
        return edits
    j = rec.i + 1
    span = list(range(root.i + 1, rec.i + 1))
    rest = [w for w in ws if w.i > span[-1] and w.dep != "punct"]
    if not rest or rest[0].morph.get("Case") not in ("Nom", "Par", "Gen") \
            or rest[0].pos not in ("NOUN", "ADJ") and rest[0].text.lower() != "tarvittavat" \
            or len([w for w in rest if w.is_word]) < 2:
        return edits  # what is given comes next: 'taidot ...', 'tietoa ...', 'kokonaiskuvan ...' 
    lemma = rendered_lemma(ctx, subj)[1].lstrip("-")
    place = cap(course_place("kurssi" if lemma.endswith("kurssi") else lemma) or "")  # 'Kurssilla saat
    if not place or " " in place:
        return edits
    subject, used1 = ctx.render(sent.start, root.start)
    recipients, used2 = ctx.render(toks[span[0]].start, toks[span[-1]].end)
    # 'valmiudet X:n kartoittamiseen' is what you learn: 'opit X:n kartoittamista'
    given = rest[1] if rest[0].text.lower() == "tarvittavat" and len(rest) > 1 else rest[0]
    topics = _topics_after(ctx, sent, root, given) if _is_skill_noun(given) else None
    verb = "opit" if topics else "saat"
    tail, used3 = ctx.render(given.end if topics else toks[span[-1]].end, sent.end, topics)
    new = f"{subject.rstrip()} on {recipients}. {place} {verb}{tail}"
    edits.append(Edit(sent.start, sent.end, ctx.text[sent.start:sent.end], new, "recipient_split",
                      f"Kenelle kurssi on ja mitä {'opit' if topics else 'saat'}, kahdessa virkkeessä: "
                      f"\"{root.text}\" → \"{verb}\".", absorbs=used1 + used2 + used3))
    return edits


def _intended_words(ctx: Context) -> list[Token]:
    toks = ctx.analysis.tokens
    return [t for t in each_token(ctx) if t.i > 0 and toks[t.i - 1].text in ("on", "ovat")
            and t.text.lower() in ("suunnattu", "tarkoitettu", "kohdennettu", "kohdistettu")]


def _build_intended_for(ctx: Context, t: Token) -> Edit | None:
    """'Kurssi on suunnattu hoitajille.' -> 'Kurssi sopii hoitajille.' (the everyday verb for a target group; a bare
    'on hoitajille' would be shorter, but the plainness score reads it as harder). The recipients in the allative
    must end the clause (a comma, a relative clause or the end of the sentence follows)."""
    toks = ctx.analysis.tokens
    within = set(ctx.sentence_of(t).tokens)
    recipient = _recipients_after(toks, t.i, within)
    after = toks[recipient.i + 1] if recipient is not None and recipient.i + 1 in within else None
    if recipient is None or after is not None and after.text not in (",", ".", ";"):
        return None
    aux = toks[t.i - 1]
    verb = "sopii" if aux.text == "on" else "sopivat"
    return Edit(aux.start, t.end, ctx.text[aux.start:t.end], verb, "intended_for",
                f"Tavallinen verbi: \"{aux.text} {t.text} X:lle\" → \"{verb} X:lle\".")


INTENDED_FOR = register(Rule(
    id="intended_for", label="tavallinen verbi", priority=50, pass_="token", find=_intended_words,
    build=_build_intended_for,
    enabled=False,
    why_disabled="review 4: 0 of 2 labels good; 'on suunnattu / tarkoitettu X:lle' (aimed at, intended for) -> "
                 "'sopii X:lle' (suits) says another thing about who may take the course",
    examples=(
        Example("Kurssi on tarkoitettu opiskelijoille, jotka haluavat syventää visuaalista ja kerronnallista "
                "ilmaisuaan sarjakuvan alalla.",
                "Kurssi sopii opiskelijoille, jotka haluavat syventää visuaalista ja kerronnallista ilmaisuaan "
                "sarjakuvan alalla."),
        Example("Tehtävä on tarkoitettu tehtäväksi pareittain."),
        Example("Koulutus on tarkoitettu sosiaali- ja terveysalan ammattilaisille.",
                "Koulutus sopii sosiaali- ja terveysalan ammattilaisille."),
    )))

RECIPIENT_SPLIT = register(Rule(
    id="recipient_split", label="kenelle ja mitä saat", priority=130, pass_="sentence", find=each_sentence,
    build=_build_recipient_split,
    examples=(
        Example("Kurssi antaa opiskelijalle valmiuksia ymmärtää omaa toimijuuttaan sekä oman alan roolia kestävän "
                "tulevaisuuden rakentamisessa."),
        Example("Kemikaaliturvallisuuden kurssi tarjoaa hoitajille taidot kemikaalien turvalliseen käsittelyyn.",
                "Kemikaaliturvallisuuden kurssi on hoitajille. Kurssilla saat taidot kemikaalien turvalliseen "
                "käsittelyyn."),
    )))
