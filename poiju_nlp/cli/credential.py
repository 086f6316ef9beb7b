"""``python -m poiju_nlp credential check RECORD.json [--json]``: the 11 EU micro-credential elements.
``python -m poiju_nlp credential export --format elm|ob3 RECORD.json [-o OUT]``: Europass ELM JSON-LD or OB 3.0."""
from __future__ import annotations

import json
import sys

from ..errors import InputError
from .common import print_json

MARK = {"present": "OK ", "missing": "-- ", "unclear": "?? "}


def add_parser(sub) -> None:
    p = sub.add_parser("credential", help="tarkista mikrotutkinnon tiedot tai vie ne ELM- tai OB3-muotoon")
    csub = p.add_subparsers(dest="action", metavar="TOIMINTO")
    c = csub.add_parser("check", help="tarkista EU:n 11 pakollista tietoa")
    c.add_argument("record", help="kurssitietue (JSON-tiedosto, '-' = vakiosyöte)")
    c.add_argument("--json", action="store_true", help="tulosta JSON")
    c.add_argument("--no-proposals", action="store_true", help="älä ehdota osaamistavoitteita (nopeampi)")
    c.set_defaults(run=run_check)
    e = csub.add_parser("export", help="vie Europass ELM (JSON-LD) tai Open Badges 3.0 -muotoon")
    e.add_argument("record", help="kurssitietue (JSON-tiedosto, '-' = vakiosyöte)")
    e.add_argument("--format", choices=["elm", "ob3"], required=True, help="elm = Europass, ob3 = Open Badges 3.0")
    e.add_argument("-o", "--output", help="kirjoita tiedostoon (oletus: vakiotuloste)")
    e.set_defaults(run=run_export)
    p.set_defaults(run=lambda args: (p.print_help(), 2)[1])


def _load(source: str):
    from ..credentials import load_record

    if source == "-":
        from .common import decode_bytes

        return load_record(decode_bytes(sys.stdin.buffer.read(), "syöte"))
    return load_record(source)


def run_check(args) -> int:
    from ..credentials import check_micro_credential

    record, problems = _load(args.record)
    report = check_micro_credential(record, field_problems=problems, propose_outcomes=not args.no_proposals)
    if args.json:
        print_json(report.to_dict())
        return 0 if report.complete else 1
    if report.field_problems:
        print("Virheelliset kentät (jätettiin tyhjiksi):")
        for p in report.field_problems:
            print(f"  {p.field}: {p.message}")
        print()
    for e in report.elements:
        print(f"{MARK[e.status]}{e.number:>2}. {e.name}: {e.value.splitlines()[0] if e.value else '–'}")
        if e.explanation:
            print(f"       {e.explanation}")
        if e.proposal:
            lines = e.proposal.splitlines()
            print(f"       Ehdotus: {lines[0]}")
            for line in lines[1:]:
                print(f"                {line}")
    print(f"\n{report.summary()}")
    return 0 if report.complete else 1


def run_export(args) -> int:
    from ..credentials import to_elm, to_ob3

    record, problems = _load(args.record)
    if problems:
        lines = "\n".join(f"  {p.field}: {p.message}" for p in problems)
        raise InputError(f"Tietueessa on virheellisiä kenttiä, korjaa ne ennen vientiä:\n{lines}")
    if not record.title.strip():
        raise InputError("Tietueesta puuttuu nimi (title); todistusta ei voi viedä ilman sitä.")
    data = to_elm(record) if args.format == "elm" else to_ob3(record)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
        print(f"Kirjoitettu: {args.output}")
        return 0
    print_json(data)
    return 0
