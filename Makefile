# The two commands of the README live here; .ci/run calls `make check`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO_DIR ?= .demo-vault
DEMO_PASSPHRASE ?= demo passphrase for rjdesk

.PHONY: demo check lint types contracts test test-slow bench bench-gui forms screenshots console-screenshots dist dist-check clean

# The first install takes a minute or more: each step says what it is doing, and pip shows what
# it downloads and installs (--progress-bar on even when make's output is not a terminal).
$(STAMP): pyproject.toml protocol/pyproject.toml hub/pyproject.toml constraints.txt
	@echo "Setting up rjdesk in $(VENV) (the first time takes a minute or two)..."
	@echo "[1/3] Creating the virtual environment $(VENV)"
	$(PYTHON) -m venv $(VENV)
	@echo "[2/3] Upgrading pip"
	$(BIN)/python -m pip install --progress-bar on --upgrade pip
	@echo "[3/3] Installing the protocol, the hub and the laptop app with their dependencies"
	# The three distributions (DESIGN §3): the protocol, the hub and the laptop app.
	$(BIN)/python -m pip install --progress-bar on -c constraints.txt -e ./protocol -e ./hub -e '.[dev]'
	touch $(STAMP)
	@echo "rjdesk is installed in $(VENV)."

# First command: set everything up and open rjdesk on a demo vault (created and filled with
# synthetic cases the first time).
demo: $(STAMP)
	@test -f '$(DEMO_DIR)/vault.key' || { \
	  RJDESK_PASSPHRASE='$(DEMO_PASSPHRASE)' $(BIN)/rjdesk --data-dir '$(DEMO_DIR)' init --name 'Demo Facilitator' && \
	  RJDESK_PASSPHRASE='$(DEMO_PASSPHRASE)' $(BIN)/rjdesk --data-dir '$(DEMO_DIR)' demo --cases 200; }
	@echo
	@echo "Opening rjdesk on the demo vault $(DEMO_DIR). Its passphrase is:  $(DEMO_PASSPHRASE)"
	@echo
	$(BIN)/rjdesk --data-dir '$(DEMO_DIR)'

# Second command: everything CI checks (the last step builds the frozen app and checks it).
check: lint types contracts test dist-check

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
	$(BIN)/python bench/documents_bench.py
	$(BIN)/python bench/sync_bench.py --bundles 0
	$(BIN)/python bench/hub_ingest.py
	$(BIN)/python bench/returns_bench.py

bench-gui: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/gui_bench.py

# The frozen laptop app, one folder: dist/rjdesk/ (build.spec, docs/deploying.md).
dist: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec

# Run the frozen app with no Python around it: --version, --self-test, init, the unlock window.
dist-check: dist
	packaging/build-check dist/rjdesk

# Recompile forms/*.ui after editing them (the compiled modules are committed).
forms: $(STAMP)
	$(BIN)/python forms/compile.py

# Screenshots of every main screen over a 200-case demo vault, to look at: build/screenshots/,
# and as they open on the two small screens rjdesk must fit: build/screenshots/1366x768/ and
# build/screenshots/1920x1080@150/ (a 1080p screen at 150% scaling).
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.ui.screenshots build/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.ui.screenshots build/screenshots \
	  --screen 1366x768 --screen 1920x1080@150

# The console's pages as docs/hub.md shows them: the browser tests take them (Debian's chromium).
console-screenshots: $(STAMP)
	RJDESK_CONSOLE_SCREENSHOTS=docs/images/console $(BIN)/python -m pytest -q \
	  tests/hub/browser

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
