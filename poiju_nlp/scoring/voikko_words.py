"""What Voikko says about a word that the parser does not: the verb a derivation is made from, whether a word is a
verb or a participle. Used by the detectors, the teacher's selection and the metrics."""
from __future__ import annotations

import re

_DERIVED = re.compile(r"\(([^()+]+)\)\+[^()]*\(\+")


def derivation_source(word: str) -> str | None:
    """The word a derivation is made from, by Voikko ('integroituu' -> 'integroida', 'arvioinnissa' -> 'arvioida',
    'priorisoinnin' -> 'priorisoida'), or None. Only the last part of a compound counts."""
    from ..text.resources import get_voikko, voikko_lock

    with voikko_lock:
        analyses = get_voikko().analyze(word)
    for analysis in analyses:
        found = _DERIVED.findall(analysis.get("WORDBASES", ""))
        if found:
            return found[-1].lower()
    return None


def voikko_participle(word: str) -> bool:
    """Voikko reads the word as a participle ('fasilitoivien', 'simuloidun'); the parser often does not."""
    from ..text.resources import get_voikko, voikko_lock

    with voikko_lock:
        return any("PARTICIPLE" in a for a in get_voikko().analyze(word))


def is_verb(word: str) -> bool:
    """Voikko reads the word as a verb ('kehittää' yes, 'ilmentymä' no)."""
    from ..text.resources import get_voikko, voikko_lock

    with voikko_lock:
        return any(a.get("CLASS") == "teonsana" for a in get_voikko().analyze(word))


ACTION_VERB_ZIPF = 3.0


def action_noun(part: str) -> bool:
    """A first part that is the -us/-ys noun of a common verb in -ua/-yä, which neither Voikko nor wordfreq lists
    alone: 'laskeutus' (laskeutua 3.7) in 'laskeutusaltaiden' (blind review 10: "a transparent Finnish compound").
    Not 'kalvotus' (no verb 'kalvotua': a trade term to explain)."""
    from wordfreq import zipf_frequency

    if len(part) < 6 or part[-2:] not in ("us", "ys"):
        return False
    verb = part[:-1] + ("a" if part[-2] == "u" else "ä")
    return zipf_frequency(verb, "fi") >= ACTION_VERB_ZIPF and is_verb(verb)  # not 'polkus' ('polkua' = a path)
