"""Load test: N concurrent gradio_client users, half scoring and half matching, for T seconds.

    python -m evaluation.load_test [--url http://127.0.0.1:7860/] [--users 20] [--seconds 60] [--think 0]
                                   [--match-endpoint match_ui|match]

Without --url it starts ``app.py`` on a free local port and stops it afterwards. Each user is a thread with its own
client and one role: scoring users send real Finnish course descriptions from corpora/courses to ``/score``;
matching users send the team's employer needs (corpora/needs, in a per-user random order) to the coordinator
page's own event ``/match_ui`` (ranking, explanations and a bundle, what a coordinator's click costs; the default)
or to the systems API ``/match`` (the need text alone). Users wait ``--think`` seconds between calls.

Writes p50/p95 latency, throughput and the error count per endpoint, the app's CPU per request (from /proc: does
not depend on other jobs of a shared machine) and the request rate it implies on two free cores, the app's CPU per
call of each endpoint measured one call at a time before the load (matching a new need and a repeated one: query
vectors are cached by text), the share of match requests whose need the server had seen before, and the 1-minute
load average before and after the run, to ``evaluation/results/load.json``.
Goals (issue 15): p95 <= 2 s for score and for match with 20 users (10 + 10), 0 errors.

The duration defaults to POIJU_LOAD_SECONDS (60); the test suite runs a shortened version.
"""
from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from .common import corpus_path, machine, read_jsonl, write_result

ROOT = Path(__file__).resolve().parents[1]
GOAL_P95_SCORE_S = 2.0
GOAL_P95_MATCH_S = 2.0


def sample_texts(n: int = 60) -> list[str]:
    """Real Finnish course descriptions from the catalogue (the page scores Finnish only; English and Swedish
    courses would be refused, which is right but not load)."""
    texts = []
    for path in sorted(corpus_path("courses").glob("*.jsonl")):
        texts += [c["description"] for c in read_jsonl(path) if c.get("description") and c.get("language") == "fi"]
    random.Random(7).shuffle(texts)
    return texts[:n] or ["Kurssilla opit antamaan ensiapua ja elvyttämään aikuisen. Laajuus on 1 op."]


def sample_needs() -> list[str]:
    path = corpus_path("needs", "needs.jsonl")
    needs = [r["text"] for r in read_jsonl(path)] if path.exists() else []
    return needs or ["Hoitajamme tarvitsevat osaamista kivunhoitoon muistisairaille asukkaille."]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def start_app(timeout: float = 180) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, GRADIO_SERVER_PORT=str(port))
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5)
            return proc, url
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"app.py exited with {proc.returncode}")
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError(f"app.py did not answer on {url}")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its threads (Linux /proc), 0 when unknown."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _match_call(client, named: dict, endpoint: str, need: str):
    if endpoint == "match":
        return client.predict(need, api_name="/match")
    # the page's event: the need plus the page's defaults for every other field
    params = named[f"/{endpoint}"]["parameters"]
    args = [p.get("parameter_default") if p.get("parameter_has_default") else None for p in params]
    args[0] = need
    return client.predict(*args, api_name=f"/{endpoint}")


CALIBRATION_CALLS = 6


def _calibrate(proc, client, named: dict, match_endpoint: str, texts: list[str], needs: list[str]) -> dict:
    """Server CPU milliseconds per call of each endpoint, one call at a time before the load: scoring; matching a
    need the server has not seen (query encoding included) and the same needs again (query vectors cached)."""
    def cpu_ms(calls) -> float:
        c0 = _cpu_seconds(proc.pid)
        for call in calls:
            call()
        return round(1000 * (_cpu_seconds(proc.pid) - c0) / len(calls), 1)

    score_calls = [lambda t=t: client.predict(t, api_name="/score") for t in texts[1:1 + CALIBRATION_CALLS]]
    out = {"score": cpu_ms(score_calls)}
    if match_endpoint:
        calls = [lambda n=n: _match_call(client, named, match_endpoint, n) for n in needs[:CALIBRATION_CALLS]]
        out["match_new_need"] = cpu_ms(calls)
        out["match_repeated_need"] = cpu_ms(calls)
    return out


def run(url: str | None = None, users: int = 20, seconds: float | None = None, think: float = 0.0,
        write: bool = True, match_endpoint: str = "match_ui") -> dict:
    from gradio_client import Client

    seconds = float(seconds if seconds is not None else os.environ.get("POIJU_LOAD_SECONDS", "60"))
    proc = None
    if url is None:
        proc, url = start_app()
    load_before = os.getloadavg()
    try:
        probe = Client(url, verbose=False)
        named = probe.view_api(return_format="dict", print_info=False)["named_endpoints"]
        if f"/{match_endpoint}" not in named:
            match_endpoint = "match" if "/match" in named else ""
        endpoints = ["score"] + (["match"] if match_endpoint else [])
        texts, needs = sample_texts(), sample_needs()
        probe.predict(texts[0], api_name="/score")  # warm-up: models load once, outside the measurement
        if match_endpoint:
            _match_call(probe, named, match_endpoint, needs[-1])
        calibration = _calibrate(proc, probe, named, match_endpoint, texts, needs) if proc is not None else {}
        load_start = os.getloadavg()
        server_cpu0 = _cpu_seconds(proc.pid) if proc is not None else 0.0
        client_cpu0 = time.process_time()
        latencies = {e: [] for e in endpoints}
        errors = {e: [] for e in endpoints}
        sent: set[str] = set(needs[:CALIBRATION_CALLS]) | {needs[-1]}  # needs the server has seen
        repeats = [0]
        lock = threading.Lock()
        stop_at = time.monotonic() + seconds

        def user(n: int) -> None:
            rng = random.Random(n)
            # Files in the answers (the CSV of a search, the JSON report of a score) stay on the server as links,
            # as in the browser: a user downloads one when they want it, not on every click.
            client = Client(url, verbose=False, download_files=False)
            endpoint = endpoints[n % len(endpoints)]  # a fixed role: half score, half match
            order = list(needs)
            rng.shuffle(order)
            i = 0
            while time.monotonic() < stop_at:
                t = time.perf_counter()
                try:
                    if endpoint == "score":
                        client.predict(rng.choice(texts), api_name="/score")
                    else:
                        need = order[i % len(order)]
                        with lock:
                            repeats[0] += need in sent
                            sent.add(need)
                        _match_call(client, named, match_endpoint, need)
                    ok = True
                except Exception as err:  # every failure counts, whatever its kind
                    ok = False
                    message = f"{type(err).__name__}: {err}"[:200]
                i += 1
                elapsed = time.perf_counter() - t
                with lock:
                    (latencies[endpoint] if ok else errors[endpoint]).append(elapsed if ok else message)
                if think:
                    time.sleep(think)

        threads = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(users)]
        start = time.monotonic()
        for th in threads:
            th.start()
        for th in threads:  # a call still unanswered a minute after the end counts as an error
            th.join(timeout=max(1.0, stop_at + 60 - time.monotonic()))
        hung = sum(th.is_alive() for th in threads)
        wall = time.monotonic() - start
        server_cpu = _cpu_seconds(proc.pid) - server_cpu0 if proc is not None else None
        client_cpu = time.process_time() - client_cpu0
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
    load_after = os.getloadavg()

    result = {"machine": machine(), "url_local": url.startswith("http://127.0.0.1"), "users": users,
              "seconds": seconds, "think_seconds": think, "wall_seconds": round(wall, 1),
              "match_endpoint": match_endpoint,
              "load_average": {"before_app": [round(x, 2) for x in load_before],
                               "at_start": [round(x, 2) for x in load_start],
                               "after": [round(x, 2) for x in load_after]},
              "endpoints": {}}
    done = sum(len(v) for v in latencies.values())
    if server_cpu is not None and done:
        # CPU the app spent per answered request: independent of other jobs on a shared machine; 2 cores / this
        # is the request rate the app could serve if it had the machine to itself (clients elsewhere)
        result["server_cpu_seconds"] = round(server_cpu, 1)
        result["server_cpu_ms_per_request"] = round(1000 * server_cpu / done, 1)
        result["capacity_per_s_on_2_free_cores"] = round(2 * done / server_cpu, 1) if server_cpu else None
    result["client_cpu_seconds"] = round(client_cpu, 1)
    result["server_cpu_ms_per_call_alone"] = calibration
    if match_endpoint and latencies.get("match") is not None:
        n_match = len(latencies["match"]) + len(errors["match"])
        # the server caches query vectors by text: a need sent before costs the "repeated" figure above
        result["match_needs_sent_before_share"] = round(repeats[0] / n_match, 3) if n_match else 0.0
    for e in endpoints:
        lat = latencies[e]
        result["endpoints"][e] = {
            "requests": len(lat) + len(errors[e]), "errors": len(errors[e]), "error_examples": errors[e][:3],
            "p50_s": round(percentile(lat, 0.5), 3), "p95_s": round(percentile(lat, 0.95), 3),
            "max_s": round(max(lat), 3) if lat else 0.0, "per_s": round(len(lat) / wall, 2),
        }
    score = result["endpoints"]["score"]
    result["unanswered_at_end"] = hung
    result["errors"] = sum(v["errors"] for v in result["endpoints"].values()) + hung
    goals = {"score_p95<=2s": score["p95_s"] <= GOAL_P95_SCORE_S, "errors==0": result["errors"] == 0}
    if "match" in result["endpoints"]:
        goals["match_p95<=2s"] = result["endpoints"]["match"]["p95_s"] <= GOAL_P95_MATCH_S
    result["goals"] = goals
    result["primary"] = max(e["p95_s"] for e in result["endpoints"].values())
    result["primary_metric"] = "worst p95 (s) over score and match"
    if write:
        write_result("load", result)
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Kuormitustesti: samanaikaiset käyttäjät pisteyttävät ja hakevat.")
    ap.add_argument("--url", help="käynnissä olevan sovelluksen osoite (oletus: käynnistetään oma)")
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=None, help="kesto (oletus POIJU_LOAD_SECONDS tai 60)")
    ap.add_argument("--think", type=float, default=0.0, help="tauko kutsujen välillä sekunteina")
    ap.add_argument("--match-endpoint", default="match_ui", choices=("match_ui", "match"),
                    help="match_ui = koordinaattorin sivun haku (oletus), match = järjestelmien rajapinta")
    args = ap.parse_args(argv)
    t0 = time.monotonic()
    r = run(args.url, args.users, args.seconds, args.think, match_endpoint=args.match_endpoint)
    print(f"kesto kaikkiaan {time.monotonic() - t0:.0f} s (sovelluksen käynnistys ja lämmittely mukaan lukien)")
    print(f"kuorma (1 min keskiarvo) ennen: {r['load_average']['at_start'][0]}, jälkeen: "
          f"{r['load_average']['after'][0]}; sovelluksen CPU {r.get('server_cpu_ms_per_request')} ms/pyyntö "
          f"(riittäisi {r.get('capacity_per_s_on_2_free_cores')} pyyntöön/s kahdella vapaalla ytimellä), "
          f"kuormitustestin asiakkaiden CPU {r['client_cpu_seconds']} s")
    print("sovelluksen CPU yksittäin (ms/kutsu):", r["server_cpu_ms_per_call_alone"],
          "| haun tarve lähetetty jo aiemmin:", r.get("match_needs_sent_before_share"))
    for name, e in r["endpoints"].items():
        print(f"{name}: {e['requests']} pyyntöä, p50 {e['p50_s']} s, p95 {e['p95_s']} s, "
              f"{e['per_s']}/s, virheitä {e['errors']}")
    print("tavoitteet:", r["goals"])
    return 0 if r["errors"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
