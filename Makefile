# Every target bootstraps .venv itself, so a fresh clone needs only Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit bench docs clean rulesets-validated constraints

# The editable install's modules are byte-compiled once, as pip does for a wheel: with
# PYTHONDONTWRITEBYTECODE set, Python would otherwise compile them on every start (issue 13).
# Dependencies at the versions of constraints.txt, the set the suite last passed with.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
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

# constraints.txt refreshed: every dependency upgraded to the latest release that
# pyproject.toml allows, then frozen (its comment header kept). Run `make test` next.
constraints: $(STAMP)
	$(BIN)/pip install -q --upgrade --upgrade-strategy eager -e '.[dev]'
	grep '^#' constraints.txt > constraints.txt.new
	$(BIN)/pip freeze --exclude-editable >> constraints.txt.new
	mv constraints.txt.new constraints.txt
