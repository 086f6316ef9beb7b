#!/usr/bin/env python3
"""Validate the demo course catalogue corpora/courses/courses_{a,b}.jsonl.

Checks
  rows        : valid JSON per line, the fields of CourseRecord, unique ids in the file's range (c001-c165 in
                courses_a, c201-c360 in courses_b), title and description present.
  facts       : credits 1-59 or empty; hours > 0 or empty; when both are given, hours within 20 % of 27 h per
                credit; a course without credits states its hours; a course whose text says it lasts a few hours
                or one or two days carries no credits (27 h of work does not fit in an afternoon); mode, level,
                language and price are from the allowed values; dates are ISO dates with end >= start.
  language    : a course tagged fi, sv or en is written in that language (its description has more function words
                of the tagged language than of the other two).
  outcomes    : every course has 1-8 learning outcomes, and no single count covers more than half of the courses.
  variety     : descriptions run from one line (<= 25 words, at least 10 courses) to long texts (>= 180 words, at
                least 3 courses); every level has both plain ("opit", "harjoittelet") and academic ("opintojaksolla
                perehdytään", "opiskelija") descriptions; start dates fall in at least 8 different months of at
                least 2 calendar years, and some self-paced courses have no dates.
  records     : every record passes the same validation as a user's upload (poiju_nlp.records.CourseRecord), and
                every tag is a topic of corpora/TOPICS.md.
  readme      : the course counts in README.md match the files.

Modes, levels and hours per credit come from poiju_nlp.domain (one home for each fact).

Usage (from the repository root): .venv/bin/python corpora/courses/check_courses.py [--quiet] [--strict]
Exit status 0 if all checks pass, 1 otherwise (every finding is an error, so --strict changes nothing).
"""
import collections
import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The repository root: above this folder, or the working directory when a copy of the folder is checked elsewhere.
ROOT = next((p for p in (HERE.parent.parent, Path.cwd()) if (p / "poiju_nlp").is_dir()), HERE.parent.parent)
sys.path.insert(0, str(ROOT))

from poiju_nlp.domain import COURSE_LEVELS, HOURS_PER_CREDIT, MICRO_CREDENTIAL_MAX_CREDITS, MODES  # noqa: E402
from poiju_nlp.records import CourseRecord  # noqa: E402

FILES = {"courses_a.jsonl": (1, 165), "courses_b.jsonl": (201, 360)}
README = HERE / "README.md"

FIELDS = {"id", "title", "description", "learning_outcomes", "credits", "hours", "mode", "language", "provider",
          "level", "price_eur", "dates", "url", "tags"}
LEVELS = set(COURSE_LEVELS) - {"jatko"}  # the demo catalogue has no doctoral courses
LANGUAGES = {"fi", "sv", "en"}
WORKLOAD_TOLERANCE = 0.2

# Function words that tell the three catalogue languages apart in a few sentences.
FUNCTION_WORDS = {
    "fi": {"ja", "on", "että", "sekä", "kuten", "miten", "kurssilla", "opit", "tai", "myös", "ovat", "sen", "jotka",
           "joka", "kanssa", "lisäksi", "opintojaksolla", "kun", "ei", "voi"},
    "sv": {"och", "att", "du", "som", "på", "för", "med", "en", "ett", "av", "till", "är", "hur", "när", "kursen",
           "vi", "så", "den", "det", "om"},
    "en": {"and", "the", "of", "to", "in", "is", "for", "with", "you", "on", "how", "this", "that", "are", "as",
           "course", "an", "be", "by", "will"},
}
# A duration that cannot hold 27 hours of student work per credit.
SHORT_FORMAT = re.compile(
    r"(kestää (noin )?(yhden päivän|kaksi päivää|kaksi iltaa|muutaman tunnin|(noin )?(yhden|kaksi|kolme) tunti)"
    r"|yhtenä (ilta)?päivänä|vie noin (tunnin|kaksi tuntia|kolme tuntia)|yksi (ilta)?päivä|yhdessä päivässä)",
    re.IGNORECASE)
PLAIN = re.compile(r"\b(opit|Opit|harjoittelet|Harjoittelet|saat|Saat|kokeilet|Harjoittelemme|Käymme|voit|Voit|"
                   r"syvennät|teet|Teet|mietit)\b")
ACADEMIC = re.compile(r"\b(Opintojaksolla|perehdytään|tarkastellaan|käsitellään|Opiskelija|opiskelija|"
                      r"edellytetään|substanssi\w*|viitekehy\w*|analysoidaan)\b")

errors: list[str] = []
TOPICS = {slug.strip() for line in (ROOT / "corpora" / "TOPICS.md").read_text(encoding="utf-8").splitlines()
          if line and not line.startswith("#") for slug in line.split(",") if slug.strip()}


def err(msg: str) -> None:
    errors.append(msg)


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.lower())


def style(text: str) -> str:
    return "academic" if len(ACADEMIC.findall(text)) > len(PLAIN.findall(text)) else "plain"


def language_of(text: str) -> str:
    ws = words(text)
    counts = {lang: sum(w in fw for w in ws) for lang, fw in FUNCTION_WORDS.items()}
    return max(counts, key=counts.get)


def check_course(name: str, n: int, r: dict, lo: int, hi: int, seen: set) -> None:
    where = f"{name}:{n}"
    extra = set(r) - FIELDS
    if extra:
        err(f"{where}: unknown fields {sorted(extra)}")
    cid = r.get("id", "")
    m = re.fullmatch(r"c(\d{3})", cid or "")
    if not m or not lo <= int(m.group(1)) <= hi:
        err(f"{where}: id {cid!r} outside c{lo:03d}-c{hi:03d}")
    if cid in seen:
        err(f"{where}: duplicate id {cid}")
    seen.add(cid)
    where = f"{name}:{n} ({cid})"
    for key in ("title", "description", "provider", "url"):
        if not isinstance(r.get(key), str) or not r[key].strip():
            err(f"{where}: {key} missing")
    credits, hours = r.get("credits"), r.get("hours")
    if credits is not None and not (isinstance(credits, (int, float))
                                    and 1 <= credits <= MICRO_CREDENTIAL_MAX_CREDITS):
        err(f"{where}: credits {credits!r} not 1-{MICRO_CREDENTIAL_MAX_CREDITS:g}")
    if hours is not None and not (isinstance(hours, (int, float)) and hours > 0):
        err(f"{where}: hours {hours!r} not positive")
    if credits and hours and abs(hours - credits * HOURS_PER_CREDIT) > WORKLOAD_TOLERANCE * credits * HOURS_PER_CREDIT:
        err(f"{where}: {hours} h does not fit {credits} op ({HOURS_PER_CREDIT} h per credit)")
    if credits is None and hours is None:
        err(f"{where}: neither credits nor hours")
    short = SHORT_FORMAT.search(r.get("description", ""))
    if short and credits:
        err(f"{where}: the text says '{short.group(0)}' but the course gives {credits} op")
    if r.get("mode") not in MODES:
        err(f"{where}: mode {r.get('mode')!r}")
    if r.get("level") not in LEVELS:
        err(f"{where}: level {r.get('level')!r}")
    lang = r.get("language")
    if lang not in LANGUAGES:
        err(f"{where}: language {lang!r}")
    else:
        text = " ".join([r.get("description", ""), *r.get("learning_outcomes", [])])
        if language_of(text) != lang:
            err(f"{where}: tagged {lang} but written in {language_of(text)}")
    price = r.get("price_eur")
    if price is not None and not (isinstance(price, (int, float)) and 0 <= price <= 5000):
        err(f"{where}: price {price!r}")
    dates = r.get("dates") or {}
    try:
        start = dt.date.fromisoformat(dates["start"]) if dates.get("start") else None
        end = dt.date.fromisoformat(dates["end"]) if dates.get("end") else None
        if start and end and end < start:
            err(f"{where}: ends before it starts")
        if bool(start) != bool(end):
            err(f"{where}: dates need both start and end, or neither")
    except ValueError as e:
        err(f"{where}: bad date ({e})")
    outcomes = r.get("learning_outcomes")
    if not isinstance(outcomes, list) or not 1 <= len(outcomes) <= 8:
        err(f"{where}: {len(outcomes) if isinstance(outcomes, list) else 'no'} learning outcomes (1-8)")
    elif any(not isinstance(o, str) or len(words(o)) < 2 for o in outcomes):
        err(f"{where}: an empty or one-word learning outcome")
    if not isinstance(r.get("tags"), list) or not r["tags"]:
        err(f"{where}: no tags")
    else:
        unknown = [t for t in r["tags"] if t not in TOPICS]
        if unknown:
            err(f"{where}: tags not in corpora/TOPICS.md: {unknown}")
    _, problems = CourseRecord.from_dict(r)
    for p in problems:
        err(f"{where}: {p.field}: {p.message}")


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    rows = []
    seen: set = set()
    counts = {}
    for name, (lo, hi) in FILES.items():
        path = HERE / name
        if not path.exists():
            err(f"missing {name}")
            continue
        n_file = 0
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"{name}:{n}: not JSON ({e.msg})")
                continue
            n_file += 1
            check_course(name, n, r, lo, hi, seen)
            rows.append(r)
        counts[name] = n_file

    # --- variety over the whole catalogue ---------------------------------------------------------------------
    n = len(rows)
    by_outcomes = collections.Counter(len(r.get("learning_outcomes") or []) for r in rows)
    if n and max(by_outcomes.values()) > n / 2:
        err(f"outcome counts too uniform: {dict(sorted(by_outcomes.items()))}")
    lengths = [len(r.get("description", "").split()) for r in rows]
    if sum(w <= 25 for w in lengths) < 10:
        err("fewer than 10 one-line descriptions (<= 25 words)")
    if sum(w >= 180 for w in lengths) < 3:
        err("fewer than 3 long descriptions (>= 180 words)")
    if lengths and max(lengths) > 320:
        err(f"a description of {max(lengths)} words (real ones run to about 300)")
    styles = collections.Counter((r.get("level"), style(r.get("description", ""))) for r in rows
                                 if r.get("language") == "fi")
    for level in LEVELS:
        total = styles[(level, "plain")] + styles[(level, "academic")]
        for s in ("plain", "academic"):
            if total and styles[(level, s)] < max(3, 0.05 * total):
                err(f"level {level}: only {styles[(level, s)]} of {total} descriptions are {s}: style follows level")
    starts = [r["dates"]["start"] for r in rows if (r.get("dates") or {}).get("start")]
    months = {s[:7] for s in starts}
    if len(months) < 8 or len({s[:4] for s in starts}) < 2:
        err(f"start dates too uniform: {sorted(months)}")
    if sum(not (r.get("dates") or {}) for r in rows) < 5:
        err("fewer than 5 self-paced courses without dates")
    languages = collections.Counter(r.get("language") for r in rows)

    # --- README counts ----------------------------------------------------------------------------------------
    readme = README.read_text(encoding="utf-8") if README.exists() else ""
    for name, count in counts.items():
        if not re.search(rf"`{re.escape(name)}` \| {count} ", readme):
            err(f"README.md does not give {count} courses for {name}")
    if not re.search(rf"\b{n} courses\b", readme):
        err(f"README.md does not state the total ({n} courses)")

    if not quiet:
        print(f"courses: {n} ({', '.join(f'{k} {v}' for k, v in counts.items())})")
        print(f"learning outcomes per course: {dict(sorted(by_outcomes.items()))}")
        if lengths:
            print(f"description words: min {min(lengths)}, median {sorted(lengths)[n // 2]}, max {max(lengths)}; "
                  f"<= 25 words: {sum(w <= 25 for w in lengths)}, >= 180 words: {sum(w >= 180 for w in lengths)}")
        print(f"style by level: {dict(sorted(styles.items()))}")
        print(f"languages: {dict(languages)}; start months: {len(months)}; without dates: "
              f"{sum(not (r.get('dates') or {}) for r in rows)}")
        print(f"without credits (short trainings): {sum(r.get('credits') is None for r in rows)}")
    for e in errors:
        print("ERROR:", e)
    if not quiet or errors:
        print("FAILED" if errors else "OK")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
