#!/usr/bin/env python3
"""Check the hand-written learning-outcome corpora in corpora/annotated/.

Files checked:
  outcome_statements.jsonl  {"id", "text", "labels", "domain"}
  course_outcomes.jsonl     {"id", "title", "level", "domain", "text", "reference_outcomes"}

Checks: JSON validity, required fields, unique ids and texts, valid labels /
domains / levels, Voikko spelling of every word, simple consistency rules
between labels and text (word counts, vague verbs, number of infinitives),
course-description length and reference-outcome form, and the minimum
distribution required by the corpus brief.

Usage:  python corpora/annotated/check_outcomes.py [--strict]
Exit status 0 when there are no errors (warnings are only printed; with
--strict warnings also fail).
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
STATEMENTS = HERE / "outcome_statements.jsonl"
COURSES = HERE / "course_outcomes.jsonl"

LABELS = {"vague_verb", "several_verbs", "no_object", "too_long",
          "passive_or_teacher", "not_assessable"}
OTHER_LABELS = {"no_object", "too_long", "passive_or_teacher", "not_assessable"}
STATEMENT_DOMAINS = {"sote", "turvallisuus", "korkeakoulu", "yleinen"}
COURSE_DOMAINS = {"sote", "turvallisuus", "yleinen"}
LEVELS = {"perus", "syventävä", "jatko"}

# Verbs that cannot be assessed as such (base forms, as Voikko gives them).
VAGUE = {"tietää", "ymmärtää", "tuntea", "hallita", "perehtyä", "perehdyttää",
         "omaksua", "sisäistää", "tutustua", "oppia", "syventää", "syventyä",
         "opetella"}
# Observable verbs accepted as the single verb of a reference outcome.
MEASURABLE = {
    "nimetä", "luetella", "tunnistaa", "selittää", "kuvata", "tiivistää",
    "soveltaa", "käyttää", "laskea", "toteuttaa", "analysoida", "verrata",
    "eritellä", "luokitella", "arvioida", "perustella", "valita", "suunnitella",
    "kehittää", "laatia", "rakentaa", "kirjata", "mitata", "ohjata", "tehdä",
    "kirjoittaa", "esittää", "hakea", "antaa", "johtaa", "viitata", "tulkita",
    "ilmoittaa", "opastaa", "vaihtaa", "pukea", "tyrehdyttää", "aloittaa",
    "ottaa", "muokata", "jakaa", "järjestää", "määritellä", "ratkaista",
    "raportoida", "sammuttaa",
}
# Tokens Voikko does not know but which are correct (units, acronyms).
ALLOW = {"op", "AUDIT", "ISBAR", "MNA", "RAI", "ICF", "APA", "EA", "Lewyn"}
# Established professional terms missing from Voikko's lexicon; a token is accepted
# when it starts with one of these stems (covers inflected forms and compounds).
ALLOW_STEMS = ("palliatiivi", "defibrillaattor", "opioidi", "hypoglykemi",
               "moniresistent", "juurisyyanalyysi", "triage", "infuusionopeu",
               "Kanta-palvelu")

MAX_GOOD_WORDS = 25      # statements longer than this must carry too_long
MIN_COURSE_WORDS, MAX_COURSE_WORDS = 60, 150
MIN_REFS, MAX_REFS = 3, 6

TOKEN_RE = re.compile(r"[0-9A-Za-zÅÄÖåäöÉé][0-9A-Za-zÅÄÖåäöÉé\-:]*")

errors: list[str] = []
warnings: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def warn(msg: str) -> None:
    warnings.append(msg)


def get_voikko():
    try:
        import libvoikko  # type: ignore
        return libvoikko.Voikko("fi")
    except Exception as exc:  # pragma: no cover - environment dependent
        warn(f"Voikko not available, spelling not checked: {exc}")
        return None


V = get_voikko()


def tokens(text: str) -> list[str]:
    return [t.rstrip(":") for t in TOKEN_RE.findall(text)]


def words(text: str) -> list[str]:
    return text.split()


def spell_check(where: str, text: str) -> None:
    if V is None:
        return
    for tok in tokens(text):
        if any(c.isdigit() for c in tok):
            continue
        parts = [tok]
        # A compound written with a hyphen before a known acronym ("ISBAR-menetelmä").
        if "-" in tok and tok.split("-")[0] in ALLOW:
            parts = [p for p in tok.split("-")[1:] if p]
        for p in parts:
            if p in ALLOW or p.lower().startswith(tuple(x.lower() for x in ALLOW_STEMS)) or V.spell(p):
                continue
            err(f"{where}: misspelled or unknown word '{p}'")


def analyses(tok: str) -> list[dict]:
    return V.analyze(tok) if V is not None else []


def baseforms(tok: str) -> set[str]:
    return {a.get("BASEFORM", "") for a in analyses(tok)}


def verb_lemmas(text: str) -> list[str]:
    """Base forms of tokens that Voikko can read as verbs (any form), skipping osata/olla."""
    out = []
    for tok in tokens(text):
        verbs = {a.get("BASEFORM") for a in analyses(tok.lower()) if a.get("CLASS") == "teonsana"}
        verbs -= {"osata", "olla", None}
        if verbs:
            out.append(sorted(verbs)[0])
    return out


def infinitives(text: str) -> list[str]:
    """Tokens that can be read as a first (A-) infinitive of a verb, except osata."""
    out = []
    for tok in tokens(text):
        for a in analyses(tok.lower()):
            if a.get("CLASS") == "teonsana" and a.get("MOOD") == "A-infinitive" \
                    and a.get("BASEFORM") not in ("osata", "olla"):
                out.append(a["BASEFORM"])
                break
    return out


def has_vague(text: str) -> bool:
    return any(baseforms(t.lower()) & VAGUE for t in tokens(text))


def load(path: Path) -> list[dict]:
    rows = []
    if not path.exists():
        err(f"{path.name}: file missing")
        return rows
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            err(f"{path.name}:{n}: invalid JSON ({exc})")
    return rows


def check_ids(rows: list[dict], fname: str, prefix: str) -> None:
    ids = Counter(r.get("id") for r in rows)
    for i, c in ids.items():
        if c > 1:
            err(f"{fname}: id {i} repeats {c} times")
        if not isinstance(i, str) or not re.fullmatch(prefix + r"\d{3,}", i):
            err(f"{fname}: bad id {i!r}")


def check_statements(rows: list[dict]) -> dict:
    check_ids(rows, STATEMENTS.name, "os")
    texts = Counter(r.get("text") for r in rows)
    for t, c in texts.items():
        if c > 1:
            err(f"{STATEMENTS.name}: text repeats {c} times: {t}")
    for r in rows:
        rid = r.get("id")
        keys = {"id", "text", "labels", "domain"}
        if set(r) != keys:
            err(f"{rid}: keys {sorted(r)} != {sorted(keys)}")
        text, labels, dom = r.get("text", ""), r.get("labels"), r.get("domain")
        if not isinstance(text, str) or not text.strip():
            err(f"{rid}: empty text")
            continue
        if not isinstance(labels, list):
            err(f"{rid}: labels is not a list")
            continue
        bad = set(labels) - LABELS
        if bad:
            err(f"{rid}: invalid labels {sorted(bad)}")
        if len(set(labels)) != len(labels):
            err(f"{rid}: duplicate labels")
        if dom not in STATEMENT_DOMAINS:
            err(f"{rid}: invalid domain {dom!r}")
        if not text.endswith("."):
            warn(f"{rid}: text does not end with a full stop")
        spell_check(rid, text)

        nw = len(words(text))
        if "too_long" in labels and nw <= MAX_GOOD_WORDS:
            err(f"{rid}: labelled too_long but only {nw} words")
        if "too_long" not in labels and nw > MAX_GOOD_WORDS:
            err(f"{rid}: {nw} words but not labelled too_long")
        if V is None:
            continue
        vague = has_vague(text)
        if "vague_verb" in labels and not vague:
            warn(f"{rid}: labelled vague_verb but no listed vague verb found")
        if not labels:
            if vague:
                err(f"{rid}: good statement contains a vague verb")
            inf = infinitives(text)
            if len(inf) != 1:
                err(f"{rid}: good statement should have exactly one infinitive, found {inf}")
            elif inf[0] not in MEASURABLE:
                warn(f"{rid}: verb '{inf[0]}' not in the measurable-verb list")
        if "several_verbs" in labels and len(verb_lemmas(text)) < 2:
            warn(f"{rid}: labelled several_verbs but fewer than two verbs found")
    return {}


def check_courses(rows: list[dict]) -> None:
    check_ids(rows, COURSES.name, "co")
    titles = Counter(r.get("title") for r in rows)
    for t, c in titles.items():
        if c > 1:
            err(f"{COURSES.name}: title repeats: {t}")
    keys = {"id", "title", "level", "domain", "text", "reference_outcomes"}
    for r in rows:
        rid = r.get("id")
        if set(r) != keys:
            err(f"{rid}: keys {sorted(r)} != {sorted(keys)}")
        if r.get("level") not in LEVELS:
            err(f"{rid}: invalid level {r.get('level')!r}")
        if r.get("domain") not in COURSE_DOMAINS:
            err(f"{rid}: invalid domain {r.get('domain')!r}")
        text = r.get("text", "")
        nw = len(words(text))
        if not MIN_COURSE_WORDS <= nw <= MAX_COURSE_WORDS:
            err(f"{rid}: description has {nw} words (want {MIN_COURSE_WORDS}-{MAX_COURSE_WORDS})")
        if not re.search(r"\b\d+(?:[,–-]\d+)? op\b", text):
            err(f"{rid}: description does not state credits ('N op')")
        spell_check(rid + " title", r.get("title", ""))
        spell_check(rid + " text", text)
        refs = r.get("reference_outcomes")
        if not isinstance(refs, list) or not MIN_REFS <= len(refs) <= MAX_REFS:
            err(f"{rid}: needs {MIN_REFS}-{MAX_REFS} reference outcomes")
            continue
        if len(set(refs)) != len(refs):
            err(f"{rid}: repeated reference outcome")
        for k, o in enumerate(refs, 1):
            where = f"{rid} ref{k}"
            spell_check(where, o)
            if not o.startswith("Osaat "):
                err(f"{where}: does not start with 'Osaat ': {o}")
                continue
            if not o.endswith("."):
                warn(f"{where}: no full stop")
            ws = words(o)
            if len(ws) < 3:
                err(f"{where}: no object: {o}")
            if len(ws) > MAX_GOOD_WORDS:
                err(f"{where}: too long ({len(ws)} words)")
            if V is None:
                continue
            verb = ws[1].strip(".,")
            forms = {a.get("BASEFORM") for a in analyses(verb)
                     if a.get("CLASS") == "teonsana" and a.get("MOOD") == "A-infinitive"}
            if not forms:
                err(f"{where}: second word '{verb}' is not an infinitive")
            elif not forms & MEASURABLE:
                err(f"{where}: verb '{verb}' not in the measurable-verb list")
            if has_vague(o):
                err(f"{where}: contains a vague verb: {o}")
            inf = infinitives(o)
            if len(inf) != 1:
                err(f"{where}: expected one infinitive, found {inf}: {o}")


def report(st: list[dict], co: list[dict]) -> None:
    lab = Counter(l for r in st for l in r.get("labels", []))
    dom = Counter(r.get("domain") for r in st)
    good = sum(1 for r in st if not r.get("labels"))
    other = sum(1 for r in st if set(r.get("labels", [])) & OTHER_LABELS)
    print(f"outcome_statements.jsonl: {len(st)} statements")
    print(f"  good (no labels): {good}")
    for l in sorted(LABELS):
        print(f"  {l}: {lab[l]}")
    print(f"  statements with other labels ({', '.join(sorted(OTHER_LABELS))}): {other}")
    print("  domains: " + ", ".join(f"{d} {dom[d]}" for d in sorted(dom)))
    cdom = Counter(r.get("domain") for r in co)
    lev = Counter(r.get("level") for r in co)
    nref = sum(len(r.get("reference_outcomes", [])) for r in co)
    print(f"course_outcomes.jsonl: {len(co)} courses, {nref} reference outcomes")
    print("  domains: " + ", ".join(f"{d} {cdom[d]}" for d in sorted(cdom)))
    print("  levels: " + ", ".join(f"{d} {lev[d]}" for d in sorted(lev)))

    mins = [(len(st) >= 180, "at least 180 statements"), (good >= 60, "at least 60 good"),
            (lab["vague_verb"] >= 45, "at least 45 vague_verb"),
            (lab["several_verbs"] >= 30, "at least 30 several_verbs"),
            (other >= 45, "at least 45 with other labels"),
            (len(co) >= 45, "at least 45 courses"), (cdom["sote"] >= 20, "at least 20 sote courses"),
            (cdom["turvallisuus"] >= 12, "at least 12 turvallisuus courses"),
            (cdom["yleinen"] >= 10, "at least 10 yleinen courses")]
    for ok, what in mins:
        if not ok:
            err(f"distribution: {what} not met")


def main() -> int:
    st = load(STATEMENTS)
    co = load(COURSES)
    check_statements(st)
    check_courses(co)
    report(st, co)
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    strict = "--strict" in sys.argv
    return 1 if errors or (strict and warnings) else 0


if __name__ == "__main__":
    sys.exit(main())
