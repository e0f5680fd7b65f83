PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= archive.db

.PHONY: run test install install-test load serve bench clean readme train

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

test: install-test
	$(BIN)/pytest -q

# Fit the learned quote model on ../shared/eval/quotes (parses cached in build/quotes/) → loader/data/quote_model.json
train: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python training/train_quotes.py

bench: install-test
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm $(DB)-lock

readme: install
	$(BIN)/python docs/update_readme_help.py
