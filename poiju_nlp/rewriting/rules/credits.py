"""Credits and hours: a credit amount in brackets in the middle of a long sentence becomes a sentence of its own
('X-kurssi (3 op) on tarkoitettu hoitajille.' -> 'X-kurssi on tarkoitettu hoitajille. Sen koko on 3 opintopistettä
(noin 81 tuntia työtä).'); the hours come from domain.HOURS_PER_CREDIT through the explain rule's gloss."""
from __future__ import annotations

import re

from ...scoring import get_lexicon
from ...settings import REWRITING
from ...text import inflect
from ...text.analysis import Sentence
from ..edits import Edit
from .base import Context, Example, Rule, cap, each_sentence, register, rendered_lemma, sentence_index
from .split import _REL_TO_DEM, _REL_TO_PERSON

_CREDIT_PARENS = re.compile(r"\(\s*(\d+(?:[,.]\d+)?(?:\s*[–-]\s*\d+(?:[,.]\d+)?)?\s*(?:op|opintopiste\w*))\b[^()]*\)")


_BACK_POINTERS = set(_REL_TO_DEM.values()) | set(_REL_TO_PERSON.values()) | {"sen", "siinä", "tämä", "näin"}


def _build_credit_sentence(ctx: Context, sent: Sentence) -> list[Edit]:
    """'X-kurssi (3 op) on tarkoitettu hoitajille.' -> 'X-kurssi on tarkoitettu hoitajille. Sen koko on
    3 opintopistettä (noin 81 tuntia työtä).' ('koko': the lexicon's plain word for 'laajuus'). A credit amount in
    brackets in the middle of a long sentence becomes a sentence of its own (one thing per sentence; the plain
    references do this)."""
    edits = []
    toks = ctx.analysis.tokens
    words = [toks[i] for i in sent.tokens if toks[i].is_word]
    if len(words) < REWRITING.split_min_words or not ctx.text[sent.start:sent.end].rstrip().endswith("."):
        return edits
    if len(re.findall(r"\d\s*(?:op|opintopiste)", ctx.text[sent.start:sent.end])) > 1:
        return edits  # two credit amounts in one sentence ('seminaariosuuden (4 op) ja opinnäytteen (6 op)'): moved
        # out, one of them reads as the other's or as the total (review 7: 0 of 4 labels good)
    m = _CREDIT_PARENS.search(ctx.text, sent.start, sent.end)
    if m is None or ctx.text[sent.start:m.start()].count("(") != ctx.text[sent.start:m.start()].count(")"):
        return edits
    before = [t for t in words if t.end <= m.start()]
    after = [t for t in words if t.start >= m.end()]
    if len(before) < 1 or len(after) < REWRITING.split_min_part_words or ctx.text[m.end():m.end() + 1] not in " ":
        return edits
    noun = before[-1]
    if noun.pos not in ("NOUN", "PROPN"):
        return edits
    # 'He työskentelevät ...' must stay next to the sentence it points back to: the credit sentence then
    # comes after it, naming the course ('Kurssin koko on ...')
    following = ctx.text[sent.end:].split()
    n = sentence_index(ctx, sent)
    nxt = ctx.analysis.sentences[n + 1] if n + 1 < len(ctx.analysis.sentences) else None
    after_next = bool(following and following[0].lower() in _BACK_POINTERS)
    if after_next and (nxt is None or "\n" in ctx.text[sent.end:nxt.end] or not nxt.text.endswith(".")):
        return edits
    root = next((toks[i] for i in sent.tokens if toks[i].dep == "ROOT"), None)
    inner, used = ctx.render(m.start() + 1, m.end() - 1)
    amount, _, gloss = inner.partition(",")
    amount, gloss = amount.strip(), gloss.strip()
    is_subject = noun.dep.startswith("nsubj") and root is not None and noun.head == root.i \
        and noun.morph.get("Case") == "Nom"
    if is_subject and not after_next:
        owner = "Sen"
    else:
        lemma = rendered_lemma(ctx, noun)[1].lstrip("-")
        owner = inflect(lemma, "+sg+gen") if lemma.isalpha() else None
        if not owner:
            return edits
        owner = cap(owner)
    entry = get_lexicon().lookup("laajuus")
    size = entry.plain[0] if entry and entry.plain and " " not in entry.plain[0] else "laajuus"
    tail = f"{owner} {size} on {amount}" + (f" ({gloss})" if gloss else "") + "."
    left, used1 = ctx.render(sent.start, m.start())
    right, used2 = ctx.render(m.end(), sent.end)
    end = sent.end
    new = left.rstrip() + right
    if after_next:
        between, used3 = ctx.render(sent.end, nxt.end)
        new, used2, end = new + between, used2 + used3, nxt.end
    new += " " + tail
    edits.append(Edit(sent.start, end, ctx.text[sent.start:end], new, "credit_sentence",
                      "Laajuus omaksi virkkeekseen: yksi asia virkkeessä.", absorbs=used + used1 + used2))
    return edits


CREDIT_SENTENCE = register(Rule(
    id="credit_sentence", label="laajuus omaksi virkkeeksi", priority=210, pass_="sentence", find=each_sentence,
    build=_build_credit_sentence,
    examples=(
        Example("Kestävä liiketoiminta (5 op)"),
        Example("Sisältö: Opintojakso sisältää seminaariosuuden (4 op) ja opinnäytteen kirjoittamisen (6 op)."),
        Example("Ensiavun peruskurssi (2 op) on tarkoitettu kaikille sosiaali- ja terveysalan työntekijöille.",
                "Ensiavun peruskurssi on tarkoitettu kaikille sosiaali- ja terveysalan työntekijöille. Peruskurssin "
                "laajuus on 2 op."),
    )))
