"""``python -m poiju_nlp bundle --index DIR [--max-credits 15 | --max-hours 200] [--json] NEED``."""
from __future__ import annotations

from .common import print_json
from .match import add_filter_args, filters_from


def add_parser(sub) -> None:
    p = sub.add_parser("bundle", help="kokoa tarpeen vaatimukset kattava pieni kurssipaketti")
    p.add_argument("need", help="tarve tekstinä ('-' = vakiosyöte)")
    p.add_argument("--index", required=True, help="hakemistokansio")
    p.add_argument("--cap-credits", type=float, dest="cap_credits", help="paketin enimmäislaajuus (op)")
    p.add_argument("--cap-hours", type=float, dest="cap_hours", help="paketin enimmäiskuormitus (tuntia)")
    p.add_argument("--json", action="store_true", help="tulosta JSON")
    add_filter_args(p)
    p.set_defaults(run=run)


def run(args) -> int:
    from ..matching import CourseIndex, bundle
    from .common import read_text

    index = CourseIndex.load(args.index)
    need = read_text("-") if args.need == "-" else args.need
    b = bundle(index, need, max_credits=args.cap_credits, max_hours=args.cap_hours, filters=filters_from(args))
    if args.json:
        print_json(b.to_dict())
        return 0
    print(f"Paketti: {len(b.courses)} kurssia, yhteensä {b.total_credits:g} op / {b.total_hours:g} h")
    for c in b.courses:
        size = f"{c.credits:g} op" if c.credits else (f"{c.hours:g} h" if c.hours else "? op")
        print(f"- {c.title} [{c.id}], {size}, kattaa:")
        for req in c.covers:
            print(f"    • {req}")
    for req in b.uncovered:
        print(f"Ei katettu: {req}")
    return 0
