"""``python -m poiju_nlp gaps --index DIR NEEDS.jsonl [--json]``: requirements that no course covers well."""
from __future__ import annotations

from .common import print_json


def add_parser(sub) -> None:
    p = sub.add_parser("gaps", help="näytä tarpeet, joihin mikään kurssi ei vastaa hyvin")
    p.add_argument("needs", help="JSONL-tiedosto (rivit {\"qid\", \"text\"}) tai tekstitiedosto (tarve per rivi)")
    p.add_argument("--index", required=True, help="hakemistokansio")
    p.add_argument("--json", action="store_true", help="tulosta JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..matching import CourseIndex, gaps
    from ..matching.data import read_needs

    index = CourseIndex.load(args.index)
    report = gaps(index, [{"qid": q, "text": t} for q, t in read_needs(args.needs).items()])
    if args.json:
        print_json(report.to_dict())
        return 0
    print(f"Kattavuusraja {report.threshold:.3f}; {len(report.gaps)} katveessa olevaa vaatimusta:")
    for g in report.gaps:
        print(f"- [{g.qid}] {g.requirement} (paras: {g.title}, {g.coverage:.3f})")
    return 0
