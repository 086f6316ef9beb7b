"""Lists whose line breaks were lost, cut back into their items, and the Voikko word readings the cutting uses.

Course pages whose HTML lists lost their line breaks run the items together: "osaa soveltaa X osaa rakentaa Y",
"Ymmärtää X Hallitsee Y", "opiskelijat1) ymmärtävät X2) tuntevat Y", "… luomiseksi tunnistaa muodin …". A new item
starts at a list mark (a number, a dash), at a full stop that lost its capital, at a capitalised verb, or at a verb
that can start a statement right after a word that closes a noun phrase, outside any subordinate clause. The outcome
reader uses it for author statements; other parts of the package may use it for any such list.

Everything here works on the surface text and Voikko (no parse: the parser is unreliable on a run-together list).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import voikko_analyze

# Who outcome statements are about (lower-case base forms). "tutkinnon suorittaja" ends in "suorittaja".
LEARNERS = {"opiskelija", "osallistuja", "oppija", "suorittaja", "kurssilainen", "hän", "koulutettava"}

_WORD = re.compile(r"[^\W\d_]+(?:[-–][^\W\d_]+)*", re.UNICODE)


@lru_cache(maxsize=50_000)
def _voikko_readings(word: str) -> tuple:
    return tuple(voikko_analyze(word))


def word_bases(word: str) -> set[str]:
    return {(a.get("BASEFORM") or "").lower() for a in _voikko_readings(word)}


def is_finite_3rd(word: str) -> bool:
    """'tunnistaa', 'ymmärtävät', 'Hallitsee': a 3rd person present indicative verb form (Voikko)."""
    return any(a.get("CLASS") == "teonsana" and a.get("MOOD") == "indicative" and a.get("PERSON") == "3"
               and a.get("TENSE") == "present_simple" and a.get("NEGATIVE") != "true" for a in _voikko_readings(word))


def is_a_infinitive(word: str) -> bool:
    return any(a.get("CLASS") == "teonsana" and a.get("MOOD") == "A-infinitive" for a in _voikko_readings(word))


def is_ma_illative(word: str) -> bool:
    return any(a.get("CLASS") == "teonsana" and a.get("MOOD") == "MA-infinitive" and a.get("SIJAMUOTO") == "sisatulento"
               for a in _voikko_readings(word))


def is_second_person(word: str) -> bool:
    return any(a.get("CLASS") == "teonsana" and a.get("PERSON") == "2" and a.get("NUMBER") == "singular"
               and a.get("MOOD") == "indicative" for a in _voikko_readings(word))


def is_verb(word: str) -> bool:
    return any(a.get("CLASS") == "teonsana" for a in _voikko_readings(word))


_NUMBER_MARK = re.compile(r"(?:(?<=\s)|(?<=[^\W\d_])|^)(\d{1,2})\s?[).]\s*(?=[^\W\d_])")
_DASH_MARK = re.compile(r"(?:(?<=\s)|^)[-–•]\s?(?=([^\W\d_]+))")
_NOUNS_WITH_INFINITIVE = {"taito", "kyky", "valmius", "keino", "tapa", "mahdollisuus", "tarve", "halu", "rohkeus",
                          "aika", "oikeus", "velvollisuus", "tehtävä", "pyrkiä", "tavoite", "edellytys", "into"}
_NO_SPLIT_BEFORE = {"ja", "sekä", "tai", "eli", "että", "joka", "jotka", "mikä", "mitkä", "miten", "kuinka", "miksi",
                    "kun", "jos", "jotta", "kuten", "myös", "ei", "eikä", "mutta", "vaan", "ja/tai", "tulee",
                    "voi", "voivat", "saa", "pitää", "täytyy", "on", "olla", "osaa", "osaavat", "pystyy", "kykenee",
                    "osaat", "pyrkii", "haluaa", "oppii", "opettelee", "alkaa", "ryhtyy", "esim", "mm", "ns"}
# Words that open a subordinate clause: a finite verb after them is the clause's own verb, not a new item.
_SUBORDINATORS = {"että", "joka", "jotka", "jonka", "joiden", "joita", "jossa", "joissa", "jolla", "joilla", "mikä",
                  "mitkä", "miten", "kuinka", "miksi", "mitä", "millä", "missä", "mistä", "mihin", "kun", "jos",
                  "jotta", "koska", "kunnes", "vaikka", "minkä", "millainen", "millaisia", "mikäli"}
_WRAPPER_WORDS = {"osaa", "osaavat", "osaat", "pystyy", "kykenee", "ymmärtää", "ymmärtävät", "tuntee", "tuntevat",
                  "hallitsee", "tietää", "hallitsevat", "tietävät", "pystyvät", "kykenevät", "ymmärrät", "tunnet",
                  "hallitset", "tiedät", "pystyt", "kykenet"}
_ABBREVIATIONS = {"esim", "mm", "ns", "jne", "yms", "ym", "tms", "n", "ks", "vrt", "s", "eli", "t", "engl", "lyh"}


def _item_verb(word: str, following: tuple[str, ...] = ()) -> bool:
    """A word that can start a list item: a verb form with no noun or adjective reading ('liittyvät' is also a
    participle, 'omaa' also an adjective) or a 2nd person form. Used inside a line without any other mark of a lost
    line break: 'tukea asiakkaan omaa toimintaa' is one item (after a full stop or with a capital, 'Omaa valmiudet'
    starts one)."""
    if not _verb_word(word):
        return False
    adjective_cases = {a.get("SIJAMUOTO") for a in _voikko_readings(word) if a.get("CLASS") == "nimisana_laatusana"}
    if not adjective_cases:
        return True
    # 'omaa' agrees with its noun a few words on ('omaa toimintaa', 'omia näkemisen ja ajattelun tapojaan'); with no
    # such noun it is the verb 'omata' ('omaa perustason ymmärryksen')
    return bool(following) and not any(adjective_cases & {a.get("SIJAMUOTO") for a in _voikko_readings(w)}
                                       for w in following)


def split_run_on(body: str, frame: str, plural: bool = False) -> list[tuple[int, int]]:
    """Spans of the items in a list whose line breaks were lost ("osaa soveltaa X osaa rakentaa Y",
    "Ymmärtää X Hallitsee Y", "1) ymmärtävät X2) tuntevat Y", "-omaksuu X -ymmärtää Y"). Returns (start, end)
    offsets into ``body``.

    >>> body = "osaa soveltaa visuaalisia tehosteita osaa rakentaa tehostekuvia"
    >>> [body[a:b] for a, b in split_run_on(body, "finite")]
    ['osaa soveltaa visuaalisia tehosteita', 'osaa rakentaa tehostekuvia']
    """
    cuts: dict[int, int] = {0: 0}  # cut position -> length of the list mark to skip
    for m in _NUMBER_MARK.finditer(body):
        after = _WORD.match(body, m.end())
        if after and (is_verb(after.group(0)) or after.group(0).lower() in _WRAPPER_WORDS):
            cuts[m.start()] = m.end() - m.start()
    for m in _DASH_MARK.finditer(body):
        if is_verb(m.group(1)) or m.group(1).lower() in _WRAPPER_WORDS:
            cuts[m.start()] = m.end() - m.start()
    words = list(_WORD.finditer(body))
    subordinate = False
    for k, m in enumerate(words):
        if k == 0:
            continue
        word = m.group(0)
        prev = words[k - 1]
        between = body[prev.end():m.start()]
        low_prev = prev.group(0).lower()
        if m.start() in cuts or any(prev.end() <= c < m.start() for c in cuts):
            subordinate = False
            continue
        if low_prev in _SUBORDINATORS or any(ch in between for ch in ",;:"):
            subordinate = low_prev in _SUBORDINATORS or subordinate and "," not in between
        if "." in between and low_prev not in _ABBREVIATIONS and (_verb_word(word) or word.lower() in _WRAPPER_WORDS) \
                and not _is_proper(word):
            cuts[m.start()] = 0  # a full stop lost its capital: "… suunnittelutyöhön. tunnistaa …"
            subordinate = False
            continue
        if any(ch in between for ch in ",;:.()"):
            continue  # a comma list of verbs is one statement's coordination, not a lost line break
        if low_prev in _NO_SPLIT_BEFORE or word_bases(prev.group(0)) & {"ja", "sekä", "tai"}:
            continue
        if word_bases(prev.group(0)) & (_NOUNS_WITH_INFINITIVE | LEARNERS):
            continue
        starts = False
        following = tuple(w.group(0) for w in words[k + 1:k + 5])
        if word[:1].isupper() and not prev.group(0)[:1].isupper() and _verb_word(word) and not _is_proper(word):
            starts = True
        elif frame in ("finite", "2sg") and word.lower() in _WRAPPER_WORDS:
            starts = not _verb_word(prev.group(0))
        elif subordinate:
            continue
        elif frame == "finite" and _item_verb(word, following) and _is_finite_3rd_number(word, plural) \
                and _ends_phrase(prev.group(0)):
            starts = True
        elif frame in ("osata", "2sg", "finite") and _item_verb(word, following) and is_a_infinitive(word) \
                and (not is_finite_3rd(word) or frame != "finite") and _ends_phrase(prev.group(0)):
            # after 'osaa' an infinitive that is also a 3rd person form starts an item too ('… luomiseksi
            # tunnistaa muodin …', '… suunnittelutyöhön hyödyntää …'): outside a clause nothing else governs it
            starts = True
        elif frame in ("pystyä", "kyetä") and is_ma_illative(word) and _ends_phrase(prev.group(0)):
            starts = True
        if starts:
            cuts[m.start()] = 0
            subordinate = False
    ordered = sorted(cuts)
    spans = []
    for a, b in zip(ordered, ordered[1:] + [len(body)]):
        a += cuts[a]
        piece = body[a:b]
        stripped = piece.strip().rstrip(" -–•")
        if not stripped:
            continue
        a += len(piece) - len(piece.lstrip())
        spans.append((a, a + len(stripped)))
    return spans


def _is_finite_3rd_number(word: str, plural: bool) -> bool:
    number = "plural" if plural else "singular"
    return any(a.get("CLASS") == "teonsana" and a.get("MOOD") == "indicative" and a.get("PERSON") == "3"
               and a.get("TENSE") == "present_simple" and a.get("NUMBER") == number for a in _voikko_readings(word))


def _is_proper(word: str) -> bool:
    return any(a.get("CLASS") in ("etunimi", "sukunimi", "paikannimi", "nimi") for a in _voikko_readings(word))


def _verb_word(word: str) -> bool:
    """A verb form with no noun or adjective reading, or only one whose base form is not a word in use (Voikko
    reads 'hyödyntää' also as the partitive of 'hyödyntä', which nobody writes)."""
    readings = _voikko_readings(word)
    if not any(a.get("CLASS") == "teonsana" for a in readings):
        return False
    nouns = {(a.get("BASEFORM") or "").lower() for a in readings if a.get("CLASS") in ("nimisana", "laatusana")}
    return not nouns or all(_unused(n) for n in nouns)


def _unused(base: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(base, "fi") == 0


def _ends_phrase(word: str) -> bool:
    """The word before a lost line break closes a noun phrase: a noun, adjective, pronoun, numeral or adverb in a
    case other than the nominative singular (a nominative noun before a finite verb is usually its subject:
    'miten hygienia vaikuttaa')."""
    readings = _voikko_readings(word)
    if not readings:
        return word[:1].isupper() or any(ch.isdigit() for ch in word)
    for a in readings:
        cls = a.get("CLASS")
        if cls in ("nimisana", "laatusana", "nimisana_laatusana", "asemosana", "lukusana", "etunimi", "sukunimi",
                   "paikannimi", "nimi"):
            if a.get("SIJAMUOTO") == "nimento" and a.get("NUMBER") == "singular":
                return False
            return True
        if cls == "seikkasana":
            return True
        if cls == "teonsana" and a.get("MOOD") == "MINEN-infinitive" and a.get("SIJAMUOTO") not in (None, "nimento"):
            return True  # 'luomiseksi', 'kehittämisessä': a verbal noun in a case closes its phrase
    return False
