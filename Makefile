# Lämpiö: `make demo` to run it, `make test` to check it. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
PORT ?= 8000
PAYTRAIL_PORT ?= 8010
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
UV_VERSION := 0.13.9
MANAGE := $(BIN)/python manage.py
PG_URL ?= postgres://postgres@127.0.0.1:5432/lampio
VENDOR_STAMP := lampio/static/vendor/versions.json
export LAMPIO_LOG_FORMAT ?= plain

.PHONY: help demo serve install install-dev vendor migrate lint typecheck audit test test-sqlite test-postgres test-both system-deps bench loadtest messages backup-drill clean

help:
	@echo "make demo    install, migrate, load the demo cities and serve on 127.0.0.1:$(PORT)"
	@echo "make test    lint, type check and the whole test suite on SQLite and PostgreSQL"
	@echo "make audit   bandit on the code and pip-audit on the locked dependencies (part of make test)"
	@echo "make bench   run every benchmark under benchmarks/"
	@echo "make loadtest  10-minute locust load test on the production web server, PostgreSQL and Redis (LOADTEST_ARGS=--find-rate, --fault pg-restart, ...)"
	@echo "make messages  extract UI strings into locale/ and compile them"
	@echo "make backup-drill  dump DATABASE_URL (default $(PG_URL)), restore it into a fresh database, compare counts"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(UV): $(BIN)/python
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || $(BIN)/python -m ensurepip --upgrade >/dev/null
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

# --inexact keeps uv itself, which lives in the same environment but not in the lock file.
install: $(UV)
	$(UV) sync --frozen --inexact --no-dev

install-dev: $(UV)
	$(UV) sync --frozen --inexact

$(VENDOR_STAMP): frontend/package.json frontend/package-lock.json frontend/vendor.mjs
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && node vendor.mjs

vendor: $(VENDOR_STAMP)

migrate: install vendor
	@mkdir -p var
	$(MANAGE) migrate --noinput

DEMO_ENV := LAMPIO_DEMO=1 LAMPIO_STAFF_MFA=0 LAMPIO_STREAM_HOSTS=https://striimi.example.fi \
	LAMPIO_SITE_URL=http://127.0.0.1:$(PORT) LAMPIO_PAYTRAIL_URL=http://127.0.0.1:$(PAYTRAIL_PORT)

demo: migrate
	$(MANAGE) load_demo
	$(MANAGE) collectstatic --noinput --verbosity 0
	@echo "Lämpiö demo: http://127.0.0.1:$(PORT)/  (logins in README.md)"
	@# A job worker sends the queued messages, a scheduler runs the periodic sweeps
	@# (reminders, lapsed waitlist offers, retries, payment reconciliation) and a local stand-in
	@# for Paytrail takes the online payments; all stop with the server.
	$(DEMO_ENV) $(MANAGE) db_worker --interval 1 --no-reload & worker=$$!; \
	$(DEMO_ENV) $(MANAGE) run_scheduler & scheduler=$$!; \
	$(DEMO_ENV) $(MANAGE) run_fake_paytrail --port $(PAYTRAIL_PORT) & paytrail=$$!; \
	trap 'kill $$worker $$scheduler $$paytrail 2>/dev/null' EXIT INT TERM; \
	$(DEMO_ENV) $(MANAGE) runserver --noreload 127.0.0.1:$(PORT)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-dev
	$(BIN)/mypy lampio

# Security: bandit fails on any high-severity finding (ruff's S rules already flag the rest at
# review); pip-audit checks the locked dependencies (scripts/audit_dependencies.py).
audit: install-dev
	$(BIN)/bandit --quiet --recursive lampio scripts --exclude '*/tests/*,*/migrations/*' \
		--severity-level high --confidence-level medium
	$(BIN)/python scripts/audit_dependencies.py

# Debian's Chromium runs the browser tests; gettext checks that the catalogs are current.
system-deps:
	@missing=""; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	command -v xgettext >/dev/null || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

test-sqlite: install-dev vendor system-deps
	DATABASE_URL= $(BIN)/pytest -q

test-postgres: install-dev vendor system-deps
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q

# Both databases at once: each run waits on its browser and database much of the time, so the
# two together take little longer than the slower alone. Logs are printed whole, one after the other.
test-both: install-dev vendor system-deps
	@mkdir -p var/test-logs; \
	DATABASE_URL= $(BIN)/pytest -q > var/test-logs/sqlite.log 2>&1 & sqlite=$$!; \
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q > var/test-logs/postgres.log 2>&1; postgres=$$?; \
	wait $$sqlite; sqlite=$$?; \
	echo "== SQLite"; cat var/test-logs/sqlite.log; \
	echo "== PostgreSQL"; cat var/test-logs/postgres.log; \
	test $$sqlite -eq 0 -a $$postgres -eq 0

test: lint typecheck audit test-both

bench: install-dev vendor
	@set -e; for script in benchmarks/*.py; do \
		[ -e "$$script" ] || continue; \
		echo "== $$script"; $(BIN)/python "$$script"; done

# Not part of `make bench`: it runs for 10-25 minutes and its pg-restart fault restarts the
# machine's PostgreSQL (benchmarks/README.md, "Load test").
LOADTEST_ARGS ?=
loadtest: install-dev vendor
	$(BIN)/python benchmarks/loadtest/run.py $(LOADTEST_ARGS)

messages: install-dev
	$(MANAGE) makemessages --locale fi --locale sv --locale en --ignore ".venv/*" --ignore "frontend/*" --no-obsolete
	$(MANAGE) compilemessages --ignore ".venv/*"

# Backup and restore drill (docs/deployment.md): pg_dump the database, pg_restore it into a fresh
# one on the same server and compare every table's row count; DRILL_ARGS="--dump-file x.dump" keeps
# the dump, "--restore-from x.dump" drills an earlier one.
backup-drill:
	$(BIN)/python scripts/backup_restore_drill.py --source "$${DATABASE_URL:-$(PG_URL)}" $(DRILL_ARGS)

clean:
	rm -rf $(VENV) staticfiles lampio/static/vendor frontend/node_modules var
