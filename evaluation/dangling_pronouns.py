"""Dangling 'hän' after re-addressing: rewrites in which an accepted edit turned a learner sentence into the 2nd person
('Kurssin suoritettuaan opiskelija on tietoinen X' -> 'Kurssin jälkeen olet tietoinen X') while a later form of 'hän'
in the same paragraph that points to that learner ('Hän ymmärtää ...', 'Hänellä on valmiuksia ...') stays in the final
text: the 'hän' then points to nobody (the learner is 'sinä' now) and the persons mix.

Two counts: ``pointing`` (the 'hän' points to the re-addressed learner by poiju_nlp.rewriting.rules.person.
pronoun_antecedents, read on the original's parse, and is still in the final text) and ``any_after`` (any 'hän' form
after a re-addressing edit in its line of the final text, whoever it points to: a wider net read without the parse,
to read by eye).

Mixed persons in a block (rewrite review 14): a block (poiju_nlp.rewriting.rules.person.person_blocks: between
blank lines, a heading line begins a new one; a converted list stays in its heading's block) of the final text in which
an edit addresses the learner as 'sinä' while a finite clause keeps the learner in the 3rd person ('Opiskelija osaa
X. Ymmärrät Y.'). Counted by kind (poiju_nlp.rewriting.rules.person.third_person_mentions): the learner as subject,
plural learners, the learner in another role ('rohkaista opiskelijaa'), a learner passive ('Kurssilla opitaan'), and
'list' (a converted list beside any of these under the same heading). Every text is read (not only those with 'hän').

    .venv/bin/python -m evaluation.dangling_pronouns [--split dev|test|all] [--limit N] [--seed S] [--quiet]
        [--dump FILE]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HAN = re.compile(r"\bh[äÄ]n(?:\b|e\w*|tä\b|kin\b|kään\b)", re.IGNORECASE)


def _line(text: str, start: int, end: int) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a:b if b >= 0 else len(text)]


def dangling_cases(text: str, edits, analysis) -> list[dict]:
    """Per re-addressing edit, the 'hän' forms pointing to its learner that are still in the final text."""
    from poiju_nlp.rewriting.edits import apply_edits
    from poiju_nlp.rewriting.rules.person import adds_second_person, pronoun_antecedents
    from poiju_nlp.rewriting.rules.base import is_learner

    toks = analysis.tokens
    final = apply_edits(text, edits)
    cases = []
    for h, a in pronoun_antecedents(text, analysis).items():
        if a is None or not is_learner(toks[a]):
            continue
        e = next((e for e in edits if e.start <= toks[a].start and toks[a].end <= e.end), None)
        if e is None or not adds_second_person(e):
            continue
        cover = next((x for x in edits if x.start <= toks[h].start and toks[h].end <= x.end), None)
        if cover is not None and not HAN.search(cover.replacement):
            continue  # converted with it
        cases.append({"rule": e.rule, "han": toks[h].text, "before": _line(text, e.start, toks[h].end),
                      "after": _final_line(text, edits, e, final)})
    return cases


def _final_line(text: str, edits, e, final: str) -> str:
    delta = sum(len(x.replacement) - (x.end - x.start) for x in edits if x.end <= e.start)
    return _line(final, e.start + delta, e.start + delta + len(e.replacement.rstrip("\n")))


def any_after(text: str, edits) -> list[str]:
    """The lines of the final text in which a 'hän' form follows a re-addressing edit (any referent), one per form."""
    from poiju_nlp.rewriting.edits import apply_edits
    from poiju_nlp.rewriting.rules.person import adds_second_person

    final = apply_edits(text, edits)
    out, delta = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        at = e.start + delta
        delta += len(e.replacement) - (e.end - e.start)
        if adds_second_person(e):
            end = final.find("\n", at + len(e.replacement.rstrip("\n")))
            out += [_line(final, at, at)] * len(HAN.findall(final[at:end if end >= 0 else len(final)]))
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--seed", type=int, default=0, help="with --limit: the seeded sample (as bench_rewriting)")
    parser.add_argument("--quiet", action="store_true", help="the counts only")
    parser.add_argument("--dump", help="read the rewrites from a bench_rewriting --dump file (system 'full') "
                                       "instead of rewriting: to measure another version of the rewriter")
    args = parser.parse_args(argv)
    from evaluation.real_text import available, load_real_texts
    from poiju_nlp.rewriting import guard, rewrite
    from poiju_nlp.rewriting.edits import Edit
    from poiju_nlp.rewriting.rules.person import adds_second_person, mixed_person_blocks

    if not available():
        print("No real texts here (../shared/data); nothing to measure.")
        return
    texts = load_real_texts(split=args.split, limit=args.limit, seed=args.seed)
    # only a text with a 'hän' form can end with a dangling one (split_sentence writes 'Hän' only into a learner
    # sentence it leaves in the 3rd person; pass 2 reads that 'Hän' like any other)
    dumped = {}
    if args.dump:
        import json

        for line in Path(args.dump).read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            if d.get("system", "full") == "full":
                dumped[d["id"]] = d
        texts = [t for t in texts if t.id in dumped]
    with_han = [t for t in texts if HAN.search(t.text)]
    n_cases = n_texts = n_any = n_chains = n_dropped = 0
    from poiju_nlp.rewriting.rules.person import MIX_KINDS

    # [blocks, texts] per kind of 3rd person (a block counts under each kind it holds; 'list': a converted list
    # beside the 3rd person under the same heading), and 'any' block at all
    mixed = {k: [0, 0] for k in MIX_KINDS + ("list", "any")}
    n_addressed = n_persons = 0
    for k, t in enumerate(texts):
        if args.dump:
            d = dumped[t.id]
            from poiju_nlp.text import validate_text

            original = validate_text(t.text, check_language=False)
            edits = [Edit(e["start"], e["end"], e["original"], e["replacement"], e["rule"], e["reason"])
                     for e in d["edits"]]
            rejected_checks = [x.get("check") for x in d.get("rejected") or []]
        else:
            r = rewrite(t.text)
            original, edits = r.original, r.edits
            rejected_checks = [x.check for x in r.rejected]
        n_dropped += rejected_checks.count("pronoun")
        n_persons += rejected_checks.count("persons")
        n_addressed += any(adds_second_person(e) for e in edits)
        blocks = mixed_person_blocks(original, edits, lambda s: guard.analysis_report(s)[0])
        for kind in mixed:
            mine = [b for b in blocks if kind == "any" or kind in b["kinds"]]
            mixed[kind][0] += len(mine)
            mixed[kind][1] += bool(mine)
        if not args.quiet:
            for b in blocks:
                print(f"\n### {t.id} mixed persons ({', '.join(b['kinds'])}): "
                      f"{', '.join(sorted({e.rule for e in b['edits']}))}; "
                      f"3rd person: {', '.join(w.text for w in b['third'])}\n+ {b['block'].strip()}")
        if t not in with_han:
            continue
        analysis, _ = guard.analysis_report(original)
        cases = dangling_cases(original, edits, analysis)
        n_cases += len(cases)
        n_texts += bool(cases)
        after = any_after(original, edits)
        n_any += len(after)
        n_chains += sum("\"hän\" tarkoittaa" in e.reason for e in edits)
        print(f"[{k + 1}/{len(texts)}] {t.id}: {len(cases)}", file=sys.stderr, flush=True)
        if not args.quiet:
            for c in cases:
                print(f"\n=== {t.id} {c['rule']} {c['han']!r}\n- {c['before']}\n+ {c['after']}")
            for line in dict.fromkeys(after):
                print(f"\n~~~ {t.id} 'hän' after a re-addressing edit (read: whom does it point to?)\n+ {line}")
    print(f"\n{args.split}: {len(texts)} texts, {len(with_han)} with a 'hän' form; 'hän' pointing to a re-addressed "
          f"learner left in the final text: {n_cases} in {n_texts} texts; any 'hän' after a re-addressing edit in "
          f"its line: {n_any}; edits that carry 'hän' sentences along: {n_chains}; learner edits dropped for a "
          f"'hän' they would orphan: {n_dropped}")
    kinds = "; ".join(f"{k} {b} in {n} texts" for k, (b, n) in mixed.items() if k != "any")
    print(f"{args.split}: {n_addressed} texts with a 'sinä' edit; blocks mixing 'sinä' with the learner in the 3rd "
          f"person or a learner passive: {mixed['any'][0]} in {mixed['any'][1]} texts ({kinds}); 'sinä' edits "
          f"dropped for mixed persons: {n_persons}")


if __name__ == "__main__":
    main()
