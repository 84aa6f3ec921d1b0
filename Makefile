# Every target bootstraps .venv itself, so a fresh clone needs only Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit bench docs clean rulesets-validated

# The editable install's modules are byte-compiled once, as pip does for a wheel: with
# PYTHONDONTWRITEBYTECODE set, Python would otherwise compile them on every start (issue 13).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/python -m compileall -q src plugins
	touch $(STAMP)

demo: $(STAMP)
	-$(BIN)/secretariat-rules check fixtures/miljoloftet
	-$(BIN)/secretariat-rules audit fixtures/national/*

test: $(STAMP) lint typecheck unit

LINT_PATHS := $(wildcard src tests plugins benchmarks)

lint: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

typecheck: $(STAMP)
	$(BIN)/mypy

# Tests run in parallel, one worker per core; tests that share a build or a browser stay
# on one worker (tests/conftest.py). `make unit WORKERS=0` runs them in this process.
WORKERS ?= auto

unit: $(STAMP)
	$(BIN)/pytest -n $(WORKERS) --dist loadgroup

docs: $(STAMP)
	$(BIN)/secretariat-rules --no-plugin-autoload docs --output docs/rules.md --hooks docs/hooks.md

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# The packaged rulesets' hashes that passed the dry run (ruleset_cache.py);
# tests/test_ruleset_validated.py fails until this is rerun after changing a ruleset.
rulesets-validated: $(STAMP)
	$(BIN)/python -m secretariat_rules.ruleset_cache
