"""``python -m poiju_nlp match --index DIR [--k 10] [--json] QUERY`` and
``match --index DIR --queries QUERIES.jsonl [--k 10]`` (JSONL out: {"qid", "results": [...]})."""
from __future__ import annotations

import json
import sys

from .common import print_json


def add_filter_args(p) -> None:
    p.add_argument("--mode", action="append", help="toteutustapa: lähi, etä, hybridi, verkko (voi toistaa)")
    p.add_argument("--max-credits", type=float, help="enintään näin monta opintopistettä")
    p.add_argument("--max-hours", type=float, help="enintään näin monta tuntia")
    p.add_argument("--language", help="opetuskieli, esim. fi")
    p.add_argument("--provider", help="järjestäjä (osa nimestä riittää)")
    p.add_argument("--tag", action="append", dest="tags", help="aihetunniste (voi toistaa)")
    p.add_argument("--max-price", type=float, help="enintään näin monta euroa")


def filters_from(args):
    from ..matching import MatchFilters

    return MatchFilters.from_any(dict(mode=args.mode, max_credits=args.max_credits, max_hours=args.max_hours,
                                      language=args.language, provider=args.provider, tags=args.tags,
                                      max_price=args.max_price))


def add_parser(sub) -> None:
    p = sub.add_parser("match", help="hae tarpeeseen sopivat kurssit hakemistosta")
    p.add_argument("query", nargs="?", help="tarve tekstinä ('-' = vakiosyöte)")
    p.add_argument("--index", required=True, help="hakemistokansio (python -m poiju_nlp index)")
    p.add_argument("--k", type=int, default=10, help="tulosten määrä (oletus 10)")
    p.add_argument("--json", action="store_true", help="tulosta JSON")
    p.add_argument("--queries", help="JSONL-tiedosto, rivit {\"qid\", \"text\"}; tulos JSONL vakiotulosteeseen")
    p.add_argument("--qdrant-url", help="Qdrant-palvelimen osoite, jos hakemiston kurssit ovat palvelimella muualla "
                   "kuin tallennettaessa")
    add_filter_args(p)
    p.set_defaults(run=run)


def run(args) -> int:
    from ..errors import InputError, PoijuError
    from ..matching import CourseIndex, match
    from .common import read_text

    index = CourseIndex.load(args.index, qdrant_url=args.qdrant_url)
    filters = filters_from(args)
    if args.queries:
        from ..matching.data import read_needs

        errors = 0
        for qid, text in read_needs(args.queries).items():
            try:
                res = match(index, text, filters=filters, k=args.k)
                row = {"qid": qid, "results": res.to_dict()["results"]}
                if res.warnings:
                    row["warnings"] = res.warnings
            except PoijuError as err:
                errors += 1
                row = {"qid": qid, "results": [], "error": err.message}
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        if errors:
            print(f"Huom: {errors} hakua epäonnistui (virhe kerrottu tulosteessa).", file=sys.stderr)
        return 0
    if args.query is None:
        raise InputError("Anna hakuteksti tai --queries TIEDOSTO.jsonl.")
    query = read_text("-") if args.query == "-" else args.query
    res = match(index, query, filters=filters, k=args.k)
    if args.json:
        print_json(res.to_dict())
        return 0
    for w in res.warnings:
        print(f"Huom: {w}", file=sys.stderr)
    for n, r in enumerate(res.results, 1):
        size = f"{r.credits:g} op" if r.credits else (f"{r.hours:g} h" if r.hours else "")
        facts = ", ".join(x for x in [size, r.mode, r.provider,
                                      f"{r.price_eur:g} €" if r.price_eur is not None else ""] if x)
        print(f"{n}. {r.title} [{r.id}] ({facts})")
        for m in r.explanation.matched[:1]:
            print(f"   tarve: \"{m.need_sentence}\" ↔ kurssi: \"{m.course_passage[:160]}\"")
        if r.explanation.shared_terms:
            print(f"   yhteiset sanat: {', '.join(r.explanation.shared_terms)}")
    if not res.results:
        print("Ei osumia.")
    return 0
