"""``python -m poiju_nlp outcomes [FILE|-] [--json]``: propose learning outcomes from a course description.
``python -m poiju_nlp outcomes --check [FILE|-] [--json]``: check statements, one per line."""
from __future__ import annotations

from ..domain import COURSE_LEVELS
from .common import print_json, read_text


def add_parser(sub) -> None:
    p = sub.add_parser("outcomes", help="ehdota osaamistavoitteita kuvauksesta tai tarkista tavoitteet (--check)")
    p.add_argument("file", nargs="?", default="-", help="tekstitiedosto (oletus tai '-': vakiosyöte)")
    p.add_argument("--check", action="store_true", help="tarkista tavoitteet (yksi tavoite riviä kohden)")
    p.add_argument("--level", choices=COURSE_LEVELS, default=None,
                   help="kurssin taso: vaikuttaa Bloomin tasojen valintaan (oletus perus)")
    p.add_argument("--json", action="store_true", help="tulosta JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    text = read_text(args.file)
    if args.check:
        from ..outcomes import check

        result = check(text)
        if args.json:
            print_json({"items": [{"text": i.text, "problems": [p.to_dict() for p in i.problems]}
                                  for i in result.items]})
            return 0
        for item in result.items:
            mark = "OK " if not item.problems else "!! "
            print(f"{mark}{item.text}")
            for p in item.problems:
                print(f"    [{p.kind}] {p.reason}")
                print(f"        Ehdotus: {p.suggestion}")
        ok = sum(not i.problems for i in result.items)
        print(f"\n{ok}/{len(result.items)} tavoitetta kunnossa.")
        return 0
    from ..outcomes import propose

    proposal = propose(text, level=args.level)
    if args.json:
        print_json(proposal.to_dict())
        return 0
    labels = {"author": "kuvauksen tavoitteesta", "built": "koottu sisällöstä"}
    for o in proposal.outcomes:
        print(f"- {o.text}  (Bloom {o.bloom_level}, verbi {o.verb}; {labels.get(o.source, o.source)})")
        print(f"    Lähde: {o.source_sentence}")
        if o.why:
            print(f"    Miksi: {o.why}")
    for s in proposal.skipped:
        print(f"Jäi pois: '{s.statement}' ({s.reason})")
    for note in proposal.notes:
        print(f"Huom: {note}")
    return 0
