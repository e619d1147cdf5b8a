# seatplan — the two set-up commands (see README.md).
#   make demo   create .venv if missing, install seatplan, run the bundled example into out/demo/
#   make test   create/update .venv with the test extras and run the whole test suite
#   make bench  the quick benchmark set; make bench-full runs every scenario (benchmarks/README.md)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test bench bench-full clean

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

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/seatplan bench --quick

bench-full: $(VENV)/.installed
	$(BIN)/seatplan bench

clean:
	rm -rf out build *.egg-info .pytest_cache .hypothesis
