"""``python -m poiju_nlp index --catalog FILE --out DIR [--needs NEEDS.jsonl --qrels QRELS.tsv]``."""
from __future__ import annotations

import sys


def add_parser(sub) -> None:
    p = sub.add_parser("index", help="rakenna kurssihakemisto (upotukset + BM25) kurssiluettelosta")
    p.add_argument("--catalog", required=True, nargs="+", help="CSV-, JSONL- tai JSON-tiedosto, kansio tai datasets-kansio")
    p.add_argument("--out", required=True, help="hakemistokansio")
    p.add_argument("--needs", help="tarpeet (JSONL qid,text) aukkorajan kalibrointiin")
    p.add_argument("--qrels", help="relevanssiarviot (TSV qid course_id relevance) aukkorajan kalibrointiin")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..errors import InputError
    from ..matching import CourseIndex, calibrate_gap_threshold, load_catalog

    catalog = args.catalog if len(args.catalog) > 1 else args.catalog[0]
    load = load_catalog(catalog)
    for p in load.problems:
        print(f"{'Virhe' if p.severity == 'virhe' else 'Huom'}: {p}", file=sys.stderr)
    if not load.records:
        raise InputError("Kurssiluettelossa ei ole yhtään kelvollista kurssia.")
    index = CourseIndex.build(load.records, show_progress=True)
    if args.needs and args.qrels:
        from ..matching.data import read_needs, read_qrels

        cal = calibrate_gap_threshold(index, read_needs(args.needs), read_qrels(args.qrels))
        if cal:
            print(f"Aukkoraja kalibroitu: {cal['threshold']:.4f} ({cal['pairs']} paria)", file=sys.stderr)
    index.save(args.out)
    print(f"Hakemisto tallennettu: {args.out} ({len(index)} kurssia, {len(index.passages)} kohtaa, "
          f"{len(load.errors)} riviä ohitettu)")
    return 0
