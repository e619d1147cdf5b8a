# seatplan — the two set-up commands (see README.md).
#   make demo   create .venv if missing, install seatplan, run the bundled example into out/demo/
#   make test   create/update .venv with the test extras; ruff and mypy, then the whole test suite,
#               in parallel (pytest-xdist, one worker per CPU; PYTEST_WORKERS=0 for one process)
#   make lint   ruff and mypy only
#   make bench  the quick benchmark set; make bench-full runs every scenario (benchmarks/README.md)
# Without make (e.g. on Windows), README.md lists the same steps as pip and python commands.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PYTEST_WORKERS ?= auto

.PHONY: demo test lint bench bench-full clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/seatplan demo --out out/demo

lint: $(VENV)/.installed-test
	$(BIN)/ruff check seatplan
	$(BIN)/mypy seatplan

test: lint
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile

bench: $(VENV)/.installed
	$(BIN)/seatplan bench --quick

bench-full: $(VENV)/.installed
	$(BIN)/seatplan bench

clean:
	rm -rf out build dist *.egg-info .pytest_cache .hypothesis .mypy_cache .ruff_cache
