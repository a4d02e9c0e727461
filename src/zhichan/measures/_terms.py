"""Evaluating one indicator term (numerator or denominator) for every region and year at once.

A ``TermContext`` holds the temporary tables the terms share within one computation — validity
spans per snapshot, holder spans per attribution rule, the region roll-up — so that each is built
once however many indicators ask for it.
"""

from __future__ import annotations

import pandas as pd

from zhichan.errors import InternalError
from zhichan.measures._indicator_model import Indicator, Term
from zhichan.store import (
    Database,
    flow_facts_sql,
    flow_rights_sql,
    flow_sql,
    holder_spans_sql,
    party_recognition_deltas_sql,
    region_levels_sql,
    region_rollup_sql,
    rollup_sql,
    stock_deltas_sql,
    stock_facts_sql,
    validity_spans_sql,
)

ROLLUP = "zc_rollup"
LEVELS = "zc_levels"


class TermContext:
    """Shared temporary tables for one computation over years ``p0..p1``."""

    def __init__(self, db: Database, p0: int, p1: int) -> None:
        self.db, self.p0, self.p1 = db, p0, p1
        # Counting needs no row order; without it DuckDB runs window-heavy statements on every
        # core (2× on the holder spans). Restored by close().
        self._order = db.scalar("SELECT current_setting('preserve_insertion_order')")
        db.execute("SET preserve_insertion_order = false")
        self._made: set[str] = set()
        # Indicators often share a term (valid trademarks alone and per 10k entities): count once.
        self._terms: dict[tuple, pd.DataFrame] = {}
        self._partial: set[str] = set()  # rules whose holder table covers only some flows' rights
        self._ensure(ROLLUP, region_rollup_sql())
        self._ensure(LEVELS, region_levels_sql())

    def close(self) -> None:
        self.db.execute(f"SET preserve_insertion_order = {'true' if self._order else 'false'}")

    def __enter__(self) -> "TermContext":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def params(self) -> dict[str, int]:
        return {"p0": self.p0, "p1": self.p1}

    def _ensure(self, name: str, sql: str) -> str:
        if name not in self._made:
            self.db.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}")
            self._made.add(name)
        return name

    def spans(self, snapshot: str) -> str:
        return self._ensure(f"zc_spans_{snapshot}", validity_spans_sql(snapshot))

    def holders(self, rule: str) -> str:
        if rule in self._partial:
            raise InternalError(f"holders of {rule} were prepared for flows only; prepare() the stocks too")
        return self._ensure(f"zc_holders_{rule}", holder_spans_sql(rule))

    def prepare(self, plan: list[tuple[Term, str, str]]) -> None:
        """Build the shared tables for ``(term, attribution, snapshot)`` triples up front: full
        holder tables for rules that stocks use, and for rules only flows use, one table of the
        holders of the rights those flows can count (PCT or Madrid filings are few among
        millions)."""
        rights = [(t, rule) for t, rule, _ in plan if t.source == "rights"]
        stock_rules = {rule for t, rule in rights if t.valid_at == "period_end"}
        for rule in sorted(stock_rules):
            self.holders(rule)
        flows: dict[str, list[str]] = {}
        for t, rule in rights:
            if t.valid_at != "period_end" and rule not in stock_rules:
                flows.setdefault(rule, []).append(flow_rights_sql(t.model_dump()))
        for rule, selects in flows.items():
            only = " UNION ".join(dict.fromkeys(selects))
            self._ensure(f"zc_holders_{rule}", holder_spans_sql(rule, only=only))
            self._partial.add(rule)

    def flow_holders(self, rule: str, term: Term) -> str:
        """Holders for a flow: the rule's table (full, or prepared for the flows that use it),
        else the holders of this flow's own rights."""
        if f"zc_holders_{rule}" in self._made:
            return f"zc_holders_{rule}"
        name = f"zc_holders_{rule}_f{len(self._made)}"
        return self._ensure(name, holder_spans_sql(rule, only=flow_rights_sql(term.model_dump())))

    def levels(self) -> pd.DataFrame:
        return self.db.frame(f"SELECT * FROM {LEVELS}")

    def rollup(self) -> pd.DataFrame:
        return self.db.frame(f"SELECT * FROM {ROLLUP}")

    def facts_sql(self, ind: Indicator, term: Term, attribution: str, snapshot: str) -> tuple[str, bool]:
        """The facts statement of a rights term and whether it is a stock."""
        spec = term.model_dump()
        if term.valid_at == "period_end":
            return stock_facts_sql(spec, spans=self.spans(snapshot), holders=self.holders(attribution)), True
        return flow_facts_sql(spec, holders=self.flow_holders(attribution, term), snapshot=snapshot), False

    def rights(self, ind: Indicator, term: Term, attribution: str, snapshot: str) -> pd.DataFrame:
        """``region, period, value`` for every region with a count, the nation and the
        pseudo-regions (unattributed, excluded)."""
        facts, stock = self.facts_sql(ind, term, attribution, snapshot)
        base = stock_deltas_sql(facts) if stock else flow_sql(facts)
        if stock and term.filters.recognition:
            base = f"{base} UNION ALL {party_recognition_deltas_sql(term.filters.recognition)}"
        return self.db.frame(rollup_sql(base, rollup=ROLLUP, stock=stock), self.params)

    def stat(self, metric: str) -> pd.DataFrame:
        """``region, period, value`` from the statistics, codes as stored and custom groups as
        the sum of their members (only when every member has the figure)."""
        return self.db.frame(
            """
            SELECT region_code AS region, period, value FROM stat
            WHERE metric = $m AND period BETWEEN $p0 AND $p1
            UNION ALL
            SELECT g.group_id, s.period, sum(s.value) FROM region_group g
            JOIN stat s ON s.region_code = g.code AND s.metric = $m AND s.period BETWEEN $p0 AND $p1
            GROUP BY g.group_id, s.period
            HAVING count(*) = (SELECT count(*) FROM region_group h WHERE h.group_id = g.group_id)
            """,
            {"m": metric, **self.params},
        )

    def reported(self, ind: Indicator) -> pd.DataFrame:
        """``region, period, value, source, note`` reported by hand for the indicator or an alias."""
        ids = [ind.id, *ind.aliases]
        return self.db.frame(
            """SELECT region_code AS region, period, value, source, note FROM reported
               WHERE indicator_id IN (SELECT unnest($ids)) AND period BETWEEN $p0 AND $p1""",
            {"ids": ids, **self.params},
        )

    def term(self, ind: Indicator, term: Term, attribution: str, snapshot: str) -> pd.DataFrame:
        if term.source == "rights":
            key = (term.model_dump_json(exclude={"note"}), attribution, snapshot)
            if key not in self._terms:
                self._terms[key] = self.rights(ind, term, attribution, snapshot)
            return self._terms[key]
        if term.source == "stat":
            return self.stat(term.metric or "")
        return self.reported(ind)
