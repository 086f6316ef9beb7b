"""Guard: every candidate, from any rewriter, passes here edit by edit. An edit is rolled back when it drops or
changes a fact (number, date, credit amount, price, proper noun / organisation, URL, e-mail), adds a word Voikko
does not know, or lowers the plainness score. Then the meaning is checked with e5 sentence by sentence: every
original sentence must be covered by some rewrite sentence (or a window of two), else the edits in that sentence
are rolled back."""
from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from functools import lru_cache

import numpy as np

from ..settings import REWRITING

URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:)]|www\.[^\s<>\"]+[^\s<>\".,;:)]", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]+(?:-[A-Za-zÅÄÖåäöÉéÜü]+)*")
ORG_WORDS = ("korkeakoulu", "yliopisto", "hyvinvointialue", "opisto", "oy", "ry", "säätiö", "kaupunki", "keskus",
             "virasto", "ministeriö", "instituutti", "laitos")
SENT_END = re.compile(r"(?<=[.!?:])\s+|\n+")


def _strip_urls(text: str) -> str:
    return EMAIL.sub(" ", URL.sub(" ", text))


def numbers(text: str) -> Counter:
    """Numbers as written (dates, times, prices, credits): '1.2.–15.3.2027' -> 1.2, 15.3.2027."""
    return Counter(n.rstrip(".") for n in NUMBER.findall(_strip_urls(text)))


# What may stand between the start of a line and its first word: indentation and a list marker ('- ', '• ', '1. ',
# 'a) '). A capital there, as after a sentence end or a colon, says nothing about a name.
LINE_LEAD = re.compile(r"[ \t]*(?:(?:[-–—•*▪◦·]|\d{1,2}[.)]|[a-zA-Z][.)])[ \t]*)?")


def _starts_unit(text: str, pos: int) -> bool:
    """True when the word at ``pos`` starts a text, line, list item, sentence or a part after a colon: a heading
    ('Osaamistavoitteet:'), a list item or a sentence opener is capitalised whether it is a name or not."""
    line_start = text.rfind("\n", 0, pos) + 1
    if LINE_LEAD.fullmatch(text, line_start, pos):
        return True
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:•("


def proper_nouns(text: str) -> set[str]:
    """Capitalised words that do not start a line, list item, sentence or heading, plus all-caps acronyms: names,
    places, organisations, tools (Moodle, Zoom)."""
    out = set()
    clean = _strip_urls(text)
    for m in WORD.finditer(clean):
        w = m.group(0)
        if w[:1].isupper() and (w.isupper() and len(w) > 1 or not _starts_unit(clean, m.start())):
            out.add(w)
    return out


def _stem(word: str) -> str:
    return word[:max(4, len(word) - 3)]


def facts(text: str) -> dict:
    return {"numbers": numbers(text), "urls": Counter(URL.findall(text)), "emails": Counter(EMAIL.findall(text)),
            "names": proper_nouns(text)}


def allowed_hours(text: str) -> set[str]:
    """Hours that an op explanation may add: 27 x each number of the text."""
    out = set()
    for n in numbers(text):
        try:
            out.add(f"{float(n.replace(',', '.')) * REWRITING.hours_per_credit:.0f}")
        except ValueError:
            pass
    return out


def fact_problems(original: str, rewrite: str, allowed_new_numbers: set[str] | None = None) -> list[str]:
    """Finnish descriptions of every fact of ``original`` that ``rewrite`` drops or changes, and of numbers it adds
    (only the hours of an op explanation, 27 x credits, may be added)."""
    a, b = facts(original), facts(rewrite)
    problems = []
    for kind, label in (("urls", "verkko-osoite"), ("emails", "sähköpostiosoite")):
        missing = a[kind] - b[kind]
        problems += [f"{label} puuttuu tai muuttui: {x}" for x in missing]
    missing_n = a["numbers"] - b["numbers"]
    problems += [f"luku, päivämäärä tai hinta puuttuu tai muuttui: {x}" for x in missing_n]
    allowed = set(allowed_new_numbers or ()) | {str(REWRITING.hours_per_credit)}
    for n in a["numbers"]:
        try:
            allowed.add(f"{float(n.replace(',', '.')) * REWRITING.hours_per_credit:.0f}")
        except ValueError:
            pass
    added = [x for x in (b["numbers"] - a["numbers"]) if x not in allowed]
    problems += [f"uusi luku, jota alkuperäisessä ei ole: {x}" for x in added]
    rewrite_l = rewrite.lower()
    for name in sorted(a["names"]):
        if _stem(name).lower() not in rewrite_l:
            problems.append(f"nimi puuttuu tai muuttui: {name}")
    return problems


@lru_cache(maxsize=100_000)
def _known(word: str) -> bool:
    from ..text.resources import voikko_spell

    return all(voikko_spell(part) for part in word.split("-") if part)


def unknown_words_added(original: str, rewrite: str) -> list[str]:
    """Words of ``rewrite`` that Voikko does not know and that are not in ``original``."""
    have = {w.lower() for w in WORD.findall(_strip_urls(original))}
    prefixes = {w.rsplit("-", 1)[0] for w in have if "-" in w}
    out = []
    for w in WORD.findall(_strip_urls(rewrite)):
        if w.lower() in have or _known(w) or _known(w.lower()):
            continue
        head_of = w.lower().rsplit("-", 1)
        if len(head_of) == 2 and head_of[0] in prefixes and _known(head_of[1]):
            continue  # the original's own compound in another form: 'Zoom-webinaareina' -> 'Zoom-webinaareja'
        out.append(w)
    return list(dict.fromkeys(out))


def split_sentences(text: str) -> list[str]:
    """Sentences; a bullet list stays one unit with the line that introduces it ('Sisältö:' + '- A' + '- B')."""
    blocks: list[list] = []  # [text, is_list]
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line[:2] in ("- ", "• ") and blocks and (blocks[-1][0].endswith(":") or blocks[-1][1]):
            blocks[-1][0] = blocks[-1][0].rstrip(":").rstrip(",") + (", " if blocks[-1][1] else " ") + line[2:].strip()
            blocks[-1][1] = True
            continue
        blocks.append([line, False])
    parts = []
    for block, is_list in blocks:
        if is_list:
            parts.append(block)
            continue
        parts += [p.strip() for p in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"(])", block) if p.strip()]
    return parts


_VECTOR_CACHE: "OrderedDict[tuple[int, str], np.ndarray]" = OrderedDict()
_VECTOR_CACHE_LOCK = threading.Lock()
_VECTOR_CACHE_SIZE = 20_000  # ~1.5 kB a vector: at most ~30 MB


def _query_vectors(embedder, texts: list[str]) -> np.ndarray:
    """e5 query vectors, cached by text: the guard compares the same original sentences again and again (every
    pass, every rollback round, the final checks), and encoding dominates a rewrite's run time."""
    key = id(embedder)
    with _VECTOR_CACHE_LOCK:
        missing = list(dict.fromkeys(t for t in texts if (key, t) not in _VECTOR_CACHE))
    if missing:
        fresh = embedder.encode_queries(missing)
        with _VECTOR_CACHE_LOCK:
            for t, v in zip(missing, fresh):
                _VECTOR_CACHE[(key, t)] = v
            while len(_VECTOR_CACHE) > _VECTOR_CACHE_SIZE:
                _VECTOR_CACHE.popitem(last=False)
    with _VECTOR_CACHE_LOCK:
        out = []
        for t in texts:
            v = _VECTOR_CACHE.get((key, t))
            if v is None:  # evicted meanwhile by another thread: encode it again
                v = embedder.encode_queries([t])[0]
            else:
                _VECTOR_CACHE.move_to_end((key, t))
            out.append(v)
    return np.stack(out)


def sentence_coverage(original: str, rewrite: str, embedder=None) -> dict:
    """Best e5 cosine of each original sentence against the rewrite's sentences; when some original sentence has no
    single match above the threshold, windows of two consecutive rewrite sentences count too (a split sentence is
    covered by its two halves together). Vectors are cached by text, windows encoded only when needed: encoding
    is most of a rewrite's run time."""
    from ..text import get_embedder

    src = split_sentences(original)
    dst = split_sentences(rewrite)
    if not src:
        return {"sentences": [], "best": [], "min": 1.0, "mean": 1.0, "whole": 1.0}
    if not dst:
        return {"sentences": src, "best": [0.0] * len(src), "min": 0.0, "mean": 0.0, "whole": 0.0}
    emb = embedder or get_embedder()
    vecs = _query_vectors(emb, src + dst + [original, rewrite])
    s, u = vecs[:len(src)], vecs[len(src):len(src) + len(dst)]
    best = (s @ u.T).max(axis=1)
    if (best < REWRITING.meaning_threshold).any() and len(dst) > 1:  # windows only when a single one is not enough
        windows = _query_vectors(emb, [f"{a} {b}" for a, b in zip(dst, dst[1:])])
        best = np.maximum(best, (s @ windows.T).max(axis=1))
    best = [float(x) for x in best]
    whole = float(np.dot(vecs[-2], vecs[-1]))
    return {"sentences": src, "best": best, "min": min(best), "mean": float(np.mean(best)), "whole": whole}


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the units of split_sentences for a plain original text (no lists)."""
    spans, pos = [], 0
    for sent in split_sentences(text):
        i = text.find(sent, pos)
        if i < 0:
            i = pos
        spans.append((i, i + len(sent)))
        pos = i + len(sent)
    return spans
