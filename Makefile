PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= archive.db

.PHONY: run test lint install install-test load serve bench clean readme train train-geo

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

lint: install-test
	$(BIN)/ruff check .

bench: install-test
	$(BIN)/python benchmarks/run_all.py

# Learned models, trained on ../shared/eval and written to loader/data/ (committed).
train: train-geo

train-geo: install-test
	$(BIN)/python scripts/train_geo.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm $(DB)-lock

readme: install
	$(BIN)/python docs/update_readme_help.py
