"""One running POIJU-NLP app per test session, shared by the browser, API and load tests.

``running_app()`` starts ``python app.py`` on a free port (GRADIO_SERVER_PORT) the first time it is called and
returns its URL; the process is stopped when the test session ends. Starting it once saves ~30 s of model loading
per test module on a 2-core machine.
"""
from __future__ import annotations

import atexit
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_app: dict = {}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(*args: str, timeout: float = 180, log_name: str = "app") -> tuple[subprocess.Popen, str]:
    """Start app.py with ARGS on a free port and wait until it answers; returns (process, url)."""
    port = free_port()
    env = dict(os.environ, GRADIO_SERVER_PORT=str(port), GRADIO_ANALYTICS_ENABLED="False", PYTHONUNBUFFERED="1")
    log = open(Path(os.environ.get("TMPDIR", "/tmp")) / f"poiju-test-{log_name}-{port}.log", "w")
    proc = subprocess.Popen([sys.executable, "app.py", *args], cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"app.py exited with {proc.returncode}; see {log.name}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return proc, url
        except urllib.error.HTTPError:  # 401 with --auth: the server is up
            return proc, url
        except OSError:
            time.sleep(0.5)
    stop(proc)
    raise RuntimeError(f"app.py did not answer on {url} within {timeout} s; see {log.name}")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def running_app() -> str:
    """URL of the shared app, started (and warmed up with one score call) on first use."""
    if "url" not in _app:
        proc, url = start_app(log_name="shared")
        _app.update(proc=proc, url=url)
        atexit.register(stop, proc)
        from gradio_client import Client

        # First call loads spaCy, Voikko, pypykko and the lexicon: pay it once here, not inside a timed test.
        Client(url, verbose=False).predict(api_name="/score")  # the pre-filled example exercises every detector
    return _app["url"]
