# zhichan — two commands on a fresh machine: `make demo` (main job) and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
ZC     := $(VENV)/bin/zhichan
DEMO   ?= workspace-demo

.PHONY: setup demo test bench reference docs clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml scripts/install-system-packages.sh
	bash scripts/install-system-packages.sh
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,bench]'
	touch $@

# The main job on the embedded default (DuckDB): the demo region (Chongqing, synthetic micro-records
# calibrated to published statistics, written in real export formats) generated, imported and run
# through every stage that has landed; then a look at the resolver and the identifier checks.
demo: setup
	rm -rf $(DEMO)
	$(ZC) demo --region 500000 --scale small --out $(DEMO)
	$(ZC) regions resolve < examples/addresses.txt
	$(ZC) ids check < examples/identifiers.txt || true
	$(ZC) status --workspace $(DEMO)

test: setup
	$(VENV)/bin/pytest

bench: setup
	$(PY) benchmarks/resolver/bench_resolver.py
	$(PY) benchmarks/importer/bench_import.py
	$(PY) benchmarks/demo/bench_demo.py

# Rebuild the packaged reference data from ../shared/data (maintainers only).
reference: setup
	$(PY) scripts/reference/build_regions.py
	$(PY) scripts/reference/build_boundaries.py
	$(PY) scripts/reference/build_classifications.py
	$(PY) scripts/reference/build_statistics.py
	$(PY) scripts/demo/build_demo_data.py

docs: setup
	$(PY) scripts/docs/build_docs.py

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache .hypothesis
