# GoGlobal Connect: `make demo` runs the platform with demo data, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test test-slow install lock system-packages lint messages serve clean

demo: install .env
	$(BIN)/goglobal demo

test: system-packages install
	bash scripts/test.sh

test-slow: system-packages install
	SECRET_KEY=test-only $(BIN)/python -m pytest -m slow

install: $(VENV)/.installed

# Every package, runtime and dev, comes from requirements.lock at the exact version and hash
# recorded there; the project itself is then installed on top without resolving anything.
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/pip check
	touch $@

# Refresh the lock after changing the dependencies in pyproject.toml (needs the registry).
lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --universal \
		--python-version 3.11 --quiet -o requirements.lock

system-packages:
	bash scripts/system-packages.sh

.env:
	sed "s/^SECRET_KEY=.*/SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(48))')/" .env.example > .env

lint: install
	$(BIN)/ruff check src benchmarks scripts tests
	$(BIN)/ruff format --check src benchmarks scripts tests
	$(BIN)/lint-imports
	$(BIN)/mypy src

messages: install
	$(BIN)/python scripts/messages.py compile

serve: install .env
	$(BIN)/goglobal runserver 127.0.0.1:8000

clean:
	rm -rf $(VENV) .data artifacts
