PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= archive.db

.PHONY: run test lint install install-test load serve bench clean readme browser train train-geo train-quotes

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

# Fit the learned quote model on ../shared/eval/quotes (parses cached in build/quotes/) → loader/data/quote_model.json
train-quotes: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python training/train_quotes.py

bench: install-test
	$(BIN)/python benchmarks/run_all.py

# Learned models, trained on ../shared/eval and written to loader/data/ (git-ignored: see .gitignore).
train: train-geo train-quotes

train-geo: install-test
	$(BIN)/python scripts/train_geo.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm $(DB)-lock

readme: install
	$(BIN)/python docs/update_readme_help.py
