#!/usr/bin/env python3
"""Validate corpora/annotated/rewrite_pairs.jsonl (POIJU-NLP plain-language rewrite pairs).

Checks (errors make the exit status 1):
  * every line is a JSON object with exactly the fields id, domain, original, plain, facts
  * ids are unique and look like rw001; domain is sote|turvallisuus|korkeakoulu|yleinen
  * facts is a non-empty list of strings; every fact is a substring of BOTH texts
  * the original has 2-6 sentences and 40-120 words and at least two facts
  * every number, URL and e-mail of the original is kept in the plain version, and the
    plain version adds no numbers, URLs or e-mails (except the op -> hours explanation,
    1 op = 27 h, i.e. multiples of 27 of a number in the original, or 27 itself)
  * spelling of every word in both texts with Voikko (libvoikko, Finnish):
      - plain: only proper nouns, URLs and e-mails may be unknown to Voikko. An unknown
        word counts as a proper noun if it is capitalised and appears inside one of the
        pair's facts, or appears capitalised in a non-sentence-initial position in the pair.
      - original: the same rule, plus a small reviewed list of jargon/abbreviations that
        real course descriptions use (ORIGINAL_JARGON below); these are reported, not errors.
Warnings (reported, exit status unaffected): plain sentences longer than 15 words.

Usage: .venv/bin/python corpora/annotated/check_rewrite_pairs.py [path]
"""
import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

import libvoikko

DOMAINS = {"sote", "turvallisuus", "korkeakoulu", "yleinen"}
FIELDS = {"id", "domain", "original", "plain", "facts"}
MAX_PLAIN_SENTENCE_WORDS = 15
HOURS_PER_CREDIT = 27

# Reviewed jargon/abbreviations that Voikko does not know but that are deliberate in the
# jargon-heavy ORIGINAL texts (never allowed in the plain texts).
ORIGINAL_JARGON = {
    "op", "tki", "implementoida", "implementoidaan", "implementointi", "implementoinnin",
    "implementoimaan", "alv", "ke", "to", "ti", "ma", "pe", "sis",
    "palliatiivinen", "palliatiivisen", "palliatiivista", "de", "defusing", "debriefing",
    "defibrillaattorin", "juurisyyanalyysiä",
}

URL_RE = re.compile(r"https?://[^\s)]+")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
NUM_RE = re.compile(r"\d+(?:[.,:]\d+)*")
WORD_RE = re.compile(r"[^\W\d_]+(?::[^\W\d_]+)?(?:[-–][^\W\d_]+)*-?|[\w:-]*\d[\w:-]*")
SENT_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”])")


def strip_links(text):
    urls = [u.rstrip(".,;:") for u in URL_RE.findall(text)]
    t = URL_RE.sub(" ", text)
    emails = EMAIL_RE.findall(t)
    t = EMAIL_RE.sub(" ", t)
    return t, urls, emails


def sentences(text):
    t, _, _ = strip_links(text)
    return [s for s in SENT_SPLIT_RE.split(t.strip()) if s.strip()]


def words(text):
    return [w for w in text.split() if re.search(r"\w", w)]


def numbers(text):
    t, _, _ = strip_links(text)
    return [n.rstrip(".,:") for n in NUM_RE.findall(t)]


def tokens_with_position(text):
    """Yield (token, sentence_initial) for alphabetic tokens, URLs/e-mails removed."""
    text = re.sub(r"(?<=[§%\d]):[^\W\d_]+", "", text)  # case endings: 80 %:n, 42 §:ssä
    for sent in sentences(text):
        first = True
        for m in WORD_RE.finditer(sent):
            tok = m.group(0)
            if any(c.isdigit() for c in tok):
                first = False
                continue
            yield tok.strip("-–") if tok.startswith(("-", "–")) else tok, first
            first = False


def known(v, tok):
    if v.spell(tok):
        return True
    if tok.endswith("-") and v.spell(tok[:-1]):
        return True
    return bool(v.spell(tok + "."))  # abbreviation written with a full stop


def main(path):
    v = libvoikko.Voikko("fi")
    errors, warnings, info = [], [], []
    seen = set()
    per_domain = Counter()
    wc_orig, wc_plain = [], []
    proper_seen = Counter()
    jargon_seen = Counter()
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            errors.append(f"line {ln}: empty line")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {ln}: invalid JSON: {e}")
            continue
        if not isinstance(rec, dict) or set(rec) != FIELDS:
            errors.append(f"line {ln}: fields must be exactly {sorted(FIELDS)}")
            continue
        rid = rec["id"]
        where = f"line {ln} ({rid})"
        if not re.fullmatch(r"rw\d{3}", str(rid)):
            errors.append(f"{where}: bad id format")
        if rid in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(rid)
        if rec["domain"] not in DOMAINS:
            errors.append(f"{where}: bad domain {rec['domain']!r}")
        per_domain[rec["domain"]] += 1
        orig, plain, facts = rec["original"], rec["plain"], rec["facts"]
        if not (isinstance(orig, str) and isinstance(plain, str) and orig.strip() and plain.strip()):
            errors.append(f"{where}: original/plain must be non-empty strings")
            continue
        if not isinstance(facts, list) or not facts or not all(isinstance(f, str) and f for f in facts):
            errors.append(f"{where}: facts must be a non-empty list of strings")
            continue
        if len(facts) < 2:
            errors.append(f"{where}: original should contain at least two facts")
        if len(set(facts)) != len(facts):
            errors.append(f"{where}: duplicate facts")
        for f in facts:
            if f not in orig:
                errors.append(f"{where}: fact not in original: {f!r}")
            if f not in plain:
                errors.append(f"{where}: fact not in plain: {f!r}")
        n_sent, n_words = len(sentences(orig)), len(words(orig))
        if not 2 <= n_sent <= 6:
            errors.append(f"{where}: original has {n_sent} sentences (want 2-6)")
        if not 40 <= n_words <= 120:
            errors.append(f"{where}: original has {n_words} words (want 40-120)")
        wc_orig.append(n_words)
        wc_plain.append(len(words(plain)))

        # numbers, URLs, e-mails: kept and not invented
        _, ou, oe = strip_links(orig)
        _, pu, pe = strip_links(plain)
        for x in ou + oe:
            if x not in pu + pe:
                errors.append(f"{where}: URL/e-mail dropped in plain: {x}")
        for x in pu + pe:
            if x not in ou + oe:
                errors.append(f"{where}: URL/e-mail added in plain: {x}")
        onums, pnums = numbers(orig), numbers(plain)
        for n in onums:
            if n not in pnums:
                errors.append(f"{where}: number dropped in plain: {n}")
        allowed_extra = {str(HOURS_PER_CREDIT)}
        for n in onums:
            if n.isdigit():
                allowed_extra.add(str(int(n) * HOURS_PER_CREDIT))
            elif re.fullmatch(r"\d+,\d+", n):
                h = float(n.replace(",", ".")) * HOURS_PER_CREDIT
                allowed_extra.add(str(int(h)) if h == int(h) else f"{h:.1f}".replace(".", ","))
        for n in pnums:
            if n not in onums and n not in allowed_extra:
                errors.append(f"{where}: number added in plain: {n}")

        # spelling
        pair_text = orig + " " + plain
        noninitial_caps = {t for txt in (orig, plain) for t, first in tokens_with_position(txt)
                           if not first and t[:1].isupper()}
        fact_text = " ".join(facts)

        def is_proper(tok):
            if not tok[:1].isupper():
                return False
            if tok in fact_text:
                return True
            if re.search(r"[-–]", tok):
                return False  # hyphenated compounds are checked part by part
            # all-caps acronyms must be listed in facts; other capitalised words
            # count as names if they occur capitalised mid-sentence
            return not (tok.isupper() and len(tok) > 1) and tok in noninitial_caps

        def check_token(tok, label):
            """Return None if acceptable, else the offending (part of the) token."""
            if known(v, tok):
                return None
            if is_proper(tok):
                proper_seen[tok] += 1
                return None
            if label == "original" and tok.lower().strip("-–") in ORIGINAL_JARGON:
                jargon_seen[tok] += 1
                return None
            parts = [p for p in re.split(r"[-–]", tok) if p]
            if len(parts) > 1:
                bad = [p for p in parts if check_token(p, label) is not None]
                return None if not bad else tok
            return tok

        for label, text in (("original", orig), ("plain", plain)):
            for tok, _first in tokens_with_position(text):
                bad = check_token(tok, label)
                if bad is not None:
                    errors.append(f"{where}: unknown word in {label}: {bad!r}")
        for s in sentences(plain):
            if len(words(s)) > MAX_PLAIN_SENTENCE_WORDS:
                warnings.append(f"{where}: plain sentence has {len(words(s))} words: {s[:70]}...")
    v.terminate()

    print(f"file: {path}")
    print(f"pairs: {len(seen)}")
    print("per domain: " + ", ".join(f"{d}={per_domain[d]}" for d in sorted(DOMAINS)))
    if wc_orig:
        print(f"mean words: original {statistics.mean(wc_orig):.1f}, plain {statistics.mean(wc_plain):.1f}")
    if len(seen) < 70:
        errors.append(f"only {len(seen)} pairs (want at least 70)")
    if proper_seen:
        print("unknown to Voikko, accepted as proper nouns: " + ", ".join(sorted(proper_seen)))
    if jargon_seen:
        print("unknown to Voikko, reviewed jargon in originals only: " + ", ".join(
            f"{k}({c})" for k, c in sorted(jargon_seen.items())))
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    default = Path(__file__).with_name("rewrite_pairs.jsonl")
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else default))
