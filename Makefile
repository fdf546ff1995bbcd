# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
TEST_WORKERS ?= 2
STAMP := $(VENV)/.installed

.PHONY: run test install migrate demo lint format messages bench faults audit clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	PORT=$(PORT) $(BIN)/python manage.py load_demo --port $(PORT)

run: demo
	PORT=$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=studio.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=studio.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	# Every test but the browser suite on $(TEST_WORKERS) processes, then the browser suite in one
	# (it shares one demo site). Exit status 5 is "nothing selected" (e.g. PYTEST_ARGS=tests/works).
	$(BIN)/pytest -m "not browser" -n $(TEST_WORKERS) $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(BIN)/pytest -m browser $(PYTEST_ARGS) || [ $$? -eq 5 ]

# Rebuild the translation catalogues: extract with gettext if present, always compile with polib
# so that a machine without gettext can still turn .po into .mo.
messages: install
	-$(BIN)/python manage.py makemessages -l ja --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=var --ignore=tests
	$(BIN)/python -m home.compile_messages

bench: install
	$(BIN)/python -m tests.bench

# The fault suite, long version (tests/production/test_faults.py; `make test` runs it short on
# PostgreSQL): its own redis-server, SMTP server and copy of the test database of FAULTS_DATABASE_URL.
FAULTS_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/allin_faults
faults: install
	FAULTS=full DATABASE_URL=$(FAULTS_DATABASE_URL) $(BIN)/pytest tests/production/test_faults.py \
		-s -p no:warnings -p no:logging

# Lighthouse (npm lighthouse, pinned in audit/package.json) and screenshots of the demo site.
audit: install
	cd audit && (npm ci --no-audit --no-fund || npm install --no-audit --no-fund)
	$(BIN)/python audit/run.py

clean:
	rm -rf staticfiles var/test-media
