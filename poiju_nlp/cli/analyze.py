"""``python -m poiju_nlp analyze [FILE|-] [--json]``: sentences and tokens of a Finnish text."""
from __future__ import annotations

from .common import print_json, read_text


def add_parser(sub) -> None:
    p = sub.add_parser("analyze", help="näytä tekstin lauseet ja sanojen perusmuodot, sanaluokat ja yhdyssanaosat")
    p.add_argument("file", nargs="?", default="-", help="tekstitiedosto (oletus tai '-': vakiosyöte)")
    p.add_argument("--json", action="store_true", help="tulosta JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..text import analyze

    result = analyze(read_text(args.file))
    if args.json:
        print_json(result.to_dict())
        return 0
    for w in result.warnings:
        print(f"Huom: {w}")
    for n, sent in enumerate(result.sentences, 1):
        print(f"Lause {n}: {sent.text}")
        for i in sent.tokens:
            t = result.tokens[i]
            parts = "+".join(p.base for p in t.compound_parts) if len(t.compound_parts) > 1 else ""
            syl = "-".join(t.syllables)
            known = "" if t.known else "  [Voikko ei tunne]"
            print(f"  {t.text:<22} {t.base:<22} {t.pos:<6} {t.dep:<10} {syl:<24} {parts}{known}")
    return 0
