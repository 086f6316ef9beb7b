"""Command line: ``python -m poiju_nlp COMMAND``. Each command is a module in this package with
``add_parser(subparsers)`` and ``run(args) -> int``; add its name to COMMANDS to register it."""
from __future__ import annotations

import argparse
import importlib
import sys

from ..errors import PoijuError

# Module names in poiju_nlp/cli/, in the order --help lists them.
COMMANDS = ["analyze", "score", "outcomes", "credential", "index", "match", "bundle", "gaps", "rewrite"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m poiju_nlp",
        description="POIJU-NLP: selkeää kieltä kurssikuvauksiin (analyysi, pisteytys, selkeytys, haku, todistus).",
    )
    sub = parser.add_subparsers(dest="command", metavar="KOMENTO")
    for name in COMMANDS:
        module = importlib.import_module(f"{__name__}.{name}")
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except PoijuError as err:
        print(f"Virhe: {err.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Keskeytetty.", file=sys.stderr)
        return 130
    except Exception as err:  # last resort: a message, not a traceback (POIJU_DEBUG=1 shows it)
        from ..settings import get_settings

        if get_settings().debug:
            raise
        print(f"Odottamaton virhe ({type(err).__name__}): {err}", file=sys.stderr)
        return 1
