"""``python -m poiju_nlp score [FILE|-] [--json] [--glossary FILE]`` and the catalogue mode
``score --catalog FILE.jsonl [--out REPORT.jsonl] [--min-score N] [--max-wiio G]``.

With ``--min-score`` or ``--max-wiio`` the catalogue mode is a quality gate for a catalogue's CI: it lists the
courses below the bar and exits 1 when there is one (0 when all pass, 2 on bad input).
"""
from __future__ import annotations

import json
import sys

from .common import print_json, read_text


def add_parser(sub) -> None:
    p = sub.add_parser("score", help="pisteytä kurssikuvauksen selkeys (0-100) ja näytä vaikeat kohdat")
    p.add_argument("file", nargs="?", default="-", help="tekstitiedosto (oletus tai '-': vakiosyöte)")
    p.add_argument("--json", action="store_true", help="tulosta JSON")
    p.add_argument("--glossary", help="organisaation oma sanasto (TSV: term, plain, explanation)")
    p.add_argument("--catalog", help="JSONL-tiedosto, jossa kurssit (kentät id ja description, valinnainen title)")
    p.add_argument("--out", help="raportin JSONL-tiedosto (--catalog-tilassa)")
    p.add_argument("--min-score", type=float, help="laatuportti: kurssi, jonka selkeys on alle N, ei läpäise")
    p.add_argument("--max-wiio", type=float, help="laatuportti: kurssi, jonka Wiio-luku (W9) on yli G, ei läpäise")
    p.set_defaults(run=run)


def load_glossary(path: str | None):
    """The --glossary file; bad rows are reported on stderr by row number and the good rows are used."""
    if not path:
        return None
    from ..errors import InputError
    from ..scoring import Glossary
    from .common import decode_bytes

    try:
        g = Glossary.from_tsv(decode_bytes(open(path, "rb").read(), path))
    except FileNotFoundError:
        raise InputError(f"Sanastotiedostoa ei löydy: {path}") from None
    for problem in g.problems:
        print(f"Sanasto: {problem}", file=sys.stderr)
    return g or None


def run(args) -> int:
    from ..scoring import KIND_LABELS, SEVERITY_LABELS, score

    glossary = load_glossary(args.glossary)
    if args.catalog:
        return run_catalog(args, glossary)
    report = score(read_text(args.file), glossary=glossary)
    if args.json:
        print_json(report.to_dict())
        return 0
    m = report.metrics
    print(f"Selkeys: {report.score:.0f}/100 ({report.level})")
    print(f"Wiio-luku {m['wiio_w9']:.1f} (W10 {m['wiio_w10']:.1f}) | LIX {m['lix']:.0f} | {m['words']:.0f} sanaa, "
          f"{m['sentences']:.0f} virkettä, {m['mean_sentence_length']:.1f} sanaa/virke | harvinaisia sanoja "
          f"{100 * m['rare_word_share']:.0f} % | passiivi {100 * m['passive_share']:.0f} %")
    for f in report.findings:
        count = f" ({f.count} kertaa)" if f.count > 1 else ""
        text = f.text if len(f.text) <= 80 else f.text[:77] + "..."
        label = "vaikea virke" if f.kind == "hard_sentence" else KIND_LABELS.get(f.kind, f.kind)
        print(f"- [{label}, {SEVERITY_LABELS[f.severity]}] \"{text}\"{count}: {f.reason} Ehdotus: {f.suggestion}")
    if not report.findings:
        print("Ei huomautettavaa.")
    return 0


def run_catalog(args, glossary=None) -> int:
    from tqdm import tqdm

    from ..errors import InputError, PoijuError
    from ..scoring import score
    from .common import decode_bytes

    gate = args.min_score is not None or args.max_wiio is not None
    if not args.out and not gate:
        raise InputError("Anna raporttitiedosto: --out RAPORTTI.jsonl (tai laatuportti --min-score / --max-wiio)")
    try:
        lines = decode_bytes(open(args.catalog, "rb").read(), args.catalog).splitlines()
    except FileNotFoundError:
        raise InputError(f"Tiedostoa ei löydy: {args.catalog}") from None
    errors = 0
    failing: list[str] = []
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    try:
        for n, line in enumerate(tqdm(lines, desc="Pisteytetään", unit="kurssi", file=sys.stderr), 1):
            if not line.strip():
                continue
            try:
                course = json.loads(line)
                text = course.get("description") or ""
                row = {"id": course.get("id", f"rivi-{n}"), "title": course.get("title")}
                row.update(score(text, glossary=glossary).to_dict())
            except (json.JSONDecodeError, AttributeError):
                errors += 1
                row = {"row": n, "error": "Rivi ei ole kelvollista JSONia."}
            except PoijuError as err:
                errors += 1
                row = {"row": n, "id": course.get("id"), "error": err.message}
            if gate and "score" in row:
                why = []
                if args.min_score is not None and row["score"] < args.min_score:
                    why.append(f"selkeys {row['score']:.0f} < {args.min_score:g}")
                if args.max_wiio is not None and row["metrics"]["wiio_w9"] > args.max_wiio:
                    why.append(f"Wiio-luku {row['metrics']['wiio_w9']:.1f} > {args.max_wiio:g}")
                row["passes"] = not why
                if why:
                    title = f" {row['title']}" if row.get("title") else ""
                    failing.append(f"{row['id']}{title}: {', '.join(why)}")
            if out:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if out:
            out.close()
    if errors:
        print(f"Huom: {errors} riviä ohitettiin (virhe kerrottu raportissa).", file=sys.stderr)
    if gate:
        if failing:
            print(f"{len(failing)} kurssia ei läpäise laatuporttia:")
            for item in failing:
                print(f"- {item}")
            return 1
        print("Kaikki kurssit läpäisevät laatuportin.")
    return 0
