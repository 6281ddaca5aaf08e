# Kiosk: `make run` serves the demo newsroom, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements/dev.txt | cksum | cut -d' ' -f1)
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve demo test test-postgres test-api lint format chromium bench lighthouse check-deploy backup restore clean

$(STAMP): requirements/dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# The demo server runs as production does, on plain http: DEBUG off, so readers get Kiosk's own
# error pages (404, 500) and not Django's debug pages; static files collected and served by
# WhiteNoise, uploaded images by Django. `make run DEBUG=true` gives Django's debug pages back
# (and static files straight from kiosk/static) for development.
DEBUG ?= false
RUN_ENV := DJANGO_DEBUG=$(DEBUG) DJANGO_SECURE_SSL_REDIRECT=false DJANGO_SECURE_COOKIES=false \
	DJANGO_SECURE_HSTS_SECONDS=0 KIOSK_SERVE_MEDIA=true

# Installs, migrates, loads the demo newsroom (once) and serves it with its task worker.
# With KIOSK_DEMO=false (the demo app not installed) it serves the database as it is.
run: install
	$(BIN)/python manage.py migrate --noinput
	@# Loaded as in development (DEBUG on), so the demo's logins get their documented password.
	if DJANGO_DEBUG=true $(BIN)/python manage.py help load_demo >/dev/null 2>&1; then DJANGO_DEBUG=true $(BIN)/python manage.py load_demo; fi
	$(RUN_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	@echo "Kiosk at http://$(HOST):$(PORT)/  admin at http://$(HOST):$(PORT)/admin/ (redaktion / kiosk-demo)"
	@# The task worker runs beside the server: mails, renditions, and (its clock) scheduled
	@# publishing every minute. Ctrl-C stops both.
	trap 'kill 0' EXIT; \
	$(RUN_ENV) $(BIN)/python manage.py worker --with-clock -v0 & \
	$(RUN_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Deletes the demo newsroom (only what the demo created) and loads it afresh.
demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --reset --no-input

# Debian's Chromium for the browser tests; installed only when missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check-deploy: install
	DJANGO_DEBUG=false DJANGO_SECRET_KEY=check-deploy-$$(date +%s)-a-long-random-production-like-secret-key \
	DJANGO_ALLOWED_HOSTS=news.example $(BIN)/python manage.py check --deploy --fail-level WARNING

test: install chromium lint check-deploy
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

# The browser tests run their own SQLite server; the SQLite leg covers them.
test-postgres: install
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest --create-db -m "not browser"

# The API's property-based test with many more generated requests per operation than in `make test`.
API_FUZZ_EXAMPLES ?= 500
test-api: install
	KIOSK_API_FUZZ_EXAMPLES=$(API_FUZZ_EXAMPLES) $(BIN)/pytest kiosk/api/tests/test_schemathesis.py

bench: install
	$(BIN)/python bench/run.py

# Lighthouse scores of the demo on a phone, against `make run` (or URL=…); needs npm.
URL ?= http://$(HOST):$(PORT)
lighthouse: install chromium
	$(BIN)/python bench/lighthouse.py $(URL)

# The database (pg_dump, or SQLite's backup) and the media into var/backups/kiosk-<time>/
# (or TO=<folder>); `make restore BACKUP=<folder>` puts one back into an empty database
# (REPLACE=1 over one that has data). Both use the site's environment (DATABASE_URL, KIOSK_MEDIA_ROOT).
backup: install
	$(BIN)/python manage.py backup $(if $(TO),--to $(TO))

restore: install
	@test -n "$(BACKUP)" || { echo "make restore BACKUP=<folder written by make backup>"; exit 2; }
	$(BIN)/python manage.py restore $(BACKUP) $(if $(REPLACE),--replace)

clean:
	rm -rf $(VENV) var db.sqlite3*
