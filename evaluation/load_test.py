"""Load test: N concurrent users of the running app, half scoring and half matching, for T seconds.

    python -m evaluation.load_test [--url http://127.0.0.1:7860/] [--users 20] [--seconds 60] [--think 0]
                                   [--match-endpoint match_ui|match]

Without --url it starts ``app.py`` on a free local port and stops it afterwards. The users are asyncio tasks of one
process speaking gradio's documented HTTP API (``GradioHTTP``: the same queued calls a browser's click makes, real
texts in, answers checked), so the generator itself stays cheap on the two cores it shares with the app; its CPU
is reported next to the app's. Each user has one role: scoring users send real Finnish course descriptions from
corpora/courses to ``/score``; matching users send the team's employer needs (corpora/needs, in a per-user random
order) to the coordinator page's own event ``/match_ui`` (ranking, explanations and a bundle, what a coordinator's
click costs; the default, when the app names it) or to the systems API ``/match`` (the need text alone). Users
wait ``--think`` seconds between calls.

Writes p50/p95 latency, throughput and the error count per endpoint, the app's CPU per request (from /proc: does
not depend on other jobs of a shared machine) and the request rate it implies on two free cores, the app's CPU per
call of each endpoint measured one call at a time before the load (matching a new need and a repeated one: query
vectors are cached by text), the share of match requests whose need the server had seen before, and the 1-minute
load average before and after the run; the generator's own CPU (seconds, per request and cores used); to
``evaluation/results/load.json``.
Goals (issue 15): p95 <= 2 s for score and for match with 20 users (10 + 10), 0 errors.

The duration defaults to POIJU_LOAD_SECONDS (60); the test suite runs a shortened version.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
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


def _peak_rss_mb(pid: int) -> float | None:
    """Peak resident memory of a process in MB (Linux /proc), None when unknown."""
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 0)
    except (OSError, ValueError, IndexError):
        pass
    return None


class GradioHTTP:
    """A cheap client for gradio's documented HTTP API (the "Querying Gradio Apps with Curl" guide): POST
    ``/gradio_api/call/<endpoint>`` with ``{"data": [...]}`` returns an event id; GET on the same path plus the id
    streams server-sent events until ``event: complete`` (the answer) or ``event: error``. The call goes through the
    app's queue like a browser's click. Parameters the caller leaves out get the endpoint's own defaults (from
    ``/gradio_api/info``), as gradio_client fills them. Each user keeps one session (``session_hash``) like a browser
    tab. One asyncio loop drives every simulated user, so the
    generator costs a few milliseconds of CPU per call instead of gradio_client's thread and websocket machinery
    (which used about one of the machine's two cores in the 20-user run)."""

    def __init__(self, http, url: str, named: dict | None = None):
        self.http = http
        self.base = url.rstrip("/") + "/gradio_api"
        self.named: dict = named or {}
        # One session per simulated user, as a browser tab (and gradio_client) has: without it every call would
        # open a new session, whose set-up (a copy of every component's configuration) costs the server more
        # than some requests themselves.
        self.session_hash = uuid.uuid4().hex[:11]

    async def load_info(self) -> dict:
        r = await self.http.get(f"{self.base}/info")
        r.raise_for_status()
        self.named = r.json()["named_endpoints"]
        return self.named

    def arguments(self, endpoint: str, first) -> list:
        params = self.named[f"/{endpoint}"]["parameters"]
        args = [p.get("parameter_default") if p.get("parameter_has_default") else None for p in params]
        args[0] = first
        return args

    async def call(self, endpoint: str, first):
        r = await self.http.post(f"{self.base}/call/{endpoint}",
                                 json={"data": self.arguments(endpoint, first), "session_hash": self.session_hash})
        r.raise_for_status()
        event_id = r.json()["event_id"]
        event = None
        async with self.http.stream("GET", f"{self.base}/call/{endpoint}/{event_id}") as stream:
            stream.raise_for_status()
            async for line in stream.aiter_lines():
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:") and event in ("complete", "error"):
                    payload = json.loads(line[5:])
                    if event == "error":
                        raise RuntimeError(f"server error: {payload}")
                    return payload
        raise RuntimeError("the event stream ended without an answer")


def check_answer(endpoint: str, data) -> None:
    """A real answer, not only a 200: the score's highlighted text and its summary; the match's result list."""
    if endpoint == "score":
        if not (isinstance(data, list) and len(data) >= 2 and data[0] and data[1]):
            raise RuntimeError(f"empty score answer: {str(data)[:120]}")
    elif not (isinstance(data, list) and data and (not isinstance(data[0], dict) or "results" in data[0])):
        raise RuntimeError(f"unexpected match answer: {str(data)[:120]}")


CALIBRATION_CALLS = 6


async def _calibrate(proc, api: GradioHTTP, match_endpoint: str, texts: list[str], needs: list[str]) -> dict:
    """Server CPU milliseconds per call of each endpoint, one call at a time before the load: scoring; matching a
    need the server has not seen (query encoding included) and the same needs again (query vectors cached)."""
    async def cpu_ms(endpoint, items) -> float:
        c0 = _cpu_seconds(proc.pid)
        for item in items:
            await api.call(endpoint, item)
        return round(1000 * (_cpu_seconds(proc.pid) - c0) / len(items), 1)

    out = {"score": await cpu_ms("score", texts[1:1 + CALIBRATION_CALLS])}
    if match_endpoint:
        out["match_new_need"] = await cpu_ms(match_endpoint, needs[:CALIBRATION_CALLS])
        out["match_repeated_need"] = await cpu_ms(match_endpoint, needs[:CALIBRATION_CALLS])
    return out


async def _load(url: str, proc, users: int, seconds: float, think: float, match_endpoint: str) -> dict:
    import httpx

    limits = httpx.Limits(max_connections=2 * users + 4, max_keepalive_connections=2 * users + 4)
    async with httpx.AsyncClient(timeout=httpx.Timeout(120.0), limits=limits) as http:
        api = GradioHTTP(http, url)
        named = await api.load_info()
        if f"/{match_endpoint}" not in named:
            match_endpoint = "match" if "/match" in named else ""
        endpoints = ["score"] + (["match"] if match_endpoint else [])
        texts, needs = sample_texts(), sample_needs()
        await api.call("score", texts[0])  # warm-up: models load once, outside the measurement
        if match_endpoint:
            await api.call(match_endpoint, needs[-1])
        calibration = await _calibrate(proc, api, match_endpoint, texts, needs) if proc is not None else {}
        out = {"match_endpoint": match_endpoint, "endpoints": endpoints, "calibration": calibration,
               "load_at_start": os.getloadavg()}
        server_cpu0 = _cpu_seconds(proc.pid) if proc is not None else 0.0
        client_cpu0 = time.process_time()
        latencies = {e: [] for e in endpoints}
        errors = {e: [] for e in endpoints}
        sent: set[str] = set(needs[:CALIBRATION_CALLS]) | {needs[-1]}  # needs the server has seen
        repeats = 0
        stop_at = time.monotonic() + seconds

        async def user(n: int) -> None:
            nonlocal repeats
            rng = random.Random(n)
            endpoint = endpoints[n % len(endpoints)]  # a fixed role: half score, half match
            mine = GradioHTTP(http, url, named)  # the user's own session
            order = list(needs)
            rng.shuffle(order)
            i = 0
            while time.monotonic() < stop_at:
                t = time.perf_counter()
                try:
                    if endpoint == "score":
                        check_answer("score", await mine.call("score", rng.choice(texts)))
                    else:
                        need = order[i % len(order)]
                        repeats += need in sent
                        sent.add(need)
                        check_answer("match", await mine.call(match_endpoint, need))
                    latencies[endpoint].append(time.perf_counter() - t)
                except Exception as err:  # every failure counts, whatever its kind
                    errors[endpoint].append(f"{type(err).__name__}: {err}"[:200])
                i += 1
                if think:
                    await asyncio.sleep(think)

        start = time.monotonic()
        tasks = [asyncio.create_task(user(n)) for n in range(users)]
        # a call still unanswered a minute after the end counts as an error
        _, pending = await asyncio.wait(tasks, timeout=max(1.0, stop_at + 60 - time.monotonic()))
        for task in pending:
            task.cancel()
        out["server_peak_rss_mb"] = _peak_rss_mb(proc.pid) if proc is not None else None
        out.update(hung=len(pending), wall=time.monotonic() - start, latencies=latencies, errors=errors,
                   repeats=repeats, client_cpu=time.process_time() - client_cpu0,
                   server_cpu=_cpu_seconds(proc.pid) - server_cpu0 if proc is not None else None)
        return out


def run(url: str | None = None, users: int = 20, seconds: float | None = None, think: float = 0.0,
        write: bool = True, match_endpoint: str = "match_ui") -> dict:
    seconds = float(seconds if seconds is not None else os.environ.get("POIJU_LOAD_SECONDS", "60"))
    proc = None
    if url is None:
        proc, url = start_app()
    load_before = os.getloadavg()
    try:
        got = asyncio.run(_load(url, proc, users, seconds, think, match_endpoint))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
    load_after = os.getloadavg()
    match_endpoint, endpoints, latencies, errors = (got["match_endpoint"], got["endpoints"], got["latencies"],
                                                    got["errors"])
    wall, server_cpu, client_cpu, hung = got["wall"], got["server_cpu"], got["client_cpu"], got["hung"]

    result = {"machine": machine(), "url_local": url.startswith("http://127.0.0.1"), "users": users,
              "seconds": seconds, "think_seconds": think, "wall_seconds": round(wall, 1),
              "match_endpoint": match_endpoint,
              "client": "asyncio + httpx on gradio's HTTP API (/gradio_api/call/<endpoint>, server-sent events)",
              "load_average": {"before_app": [round(x, 2) for x in load_before],
                               "at_start": [round(x, 2) for x in got["load_at_start"]],
                               "after": [round(x, 2) for x in load_after]},
              "endpoints": {}}
    done = sum(len(v) for v in latencies.values())
    if server_cpu is not None and done:
        # CPU the app spent per answered request: independent of other jobs on a shared machine; 2 cores / this
        # is the request rate the app could serve if it had the machine to itself (clients elsewhere)
        result["server_cpu_seconds"] = round(server_cpu, 1)
        result["server_cpu_ms_per_request"] = round(1000 * server_cpu / done, 1)
        result["server_cores_used"] = round(server_cpu / wall, 2)
        result["capacity_per_s_on_2_free_cores"] = round(2 * done / server_cpu, 1) if server_cpu else None
    # the load generator runs on the same two cores as the app (real users' browsers would not): its own share
    result["client_cpu_seconds"] = round(client_cpu, 1)
    result["client_cpu_ms_per_request"] = round(1000 * client_cpu / done, 1) if done else None
    result["client_cores_used"] = round(client_cpu / wall, 2)
    result["server_cpu_ms_per_call_alone"] = got["calibration"]
    result["server_peak_rss_mb"] = got.get("server_peak_rss_mb")
    if match_endpoint and latencies.get("match") is not None:
        n_match = len(latencies["match"]) + len(errors["match"])
        # the server caches query vectors by text: a need sent before costs the "repeated" figure above
        result["match_needs_sent_before_share"] = round(got["repeats"] / n_match, 3) if n_match else 0.0
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
          f"kuormitustestin asiakkaiden CPU {r['client_cpu_seconds']} s ({r['client_cpu_ms_per_request']} ms/pyyntö, "
          f"{r['client_cores_used']} ydintä; sovellus {r.get('server_cores_used')} ydintä)")
    print("sovelluksen CPU yksittäin (ms/kutsu):", r["server_cpu_ms_per_call_alone"],
          "| haun tarve lähetetty jo aiemmin:", r.get("match_needs_sent_before_share"))
    for name, e in r["endpoints"].items():
        print(f"{name}: {e['requests']} pyyntöä, p50 {e['p50_s']} s, p95 {e['p95_s']} s, "
              f"{e['per_s']}/s, virheitä {e['errors']}")
    print("tavoitteet:", r["goals"])
    return 0 if r["errors"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
