"""Run every benchmark and write the evaluator's report.

    python -m evaluation.run_all [--quick] [--data DIR] [--only scoring,matching]

Writes to ``evaluation/results/``: ``report.md`` (one table per capability: the project against its baselines from the
same run, with the machine and date), ``results.json`` (every figure), ``<capability>.json`` (one per benchmark) and
PNG plots (score distributions, Recall@k curves, latency against catalog size) for whatever the benchmarks return.

Each benchmark is a module ``evaluation/bench_<name>.py`` with ``run(quick: bool = False, data: str | None = None)``
returning a dict with a ``primary`` figure. A benchmark that is not in the project yet is skipped with a note, and
one that fails does not stop the others.
"""
from __future__ import annotations

import argparse
import importlib
import inspect
import json
import logging
import math
import re
import time
import traceback
from pathlib import Path

from .common import RESULTS_DIR, machine

log = logging.getLogger("evaluation.run_all")

# (capability, module, Finnish title) in report order.
BENCHES = [
    ("text", "bench_text", "Tekstianalyysi (spaCy + Voikko)"),
    ("scoring", "bench_scoring", "Selkeyden pisteytys"),
    ("outcomes", "bench_outcomes", "Osaamistavoitteet"),
    ("matching", "bench_matching", "Kurssien haku työelämän tarpeeseen"),
    ("rewriting", "bench_rewriting", "Selkeämmäksi kirjoittaminen"),
]
TITLES = {name: title for name, _, title in BENCHES}


def _noop(fraction: float, message: str) -> None:
    pass


def load_bench(module: str):
    """Import ``evaluation.<module>``; None when the benchmark is not in the project (yet)."""
    full = f"{__package__ or 'evaluation'}.{module}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as err:
        if err.name == full:
            return None
        raise


def run_bench(mod, quick: bool, data: str | None) -> dict:
    """Call ``mod.run`` with the arguments it accepts (older benchmarks may not take ``data``)."""
    params = inspect.signature(mod.run).parameters
    kwargs = {"quick": quick} if "quick" in params else {}
    if data is not None:
        if "data" not in params:
            raise TypeError(f"{mod.__name__}.run() does not accept external data")
        kwargs["data"] = data
    return mod.run(**kwargs)


def run_all(quick: bool = False, data: str | None = None, only: list[str] | None = None, progress=None,
            out_dir: Path | str | None = None) -> dict:
    """Run the benchmarks, write the report, JSON and plots, and return the combined results.

    ``progress(fraction, message)`` is called before each benchmark and at the end (the UI shows it as a bar).
    """
    progress = progress or _noop
    out = Path(out_dir) if out_dir else RESULTS_DIR
    out.mkdir(parents=True, exist_ok=True)
    selected = [b for b in BENCHES if not only or b[0] in only]
    combined = {"machine": machine(), "quick": quick, "data": data, "benchmarks": {}, "skipped": {},
                "errors": {}, "seconds": {}}
    start = time.perf_counter()
    for i, (name, module, title) in enumerate(selected):
        progress(i / max(len(selected), 1), f"{title}…")
        mod = load_bench(module)
        if mod is None:
            combined["skipped"][name] = f"evaluation/{module}.py puuttuu vielä"
            continue
        t = time.perf_counter()
        try:
            result = run_bench(mod, quick, data)
        except Exception as err:  # one broken benchmark must not hide the others
            log.exception("benchmark %s failed", name)
            combined["errors"][name] = f"{type(err).__name__}: {err}"
            combined["errors_detail"] = combined.get("errors_detail", {})
            combined["errors_detail"][name] = traceback.format_exc(limit=5)
            continue
        finally:
            combined["seconds"][name] = round(time.perf_counter() - t, 1)
        combined["benchmarks"][name] = result
        _write_json(out / f"{name}.json", result)
    combined["wall_seconds"] = round(time.perf_counter() - start, 1)
    progress(0.97, "Kirjoitetaan raportti ja kuvaajat…")
    combined["plots"] = [p.name for p in make_plots(combined["benchmarks"], out)]
    _write_json(out / "results.json", combined)
    (out / "report.md").write_text(render_report(combined), encoding="utf-8")
    progress(1.0, "Valmis")
    return combined


def _write_json(path: Path, data) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    tmp.replace(path)


# --- report ----------------------------------------------------------------------------------------------------

def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _fmt(v) -> str:
    if isinstance(v, bool):
        return "kyllä" if v else "ei"
    if isinstance(v, float):
        return f"{v:.4g}" if abs(v) < 1e5 else f"{v:,.0f}".replace(",", " ")
    if isinstance(v, (list, tuple)) and len(v) == 2 and all(_is_number(x) for x in v):
        return f"[{_fmt(v[0])}, {_fmt(v[1])}]"  # a confidence interval
    text = str(v).replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= 80 else text[:77] + "…"


def _is_scalar(v) -> bool:
    return v is None or isinstance(v, (str, int, float, bool)) or (
        isinstance(v, (list, tuple)) and len(v) == 2 and all(_is_number(x) for x in v))


def comparison_tables(result: dict, prefix: str = "") -> list[tuple[str, dict[str, dict]]]:
    """Find method-by-metric groups: the dict children of a dict that hold mostly scalar figures (e.g.
    ``{"poiju": {"f1": .8}, "baseline_lix": {"f1": .6}}``) become one table with a row per method."""
    found = []
    for key, value in result.items():
        if not isinstance(value, dict) or key == "machine":
            continue
        rows = {k: v for k, v in value.items() if isinstance(v, dict) and v
                and sum(_is_scalar(x) for x in v.values()) >= max(1, len(v) // 2)}
        if len(rows) >= 2:
            found.append((prefix + str(key), rows))
        for k, v in value.items():
            if isinstance(v, dict) and (len(rows) < 2 or k not in rows):
                found += comparison_tables({k: v}, prefix + str(key) + ".")
    return found


def flat_figures(result: dict, prefix: str = "", skip: set[str] | None = None) -> list[tuple[str, object]]:
    """Every scalar figure as (dotted.key, value), leaving out the machine and the comparison tables."""
    skip = skip or set()
    rows = []
    for key, value in result.items():
        path = prefix + str(key)
        if key == "machine" or path in skip:
            continue
        if isinstance(value, dict):
            rows += flat_figures(value, path + ".", skip)
        elif _is_scalar(value):
            rows.append((path, value))
    return rows


def render_table(rows: dict[str, dict]) -> str:
    metrics: list[str] = []
    for r in rows.values():
        metrics += [str(k) for k, v in r.items() if _is_scalar(v) and str(k) not in metrics]
    lines = ["| menetelmä | " + " | ".join(metrics) + " |", "|---" * (len(metrics) + 1) + "|"]
    for method, r in rows.items():
        r = {str(k): v for k, v in r.items()}
        lines.append(f"| {method} | " + " | ".join(_fmt(r[m]) if m in r else "" for m in metrics) + " |")
    return "\n".join(lines)


def render_report(combined: dict) -> str:
    m = combined["machine"]
    lines = [
        "# POIJU-NLP: vertailujen tulokset",
        "",
        f"- Päivä: {m.get('date')}",
        f"- Kone: {m.get('platform')}, {m.get('cpus')} suoritinta, Python {m.get('python')}",
        f"- Tila: {'pika (--quick)' if combined.get('quick') else 'täysi'}"
        + (f", oma aineisto {combined['data']}" if combined.get("data") else ""),
        f"- Kesto yhteensä: {combined.get('wall_seconds', 0)} s",
        "",
    ]
    for name, result in combined["benchmarks"].items():
        lines += [f"## {TITLES.get(name, name)} (`{name}`)", ""]
        if not isinstance(result, dict):
            lines += [f"Tulos: {_fmt(result)}", ""]
            continue
        lines.append(f"Päätulos (primary): **{_fmt(result.get('primary'))}** · kesto "
                     f"{combined['seconds'].get(name, '?')} s")
        lines.append("")
        tables = comparison_tables(result)
        for key, rows in tables:
            lines += [f"**{key}**", "", render_table(rows), ""]
        in_tables = {f"{key}.{row}" for key, rows in tables for row in rows}
        figures = [(k, v) for k, v in flat_figures(result, skip=in_tables) if k != "primary"]
        if figures:
            lines += ["| mittari | arvo |", "|---|---|"]
            lines += [f"| {k} | {_fmt(v)} |" for k, v in figures]
            lines.append("")
    if combined["skipped"]:
        lines += ["## Ohitetut", ""] + [f"- `{k}`: {v}" for k, v in combined["skipped"].items()] + [""]
    if combined["errors"]:
        lines += ["## Virheet", ""] + [f"- `{k}`: {_fmt(v)}" for k, v in combined["errors"].items()] + [""]
    if combined.get("plots"):
        lines += ["## Kuvaajat", ""] + [f"![{p}]({p})" for p in combined["plots"]] + [""]
    return "\n".join(lines)


# --- plots -----------------------------------------------------------------------------------------------------

_K = re.compile(r"^(?:@|k=?|top-?)?(\d+)$", re.IGNORECASE)


def _walk(obj, path=""):
    yield path, obj
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _walk(v, f"{path}.{k}" if path else str(k))


def _curve(d) -> list[tuple[int, float]] | None:
    """{"1": .4, "5": .7} or {"@1": ..} or {"recall@1": ..} → sorted points; None when not a k-curve."""
    if not isinstance(d, dict) or len(d) < 2:
        return None
    points = []
    for k, v in d.items():
        m = _K.match(str(k).split("@")[-1]) if "@" in str(k) else _K.match(str(k))
        if not m or not _is_number(v):
            return None
        points.append((int(m.group(1)), float(v)))
    return sorted(points)


def _size_latency(obj) -> tuple[list, list, str, str] | None:
    """A list of dicts with a size key and a latency key → (x, y, xname, yname)."""
    if not isinstance(obj, list) or len(obj) < 2 or not all(isinstance(r, dict) for r in obj):
        return None
    keys = obj[0].keys()
    xs = [k for k in keys if re.search(r"size|courses|catalog|n_docs|^n$", k) and _is_number(obj[0][k])]
    ys = [k for k in keys if re.search(r"latency|_ms|ms_|seconds|_s$|time", k) and _is_number(obj[0][k])]
    if not xs or not ys:
        return None
    pts = sorted((r[xs[0]], r[ys[0]]) for r in obj if _is_number(r.get(xs[0])) and _is_number(r.get(ys[0])))
    return [p[0] for p in pts], [p[1] for p in pts], xs[0], ys[0]


def make_plots(benchmarks: dict, out: Path) -> list[Path]:
    """Draw what the results contain; each plot type is found by the shape of the data, not a fixed schema."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:  # plots are a bonus; the report and JSON are the record
        return []
    for old in out.glob("*.png"):
        old.unlink()
    written = []

    def save(fig, name):
        path = out / name
        fig.tight_layout()
        fig.savefig(path, dpi=90)
        plt.close(fig)
        written.append(path)

    for bench, result in benchmarks.items():
        if not isinstance(result, dict):
            continue
        hists, curves, sizes = [], {}, []
        for path, value in _walk(result):
            leaf = path.rsplit(".", 1)[-1].lower()
            if (isinstance(value, list) and len(value) >= 5 and all(_is_number(v) for v in value)
                    and re.search(r"score|distribution|plainness|values", leaf)):
                hists.append((path, value))
            elif isinstance(value, dict) and re.search(r"distribution|histogram", leaf) and \
                    all(_is_number(v) for v in value.values()) and len(value) >= 2 and _curve(value) is None:
                hists.append((path, value))  # already binned: {"0-10": 3, ...}
            elif (c := _curve(value)) is not None and re.search(r"recall|ndcg|precision|mrr|hit", path.lower()):
                curves[path] = c
            elif (s := _size_latency(value)) is not None:
                sizes.append((path, s))
        for n, (path, values) in enumerate(hists):
            fig, ax = plt.subplots(figsize=(6, 3.5))
            if isinstance(values, dict):
                ax.bar([str(k) for k in values], list(values.values()))
                ax.tick_params(axis="x", rotation=45)
            else:
                ax.hist(values, bins=20, color="#3b6ea5")
            ax.set_title(f"{bench}: {path}")
            ax.set_ylabel("lukumäärä")
            save(fig, f"{bench}_distribution_{n}.png")
        if curves:
            fig, ax = plt.subplots(figsize=(6, 3.5))
            for path, pts in curves.items():
                ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=path)
            ax.set_xlabel("k")
            ax.set_ylabel("osuus")
            ax.set_title(f"{bench}: Recall@k")
            ax.legend(fontsize=7)
            save(fig, f"{bench}_recall_at_k.png")
        for n, (path, (xs, ys, xn, yn)) in enumerate(sizes):
            fig, ax = plt.subplots(figsize=(6, 3.5))
            ax.plot(xs, ys, marker="o")
            ax.set_xlabel(xn)
            ax.set_ylabel(yn)
            ax.set_title(f"{bench}: {path}")
            save(fig, f"{bench}_latency_{n}.png")
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Aja kaikki vertailut ja kirjoita raportti evaluation/results/-kansioon.")
    ap.add_argument("--quick", action="store_true", help="pikaversio (alle 5 min kahdella ytimellä)")
    ap.add_argument("--data", help="oma aineisto (tiedosto tai kansio), annetaan jokaiselle vertailulle")
    ap.add_argument("--only", help="pilkuilla erotettu lista: " + ",".join(b[0] for b in BENCHES))
    ap.add_argument("--out", help="tuloskansio (oletus evaluation/results)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    def show(fraction, message):
        print(f"[{fraction:4.0%}] {message}", flush=True)

    combined = run_all(args.quick, args.data, args.only.split(",") if args.only else None, show, args.out)
    out = Path(args.out) if args.out else RESULTS_DIR
    print(f"Raportti: {out / 'report.md'} ({combined['wall_seconds']} s)")
    for name, note in combined["skipped"].items():
        print(f"ohitettu {name}: {note}")
    for name, err in combined["errors"].items():
        print(f"VIRHE {name}: {err}")
    return 1 if combined["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
