"""Optional neural rewriters behind the same guard (off by default; settings.RewritingSettings.backend):

- ``hf``: a local Hugging Face model folder, causal or seq2seq, run with ``generate()`` (transformers 5 has no
  text2text pipeline). Nothing is downloaded: the folder must exist.
- ``http``: an OpenAI-compatible chat endpoint (a local llama.cpp or vLLM server with a Finnish model), with urllib.

The prompt is a file in prompts/ with a ``{text}`` slot.
"""
from __future__ import annotations

import json
import urllib.request
from functools import lru_cache
from pathlib import Path

from ..errors import ModelMissingError, PoijuError
from ..settings import REWRITING

PROMPTS = Path(__file__).resolve().parent / "prompts"


def prompt_for(text: str, prompt_file: str | None = None) -> str:
    template = (PROMPTS / (prompt_file or REWRITING.prompt_file)).read_text(encoding="utf-8")
    return template.replace("{text}", text)


@lru_cache(maxsize=2)
def _load_hf(path: str):
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForSeq2SeqLM, AutoTokenizer

    folder = Path(path)
    if not (folder / "config.json").exists():
        raise ModelMissingError(f"Kielimallin kansiota ei löydy: {path}")
    torch.set_num_threads(2)
    config = AutoConfig.from_pretrained(folder, local_files_only=True)
    cls = AutoModelForSeq2SeqLM if getattr(config, "is_encoder_decoder", False) else AutoModelForCausalLM
    model = cls.from_pretrained(folder, local_files_only=True).eval()
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    return model, tokenizer


def generate_hf(text: str, model_path: str | None = None, max_new_tokens: int | None = None,
                prompt_file: str | None = None) -> str:
    import torch

    model, tok = _load_hf(str(model_path or REWRITING.hf_model_path))
    prompt = prompt_for(text, prompt_file)
    inputs = tok(prompt, return_tensors="pt", truncation=True,
                 max_length=getattr(model.config, "max_position_embeddings", None) or 1024)
    pad = tok.pad_token_id if tok.pad_token_id is not None else tok.eos_token_id
    with torch.no_grad():
        out = model.generate(**inputs, max_new_tokens=max_new_tokens or REWRITING.max_new_tokens, do_sample=False,
                             pad_token_id=pad)
    if not model.config.is_encoder_decoder:
        out = out[:, inputs["input_ids"].shape[1]:]
    return tok.decode(out[0], skip_special_tokens=True).strip()


def generate_http(text: str, url: str | None = None, model: str | None = None, timeout: float | None = None,
                  prompt_file: str | None = None) -> str:
    base = (url or REWRITING.http_url).rstrip("/")
    if not base:
        raise PoijuError("Kielimallin osoite puuttuu (POIJU_REWRITE_HTTP_URL).")
    endpoint = base if base.endswith("/chat/completions") else base + "/chat/completions"
    body = {"model": model or REWRITING.http_model, "temperature": 0,
            "max_tokens": REWRITING.max_new_tokens,
            "messages": [{"role": "user", "content": prompt_for(text, prompt_file)}]}
    req = urllib.request.Request(endpoint, data=json.dumps(body).encode("utf-8"),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=timeout or REWRITING.http_timeout) as resp:
        data = json.loads(resp.read().decode("utf-8"))
    return data["choices"][0]["message"]["content"].strip()


def generate(text: str, backend: str, **options) -> str:
    if backend == "hf":
        return generate_hf(text, **options)
    if backend == "http":
        return generate_http(text, **options)
    raise PoijuError(f"Tuntematon selkeytyksen taustajärjestelmä: {backend}")
