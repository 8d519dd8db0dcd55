# The README's commands. Each target sets up what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export FLASK_APP := webapp

.PHONY: install run serve test bench eval heldout clean

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
	@echo "Loupe : http://127.0.0.1:$(PORT)"
	@$(MAKE) --no-print-directory serve

# gunicorn, as in production; no game state lives in one process's memory, so any number of workers is
# correct. SQLite has one writer at a time and makes writers in other processes back off by sleeping, so one
# process with threads answers faster there (measured by `make bench`); PostgreSQL gets several processes.
# The app is loaded once before forking (--preload) so the workers share one generated secret key.
WORKERS ?= $(if $(findstring postgres,$(DATABASE_URL)),3,1)
serve: install
	exec $(BIN)/gunicorn --preload --workers $(WORKERS) --threads 16 --worker-connections 2000 --keep-alive 30 --bind 127.0.0.1:$(PORT) \
		--access-logfile - 'webapp:create_app()'

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m tests.perf.bench_analysis
	$(BIN)/python -m tests.perf.bench_game

eval: install
	$(BIN)/python -m tests.analysis.evaluate

heldout: install
	for d in tests/analysis/heldout*/; do $(BIN)/python -m tests.analysis.heldout_eval $$d -q; done

clean:
	rm -rf $(VENV) instance/*.sqlite3
