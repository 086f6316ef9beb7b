"""'hän' that points to the learner, when the learner becomes 'sinä' (seen in the browser on a real Aalto text,
Nykytaiteen historia): 'Kurssin jälkeen olet tietoinen X. Hän ymmärtää ja osaa Y. Hänellä on valmiuksia Z.' left
'hän' pointing to nobody. The learner rules now carry the 'hän' sentences along in the same edit, and the rewriter
drops, on its final edits, any re-addressing edit that would still orphan a 'hän'."""
from __future__ import annotations

import pytest

from poiju_nlp.rewriting.edits import Edit, apply_edits
from poiju_nlp.rewriting.rules import REGISTRY, Context
from poiju_nlp.rewriting.rules.person import dangling_pronouns, pronoun_antecedents
from poiju_nlp.scoring import score_analysis
from poiju_nlp.text.analysis import analysis_from_doc
from tests.rewriting.rule_examples import fixed_doc

# a real learning outcome (Aalto, Nykytaiteen historia): the learner sentence and the three 'hän' sentences after it
ART = next(ex.before for ex in REGISTRY["learner_goal"].examples if ex.before.startswith("Kurssin suoritettuaan "
                                                                                         "opiskelija on tietoinen"))
FIRST_END = ART.index("vastaanottamiseen.") + len("vastaanottamiseen.")


def _context(text: str) -> Context:
    analysis = analysis_from_doc(fixed_doc(text))
    return Context(text=text, analysis=analysis, report=score_analysis(analysis))


def _learner_only_edit() -> Edit:
    """What the learner rule made before: the learner sentence alone in the 2nd person."""
    original = ART[:FIRST_END]
    new = original.replace("Kurssin suoritettuaan opiskelija on", "Kurssin jälkeen olet")
    return Edit(0, FIRST_END, original, new, "learner_goal", "Kerro lukijalle, mitä hän oppii.")


def test_every_han_of_the_paragraph_points_to_the_learner():
    ctx = _context(ART)
    toks = ctx.analysis.tokens
    ants = pronoun_antecedents(ART, ctx.analysis)
    assert [toks[h].text for h in sorted(ants)] == ["Hän", "Hänellä", "Hänellä"]
    # the last 'Hänellä' follows 'tekijän että tulkitsijan näkökulmasta': persons, but not subjects
    assert {toks[a].text for a in ants.values()} == {"opiskelija"}


def test_the_learner_sentence_alone_leaves_every_han_dangling():
    ctx = _context(ART)
    found = dangling_pronouns(ART, ctx.analysis, [_learner_only_edit()])
    assert [h.text for _, h in found] == ["Hän", "Hänellä", "Hänellä"]


def test_the_learner_rule_carries_the_han_sentences_along_in_one_edit():
    ctx = _context(ART)
    edits = REGISTRY["learner_goal"](ctx)
    assert len(edits) == 1
    e = edits[0]
    assert e.start == 0 and e.end == len(ART)
    assert "Ymmärrät ja osaat lähestyä kriittisesti" in e.replacement
    assert e.replacement.count("Sinulla on ") == 2 and "Hän" not in e.replacement
    assert "hän" in e.reason and "viittaamaan" in e.reason  # the reason says why the later sentences changed
    assert dangling_pronouns(ART, ctx.analysis, edits) == []
    # a teacher who keeps or drops it keeps or drops the whole chain: never one person per sentence
    assert apply_edits(ART, edits, ids=[]) == ART


def test_a_han_sentence_that_cannot_go_along_keeps_the_learner_sentence():
    """ePerusteet: 'Hän osaa ... ja tietää, kuinka voi viettää vapaa-aikansa' would keep a 3rd person 'voi'."""
    text = next(ex.before for ex in REGISTRY["learner_subject"].examples if ex.before.startswith(
        "Opiskelija kehittää kuluttaja"))
    ctx = _context(text)
    assert any(a is not None for a in pronoun_antecedents(text, ctx.analysis).values())
    assert REGISTRY["learner_subject"](ctx) == []


@pytest.mark.slow
def test_a_han_pointing_to_someone_else_is_no_learner_han():
    """ePerusteet: in 'ohjata asiakasta ... ja ohjata häntä' the 'hän' is the client's; re-addressing the learner
    leaves it as it is and is no dangling 'hän'."""
    from poiju_nlp.rewriting import rewrite
    from poiju_nlp.rewriting.guard import analysis_report

    text = ("Opiskelija tai tutkinnon suorittaja osaa\n- arvioida asiakkaan tai potilaan hoidon ja tuen tarpeen "
            "kiireellisyyttä ja ohjata häntä hoitoon tai palveluun hakeutumisessa ja jatkohoidossa\n- tehdä "
            "ajanvarauksia ja kirjoittaa sosiaali- ja terveysalan asiakirjoja")
    analysis, _ = analysis_report(text)
    toks = analysis.tokens
    ants = pronoun_antecedents(text, analysis)
    assert [toks[h].text for h in ants] == ["häntä"]
    assert all(a is None or toks[a].lemma in ("asiakas", "potilas") for a in ants.values())
    r = rewrite(text)
    assert "ohjata häntä" in r.rewrite and not any(x.check == "pronoun" for x in r.rejected)


@pytest.mark.slow
def test_rewrite_of_the_real_paragraph_keeps_one_person():
    from poiju_nlp.rewriting import rewrite

    text = "Osaamistavoitteet: " + ART
    r = rewrite(text)
    chain = [e for e in r.edits if e.rule == "learner_goal"]
    assert len(chain) == 1 and "Ymmärrät ja osaat" in chain[0].replacement
    assert "Hän" not in r.rewrite and "Hänellä" not in r.rewrite
    assert "Sinulla on valmiuksia tarkastella taidetta" in r.rewrite


@pytest.mark.slow
def test_the_final_check_drops_a_learner_edit_that_orphans_a_han():
    from poiju_nlp.rewriting.rewriter import _drop_dangling_pronouns

    edits, rejected = [_learner_only_edit()], []
    assert _drop_dangling_pronouns(ART, edits, rejected)
    assert edits == [] and [r.check for r in rejected] == ["pronoun"]
    assert "Hän" in rejected[0].reason
    ctx = _context(ART)
    chain, rejected = REGISTRY["learner_goal"](ctx), []
    assert not _drop_dangling_pronouns(ART, chain, rejected) and len(chain) == 1 and rejected == []
