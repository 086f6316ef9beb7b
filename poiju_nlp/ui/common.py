"""Shared UI helpers: Finnish errors instead of tracebacks, HTML escaping, temp downloads."""
from __future__ import annotations

import functools
import html
import json
import logging
import tempfile
from pathlib import Path

import gradio as gr

from ..errors import PoijuError

log = logging.getLogger("poiju_nlp.ui")


def friendly(fn):
    """Run a UI callback; a PoijuError becomes its Finnish message, anything else a generic one (logged)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except PoijuError as err:
            raise gr.Error(err.message, print_exception=False) from None
        except gr.Error:
            raise
        except Exception as err:  # never a traceback in the page
            log.exception("UI callback failed")
            raise gr.Error(f"Odottamaton virhe ({type(err).__name__}). Yritä uudelleen tai lyhennä tekstiä.",
                           print_exception=False) from None

    return wrapper


def esc(text) -> str:
    """Escape user-provided text for gr.HTML (which does not sanitise)."""
    return html.escape(str(text), quote=True)


def write_download(data, suffix: str, prefix: str = "poiju-") -> str:
    """Write a result to a temp file for a gr.File / gr.DownloadButton and return its path."""
    fd, path = tempfile.mkstemp(prefix=prefix, suffix=suffix)
    with open(fd, "w", encoding="utf-8") as f:
        if isinstance(data, str):
            f.write(data)
        else:
            json.dump(data, f, ensure_ascii=False, indent=2)
    return str(Path(path))
