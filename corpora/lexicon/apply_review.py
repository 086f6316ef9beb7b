#!/usr/bin/env python3
"""Apply a blind review of lexicon.tsv (rubric: README.md, "Blind review") and record it in review.tsv.

    .venv/bin/python corpora/lexicon/apply_review.py REVIEW.jsonl [REVIEW2.jsonl ...]

Each review line is ``{"lemma", "familiar", "fixed_term", "alternatives": [{"plain", "verdict", "why"}],
"suggested"?}`` with verdict ``safe`` (swap in practically every sentence), ``context`` (right in some sentences:
a suggestion the teacher chooses) or ``wrong``. The rules, in order:

1. The project's annotated gold data wins where it contradicts the review: the words the annotation guide
   (corpora/annotated/README.md) lists as familiar, and those the hand-written plain references use
   (GOLD_FAMILIAR), are ``familiar``; the words it lists as jargon (GOLD_JARGON) stay flagged.
2. ``familiar`` -> action ``familiar``: kept in the file (the decision is on record) but never flagged.
3. ``fixed_term`` -> action ``explain``: never replaced; the gloss is the first alternative if it was judged
   safe, else the reviewer's suggested gloss if every word of it is Finnish, else none (explanation only).
4. Otherwise ``wrong`` alternatives are removed and ``safe`` ones come first: action ``replace`` when the first
   is safe (the rewriter may swap it), ``suggest`` when only ``context`` ones remain (shown to the teacher, never
   swapped automatically), ``explain`` when none remains (as in 3).
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEXICON = HERE / "lexicon.tsv"
REVIEW = HERE / "review.tsv"
HEADER = ["lemma", "kind", "plain", "explanation", "domain", "action"]

# corpora/annotated/README.md lists these as words every adult knows; the plain references (rewrite_pairs.jsonl)
# use 'laajuus' (66 of 72), 'lähipäivä' and the gold outcomes 'keskeinen' (18).
GOLD_FAMILIAR = {"terveyskeskus", "työpaikka", "ensiapu", "sairaanhoitaja", "lähihoitaja", "kotihoito",
                 "työterveyshuolto", "hyvinvointialue", "sosiaalihuolto", "tietoturva", "riskienhallinta",
                 "riskienarviointi", "varautuminen", "toimintakyky", "saattohoito", "kurssi", "tentti", "opettaja",
                 "lukukausi", "webinaari", "tutkinto", "laajuus", "keskeinen", "lähipäivä"}
# ... and these as jargon outsiders do not know (the review called some of them familiar).
GOLD_JARGON = {"opintojakso", "opintopiste", "osaamistavoite", "moduuli", "arviointikriteeri", "suoritustapa",
               "esitietovaatimus", "lähiopetus", "kontaktiopetus", "monimuoto-opetus", "vertaisarviointi",
               "oppimistehtävä", "hyväksiluku", "jatkuva oppiminen", "pieni osaamiskokonaisuus", "työelämälähtöinen",
               "asiakaslähtöisyys", "palveluohjaus", "osallisuus", "moniammatillinen", "näyttöön perustuva",
               "kuntouttava työote", "voimavaralähtöinen", "traumainformoitu", "omavalvonta", "kokonaisturvallisuus",
               "jatkuvuudenhallinta", "valmiussuunnittelu", "hybridiuhka", "palvelumuotoilu",
               "psykologinen turvallisuus", "viitekehys", "toimintaympäristö"}


def finnish(phrase: str) -> bool:
    import re

    import libvoikko

    v = finnish.voikko = getattr(finnish, "voikko", None) or libvoikko.Voikko("fi")
    words = re.findall(r"[^\W\d_]+", phrase)
    return bool(words) and all(v.spell(w) for w in words)


def decide(row: dict, review: dict) -> tuple[str, list[str], str]:
    """(action, plain alternatives, note) for one lexicon row."""
    lemma = row["lemma"]
    key = lemma.lower()
    alts = review.get("alternatives") or []
    familiar = bool(review.get("familiar"))
    note = ""
    if key in GOLD_FAMILIAR:
        familiar, note = True, "gold: familiar"
    elif key in GOLD_JARGON and familiar:
        familiar, note = False, "gold: jargon"
    if familiar:
        return "familiar", [a["plain"] for a in alts if a.get("verdict") != "wrong"] or [row["plain"]], note
    suggested = (review.get("suggested") or "").strip()
    gloss_fallback = [suggested] if suggested and finnish(suggested) and "|" not in suggested else []
    if review.get("fixed_term") or row["action"] == "explain":
        first = alts[0] if alts else None
        if first and first.get("verdict") == "safe":
            return "explain", [first["plain"]], note
        return "explain", gloss_fallback, (note + " gloss from reviewer" if gloss_fallback else note).strip()
    safe = [a["plain"] for a in alts if a.get("verdict") == "safe"]
    context = [a["plain"] for a in alts if a.get("verdict") == "context"]
    if safe:
        return "replace", safe + context, note
    if context:
        return "suggest", context, note
    return "explain", gloss_fallback, (note + " all alternatives wrong").strip()


def main(paths: list[str]) -> int:
    reviews: dict[str, dict] = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith("{"):
                d = json.loads(line)
                if "lemma" in d:
                    reviews[d["lemma"]] = d
    with LEXICON.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    out, log, missing = [], [], []
    for row in rows:
        review = reviews.get(row["lemma"])
        if review is None:
            missing.append(row["lemma"])
            out.append(row)
            continue
        action, plain, note = decide(row, review)
        verdicts = ",".join(a.get("verdict", "?") for a in review.get("alternatives") or [])
        log.append([row["lemma"], str(bool(review.get("familiar"))).lower(), str(bool(review.get("fixed_term"))).lower(),
                    verdicts, row["action"], action, note])
        out.append({**row, "plain": " | ".join(plain), "action": action})
    with LEXICON.open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(HEADER) + "\n")
        for row in out:
            f.write("\t".join(row[h] for h in HEADER) + "\n")
    with REVIEW.open("w", encoding="utf-8", newline="") as f:
        f.write("lemma\tfamiliar\tfixed_term\tverdicts\tbefore\tafter\tnote\n")
        for r in log:
            f.write("\t".join(r) + "\n")
    counts: dict[str, int] = {}
    for r in log:
        counts[r[5]] = counts.get(r[5], 0) + 1
    print(f"{len(log)} entries reviewed, {len(missing)} without a review {missing[:10]}; actions now {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
