PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= archive.db

.PHONY: run test lint install install-test load serve bench clean readme browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

load: install
	$(BIN)/news-archive load corpus/ --db $(DB)

serve: install
	$(BIN)/news-archive serve --db $(DB)

run: load serve

# The browser tests drive Debian's Chromium; a fresh machine gets it here (Playwright's own download is not used).
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)

test: install-test browser
	$(BIN)/pytest -q

lint: install-test
	$(BIN)/ruff check .

bench: install-test
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm $(DB)-lock

readme: install
	$(BIN)/python docs/update_readme_help.py
