# The two commands of the README live here; .ci/run calls `make check`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO_DIR ?= .demo-vault
DEMO_PASSPHRASE ?= demo passphrase for rjdesk

.PHONY: demo check lint types contracts test test-slow bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# First command: set everything up and open rjdesk on a demo vault (created and filled with
# synthetic cases the first time). Until the desktop window lands it shows the case list.
demo: export RJDESK_PASSPHRASE = $(DEMO_PASSPHRASE)
demo: $(STAMP)
	@test -f '$(DEMO_DIR)/vault.key' || { \
	  $(BIN)/rjdesk --data-dir '$(DEMO_DIR)' init --name 'Demo Facilitator' && \
	  $(BIN)/rjdesk --data-dir '$(DEMO_DIR)' demo --cases 60; }
	$(BIN)/rjdesk --data-dir '$(DEMO_DIR)' case list
	@echo
	@echo "Demo vault: $(DEMO_DIR)   passphrase: $(DEMO_PASSPHRASE)"
	@echo "Try: RJDESK_PASSPHRASE='$(DEMO_PASSPHRASE)' $(BIN)/rjdesk --data-dir $(DEMO_DIR) case show REF"

# Second command: everything CI checks.
check: lint types contracts test

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

test: $(STAMP)
	$(BIN)/python -m pytest -q

test-slow: $(STAMP)
	$(BIN)/python -m pytest -q -m slow

bench: $(STAMP)
	$(BIN)/python bench/store_bench.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
