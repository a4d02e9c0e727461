# zhichan — two commands on a fresh machine: `make demo` (main job) and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
ZC     := $(VENV)/bin/zhichan
DEMO   ?= workspace-demo

.PHONY: setup demo test bench reference docs clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,bench]'
	touch $@

# The main job on the embedded default (DuckDB). Until the demo generator lands (issue 4) it builds
# a workspace for Chongqing, imports the real-format sample exports of every import profile,
# resolves sample applicant addresses and checks sample identifiers.
demo: setup
	rm -rf $(DEMO)
	$(ZC) init $(DEMO) --name "重庆市知识产权演示工作区" --region 500000
	$(ZC) import --workspace $(DEMO) tests/data/samples/*.csv tests/data/samples/*.xlsx || true
	$(ZC) regions resolve < examples/addresses.txt
	$(ZC) ids check < examples/identifiers.txt || true
	$(ZC) status --workspace $(DEMO)

test: setup
	$(VENV)/bin/pytest

bench: setup
	$(PY) benchmarks/resolver/bench_resolver.py
	$(PY) benchmarks/importer/bench_import.py

# Rebuild the packaged reference data from ../shared/data (maintainers only).
reference: setup
	$(PY) scripts/reference/build_regions.py
	$(PY) scripts/reference/build_boundaries.py
	$(PY) scripts/reference/build_classifications.py

docs: setup
	$(PY) scripts/docs/build_docs.py

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache .hypothesis
