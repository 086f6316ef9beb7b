"""``python -m poiju_nlp index --catalog FILE --out DIR [--store faiss|qdrant] [--qdrant-url URL]
[--needs NEEDS.jsonl --qrels QRELS.tsv]``.

When DIR already holds an index made with the same model, the vectors of unchanged passage texts are reused:
re-indexing a changed catalogue encodes only what changed. ``--store qdrant`` keeps the vectors in an embedded
Qdrant under DIR (or on the server given by ``--qdrant-url``); ``match --index DIR`` works the same either way.
"""
from __future__ import annotations

import sys
import time


def add_parser(sub) -> None:
    p = sub.add_parser("index", help="rakenna kurssihakemisto (upotukset + BM25) kurssiluettelosta")
    p.add_argument("--catalog", required=True, nargs="+", help="CSV-, JSONL- tai JSON-tiedosto, kansio tai datasets-kansio")
    p.add_argument("--out", required=True, help="hakemistokansio")
    p.add_argument("--store", choices=("faiss", "qdrant"), default="faiss",
                   help="tallennustapa: faiss (oletus, tässä prosessissa) tai qdrant (upotettu tai palvelin)")
    p.add_argument("--qdrant-url", help="Qdrant-palvelimen osoite, esim. http://localhost:6333 (vain --store qdrant)")
    p.add_argument("--needs", help="tarpeet (JSONL qid,text) aukkorajan kalibrointiin")
    p.add_argument("--qrels", help="relevanssiarviot (TSV qid course_id relevance) aukkorajan kalibrointiin")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..errors import InputError
    from ..matching import CourseIndex, calibrate_gap_threshold, load_catalog

    if args.qdrant_url and args.store != "qdrant":
        raise InputError("--qdrant-url toimii vain yhdessä valinnan --store qdrant kanssa.")
    catalog = args.catalog if len(args.catalog) > 1 else args.catalog[0]
    load = load_catalog(catalog)
    for p in load.problems:
        print(f"{'Virhe' if p.severity == 'virhe' else 'Huom'}: {p}", file=sys.stderr)
    if not load.records:
        raise InputError("Kurssiluettelossa ei ole yhtään kelvollista kurssia.")
    options = {"url": args.qdrant_url} if args.qdrant_url else {}
    t0 = time.perf_counter()
    index = CourseIndex.build(load.records, show_progress=True, store=args.store, store_options=options,
                              reuse=args.out)
    if args.needs and args.qrels:
        from ..matching.data import read_needs, read_qrels

        cal = calibrate_gap_threshold(index, read_needs(args.needs), read_qrels(args.qrels))
        if cal:
            print(f"Aukkoraja kalibroitu: {cal['threshold']:.4f} ({cal['pairs']} paria)", file=sys.stderr)
    index.save(args.out)
    stats = index.build_stats
    print(f"Hakemisto tallennettu: {args.out} ({len(index)} kurssia, {len(index.passages)} kohtaa, "
          f"{len(load.errors)} riviä ohitettu; tallennus {args.store}; upotettiin {stats.get('encoded', 0)} kohtaa, "
          f"{stats.get('reused', 0)} saatiin aiemmasta; {time.perf_counter() - t0:.1f} s)")
    return 0
