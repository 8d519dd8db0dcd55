# The README's commands. Each target sets up what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export FLASK_APP := webapp

.PHONY: install run test bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Installs once; re-runs when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --upgrade pip >/dev/null
	$(BIN)/pip install -e '.[dev]'
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/flask db upgrade
	$(BIN)/flask content load
	$(BIN)/flask run --host 127.0.0.1 --port $(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m tests.perf.bench_analysis
	$(BIN)/python -m tests.perf.bench_game

eval: install
	$(BIN)/python -m tests.analysis.evaluate

clean:
	rm -rf $(VENV) instance/*.sqlite3
