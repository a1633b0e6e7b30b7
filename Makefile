# The workbench's commands. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Where `make run` serves: the pages' canonical links, ClaimReview, feeds, sitemap and webhook
# payloads name it, unless SITE_URL is set.
SITE_URL ?= http://$(HOST):$(PORT)
STAMP  := $(VENV)/.installed
# Test processes run at once: most tests wait on servers, browsers and workers, not on the CPU.
TEST_PROCESSES ?= 4

.PHONY: setup run test lint format worker bench messages backup restore clean

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $(STAMP)

## setup: build .venv from the pinned requirements
setup: $(STAMP)

## run: migrate, load the demo, start the web server with a Celery worker and beat
run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "Starting the workbench on http://$(HOST):$(PORT)/ (admin: /admin/) with a Celery worker and beat. Ctrl-C stops all."
	@# The worker runs in a session of its own: a signal to this one's process group (Ctrl-C, a
	@# process manager's stop) reaches it only through the trap, as one warm shutdown, rather than
	@# hitting its pool and embedded beat at the same time (which left it hanging on SIGTERM).
	@# (setsid is util-linux's; where there is none, e.g. macOS, the worker shares the group.)
	@# Stopped by Ctrl-C or a process manager's SIGTERM, the run ends cleanly (no make error).
	@export SITE_URL=$(SITE_URL); \
	$$(command -v setsid) $(VENV)/bin/celery -A factcheck worker -B --loglevel=INFO --concurrency=2 \
		--schedule=var/celerybeat-schedule & worker=$$!; \
	stop='kill $$worker 2>/dev/null; wait $$worker 2>/dev/null'; \
	trap "$$stop" EXIT; trap "$$stop; exit 0" HUP INT TERM; \
	$(PY) manage.py runserver --noreload $(HOST):$(PORT)

## worker: a Celery worker alone (production: one `beat` process besides, see docs/deployment.md)
worker: setup
	$(VENV)/bin/celery -A factcheck worker --loglevel=INFO

## test: lint, then the whole test suite, in parallel (TEST_PROCESSES=1 for one process)
test: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest -n $(TEST_PROCESSES) --dist loadgroup --durations=15

## bench: measure pages, search, the sweep, the outbox and the deadline reader (BENCH_SCALE=small|full)
bench: setup
	$(PY) bench/run.py

## messages: collect the marked strings into locale/*/LC_MESSAGES/django.po and compile them
## (GNU gettext needed; LANGUAGES_TO_ADD="de" starts a new language's catalogue)
messages: setup
	$(PY) manage.py makemessages $(if $(LANGUAGES_TO_ADD),$(foreach code,$(LANGUAGES_TO_ADD),-l $(code)),--all) \
		--ignore='.venv/*' --ignore='tests/*' --ignore='bench/*' --ignore='var/*' --add-location=file
	$(PY) manage.py compilemessages --ignore='.venv/*'

## backup: write a backup of the database to var/backups/ (PostgreSQL: pg_dump; SQLite: a copy)
backup: setup
	$(PY) manage.py backup

## restore: bring a backup back, replacing the database's content: make restore FILE=var/backups/…
restore: setup
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/<backup file>"; exit 2; }
	$(PY) manage.py restore "$(FILE)"

lint: setup
	$(VENV)/bin/ruff check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf var/ staticfiles/ .pytest_cache .ruff_cache
