"""SARI (Xu et al. 2016): add / keep / delete n-gram F-scores of a simplification against its source and
references, as in the metric's public card (lower-cased, 13a-style tokenisation, n = 1..4, keep F1, deletion
precision, addition F1).

>>> round(sari("About 95 species are currently accepted.", "About 95 you now get in.",
...            ["About 95 species are currently known.", "About 95 species are now accepted.",
...             "95 species are now accepted."]), 6)
26.953602
"""
from __future__ import annotations

import re
from collections import Counter

_PUNCT = re.compile(r"([\{-\~\[-\` -\&\(-\+\:-\@\/])")
_PERIOD_COMMA = re.compile(r"([^0-9])([\.,])")
_COMMA_DIGIT = re.compile(r"([\.,])([^0-9])")
_DASH_DIGIT = re.compile(r"([0-9])(-)")


def tokenize(text: str) -> list[str]:
    """sacreBLEU's 13a tokeniser (lower-cased), as the SARI card normalises."""
    s = " " + text.lower() + " "
    s = s.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
    s = s.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    s = _PUNCT.sub(r" \1 ", s)
    s = _PERIOD_COMMA.sub(r"\1 \2 ", s)
    s = _COMMA_DIGIT.sub(r" \1 \2", s)
    s = _DASH_DIGIT.sub(r"\1 \2 ", s)
    return s.split()


def _ngrams(tokens: list[str], n: int) -> list[str]:
    return [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


def _sari_ngram(sgrams, cgrams, rgramslist, numref):
    rgramcounter = Counter(g for rgrams in rgramslist for g in rgrams)
    sgramcounter_rep = Counter({g: c * numref for g, c in Counter(sgrams).items()})
    cgramcounter_rep = Counter({g: c * numref for g, c in Counter(cgrams).items()})
    # KEEP
    keep_rep = sgramcounter_rep & cgramcounter_rep
    keep_good = keep_rep & rgramcounter
    keep_all = sgramcounter_rep & rgramcounter
    k1 = sum(keep_good[g] / keep_rep[g] for g in keep_rep)
    k2 = sum(keep_good[g] for g in keep_rep)
    keep_p = k1 / len(keep_rep) if keep_rep else 1
    keep_r = k2 / sum(keep_all.values()) if keep_all else 1
    keep = 2 * keep_p * keep_r / (keep_p + keep_r) if keep_p > 0 or keep_r > 0 else 0
    # DELETION (precision only)
    del_rep = sgramcounter_rep - cgramcounter_rep
    del_good = del_rep - rgramcounter
    d1 = sum(del_good[g] / del_rep[g] for g in del_rep)
    del_p = d1 / len(del_rep) if del_rep else 1
    # ADDITION
    add = set(cgrams) - set(sgrams)
    add_good = add & set(rgramcounter)
    add_all = set(rgramcounter) - set(sgrams)
    add_p = len(add_good) / len(add) if add else 1
    add_r = len(add_good) / len(add_all) if add_all else 1
    addf = 2 * add_p * add_r / (add_p + add_r) if add_p > 0 or add_r > 0 else 0
    return keep, del_p, addf


def sari(source: str, prediction: str, references: list[str]) -> float:
    """SARI of one prediction, 0-100."""
    s, c = tokenize(source), tokenize(prediction)
    refs = [tokenize(r) for r in references]
    keeps, dels, adds = [], [], []
    for n in range(1, 5):
        k, d, a = _sari_ngram(_ngrams(s, n), _ngrams(c, n), [_ngrams(r, n) for r in refs], len(refs))
        keeps.append(k)
        dels.append(d)
        adds.append(a)
    return 100 * (sum(keeps) / 4 + sum(dels) / 4 + sum(adds) / 4) / 3


def corpus_sari(sources: list[str], predictions: list[str], references: list[list[str]]) -> float:
    """Mean sentence-level SARI over a corpus (as the metric card averages)."""
    scores = [sari(s, p, r) for s, p, r in zip(sources, predictions, references)]
    return sum(scores) / max(1, len(scores))
