"""``python -m poiju_nlp rewrite [FILE|-] [--json] [--record RECORD.json]``: plain-Finnish rewrite, edit by edit."""
from __future__ import annotations

import json

from .common import print_json, read_text


def add_parser(sub) -> None:
    p = sub.add_parser("rewrite", help="selkeytä kurssikuvaus: muutokset perusteluineen, tosiasiat tarkistettu")
    p.add_argument("file", nargs="?", default="-", help="tekstitiedosto (oletus tai '-': vakiosyöte)")
    p.add_argument("--json", action="store_true", help="tulosta JSON (samat avaimet kuin rajapinnassa)")
    p.add_argument("--record", help="kurssitietue JSON-tiedostona: tulostaa myös selkeän kurssikortin")
    p.add_argument("--backend", choices=["rules", "hf", "http"], help="selkeyttäjä (oletus asetuksista: rules)")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..errors import InputError
    from ..rewriting import rewrite

    record = None
    if args.record:
        try:
            record = json.loads(open(args.record, encoding="utf-8").read())
        except (OSError, json.JSONDecodeError) as err:
            raise InputError(f"Kurssitietuetta ei voi lukea: {args.record} ({type(err).__name__})") from None
    text = read_text(args.file) if (args.file != "-" or record is None) else ""
    result = rewrite(text, record=record, backend=args.backend)
    if args.json:
        print_json(result.to_dict())
        return 0
    c = result.checks
    print(result.rewrite)
    print()
    print(f"Selkeys {c['score_before']:.0f} → {c['score_after']:.0f} | LIX {c['lix_before']:.0f} → {c['lix_after']:.0f}"
          f" | merkitys {c['meaning_similarity']:.2f} (virkkeitä katettu {c['sentences_covered']}) | tosiasiat "
          f"{'tallessa' if c['facts_preserved'] else 'PUUTTUU'} | pituus {c['length_ratio']:.2f}×")
    for e in result.edits:
        print(f"- [{e.rule}] \"{e.original}\" → \"{e.replacement}\": {e.reason}")
    for note in result.notes:
        print(f"Huom: {note}")
    if result.card_markdown:
        print()
        print(result.card_markdown)
    return 0
