"""``python -m poiju_nlp score [FILE|-] [--json]`` and ``score --catalog FILE.jsonl --out REPORT.jsonl``."""
from __future__ import annotations

import json
import sys

from .common import print_json, read_text


def add_parser(sub) -> None:
    p = sub.add_parser("score", help="pisteytä kurssikuvauksen selkeys (0-100) ja näytä vaikeat kohdat")
    p.add_argument("file", nargs="?", default="-", help="tekstitiedosto (oletus tai '-': vakiosyöte)")
    p.add_argument("--json", action="store_true", help="tulosta JSON")
    p.add_argument("--catalog", help="JSONL-tiedosto, jossa kurssit (kentät id ja description, valinnainen title)")
    p.add_argument("--out", help="raportin JSONL-tiedosto (--catalog-tilassa)")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..scoring import KIND_LABELS, SEVERITY_LABELS, score

    if args.catalog:
        return run_catalog(args)
    report = score(read_text(args.file))
    if args.json:
        print_json(report.to_dict())
        return 0
    m = report.metrics
    print(f"Selkeys: {report.score:.0f}/100 ({report.level})")
    print(f"LIX {m['lix']:.0f} | {m['words']:.0f} sanaa, {m['sentences']:.0f} virkettä, "
          f"{m['mean_sentence_length']:.1f} sanaa/virke | harvinaisia sanoja {100 * m['rare_word_share']:.0f} % | "
          f"passiivi {100 * m['passive_share']:.0f} %")
    for f in report.findings:
        print(f"- [{KIND_LABELS.get(f.kind, f.kind)}, {SEVERITY_LABELS[f.severity]}] \"{f.text}\": {f.reason} "
              f"Ehdotus: {f.suggestion}")
    if not report.findings:
        print("Ei huomautettavaa.")
    return 0


def run_catalog(args) -> int:
    from tqdm import tqdm

    from ..errors import InputError, PoijuError
    from ..scoring import score
    from .common import decode_bytes

    if not args.out:
        raise InputError("Anna raporttitiedosto: --out RAPORTTI.jsonl")
    try:
        lines = decode_bytes(open(args.catalog, "rb").read(), args.catalog).splitlines()
    except FileNotFoundError:
        raise InputError(f"Tiedostoa ei löydy: {args.catalog}") from None
    errors = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for n, line in enumerate(tqdm(lines, desc="Pisteytetään", unit="kurssi", file=sys.stderr), 1):
            if not line.strip():
                continue
            try:
                course = json.loads(line)
                text = course.get("description") or ""
                row = {"id": course.get("id", f"rivi-{n}"), "title": course.get("title")}
                row.update(score(text).to_dict())
            except (json.JSONDecodeError, AttributeError):
                errors += 1
                row = {"row": n, "error": "Rivi ei ole kelvollista JSONia."}
            except PoijuError as err:
                errors += 1
                row = {"row": n, "id": course.get("id"), "error": err.message}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    if errors:
        print(f"Huom: {errors} riviä ohitettiin (virhe kerrottu raportissa).", file=sys.stderr)
    return 0
