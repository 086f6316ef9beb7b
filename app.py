"""POIJU-NLP web app: ``python app.py [--host 127.0.0.1] [--port 7860] [--auth user:password]``.

Binds 127.0.0.1 unless told otherwise; the port follows GRADIO_SERVER_PORT when --port is not given.
"""
from __future__ import annotations

import argparse
import os
import sys

# Two cores serve many users: every request runs single-threaded (e5, BLAS, torch), so two requests use the two
# cores at once instead of one request's threads spin-waiting for the other's. Set before any library loads its
# thread pool; an explicit environment value wins.
for _var in ("POIJU_TORCH_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import poiju_nlp  # noqa: E402,F401  (sets the offline environment first)
from poiju_nlp.settings import get_settings  # noqa: E402


def parse_args(argv=None):
    p = argparse.ArgumentParser(description="POIJU-NLP-sovellus (Gradio)")
    p.add_argument("--host", default=os.environ.get("POIJU_HOST", "127.0.0.1"),
                   help="osoite, jota palvelin kuuntelee (oletus 127.0.0.1 eli vain tämä kone)")
    p.add_argument("--port", type=int, default=int(os.environ.get("GRADIO_SERVER_PORT", "7860")))
    p.add_argument("--auth", action="append", default=[],
                   help="käyttäjä:salasana (voi antaa useita); suositellaan, jos --host ei ole 127.0.0.1")
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    auth = []
    for pair in args.auth:
        if ":" not in pair:
            print("Virhe: --auth muodossa käyttäjä:salasana", file=sys.stderr)
            return 2
        auth.append(tuple(pair.split(":", 1)))
    from poiju_nlp.ui import build_app

    demo = build_app()
    # Requests each endpoint runs at once (POIJU_CONCURRENCY); matching has no separate limit any more.
    demo.queue(default_concurrency_limit=get_settings().concurrency)
    demo.launch(server_name=args.host, server_port=args.port, auth=auth or None, show_error=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
