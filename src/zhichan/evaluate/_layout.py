"""Regional layout analysis on a workspace: filings by unit × technology field (static levels and
shares, dynamic growth, revealed technological advantage) and the guidance catalogue
(导向目录) classifying every unit × field by rules held as data (catalogue_rules.yaml)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from zhichan.errors import UserError
from zhichan.evaluate._base import Analysis
from zhichan.evaluate._concentration import revealed_technological_advantage
from zhichan.measures._regions import RegionScope
from zhichan.measures._terms import ROLLUP, TermContext
from zhichan.store import SCHEMES, field_counts_sql


class _When(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rta_min: float | None = None
    rta_max: float | None = None
    growth_min: float | None = None
    growth_max: float | None = None
    share_min: float | None = None


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: str = Field(min_length=1)
    when: _When = Field(default_factory=_When)
    reason: str = ""


class CatalogueRules(BaseModel):
    """The classification rules of the guidance catalogue (first match wins)."""

    model_config = ConfigDict(extra="forbid")
    id: str
    min_count: float = 3
    rules: list[_Rule] = Field(min_length=1)


def load_catalogue_rules(path: str | Path | None = None) -> CatalogueRules:
    """The packaged rules, or a user's YAML file of the same shape."""
    if path is None:
        text = resources.files("zhichan.evaluate").joinpath("catalogue_rules.yaml").read_text("utf-8")
        where = "catalogue_rules.yaml"
    else:
        text, where = Path(path).read_text("utf-8"), str(path)
    try:
        return CatalogueRules.model_validate(yaml.safe_load(text))
    except (yaml.YAMLError, ValidationError) as exc:
        raise UserError("导向目录规则文件有误 invalid catalogue rules", where=where, found=str(exc).splitlines()[0],
                        fix="参照内置 catalogue_rules.yaml 的格式") from None


class LayoutAnalysis(Analysis):
    """Filings by unit × field for the subdivisions (``level``) of ``region``.

    Parameters: ``region``, ``level``, ``year`` (the last year of the current window), ``window``
    (years per window), ``fields`` ("tech_field" or "sei"), ``rules`` (CatalogueRules or a path).

    Attributes
    ----------
    counts_ : DataFrame   units × fields, fractional filings in the current window
    previous_ : DataFrame the same for the previous window
    shares_ : DataFrame   field shares within each unit
    rta_ : DataFrame      revealed technological advantage (units × fields, over the units given)
    growth_ : DataFrame   (current − previous) / previous
    catalogue_ : DataFrame one row per unit × field: counts, shares, RTA, growth, label, reason, evidence
    units_ : DataFrame    per unit: name, filings, growth, top fields by RTA
    """

    def __init__(self, region: str, *, level: str = "county", year: int, window: int = 3, fields: str = "tech_field",
                 rules=None) -> None:
        self.region, self.level, self.year, self.window, self.fields, self.rules = (region, level, year, window,
                                                                                     fields, rules)

    def fit(self, db) -> "LayoutAnalysis":
        if self.fields not in SCHEMES:
            raise UserError("未知的领域分类 unknown field scheme", expected="tech_field 或 sei", found=self.fields,
                            fix="--fields tech_field")
        rules = self.rules if isinstance(self.rules, CatalogueRules) else load_catalogue_rules(self.rules)
        p0, p1 = self.year - 2 * self.window + 1, self.year
        with TermContext(db, p0, p1) as ctx:
            scope = RegionScope(ctx.levels(), list(range(p0, p1 + 1)), ctx.rollup())
            units = scope.targets([self.region], self.level)
            long = db.frame(field_counts_sql(self.fields, rollup=ROLLUP), ctx.params)
        titles = dict(db.query("SELECT code, title_zh FROM classification WHERE scheme = ?", [self.fields]))
        long = long[long["unit"].isin(units)]
        if long.empty:
            raise UserError("没有可分析的专利申请 no filings to analyse", where=f"{self.region} {self.level} {p0}–{p1}",
                            fix="导入带主分类号的专利数据")
        cur = long[long["y"] > self.year - self.window].pivot_table(index="unit", columns="field", values="n",
                                                                    aggfunc="sum", fill_value=0.0)
        prev = long[long["y"] <= self.year - self.window].pivot_table(index="unit", columns="field", values="n",
                                                                      aggfunc="sum", fill_value=0.0)
        cur = cur.reindex(index=[u for u in units if u in set(long["unit"])], fill_value=0.0)
        prev = prev.reindex(index=cur.index, columns=cur.columns, fill_value=0.0)
        self.counts_, self.previous_ = cur, prev
        self.shares_ = cur.div(cur.sum(axis=1).replace(0, np.nan), axis=0)
        self.rta_ = revealed_technological_advantage(cur)
        with np.errstate(divide="ignore", invalid="ignore"):
            self.growth_ = (cur - prev) / prev.where(prev > 0)
        self.catalogue_ = self._classify(rules, scope, titles)
        self.units_ = self._units(scope, titles)
        self.convention_ = (f"filings (inventions + utility models) by the first applicant's region on the filing day; "
                            f"main IPC → {self.fields} via the concordance table, fractional; windows of {self.window} "
                            f"years ending {self.year}; RTA over the {len(cur)} units; rules {rules.id}")
        return self

    def _classify(self, rules: CatalogueRules, scope: RegionScope, titles: dict) -> pd.DataFrame:
        # one row per unit × field, labelled by the first rule that holds (column-wise, no loop over cells)
        cur = self.counts_
        long = pd.DataFrame({
            "count": cur.stack(), "previous": self.previous_.stack(), "share_in_unit": self.shares_.fillna(0.0).stack(),
            "share_of_field": cur.div(cur.sum(axis=0).replace(0, np.nan), axis=1).fillna(0.0).stack(),
            "rta": self.rta_.stack(), "growth": self.growth_.stack(),
        }).rename_axis(["unit", "field"]).reset_index()
        long.insert(1, "unit_name", long["unit"].map(scope.info["name"]))
        long.insert(3, "field_name", long["field"].map(lambda f: titles.get(f, f)))
        long["label"], long["reason"] = "数据不足", f"近{self.window}年申请少于{rules.min_count:g}件"
        open_ = long["count"] >= rules.min_count
        for rule in rules.rules:
            hit = open_ & _holds(rule.when, long)
            long.loc[hit, "label"], long.loc[hit, "reason"] = rule.label, rule.reason
            open_ &= ~hit
        long["growth"] = long["growth"].astype(object).where(long["growth"].notna(), None)
        growth = long["growth"].map(lambda g: "增长 —" if g is None else f"较前{self.window}年{g:+.0%}")
        long["evidence"] = (f"近{self.window}年申请" + long["count"].map("{:.1f}".format) + "件，占本地区"
                            + long["share_in_unit"].map("{:.1%}".format) + "，占上级同领域"
                            + long["share_of_field"].map("{:.1%}".format) + "，RTA " + long["rta"].map("{:.2f}".format)
                            + "，" + growth)
        return long

    def _units(self, scope: RegionScope, titles: dict) -> pd.DataFrame:
        cur, prev = self.counts_.sum(axis=1), self.previous_.sum(axis=1)
        top = self.rta_.where(self.counts_ >= 3).apply(
            lambda r: "、".join(titles.get(f, f) for f in r.dropna().sort_values(ascending=False).index[:3]), axis=1)
        return pd.DataFrame({"name": [scope.info.at[u, "name"] for u in cur.index], "filings": cur,
                             "growth": (cur - prev) / prev.where(prev > 0), "top_fields": top})


def _holds(w: _When, t: pd.DataFrame) -> pd.Series:
    """Rows of ``t`` meeting every condition of ``w`` (a missing growth meets no growth bound)."""
    ok = pd.Series(True, index=t.index)
    g = pd.to_numeric(t["growth"], errors="coerce")
    if w.rta_min is not None:
        ok &= t["rta"] >= w.rta_min
    if w.rta_max is not None:
        ok &= t["rta"] < w.rta_max
    if w.growth_min is not None:
        ok &= g >= w.growth_min
    if w.growth_max is not None:
        ok &= g < w.growth_max
    if w.share_min is not None:
        ok &= t["share_of_field"] >= w.share_min
    return ok.fillna(False)



def _to_frame(self) -> pd.DataFrame:
    """The guidance catalogue (``catalogue_``)."""
    self._check_fitted()
    return self.catalogue_


LayoutAnalysis.to_frame = _to_frame
