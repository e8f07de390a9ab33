# The README's two commands: `make demo` and `make test`. Each sets up .venv when missing.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEV ?= ../shared/dev-set

.PHONY: install demo test lint eval bench clean

$(STAMP): pyproject.toml
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "rightsjobs needs Python 3.11 or newer (set PY=python3.11)")'
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/rightsjobs demo --db demo.db --outbox outbox

test: install lint
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

eval: install
	$(BIN)/python -m eval --dev $(DEV)

bench: install
	$(BIN)/python bench/bench_matcher.py
	$(BIN)/python bench/bench_dedup.py
	$(BIN)/python bench/bench_extract.py

clean:
	rm -rf $(VENV) demo.db* demo-sources.yaml outbox .pytest_cache .ruff_cache understand/data/.kept
