"""Statistical metrics (``metrics.yaml``): ids for ``stat.metric`` and the names tables use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from zhichan.ingest._profile_model import header_key


@dataclass(frozen=True)
class Metric:
    id: str
    title_zh: str
    unit: str
    synonyms: tuple[str, ...]


_UNIT_SUFFIX = re.compile(r"\((件|万人|人|亿元|万元|元|户|个|%|项)\)$")


@lru_cache(maxsize=1)
def metrics() -> dict[str, Metric]:
    data = yaml.safe_load(resources.files("zhichan.ingest").joinpath("metrics.yaml").read_text("utf-8"))
    return {k: Metric(k, v["title_zh"], str(v["unit"]), tuple(v["synonyms"])) for k, v in data.items()}


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    out = {}
    for m in metrics().values():
        out[header_key(m.id)] = m.id
        for s in m.synonyms:
            out[header_key(s)] = m.id
    return out


@lru_cache(maxsize=4096)
def match_metric(text: str | None) -> tuple[str | None, str | None]:
    """(metric id, unit stated in the text) for a metric name like “专利申请量(件)”."""
    if not text:
        return None, None
    key = header_key(text)
    unit = None
    m = _UNIT_SUFFIX.search(key)
    if m:
        unit, key = m.group(1), key[: m.start()]
    return _index().get(key), unit


@lru_cache(maxsize=4096)
def find_metric_in(text: str | None) -> str | None:
    """The metric a title names (longest synonym contained in it), e.g. a sheet “各区县专利申请量”."""
    key = header_key(text or "")
    best = None
    for syn, mid in _index().items():
        if syn and syn in key and (best is None or len(syn) > len(best[0])):
            best = (syn, mid)
    return best[1] if best else None
