"""One thing per sentence: split a long sentence where every part is a whole clause (split_sentence) and give a
credit amount in brackets a sentence of its own (credit_sentence is in credits.py).

Cuts: ', ja' / 'sekä' between two main clauses with a finite verb; a bare comma between two main clauses; a
non-restrictive relative clause that ends the sentence (', joka ...' -> '. Se ...', about people '. Hän ...'); a list
of objects after one verb. A restrictive relative clause is never cut: 'työntekijöille, jotka haluavat syventää ...'
says which workers, and '... työntekijöille. He haluavat ...' would make it a claim about all of them. A relative
clause restricts when its antecedent is plural or indefinite, has a determiner ('ne', 'sellaiset', 'kaikki'), or is
a person; only a clause about one definite thing (a named course, 'kurssi', 'menetelmä') is taken as extra
information.
"""
from __future__ import annotations

import re

from ...settings import REWRITING
from ...text.analysis import Sentence, Token
from ...text.inflect import pykko_forms
from ..edits import Edit
from .position import is_lead_in
from .base import (Context, Example, Rule, cap, each_sentence, is_course_word, is_human, is_learner, register,
                   run_on, subtree)

# a course text sentence longer than this is, on real pages, a bullet list that lost its breaks (review 12)
_RUN_ON_WORDS = 45

_REL_TO_DEM = {"joka": "se", "jonka": "sen", "jota": "sitä", "jossa": "siinä", "josta": "siitä", "johon": "siihen",
               "jolla": "sillä", "jolta": "siltä", "jolle": "sille", "jotka": "ne", "joiden": "niiden",
               "joita": "niitä", "joissa": "niissä", "joista": "niistä", "joihin": "niihin", "joilla": "niillä",
               "joilta": "niiltä", "joille": "niille", "jona": "sinä"}


def _independent(toks: list[Token], verb: Token, within: set[int]) -> bool:
    """A clause can stand alone: finite verb and a subject, or a finite passive/2nd person verb."""
    fin = verb.morph.get("VerbForm") == "Fin" or any(
        toks[i].head == verb.i and toks[i].dep in ("aux", "cop", "aux:pass") and toks[i].morph.get("VerbForm") == "Fin"
        for i in within)
    if not fin:
        return False
    if verb.morph.get("Voice") == "Pass" or verb.morph.get("Person") in ("1", "2"):
        return True
    if any(toks[i].head == verb.i and toks[i].dep == "aux" and toks[i].lemma.lower() == "voida"
           and toks[i].morph.get("Person") == "3" and toks[i].morph.get("Number") == "Sing" for i in within):
        return True  # a zero-person clause stands alone: 'Siihen voi ilmoittautua jatkuvasti.'
    return any(toks[i].head == verb.i and toks[i].dep.startswith(("nsubj", "csubj")) for i in within)


# a clause opening with these is the object or a subordinate part of the clause before the comma: 'Kurssilla
# tarkastellaan, miten X muuttaa Y:tä' -> 'Kurssilla tarkastelet. Miten ...' would cut the verb from its object
_SUBORDINATE_OPENERS = {"miten", "mitä", "miksi", "kuinka", "että", "jos", "kun", "mikä", "mitkä", "millainen",
                        "millaisia", "millaiset", "missä", "mistä", "mihin", "milloin", "kuka", "ketkä", "joka",
                        "jotka", "koska", "jotta", "vaikka", "kunnes", "kumpi", "paljonko", "onko", "voiko"}


def opens_subordinate(w: Token) -> bool:
    """Does the word open a subordinate or indirect question clause ('miten', 'että', 'mitä', 'onko')?"""
    low = w.text.lower()
    return low in _SUBORDINATE_OPENERS or low.endswith(("ko", "kö")) and w.morph.get("VerbForm") == "Fin" \
        or w.morph.get("PronType") in ("Rel", "Int") or w.dep == "mark"


_REL_TO_PERSON = {"joka": "hän", "jota": "häntä", "jolle": "hänelle", "jolta": "häneltä", "jotka": "he",
                  "joita": "heitä", "joille": "heille", "joilta": "heiltä"}


_RESTRICTING_DETERMINERS = {"se", "ne", "sellainen", "kaikki", "jokainen", "ne", "tällainen", "sama", "eri", "muu",
                            "moni", "useampi", "jokin", "mikä", "ainoa"}


def restrictive(toks: list[Token], antecedent: Token, rel: Token, within: set[int]) -> bool:
    """Does the relative clause say which ones (restrictive) rather than add a fact about a known one? Taken as
    restrictive unless the antecedent is one definite thing: a name or a unit of study in the singular, not a
    person, without a determiner that points forward ('se kurssi, joka ...', 'sellaiset menetelmät, joita ...')."""
    if rel.text.lower() not in _REL_TO_DEM or rel.morph.get("Number") == "Plur" or rel.text.lower().startswith("joi"):
        return True
    if antecedent.morph.get("Number") == "Plur" or is_human(antecedent):
        return True
    if any(toks[j].head == antecedent.i and toks[j].lemma.lower() in _RESTRICTING_DETERMINERS for j in within):
        return True
    return not (antecedent.pos == "PROPN" or is_course_word(antecedent))


def _finite(toks: list[Token], verb: Token, within: set[int]) -> bool:
    return verb.morph.get("VerbForm") == "Fin" or any(
        toks[i].head == verb.i and toks[i].dep in ("aux", "cop", "aux:pass") and toks[i].morph.get("VerbForm") == "Fin"
        for i in within)


def _subject_pronoun(toks: list[Token], root: Token, within: set[int]) -> str | None:
    """'Osallistuja pohtii X ja jalkauttaa Y' -> the right clause gets 'Hän': the pronoun of the shared subject."""
    subj = next((toks[i] for i in within if toks[i].head == root.i and toks[i].dep in ("nsubj", "nsubj:cop")), None)
    if subj is None or subj.pos not in ("NOUN", "PROPN"):
        return None
    plural = subj.morph.get("Number") == "Plur"
    if subj.pos == "PROPN" and not plural:
        return "se"
    if is_human(subj):
        return "he" if plural else "hän"
    return "ne" if plural else "se"


def _split_list_of_objects(ctx: Context, sent: Sentence, root: Token, within: set[int]) -> Edit | None:
    """'Perehdyt A:han, B:hen sekä C:hen.' -> 'Perehdyt A:han ja B:hen. Perehdyt myös C:hen.' (the plain references
    do this: 'Opit myös ...'). The verb is repeated; a subject comes back as a pronoun ('Se sisältää myös ...')."""
    toks = ctx.analysis.tokens
    if root.pos != "VERB" or root.morph.get("VerbForm") != "Fin" or root.morph.get("Polarity") == "Neg":
        return None
    if any(toks[i].head == root.i and toks[i].dep in ("aux", "aux:pass", "cop") for i in within):
        return None
    subj = None
    if not (root.morph.get("Voice") == "Pass" or root.morph.get("Person") in ("1", "2")):
        subj = _subject_pronoun(toks, root, within)
        if subj is None:
            return None
        if root.morph.get("Number") != ("Plur" if subj in ("he", "ne") else "Sing"):
            return None
    for d in (toks[i] for i in sorted(within)):
        if d.head != root.i or d.dep not in ("obj", "obl") or d.i < root.i:
            continue
        ids, frontier = {d.i}, [d.i]  # conjuncts, also chained ('A, B sekä C' may hang as A <- B <- C)
        while frontier:
            h = frontier.pop()
            for i in within:
                if toks[i].head == h and toks[i].dep == "conj" and i not in ids:
                    ids.add(i)
                    frontier.append(i)
        items = [toks[i] for i in sorted(ids)]
        if any(_example_marker(toks[j]) for j in range(root.i + 1, items[-1].i)):
            return None  # 'liittyvät esimerkiksi A:han, B:hen ja C:hen': a few examples are one point, and
            # '... A:han ja B:hen. Ne liittyvät myös C:hen.' is no plainer (review 14)
        if len(items) > 3:
            return None  # a long list is cut once and again in the second pass: 'Lisäksi käsittelet X. Lisäksi
            # käsittelet Y.' (review 7 sample); enumeration makes it a bullet list instead
        if len(items) < 2 or any(w.morph.get("Case") != d.morph.get("Case") or w.pos != d.pos for w in items):
            continue
        between = [j for j in range(root.i + 1, items[0].i) if toks[j].dep not in ("advmod", "punct")]
        if between and d.morph.get("Case") not in ("Par", "Ill"):
            return None  # 'saat kokonaiskuvan X:n vaiheista ja Y:stä': the elatives may hang on the object
        first_phrase = subtree(toks, items[0].i, within - (ids - {items[0].i}))
        if any(toks[j].dep not in ("advmod", "punct") and j not in first_phrase for j in range(root.i + 1, items[0].i)):
            return None  # 'vahvistat osaamistasi A:ssa ja B:ssä': the object belongs to both items
        if d.pos not in ("NOUN", "PROPN") or d.morph.get("Case") in (None, "Gen", "Nom", "All"):
            return None  # dates, genitive modifiers ('kotihoidon, X:n ja Y:n henkilöstölle'), subjects, recipients
        if any(toks[i].dep == "case" and toks[i].head in ids for i in within):
            return None  # 'X:n ja Y:n kautta': the postposition belongs to both
        last_phrase = subtree(toks, items[-1].i, within)
        if any(toks[i].is_word and i not in last_phrase for i in within if i > items[-1].i):
            return None  # 'A:han, B:hen sekä C:hen osana X:ää': the words after C may belong to all (review 1)
        if any(toks[i].head == root.i and i > items[-1].i and toks[i].dep != "punct" for i in within):
            return None  # 'tarjoaa A:lle ja B:lle valmiuksia': the rest of the clause belongs to both
        if any(toks[i].head == items[0].i and toks[i].dep.startswith("nmod") for i in within) and not any(
                toks[i].head == items[-1].i and toks[i].dep not in ("cc", "punct") for i in within):
            return None  # 'viestinnän suunnitteluun, toteutukseen ja arviointiin': the genitive is shared
        if any(toks[i].head == root.i and i < root.i and toks[i].dep in ("obj", "nsubj:pass") for i in within):
            return None  # 'Lähiopetus järjestetään ...': the object would stay behind
        # between two items: their separator (',' or a final 'sekä'/'ja') and the next item's own premodifiers
        seps = []
        for a, b in zip(items, items[1:]):
            between = [toks[i] for i in range(a.i + 1, b.i)]
            marks = [t for t in between if t.text == "," or t.dep == "cc"]
            if not marks or between[0] is not marks[0]:
                return None  # a postmodifier after the item: too complex to cut
            seps.append(marks)
        if any([t.text for t in m] != [","] for m in seps[:-1]):
            return None
        final = [t.text.lower() for t in seps[-1]]
        if final not in (["sekä"], ["ja"], [",", "sekä"], [",", "ja"]):
            return None
        cc = seps[-1][-1]
        verb, requires = ctx.render(root.start, root.end)  # the verb's own token edit stays in place
        used: tuple = ()
        verb = verb.strip().lower()
        if root.morph.get("Voice") == "Pass" and not requires:
            return None  # 'Käsitellään myös X.' without a subject reads badly; '(Kurssilla) käsittelet myös X' is fine
        if " " in verb:
            return None
        before_items = {toks[i].text.lower() for i in within if i < items[0].i}
        if "myös" in before_items and "lisäksi" not in before_items:
            again = "Lisäksi " + (subj + " " + verb if subj else verb)  # not 'opit myös X. Opit myös Y.'
        elif "myös" in before_items:
            return None  # 'Lisäksi opit myös X ja Y': either way the second sentence repeats an adverb
        else:  # ('Lisäksi perehdyt X. Perehdyt myös Y.', not 'Lisäksi perehdyt Y.' twice: review 5)
            again = (cap(subj) + " " + verb if subj else cap(verb)) + " myös"
        following = ctx.text[sent.end:].lstrip().lower().split()[:4]
        if verb in following and ("myös" in following or "lisäksi" in following):
            return None  # the next sentence already says '(Se) sisältää myös ...': a third would be too many (review 4)
        after_cc = toks[cc.i + 1]
        if len(items) == 2:
            start = items[0].end
            new = ". " + again + " "
        else:  # 'A, B sekä C' -> 'A ja B. ... myös C'
            start = items[-3].end
            mid_start = toks[seps[-2][-1].i + 1].start
            middle, used2 = ctx.render(mid_start, seps[-1][0].start)  # with its postmodifiers (review 12)
            used += used2
            # the span runs up to the final 'ja', so it ends in the space before it: 'ilmastonmuutokseen . Ne'
            # (review 14); before a ', ja' it ends at the comma and holds no space
            new = " ja " + middle.rstrip() + ". " + again + " "
        end = after_cc.start
        if _loses_words(ctx.text[start:end], new):
            return None  # 'A, B systeemien välillä ja C' lost 'B systeemien välillä' (review 12): all or nothing
        return Edit(start, end, ctx.text[start:end], new, "split_sentence",
                    "Pitkä luettelo kahteen virkkeeseen: yksi asia virkkeessä.", absorbs=used, requires=requires)
    return None


# words that introduce a list as examples ('esimerkiksi', 'esim.', 'kuten', 'mm.', 'muun muassa')
_EXAMPLE_MARKERS = {"esimerkiksi", "esim", "kuten", "mm", "muassa"}


def _example_marker(w: Token) -> bool:
    return w.text.lower().rstrip(".") in _EXAMPLE_MARKERS


_DASHES = ("-", "–", "•", "*")


def in_dash_list(ctx: Context, sent: Sentence) -> bool:
    """Is the sentence (part of) a bullet list whose line breaks were lost ('Kemiallisen termodynamiikan osalta
    opiskelija - syventää X ja oppii Y. - pystyy soveltamaan Z.')? Its items hang on the learner word before the
    first dash; a cut inside one ('... X. Hän oppii Y.') puts a whole sentence into the list (review 14). Such a
    sentence: has a spaced dash right after the learner word (or after ':'), or two spaced dashes, or opens with a
    dash that is not at the start of its line, or follows one on its line ('opiskelija - Harjaantuu ...' is cut at
    the capital by the parser)."""
    toks = ctx.analysis.tokens
    line_start = ctx.text.rfind("\n", 0, sent.start) + 1
    before = ctx.text[line_start:sent.start].rstrip()
    if before.endswith(_DASHES) or before and sent.text.lstrip().startswith(_DASHES):
        return True
    spaced = 0
    for n, i in enumerate(sent.tokens):
        t = toks[i]
        if t.text not in _DASHES or not ctx.text[t.start - 1:t.start].isspace() \
                or not ctx.text[t.end:t.end + 1].isspace():
            continue  # ('tieto- ja viestintäteknologia' shares a compound part: no bullet)
        spaced += 1
        prev = [toks[j] for j in sent.tokens[:n] if toks[j].text != ":"][-1:]
        if n and toks[sent.tokens[n - 1]].text == ":" or prev and is_learner(prev[0]):
            return True
    return spaced >= 2


_POINTING = {"se", "sen", "siihen", "siinä", "sitä", "siitä", "sillä", "niihin", "niissä", "ne", "hän", "he", "tämä"}


def _person(ctx: Context, verb: Token) -> str:
    """The person a clause will have after the token edits: '2' for a 2nd person verb or a passive that becomes
    'sinä', 'passive' for one that stays, else the verb's own person ('3', or '' for a non-finite word)."""
    if verb.morph.get("Voice") == "Pass":
        return "2" if ctx.render(verb.start, verb.end)[0] != verb.text else "passive"
    return verb.morph.get("Person") or ""


def _loses_words(old: str, new: str) -> bool:
    """Would the cut drop a word of the original span (other than the separators it replaces)? Words may change
    their ending (a token edit inside), so a word counts as kept when its first four letters come back."""
    kept = [w.lower()[:4] for w in re.findall(r"\w+", new)]
    return any(w.lower()[:4] not in kept for w in re.findall(r"\w+", old) if w.lower() not in ("ja", "sekä"))


# a clause opening with these leans on the one before: '..., eikä se edellytä X' -> '. Eikä se edellytä X' (dev texts)
_JOINING_OPENERS = {"eikä", "eivätkä", "enkä", "etkä", "emmekä", "ettekä", "mutta", "vaan", "eli", "tai", "sekä"}


def _split_at_comma_ja(ctx: Context, sent: Sentence) -> Edit | None:
    """', ja' between two main clauses when the parser hung the right one on a noun ('Koulutuksen järjestää X, ja
    sen hinta on 150 €.'). In Finnish a comma comes before 'ja' only between clauses; the right part must still
    have a finite verb and its own subject or a pronoun pointing back, the left part a finite verb."""
    toks = ctx.analysis.tokens
    ids = sent.tokens
    commas = [n for n in range(len(ids) - 2) if toks[ids[n]].text == "," and toks[ids[n + 1]].text.lower() == "ja"]
    if len(commas) != 1:
        return None
    n = commas[0]
    left, right = [toks[i] for i in ids[:n]], [toks[i] for i in ids[n + 2:]]
    def finite(part):
        return [w for w in part if w.pos in ("VERB", "AUX") and w.morph.get("VerbForm") == "Fin"]
    if not finite(left) or len(finite(right)) != 1 or any(
            w.morph.get("PronType") == "Rel" or w.dep == "mark" or w.text in "()" for w in left + right):
        return None
    verb = finite(right)[0]
    main = next((w for w in left if w.dep == "ROOT"), finite(left)[0])
    left_person, right_person = _person(ctx, main), _person(ctx, verb)
    learner_left = any(w.head == main.i and w.dep.startswith("nsubj") and is_learner(w) for w in left)
    if right_person == "passive" and (left_person in ("2", "passive") or learner_left) \
            or left_person != right_person and "2" in (left_person, right_person):
        return None  # '... kehitetään X:ää, ja muotoillaan tulokset ...': pass 2 addressed the first half alone,
        # 'kehität X:ää. Muotoillaan tulokset ...' (review 10); the halves must share the person
    if not (verb.morph.get("Voice") == "Pass" or right[0].text.lower() in _POINTING
            or any(w.dep.startswith("nsubj") and w.i < verb.i + 4 for w in right)):
        return None
    comma, first = toks[ids[n]], right[0]
    if opens_subordinate(first):
        return None
    rendered, used = ctx.render(first.start, first.end)
    return Edit(comma.start, first.end, ctx.text[comma.start:first.end], ". " + cap(rendered), "split_sentence",
                "Pitkä virke jaetaan kahdeksi: yksi asia virkkeessä.", absorbs=used)


def _build_split_sentence(ctx: Context, sent: Sentence) -> list[Edit]:
    """Split a long sentence where every part is a whole clause (one idea per sentence, Kotus/Selkokeskus): at
    ', ja' / 'sekä' between main clauses with a finite verb ('..., ja sen järjestää X.' -> '... Sen järjestää X.';
    a shared subject comes back as a pronoun: 'Osallistuja pohtii X ja jalkauttaa Y.' -> '... Hän jalkauttaa Y.'),
    and at a relative clause that ends the sentence (', joka ...' -> '. Se ...', about people '. Hän ...')."""
    edits = []
    toks = ctx.analysis.tokens
    words = [toks[i] for i in sent.tokens if toks[i].is_word]
    if sum(toks[i].is_word or toks[i].pos == "NUM" for i in sent.tokens) < REWRITING.split_min_words:
        return edits  # ('Kurssi kestää 1.9.-31.5., ja siihen sisältyy neljä lähipäivää.': a date counts)
    within = set(sent.tokens)
    root = next((toks[i] for i in sent.tokens if toks[i].dep == "ROOT"), None)
    if len(words) > _RUN_ON_WORDS:
        return edits  # a list that lost its line breaks and commas: 'Hän osaa kontekstualisoida työnsä siihen
        # asettaa selkeät tavoitteet ...' was cut out of one (review 12)
    if root is None or not _finite(toks, root, within) or is_lead_in(ctx, sent) or run_on(ctx, sent) \
            or in_dash_list(ctx, sent):
        return edits  # a lead-in cut in two leaves its list under the second half (review 3); a run-on list
    if any(opens_subordinate(w) for w in words[:2]):
        return edits  # 'Erityisesti miten X ... ja miten Y ...' is one question without a main clause (review 4)
    cuts: list[Edit] = []
    for i in sent.tokens:
        t = toks[i]
        # coordination of two main clauses
        if not (t.dep in ("conj", "parataxis") and t.head == root.i
                and t.pos in ("VERB", "AUX", "NOUN", "ADJ", "SYM", "NUM", "ADV", "PROPN")
                and t.i > root.i and _finite(toks, t, within)):
            continue
        cc = next((toks[j] for j in sent.tokens if toks[j].head == t.i and toks[j].dep == "cc"), None)
        if cc is None:
            # two main clauses joined by a bare comma: 'X on maksuton jäsenille, muille hinta on 95 €.'
            first = min(j for j in subtree(toks, t.i, within) if toks[j].dep != "punct")
            comma = toks[first - 1] if first - 1 in within else None
            has_subject = any(toks[j].head == t.i and toks[j].dep.startswith("nsubj") for j in within)
            if comma is None or comma.text != "," or opens_subordinate(toks[first]) \
                    or toks[first].text.lower() in _JOINING_OPENERS \
                    or not _independent(toks, root, within) \
                    or not has_subject or not _independent(toks, t, within) or any(
                        toks[j].morph.get("PronType") == "Rel" or toks[j].dep == "mark"
                        for j in range(first, t.i + 1)):
                continue
            subj = next(toks[j] for j in within if toks[j].head == t.i and toks[j].dep.startswith("nsubj"))
            verb_forms = pykko_forms(ctx.render(t.start, t.end)[0].lower())
            if t.pos in ("VERB", "AUX") and subj.pos in ("NOUN", "PROPN") and subj.morph.get("Number") == "Sing" \
                    and verb_forms \
                    and not any("3sg" in f for f in verb_forms):
                continue  # the verb does not agree ('opiskelija valitse'): a slip the cut would put on show (rev. 7)
            rendered, used = ctx.render(toks[first].start, toks[first].end)
            cuts.append(Edit(comma.start, toks[first].end, ctx.text[comma.start:toks[first].end],
                             ". " + cap(rendered), "split_sentence",
                             "Pitkä virke jaetaan kahdeksi: yksi asia virkkeessä.", absorbs=used))
            continue
        if cc.lemma.lower() not in ("ja", "sekä") or cc.text.lower() not in ("ja", "sekä") or cc.i + 1 >= len(toks):
            continue
        if not _independent(toks, root, within):
            continue
        # the left clause must be complete: 'tunnistaa ja arvioi riskejä' shares its object
        if any(toks[j].dep == "conj" and toks[j].head == root.i and j != t.i for j in within):
            continue  # 'tutkivat, esisuunnittelevat ja kokeilevat X': three verbs share the object
        if not any(toks[j].head == root.i and toks[j].dep not in ("punct", "conj", "cc")
                   for j in range(root.i + 1, cc.i)) and not (
                root.pos in ("NOUN", "ADJ", "PROPN", "NUM")
                and any(toks[j].head == root.i and toks[j].dep == "cop" for j in within)):
            continue  # (a nominal predicate with its copula is complete: 'Kurssin hinta on 90 €, ja ...')
        pronoun = None
        # 'Opiskelija ymmärtää X ja voi syventää Y': 'voi' without a subject of its own shares the left one's; read
        # as a zero-person clause it became '. Voi syventää tietämystään' (dev texts)
        shared_subject = not any(toks[j].head == t.i and toks[j].dep.startswith(("nsubj", "csubj")) for j in within) \
            and any(toks[j].head == root.i and toks[j].dep.startswith("nsubj") for j in within) \
            and t.morph.get("Voice") != "Pass" and t.morph.get("Person") not in ("1", "2")
        if not _independent(toks, t, within) or shared_subject:
            # same subject, same person: the right clause gets it back as a pronoun
            same = (t.morph.get("Person") == root.morph.get("Person") == "3"
                    and t.morph.get("Number") == root.morph.get("Number")
                    and t.morph.get("VerbForm") == root.morph.get("VerbForm") == "Fin")
            pronoun = _subject_pronoun(toks, root, within) if same else None
            if pronoun is None:
                continue
            if pronoun in ("hän", "se") and t.morph.get("Number") != "Sing" or \
                    pronoun in ("he", "ne") and t.morph.get("Number") != "Plur":
                continue
        prev = toks[cc.i - 1]
        start = prev.start if prev.text == "," else prev.end
        nxt = toks[cc.i + 1]
        if nxt.i == t.i and t.morph.get("Voice") == "Pass" and ctx.render(nxt.start, nxt.end)[0] == nxt.text:
            continue  # '... ja kirjoitetaan X' -> '. Kirjoitetaan X.': a passive alone opens no sentence
        if (root.morph.get("Voice") == "Pass") != (t.morph.get("Voice") == "Pass") or root.morph.get("Voice") == "Pass" \
                and (ctx.render(root.start, root.end)[0] == root.text) != (ctx.render(t.start, t.end)[0] == t.text):
            continue  # 'Kurssilla tehdään X. Analysoit Y.' would mix the passive and 'sinä'
        if root.morph.get("Voice") == "Pass" and ctx.render(root.start, root.end)[0] == root.text:
            continue  # two passives: the second pass may address the reader in one half only ('Kurssilla
            # työskentelet X:ssä. Samalla monipuolistetaan Y:tä.'); split once both are 'sinä'
        if pronoun:
            rendered, used = ctx.render(nxt.start, nxt.end)
            new = ". " + cap(pronoun) + " " + rendered
        else:
            rendered, used = ctx.render(nxt.start, nxt.end)
            new = ". " + cap(rendered)
        cuts.append(Edit(start, nxt.end, ctx.text[start:nxt.end], new, "split_sentence",
                         "Pitkä virke jaetaan kahdeksi: yksi asia virkkeessä.", absorbs=used))
    for i in sent.tokens:
        t = toks[i]
        if t.dep not in ("acl:relcl", "dep") or not _finite(toks, t, within):
            continue  # ('dep': the parser's fallback label for a relative clause it could not place)
        rel = next((toks[j] for j in sent.tokens if j <= t.i and toks[j].morph.get("PronType") == "Rel"
                    and toks[j].text.lower() in _REL_TO_DEM), None)
        if rel is None or rel.i == 0 or toks[rel.i - 1].text != ",":
            continue
        # the relative clause must run to the end of the sentence
        clause = {j for j in subtree(toks, t.i, within) if toks[j].dep != "punct"}
        last = max(j for j in sent.tokens if toks[j].is_word)
        if max(clause) < last or min(clause) != rel.i:
            continue
        antecedent = toks[t.head]
        if antecedent.i != rel.i - 2 and not (antecedent.i < rel.i - 1 and all(
                toks[j].head == antecedent.i or toks[j].dep == "punct" or not toks[j].is_word
                for j in range(antecedent.i + 1, rel.i))) or antecedent.pos not in ("NOUN", "PROPN"):
            continue  # the pronoun must point to the noun just before the comma
        if restrictive(toks, antecedent, rel, within):
            continue  # 'työntekijöille, jotka haluavat ...' says which workers: never a claim about all of them
        if any(toks[j].dep == "conj" and toks[j].pos in ("VERB", "AUX") and toks[j].morph.get("VerbForm") == "Fin"
               for j in clause):
            continue  # '..., joka järjestetään työpaikalla ja perehtyy opiskeluun': the second verb may be the main
            # subject's; 'Se järjestetään ... ja perehtyy' gave it to the course (review 7)
        dem = cap(_REL_TO_DEM[rel.text.lower()])
        comma = toks[rel.i - 1]
        cuts.append(Edit(comma.start, rel.end, ctx.text[comma.start:rel.end], ". " + dem, "split_sentence",
                         f"Sivulause omaksi virkkeekseen: \"{rel.text}\" → \"{dem}\"."))
        break
    if not cuts:
        cut = _split_at_comma_ja(ctx, sent) or _split_list_of_objects(ctx, sent, root, within)
        if cut is not None:
            cuts.append(cut)
    # every part must keep enough words ('Se on.' is no sentence)
    cuts.sort(key=lambda e: e.start)
    kept: list[Edit] = []
    part_start = sent.start
    # a number counts as a word here: 'Kurssi alkaa 26.1.2027.' is a whole sentence
    units = [toks[i] for i in sent.tokens if toks[i].is_word or toks[i].pos == "NUM"]
    for n, e in enumerate(cuts):
        nxt_start = cuts[n + 1].start if n + 1 < len(cuts) else sent.end
        left = sum(1 for w in units if part_start <= w.start and w.end <= e.start)
        right = sum(1 for w in units if e.start < w.start and w.end <= nxt_start)
        if min(left, right) < REWRITING.split_min_part_words or kept and kept[-1].end > e.start:
            continue
        kept.append(e)
        part_start = e.start
    edits += kept
    return edits

SPLIT_SENTENCE = register(Rule(
    id="split_sentence", label="virke jaettu", priority=200, pass_="sentence", find=each_sentence,
    build=_build_split_sentence,
    examples=(
        Example("Kuvauksen ja ohjauksen opiskelijat tutkivat, esisuunnittelevat ja kokeilevat erilaisia "
                "blocking-ratkaisuja elokuvakohtaukseen."),
        Example("Kurssi on tarkoitettu opiskelijoille, jotka haluavat syventää visuaalista ja kerronnallista "
                "ilmaisuaan sarjakuvan alalla."),
        Example("Toteutus tapahtuu verkossa Moodle-ympäristössä 1.2.–15.3.2027, ja sen järjestää Järvilaakson "
                "ammattikorkeakoulu yhdessä Itäjoen hyvinvointialueen kanssa.",
                "Toteutus tapahtuu verkossa Moodle-ympäristössä 1.2.–15.3.2027. Sen järjestää Järvilaakson "
                "ammattikorkeakoulu yhdessä Itäjoen hyvinvointialueen kanssa."),
        Example("Koulutus on tarkoitettu sosiaali- ja terveysalan työntekijöille, jotka haluavat syventää "
                "osaamistaan asiakastyön kehittämisessä."),
        Example("Opiskelija käsittelee vauriokorjauksessa käytettäviä laitteita, aineita, ja syntyviä jätteitä.:\n"
                "- lukee käyttöturvallisuustiedotteita"),
        Example("Lisäksi tutustut sähkömagneettisen säteilyn perusteisiin ja kohteen spektriominaisuuksien "
                "hyödyntämiseen kaukokartoituksessa.",
                "Lisäksi tutustut sähkömagneettisen säteilyn perusteisiin. Tutustut myös kohteen "
                "spektriominaisuuksien hyödyntämiseen kaukokartoituksessa."),
        Example("Opiskelija osaa analysoida käsikirjoituksia niiden eri työvaiheissa ja kykenee osallistumaan "
                "rakentavasti sekä oman tekstinsä että muiden opiskelijoiden tekstien kehittelytyöhön Opiskelija "
                "tuntee henkilökohtaiset vahvuutensa ja kykenee itsenäiseen työskentelyyn"),
        Example("Kurssilla työskennellään erilaisissa viestintäympäristöissä ja samalla monipuolistetaan suullisia ja "
                "kirjallisia viestintätaitoja."),
        Example("Kurssilla käsittelet myös adjektiiveja, verbejä, sanajärjestystä, substantiiveja, ajanilmaisuja sekä "
                "järjestyslukuja."),
        Example("Kurssi järjestetään hybridiopetuksena, opiskelija valitse osallistumisen opetukseen luokassa tai "
                "etäyhteyksin."),
        Example("Hän hankkii kokemuksia koulutuksesta, joka järjestetään työpaikalla käytännön työtehtävien "
                "yhteydessä ja perehtyy opiskeluun koulutussopimuksena tai oppisopimuskoulutuksena mahdollisina "
                "koulutusvaihtoehtoina."),
        Example("Erityisesti miten eri tieteet, kuten luonnontieteet, insinööritieteet ja yhteiskuntatieteet "
                "lähestyvät samaa ongelmaa ja miten kukin eri tieteenala metodologisesti luo uutta tietoa ja "
                "ymmärrystä."),
        Example("Harjoittelujakso sisältää opiskelijan omaa opetusta ja opetuksen seuraamista. Se sisältää myös "
                "harjoitteluympäristön toimintatapoihin perehtymistä."),
        Example("Osaamistavoitteet: Tekniset taidot opiskelija osaa tavoitteellisesti rakentaa omaan ohjaustapaansa "
                "sekä annettuihin resursseihin soveltuvan harjoitussuunnitelman näyttelijöille Yhteistyötaidot "
                "opiskelija osaa kommunikoida harjoitukselliset tavoitteet elokuvan ohjausprosessissa opiskelija osaa "
                "käyttää osallistavaa näyttelijänharjoitusmetodiikkaa opiskelija osaa tavoitteellisesti rakentaa "
                "ammatillista ohjaaja-näyttelijä -työsuhdetta Prosessitaidot opiskelija osaa soveltaa "
                "prosessityöskentelyn taitojaan ja hallitsee teoskohtaisen harjoitusprosessin Taiteellisen ilmaisun "
                "osaaminen opiskelija osaa soveltaa kriittisesti ja luovasti metodologista harjoitusprosessin "
                "ymmärrystään osana taiteellista kokonaisajattelua"),
        Example("Sisältö: Tällä kurssilla tarkastellaan, miten nykyaikaiset datastrategiat, teknologiat ja "
                "analytiikka muuttavat markkinoinnin käytänteitä ja päätöksentekoprosesseja."),
        Example("Kurssi on suunniteltu kaikille kandidaattitason opiskelijoille, eikä se edellytä aiempaa tietämystä "
                "aiheesta."),
        # two sentences read as one ('... haastavaa. syventää taitojaan'): pass 2 gave 'Pystyt ... syventää
        # taitojasi' (dev texts)
        Example("Opiskelija oppii tarkkailemaan omaa lukemistaan ja pystyy selittämään mikä luetussa tekstissä on "
                "haastavaa. syventää taitojaan kriittisesti arvioida omia ja muiden opiskelijoiden töitä."),
        Example("Opiskelija ymmärtää mm. kompleksisen tehon ja suodatuksen käsitteet ja voi syventää tietämystään "
                "tulevilla kursseilla."),
        # two passives: pass 2 addressed only the first half, 'kehität ... Muotoillaan tulokset ...' (review 10)
        Example("Toisessa vaiheessa kumppanin kanssa kehitetään mahdollisia keinoja vastata tarkennettuihin "
                "tarpeisiin, ja muotoillaan tulokset toteuttamiskelpoiseksi kokeiluksi."),
        # three items with a bare 'ja': the middle one ran up to the space before 'ja', 'vertaisarviointiin . Se'
        # (review 14)
        Example("Arviointi pohjautuu itsearviointiin, ryhmässä tapahtuvaan vertaisarviointiin ja "
                "asiantuntijakeskusteluihin.",
                "Arviointi pohjautuu itsearviointiin ja ryhmässä tapahtuvaan vertaisarviointiin. Se pohjautuu myös "
                "asiantuntijakeskusteluihin."),
        # a few examples after 'esimerkiksi' are one point: cut, they read no plainer (review 14)
        Example("Keskeiset sisällöt liittyvät esimerkiksi energiantuotantoon, ilmastonmuutokseen ja rakentamiseen."),
        # an item of a dash list run together on one line: 'Hän oppii ...' broke the list (review 14)
        Example("Kemiallisen termodynamiikan osalta opiskelija - syventää ymmärrystä termodynamiikan perussuureista, "
                "kuten työstä, lämmöstä, sisäenergiasta, entalpiasta, entropiasta, Gibbsin energiasta, "
                "aktiivisuudesta sekä tasapainosta ja oppii manipuloimaan näiden suureiden välisiä yhteyksiä "
                "konkreettisten ongelmien ratkomiseksi."),
    )))
