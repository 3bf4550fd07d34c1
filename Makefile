# Eşit İzmir: `make run` serves the demo on SQLite; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := run

VENV := .venv
PY := $(VENV)/bin/python
PYENV_ROOT ?= $(shell pyenv root 2>/dev/null || echo $(HOME)/.pyenv)

# The first Python >= 3.12 we can find: on PATH, then pyenv's versions.
FIND_PYTHON := for c in python3.13 python3.12 $(PYENV_ROOT)/versions/3.13*/bin/python3.13 \
	$(PYENV_ROOT)/versions/3.12*/bin/python3.12 python3; do \
	  p=$$(command -v $$c 2>/dev/null) || continue; \
	  $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; \
	done

.PHONY: run setup install migrate messages demo serve test lint test-deps clean bench bench-data load

$(VENV)/.installed: pyproject.toml
	@py=$$($(FIND_PYTHON)); \
	if [ -z "$$py" ]; then echo "Eşit İzmir needs Python 3.12 or newer: install python3.13 (or 3.12) and run make again." >&2; exit 1; fi; \
	echo "Using $$py"; \
	[ -x $(PY) ] || $$py -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

# Compiled catalogues (*.mo) are build products, not committed. Without GNU gettext, polib compiles them.
messages: install
	@if ! ls esit/locale/*/LC_MESSAGES/*.po >/dev/null 2>&1; then echo "No message catalogues to compile."; \
	elif command -v msgfmt >/dev/null; then $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0; \
	else $(PY) -m esit.core.catalogues; fi

migrate: install
	$(PY) manage.py migrate --no-input -v 0

setup: install messages migrate
	$(PY) manage.py collectstatic --no-input -v 0

demo: setup
	$(PY) manage.py seed_demo

# The web server and the django.tasks worker that sends e-mail (printed in this terminal).
# `make run PORT=8010` serves on another port; PORT reaches every command (make exports
# command-line variables), so the links in e-mails (SITE_URL's default) use that port too.
PORT ?= 8000
run: demo
	@echo "Serving Eşit İzmir at http://127.0.0.1:$(PORT) with its task worker (Ctrl-C stops both)"
	@export PORT=$(PORT); \
	$(PY) manage.py db_worker --no-reload --no-startup-delay -v 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# form_templates copy Django's widget HTML to the byte, its whitespace included: not reindented.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check -t 2 $$(find esit -name '*.html' -not -path '*/form_templates/*')
	$(PY) manage.py makemigrations --check --dry-run -v 0
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

# Chromium, gettext, pdftotext and axe-core: what the tests need beyond pip.
test-deps:
	@bash scripts/test-deps

# Both cores: pytest-xdist runs the suite in parallel, then the tests marked `alone` by
# themselves. Exit status 5 means "nothing selected" (PYTEST_ARGS chose no such test).
PYTEST_WORKERS ?= auto
test: install messages lint test-deps
	$(PY) manage.py check
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) -m "not alone" $(PYTEST_ARGS)
	$(VENV)/bin/pytest -m alone $(PYTEST_ARGS) || [ $$? -eq 5 ]

# The benchmark (docs/performance.md), never part of `make test`: a PostgreSQL database made for
# it (`createdb esit_bench`), filled once with `make bench-data SCALE=1.0`, then `make bench`
# (BENCH_ARGS="--compare postgres://…/esit_bench_small" compares queries with another scale).
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/esit_bench
SCALE ?= 0.1
bench-data: install messages
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py migrate --no-input -v 0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py seed_bench --scale $(SCALE)

bench: install messages
	DEBUG=false DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3 var

# The load run (docs/performance.md): gunicorn in production mode on a new PostgreSQL database,
# Locust for LOAD_SECONDS; fails on any error or a lost application. .ci/run runs it too.
LOAD_DATABASE ?= esit_load
load: install messages
	psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $(LOAD_DATABASE) WITH (FORCE)" -c "CREATE DATABASE $(LOAD_DATABASE)"
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(LOAD_DATABASE) scripts/load
