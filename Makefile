# Two commands matter: `make run` (serve with demo data) and `make test` (the whole suite).
# Both create .venv and install what they need on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := clients/typescript/node_modules/.package-lock.json
# The TypeScript client's tools, where npm exists (the tests that need them skip without node).
NODE_DEPS := $(if $(shell command -v npm),$(NODE_STAMP))

.PHONY: install run test lint format openapi clients fuzz bench clean

$(STAMP): pyproject.toml clients/python/setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]" -e clients/python
	touch $(STAMP)

$(NODE_STAMP): clients/typescript/package-lock.json
	cd clients/typescript && npm ci --no-audit --no-fund

install: $(STAMP) $(NODE_DEPS)

run: $(STAMP)
	$(BIN)/clinichub serve --demo

test: install
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -q -p no:cacheprovider tests/test_layering.py

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The contract: write openapi.json from the code, then the clients from openapi.json.
openapi: $(STAMP)
	$(BIN)/clinichub openapi --output openapi.json

clients: openapi $(NODE_STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/openapi-python-client generate --path openapi.json \
		--meta setup --overwrite --config clients/openapi-python-client.yaml \
		--output-path clients/python
	cd clients/typescript && npm run --silent generate

# The long fuzzing run (the test suite runs a short one).
fuzz: $(STAMP)
	CLINICHUB_FUZZ_EXAMPLES=100 $(BIN)/pytest -p no:cacheprovider tests/test_fuzz.py

# ClinicHub against a raw implementation of the same endpoints, driven by wrk (bench/run.py).
bench: $(STAMP)
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache clients/typescript/node_modules
