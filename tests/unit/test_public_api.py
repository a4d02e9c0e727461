"""Each package's __all__ names exist, and generated docs are up to date."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGES = ["zhichan", "zhichan.errors", "zhichan.workspace", "zhichan.ids", "zhichan.reference",
            "zhichan.store", "zhichan.ingest", "zhichan.measures", "zhichan.plans", "zhichan.evaluate", "zhichan.spatial", "zhichan.report", "zhichan.demo",
            "zhichan.cli"]
REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_consistent(name):
    mod = importlib.import_module(name)
    exported = getattr(mod, "__all__", None)
    assert exported, f"{name} must state its public API in __all__"
    assert len(set(exported)) == len(exported)
    for attr in exported:
        assert hasattr(mod, attr), f"{name}.__all__ names missing {attr}"
        assert not attr.startswith("_") or attr == "__version__"


def test_generated_docs_are_current():
    r = subprocess.run([sys.executable, str(REPO / "scripts/docs/build_docs.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
