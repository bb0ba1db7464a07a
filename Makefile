# eventwire: `make run` sets up, codes the examples and serves the dashboard; `make test` tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= eventwire.duckdb

.PHONY: setup run test lint fix bench eval clean lock

setup: $(STAMP)

# Reinstall only when the lock or the project metadata changes, so later runs are quick.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: setup
	rm -f $(DB)
	$(BIN)/eventwire ingest examples/articles --db $(DB)
	$(BIN)/eventwire summary --db $(DB)
	$(BIN)/eventwire serve --db $(DB)

test: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

fix: setup
	$(BIN)/ruff check --fix src tests benchmarks
	$(BIN)/ruff format src tests benchmarks

bench: setup
	$(BIN)/python benchmarks/throughput.py

eval: setup
	$(BIN)/eventwire eval events ../shared/gold/events/PLV_train.tsv

# Regenerate the hash-pinned lock from pyproject.toml (needs network to the package index).
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
