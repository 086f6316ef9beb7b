#!/usr/bin/env python3
"""Validator for the hand-annotated corpora in corpora/annotated/.

Usage:
    python corpora/annotated/check_annotated.py            # check all known files present
    python corpora/annotated/check_annotated.py --spell    # also spell-check with libvoikko
    python corpora/annotated/check_annotated.py FILE ...   # check only the named files

Each known file has one check function registered in CHECKS (file name ->
function).  Files that are not present are skipped, files that are present but
unknown are listed and ignored.  To add a file: write `check_<name>(path, rep)`
and register it in CHECKS.

Exit status is 1 if any error was found, else 0.  Warnings do not fail the run.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

DOMAINS = {"korkeakoulu", "sote", "turvallisuus", "yleinen"}
JARGON_KINDS = {"term", "abbreviation", "loanword", "nominal", "passive",
                "empty_phrase", "long_sentence"}
PHENOMENA = {"jargon", "loanword", "abbreviation", "nominal_style", "passive",
             "long_sentence", "empty_phrase", "genitive_chain", "mixed"}
LENGTH_MISLEADS = {None, "longer_words", "more_words"}
LONG_SENTENCE_WORDS = 25  # a sentence with more words than this is "long"
SPAN_KEYS = {"text", "kind", "occurrence", "review"}
# The verdicts of two blind reviewers (A, B) on a span: is it a stumbling point for a working-life reader?
REVIEW_VERDICTS = {"yes", "no", "unsure"}

WORD_RE = re.compile(r"[^\W\d_]+(?:[-:'][^\W\d_]+)*-?|\d+", re.UNICODE)
TOKEN_RE = re.compile(r"[\wÅÄÖåäö]+(?:[-:'][\wÅÄÖåäö]+)*", re.UNICODE)
NUM_RE = re.compile(r"\d+(?:[,.]\d+)?")


# ---------------------------------------------------------------- helpers
class Report:
    def __init__(self, name: str):
        self.name = name
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.stats: dict[str, Counter] = {}
        self.notes: list[str] = []

    def err(self, where: str, msg: str) -> None:
        self.errors.append(f"{where}: {msg}")

    def warn(self, where: str, msg: str) -> None:
        self.warnings.append(f"{where}: {msg}")

    def count(self, table: str, key, n: int = 1) -> None:
        self.stats.setdefault(table, Counter())[key] += n

    def print(self) -> None:
        print(f"== {self.name}")
        for note in self.notes:
            print(f"   {note}")
        for table, cnt in self.stats.items():
            items = ", ".join(f"{k}={v}" for k, v in sorted(cnt.items(), key=lambda kv: (-kv[1], str(kv[0]))))
            print(f"   {table}: {items}")
        for w in self.warnings:
            print(f"   WARNING {w}")
        for e in self.errors:
            print(f"   ERROR {e}")
        print(f"   -> {len(self.errors)} error(s), {len(self.warnings)} warning(s)")


def load_jsonl(path: Path, rep: Report) -> list[tuple[int, dict]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                rep.warn(f"line {ln}", "blank line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                rep.err(f"line {ln}", f"invalid JSON: {e}")
                continue
            if not isinstance(obj, dict):
                rep.err(f"line {ln}", "line is not a JSON object")
                continue
            rows.append((ln, obj))
    return rows


def check_ids(rows, rep: Report, prefix: str) -> None:
    pat = re.compile(rf"^{prefix}\d{{3,}}$")
    seen: dict[str, int] = {}
    for ln, obj in rows:
        i = obj.get("id")
        if not isinstance(i, str) or not pat.match(i):
            rep.err(f"line {ln}", f"bad id {i!r} (expected {prefix}NNN)")
            continue
        if i in seen:
            rep.err(f"line {ln}", f"duplicate id {i} (first on line {seen[i]})")
        seen[i] = ln


def nth_find(text: str, sub: str, n: int) -> int:
    """Start of the n-th (1-based) match of sub in text, matches may overlap
    (each search restarts one character after the previous match start)."""
    pos = -1
    for _ in range(n):
        pos = text.find(sub, pos + 1)
        if pos == -1:
            return -1
    return pos


def n_words(text: str) -> int:
    return len(TOKEN_RE.findall(text))


def mean_word_len(text: str) -> float:
    ws = TOKEN_RE.findall(text)
    return sum(map(len, ws)) / len(ws) if ws else 0.0


def numbers(text: str) -> Counter:
    return Counter(NUM_RE.findall(text))


# ---------------------------------------------------------------- jargon_sentences.jsonl
def check_jargon_sentences(path: Path, rep: Report) -> None:
    rows = load_jsonl(path, rep)
    check_ids(rows, rep, "js")
    texts: dict[str, str] = {}
    plain = 0
    for ln, obj in rows:
        where = f"{obj.get('id', f'line {ln}')}"
        extra = set(obj) - {"id", "text", "jargon", "domain"}
        if extra:
            rep.warn(where, f"unexpected keys {sorted(extra)}")
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            rep.err(where, "missing text")
            continue
        if text != text.strip():
            rep.err(where, "text has leading/trailing whitespace")
        if text in texts:
            rep.err(where, f"duplicate text (also {texts[text]})")
        texts[text] = where
        dom = obj.get("domain")
        if dom not in DOMAINS:
            rep.err(where, f"bad domain {dom!r}")
        rep.count("domains", dom)
        spans = obj.get("jargon")
        if not isinstance(spans, list):
            rep.err(where, "jargon must be a list")
            continue
        if not spans:
            plain += 1
        seen_spans = set()
        has_long = False
        for sp in spans:
            if not isinstance(sp, dict):
                rep.err(where, f"span is not an object: {sp!r}")
                continue
            st, kind = sp.get("text"), sp.get("kind")
            occ = sp.get("occurrence", 1)
            if kind not in JARGON_KINDS:
                rep.err(where, f"bad kind {kind!r}")
            rep.count("kinds", kind)
            rep.count(f"kinds[{dom}]", kind)
            if set(sp) - SPAN_KEYS:
                rep.warn(where, f"unexpected span keys {sorted(set(sp) - SPAN_KEYS)}")
            review = sp.get("review")
            if review is not None:
                if (not isinstance(review, list) or len(review) != 2
                        or any(v not in REVIEW_VERDICTS for v in review)):
                    rep.err(where, f"bad review {review!r} for {st!r}: two of {sorted(REVIEW_VERDICTS)}")
                elif kind == "long_sentence":
                    rep.err(where, "long_sentence spans are not reviewed")
                else:
                    rep.count("review", "confirmed" if review == ["yes", "yes"] else "not confirmed")
            if not isinstance(st, str) or not st:
                rep.err(where, f"span without text: {sp!r}")
                continue
            if st != st.strip():
                rep.err(where, f"span {st!r} has leading/trailing whitespace")
            if not isinstance(occ, int) or occ < 1:
                rep.err(where, f"bad occurrence {occ!r} for {st!r}")
                continue
            if "occurrence" in sp and occ == 1:
                rep.warn(where, f"occurrence 1 need not be written ({st!r})")
            if nth_find(text, st, occ) == -1:
                rep.err(where, f"span {st!r} (occurrence {occ}) is not a substring of the text")
            key = (st, kind, occ)
            if key in seen_spans:
                rep.err(where, f"duplicate span {key}")
            seen_spans.add(key)
            if kind == "long_sentence":
                has_long = True
                if st != text:
                    rep.err(where, "long_sentence span must be the full text")
        nw = n_words(text)
        if nw > LONG_SENTENCE_WORDS and not has_long:
            rep.warn(where, f"{nw} words but no long_sentence span")
        if has_long and nw <= LONG_SENTENCE_WORDS - 5:
            rep.warn(where, f"long_sentence on a {nw}-word sentence")
    rep.notes.append(f"sentences={len(rows)}, plain (empty jargon list)={plain}, "
                     f"spans={sum(rep.stats.get('kinds', Counter()).values())}")


# ---------------------------------------------------------------- plainness_pairs.jsonl
def check_plainness_pairs(path: Path, rep: Report) -> None:
    rows = load_jsonl(path, rep)
    check_ids(rows, rep, "pp")
    seen: dict[tuple, str] = {}
    for ln, obj in rows:
        where = f"{obj.get('id', f'line {ln}')}"
        extra = set(obj) - {"id", "academic", "plain", "phenomenon", "domain", "length_misleads"}
        if extra:
            rep.warn(where, f"unexpected keys {sorted(extra)}")
        a, p = obj.get("academic"), obj.get("plain")
        if not isinstance(a, str) or not a.strip() or not isinstance(p, str) or not p.strip():
            rep.err(where, "academic and plain must be non-empty strings")
            continue
        if a == p:
            rep.err(where, "academic and plain are identical")
        key = (a, p)
        if key in seen:
            rep.err(where, f"duplicate pair (also {seen[key]})")
        seen[key] = where
        ph = obj.get("phenomenon")
        if ph not in PHENOMENA:
            rep.err(where, f"bad phenomenon {ph!r}")
        rep.count("phenomena", ph)
        dom = obj.get("domain")
        if dom is not None and dom not in DOMAINS:
            rep.err(where, f"bad domain {dom!r}")
        rep.count("domains", dom)
        if numbers(a) != numbers(p):
            rep.err(where, f"numbers differ: {sorted(numbers(a).elements())} vs {sorted(numbers(p).elements())}")
        # length_misleads is derived; recompute and compare
        ma, mp = mean_word_len(a), mean_word_len(p)
        if mp >= ma:
            lm = "longer_words"
        elif n_words(p) > n_words(a):
            lm = "more_words"
        else:
            lm = None
        if "length_misleads" in obj:
            if obj["length_misleads"] not in LENGTH_MISLEADS:
                rep.err(where, f"bad length_misleads {obj['length_misleads']!r}")
            elif obj["length_misleads"] != lm:
                rep.err(where, f"length_misleads is {obj['length_misleads']!r}, recomputed {lm!r}")
        rep.count("length_misleads", lm)
        if len(p) > len(a):
            rep.count("plain_has_more_characters", True)
    rep.notes.append(f"pairs={len(rows)}")


# ---------------------------------------------------------------- registry
CHECKS = {
    "jargon_sentences.jsonl": check_jargon_sentences,
    "plainness_pairs.jsonl": check_plainness_pairs,
    # "outcome_statements.jsonl": check_outcome_statements,   # add here
    # "rewrite_pairs.jsonl": check_rewrite_pairs,
}

TEXT_FIELDS = {
    "jargon_sentences.jsonl": ("text",),
    "plainness_pairs.jsonl": ("academic", "plain"),
}


def spell_check(path: Path, rep: Report) -> None:
    """Report words that libvoikko does not recognise (informative only)."""
    try:
        import libvoikko  # type: ignore
    except ImportError:
        rep.warn("spell", "libvoikko not installed; skipped")
        return
    v = libvoikko.Voikko("fi")
    unknown: dict[str, list[str]] = {}
    fields = TEXT_FIELDS.get(path.name, ())
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            obj = json.loads(line)
            for fld in fields:
                for w in WORD_RE.findall(obj.get(fld, "")):
                    if w.isdigit():
                        continue
                    if not v.spell(w):
                        unknown.setdefault(w, []).append(obj.get("id", "?"))
    v.terminate()
    rep.notes.append(f"voikko-unknown words ({len(unknown)}): " +
                     ", ".join(f"{w}[{ids[0]}{'+' if len(ids) > 1 else ''}]" for w, ids in sorted(unknown.items())))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", help="files to check (default: all known files in this folder)")
    ap.add_argument("--spell", action="store_true", help="list words unknown to libvoikko")
    args = ap.parse_args(argv)
    paths = [Path(f) for f in args.files] if args.files else [HERE / n for n in CHECKS]
    if not args.files:
        others = sorted(p.name for p in HERE.glob("*.jsonl") if p.name not in CHECKS)
        if others:
            print(f"(no check registered for: {', '.join(others)})")
    n_err = 0
    for path in paths:
        fn = CHECKS.get(path.name)
        if fn is None:
            print(f"== {path.name}: no check registered, ignored")
            continue
        if not path.exists():
            print(f"== {path.name}: not present, skipped")
            continue
        rep = Report(path.name)
        fn(path, rep)
        if args.spell:
            spell_check(path, rep)
        rep.print()
        n_err += len(rep.errors)
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main())
