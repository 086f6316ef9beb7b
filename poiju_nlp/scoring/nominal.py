"""Nominal style in a sentence: the -minen and -nti words that hide a verb ('taitojen kehittäminen' = 'kehittää
taitoja'), the rare -us/-ys nouns, and the genitive noun chains ending in one (Kotus: "substantiivitauti"). The
teacher's screen names them as the reason of a hard sentence and offers the verb (scoring/select.py).

>>> from poiju_nlp.text import analyze
>>> a = analyze("Opit lukemisen perusteet ja taitojen kehittämisen.", check_language=False)
>>> [t.text for t in nominal_words(a.tokens)]
['kehittämisen']
"""
from __future__ import annotations

from ..text.analysis import Token
from .familiarity import familiarity
from .metrics import is_nominal


def _familiar_terms() -> dict:
    from .lexicon import get_lexicon

    return get_lexicon().familiar


# A -us/-ys noun as familiar as 'koulutus' (Zipf 4.6), 'terveys' or 'tutkimus' is everyday Finnish, not nominal
# style; 'toteutus' (3.4) and 'asiakaslähtöisyys' (unknown) are. -minen nouns always count.
NOMINAL_FAMILIAR_ZIPF = 4.0
RARE_NOMINAL_ZIPF = 2.0  # an -us/-ys noun this rare is named in a hard sentence ('asiakaslähtöisyys')
_MINEN_ENDINGS = ("minen", "misen", "mist", "mista", "mistä", "miseen", "misess", "misest", "misell", "miseksi",
                  "misen", "misten", "misi", "misiin", "misille", "misiksi")
# -nta/-nti action nouns are nominal style too ('konfliktinhallinta', 'arviointi'); named in a hard sentence only
_ACTION_NOUN = ("nta", "ntä", "nti")


def nominal_words(tokens: list[Token]) -> list[Token]:
    """The -minen words and the less familiar -us/-ys words of a sentence ('kehittämisen', 'toteutuksen'), not
    everyday nouns such as 'koulutus', 'terveys' or 'tutkimus'."""
    out = []
    for k, t in enumerate(tokens):
        if not is_nominal(t) and not _action_noun(t):
            continue
        minen = is_minen(t)
        if t.base in _familiar_terms() or t.lemma.lower() in _familiar_terms():
            continue  # reviewed as familiar ('laajuus'): not nominal style a teacher should rewrite
        if (minen or _action_noun(t)) and not _verb_turned_noun(tokens, k):
            continue
        # an everyday -nta/-nti noun ('liiketoiminta', 'markkinointi') is no officialese to rewrite (round 3)
        action = minen or (_action_noun(t) and familiarity(t) < NOMINAL_FAMILIAR_ZIPF
                           and not t.base.endswith("toiminta"))
        # an -us/-ys noun is named only when it is an action ('toteutus'): the blind review found most of them
        # concrete things a reader knows ('majoitus', 'laserkeilaus', 'määräys'), so only rare ones count
        # a rare abstract -uus/-yys noun ('asiakaslähtöisyys') is officialese; a rare -us noun is mostly a concrete
        # work of the field ('painokairaus', 'kaukokartoitus': "no verb to undo", blind reviews 5 and 6)
        if action or (familiarity(t) < RARE_NOMINAL_ZIPF and t.base.endswith(("uus", "yys"))):
            out.append(t)
    return out


# A -minen or -nti word is nominal style when it hides a verb with its object ('taitojen kehittäminen' = 'kehittää
# taitoja'), or when it is rare ('muovautuminen'). On its own it names an activity or a field that every reader
# knows ('lukeminen, kirjoittaminen', 'jaksaminen', 'laskenta'), and with an adjective or an adverbial before it it
# is a fixed term ('kemiallinen sitoutuminen', 'tiedolla johtaminen', 'numeeriseen laskentaan'); a word cut before a
# hyphen is a compound's first part ('ohjelmointi-, täsmä- ja merkintäkielillä'), and '-osaaminen' is competence,
# no verb to undo. Blind review 6: all of these named as the cause were "the wrong cause".
RARE_ACTION_ZIPF = 2.5


def _competence(t: Token) -> bool:
    """'osaaminen' and its compounds ('ammattiosaamisen'): competence, a noun of its own."""
    return t.base.endswith(("osaaminen", "osata")) or t.lemma.lower().endswith("osaaminen")


def _verb_turned_noun(tokens: list[Token], k: int) -> bool:
    t = tokens[k]
    if _competence(t) or (k + 1 < len(tokens) and tokens[k + 1].text in ("-", "‐")) \
            or t.text.endswith("-"):
        return False
    prev = tokens[k - 1] if k > 0 else None
    if prev is not None and k > 1 and prev.text[:1].isupper() and tokens[k - 2].is_word:
        return False  # inside a name ('Kielten oppimisen, opettamisen ja arvioinnin yhteinen eurooppalainen
        # viitekehys', review 7): it cannot be turned into a verb
    if prev is not None and prev.pos in ("NOUN", "PROPN", "PRON") and prev.morph.get("Case") == "Gen" \
            and not any(m.startswith("Person[psor]") for m in prev.morph):
        return True  # its object or doer as a genitive ('taitojen kehittäminen', 'asiakkaan toimintakyvyn')
    if prev is not None and prev.pos in ("ADJ", "VERB") and prev.morph.get("Case") == t.morph.get("Case"):
        return False  # a fixed term ('kemiallinen sitoutuminen', 'tutkivaan oppimiseen')
    return familiarity(t) < RARE_ACTION_ZIPF


def _action_noun(t: Token) -> bool:
    """A -nta/-nti noun made from a verb ('arviointi' <- 'arvioida', 'toiminta' <- 'toimia'), not one that only
    ends so ('yhteiskunta', 'ihmiskunta')."""
    from .voikko_words import derivation_source, is_verb

    if t.pos == "NOUN" and not t.known and len(t.text) > 8:
        from ..text.inflect import pykko_lemmas

        if any(lemma.endswith("ointi") for lemma in pykko_lemmas(t.text.lower())):
            return True  # made from an -oida loan verb Voikko lacks ('implementoinnin' <- 'implementoida')
    if t.pos != "NOUN" or len(t.base) <= 7 or not t.base.endswith(_ACTION_NOUN):
        return False
    from ..text.resources import get_voikko, voikko_lock

    with voikko_lock:
        bases = {(x.get("BASEFORM") or "").lower() for x in get_voikko().analyze(t.text)}
    if any(b and not b.endswith(_ACTION_NOUN) for b in bases):
        return False  # also a form of another noun: 'jyrsintä' is the partitive of 'jyrsin' (a tool, review 8)
    source = derivation_source(t.text)
    return source is not None and is_verb(source)


def is_minen(t: Token) -> bool:
    """A deverbal -minen noun ('kehittämisen'), not a noun that merely ends so ('ihmisen': its base is 'ihminen',
    not a verb)."""
    if t.base.endswith("nen"):  # 'ihminen', 'systeeminen': the base is no verb
        return False
    return "Minen" in t.morph.get("Derivation", "") or t.text.lower().rstrip("aä").endswith(_MINEN_ENDINGS)


def _verb_for(t: Token) -> str | None:
    """The verb to write instead of a -minen word, when it is a real word ('kehittämisen' -> 'kehittää'), and the
    lexicon's plain verb for a loan ('reflektoinnin' -> 'pohtia', not 'reflektoida'). A compound gets none: its
    verb is the last part's only ('georeferoinnista' gave 'referoida', 'tyylikonsultoinnissa' 'konsultoida', judged
    wrong or no plainer in blind review 5)."""
    if len(t.compound_parts) >= 2:
        return None
    verb = _source_verb(t)
    stem = verb[:-2] if verb else ""
    if verb is None or (len(t.text) > len(verb) + 6 and not t.text.lower().startswith(stem[:max(3, len(stem) - 1)])):
        return None  # a verb of the last part only ('georeferoinnista' -> 'referoida')
    from .lexicon import get_lexicon
    from .voikko_words import is_verb

    entry = get_lexicon().lookup(verb)
    if entry is None or entry.action == "familiar":
        return verb
    plain = next((p for p in entry.plain if " " not in p and is_verb(p)), None)
    return plain  # a loan verb with no one-word plain verb gets none ('konsultoida')


def _source_verb(t: Token) -> str | None:
    from .voikko_words import is_verb

    base = t.base
    if base != t.lemma.lower() and base.endswith(("a", "ä")) and " " not in base and is_verb(base):
        return base
    if base.endswith(_ACTION_NOUN):  # 'arvioinnissa' -> 'arvioida'
        from .voikko_words import derivation_source

        source = derivation_source(t.text)
        if source and is_verb(source):
            return source
    return None


def chains_in(toks: list[Token], nominal: list[Token]) -> bool:
    return bool(genitive_nominal_chains(toks, nominal))


def genitive_nominal_chains(toks: list[Token], nominal: list[Token]) -> list[list[Token]]:
    """Noun chains ending in an action noun ('asiakkaan toimintakyvyn arvioinnissa', 'kestävän kehityksen
    tavoitteiden integroimista', 'vuorovaikutusosaamisen kehittäminen'): two genitive nouns before a -minen/-nti
    word, or a genitive -minen/-us word before one. The classic officialese chain (Kotus: "substantiivitauti")
    that a verb undoes: 'kun arvioit asiakkaan toimintakykyä'."""
    # ('toiminta' is a plain noun: 'liikunnan merkityksen toiminta' is no chain to undo)
    # ('osaaminen' is competence: 'ruotsin kielen osaamistaan' has no verb to undo)
    heads = {id(t) for t in toks if t.pos == "NOUN" and (is_minen(t) or _action_noun(t))
             and not t.base.endswith("toiminta") and not _competence(t)}
    chains = []
    for k, t in enumerate(toks):
        if id(t) not in heads:
            continue
        j, nouns, nominal_before = k - 1, 0, False
        while (j >= 0 and toks[j].is_word and toks[j].pos in ("NOUN", "PROPN", "ADJ")
               and toks[j].morph.get("Case") == "Gen"
               and "VerbForm" not in toks[j].morph and not any(k.startswith("Person[psor]") for k in toks[j].morph)
               # a genitive of another phrase is no part of the chain ('ymmärtää latinan kielen arvon | monenlaisen
               # viestinnän välineenä': 'arvon' is the verb's object)
               and toks[k].i >= toks[j].head > toks[j].i):
            nouns += toks[j].pos != "ADJ"
            # 'osaamisen osoittamisen' is a chain; 'osaamisen arvioinnilla' is not: 'osaaminen' is competence, no
            # verb to undo (blind review 6 called it the wrong cause)
            nominal_before |= toks[j] in nominal or (is_minen(toks[j]) and not _competence(toks[j]))
            j -= 1
        if nouns >= 2 or nominal_before:
            chains.append(toks[j + 1:k + 1])
    # a chain inside a longer one ('osaamisen kehittymisen' in 'osaamisen kehittymisen tukeminen') is the same chain
    return [c for c in chains if not any(c is not d and c[0].i >= d[0].i and c[-1].i <= d[-1].i for d in chains)]


HEAVY_CHAIN_NOUNS = 3  # 'Lääkehoidon toteuttamisen turvallisuuden varmistaminen', 'Kirjaamisen laadun kehittäminen'


def _heavy_chain(chain: list[Token], nominal: list[Token]) -> bool:
    """A noun chain that makes even a short sentence hard: three nouns or more, two of them -minen or action words
    ('Kirjaamisen laadun kehittäminen on osa ...'). 'ruotsin kielen näkymistä' and 'kielen merkityksen oppimiselle'
    (one action word) were judged easy in the blind review (round 4)."""
    nouns = [t for t in chain if t.pos in ("NOUN", "PROPN")]
    actions = [t for t in nouns if t in nominal or is_minen(t) or _action_noun(t)]
    return len(nouns) >= HEAVY_CHAIN_NOUNS and len(actions) >= 2


# Dense officialese in a short sentence (blind review of the team's nominal spans, both reviewers): a chain of three
# nouns or more whose head is an abstract action or state noun, with another abstract noun in it, that the sentence
# acts on ('Turvallisuusviestinnän vaikuttavuuden arviointi perustuu ...', 'Potilasturvallisuuskulttuurin
# kehittämisen edellytyksiä tarkastellaan ...'), makes even a five-word sentence hard. Judged easy: two-noun chains
# ('Turvallisuuskulttuurin kehittäminen edellyttää johdon sitoutumista'), a concrete head ('Omaishoidon tuen
# myöntämisen kriteereitä', 'riskien hallinnan hyviä käytäntöjä'), one abstract noun only ('Kurssipalautteen
# vastausprosentin nostaminen', 'Tiimityön synergiaetujen maksimointi'), a chain in an adverbial case ('Asiakkaan
# toimintakyvyn arvioinnissa', 'uudistamisen yhteydessä') and the subject of 'on' ('Henkilöstön
# turvallisuustietoisuuden kasvattaminen on ... keskeinen osa-alue': a label the sentence classifies).
DENSE_CHAIN_NOUNS = 3
DENSE_CHAIN_ABSTRACT = 2
_ABSTRACT_LOAN = ("aatio", "iteetti")  # 'digitalisaation', 'diversiteetin'
_STATE = ("uus", "yys")  # 'turvallisuus', 'vaikuttavuus', 'kokonaisuus'
STATE_MIN_LETTERS = 8


def _abstract_head(t: Token) -> bool:
    """An action or state noun that can head an officialese chain: '-minen', '-nti' or '-us/-ys'
    ('hyödyntäminen', 'arviointi', 'edellytys', 'mahdollisuus'); 'osaaminen' is competence, a noun of its own."""
    if t.pos != "NOUN" or _competence(t) or t.base.endswith("toiminta"):
        return False
    return is_minen(t) or _action_noun(t) or t.base.endswith(("us", "ys"))


def _abstract(t: Token) -> bool:
    """An abstract noun before the head: an action ('kehittämisen', 'viestinnän'), a state ('vaikuttavuuden') or a
    compound with a state in it ('Potilasturvallisuuskulttuurin', 'osaamiskokonaisuuksien'). Other -us/-ys nouns
    are mostly things ('yrityksen', 'rasitusvammojen', 'kysymysten': real text, no officialese)."""
    if t.pos != "NOUN" or _competence(t) or t.morph.get("Case") != "Gen" or t.dep == "conj":
        return False  # a coordinated noun is the same level of the chain ('tuotteistamisen ja kaupallistamisen')
    return (is_minen(t) or _action_noun(t)) and not t.base.endswith("toiminta") \
        or _state(t.base) or any(_state(p.base) for p in t.compound_parts)


def _state(base: str) -> bool:
    # a short -uus word is a plain noun ('osuus' in 'osuuskuntien', 'pituus'), no abstract state
    return base.endswith(_ABSTRACT_LOAN) or (base.endswith(_STATE) and len(base) >= STATE_MIN_LETTERS)


def _action_head(t: Token) -> bool:
    """A head that hides a verb ('hyödyntäminen', 'arviointi'); an -us/-ys head names a thing the chain is about
    ('televisiosarjan kirjoittamisen erityisvaatimukset', 'elokuvan tekemisen kysymyksiä': real text, readable)."""
    return is_minen(t) or _action_noun(t)


def _chain_before(toks: list[Token], k: int) -> list[Token]:
    """The genitive words before ``toks[k]`` that depend on it, coordinated ones too ('osaamiskokonaisuuksien
    tuotteistamisen ja kaupallistamisen mahdollisuuksia'), with the head last."""
    s = k
    while s > 0:
        t = toks[s - 1]
        gen = (t.is_word and t.pos in ("NOUN", "PROPN", "ADJ", "VERB") and t.morph.get("Case") == "Gen"
               and (t.pos != "VERB" or t.morph.get("VerbForm") == "Part")
               and not any(m.startswith("Person[psor]") for m in t.morph))
        if not (gen or (t.pos == "CCONJ" and s - 2 >= 0 and toks[s - 2].morph.get("Case") == "Gen")):
            break
        s -= 1
    while s < k:  # a word that depends on something outside the chain belongs to another phrase: cut it off
        out = [j for j in range(s, k) if not toks[s].i <= toks[j].head <= toks[k].i]
        if not out:
            break
        s = out[-1] + 1
    while s < k and toks[s].pos == "CCONJ":
        s += 1
    if s > 0 and toks[s].pos == "VERB" and toks[s - 1].is_word and toks[s - 1].head == toks[s].i:
        s -= 1  # the participle's own word is part of the phrase ('Kotiin vietävien palvelujen ...')
    return toks[s:k + 1]


def acted_on_chains(toks: list[Token]) -> list[list[Token]]:
    """Chains of three nouns or more ending in an abstract head that is the subject or the object of the sentence
    (nominative or partitive, not the subject of 'on')."""
    out = []
    for k, t in enumerate(toks):
        if not _abstract_head(t) or t.morph.get("Case") not in ("Nom", "Par") or t.dep == "nsubj:cop" \
                or t.dep == "ROOT":
            continue
        chain = _chain_before(toks, k)
        # coordinated nouns are one level of the chain ('riskienhallinnan ja laadunhallinnan merkitys': two)
        if sum(x.pos in ("NOUN", "PROPN") and x.dep != "conj" for x in chain) >= DENSE_CHAIN_NOUNS:
            out.append(chain)
    return out


def dense_chains(toks: list[Token]) -> list[list[Token]]:
    """The chains that make a short sentence hard: one with two abstract nouns ('Turvallisuusviestinnän
    vaikuttavuuden arviointi'), or two chains in one sentence ('Etäpalvelujen käyttöönoton onnistuminen edellyttää
    asiakkaiden digitaitojen tukemista')."""
    chains = acted_on_chains(toks)
    dense = [c for c in chains
             if sum(_abstract(x) for x in c[:-1]) + _action_head(c[-1]) >= DENSE_CHAIN_ABSTRACT]
    return dense or (chains if len(chains) >= 2 else [])
