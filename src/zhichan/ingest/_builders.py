"""Which builder stages each record kind, and which field keys a record within a file."""

from __future__ import annotations

from typing import Any, Callable

from zhichan.ingest._records import Problem, Sink, build_entity
from zhichan.ingest._records_more import (
    build_gi,
    build_listing,
    build_patent_event,
    build_plant_variety,
    build_transaction,
    registration_builder,
)
from zhichan.ingest._records_stats import build_stat_long, build_stat_wide

Builder = Callable[[dict[str, Any], int, Sink], list[Problem]]

# Patents and trademarks come in millions: they are built set-wise in SQL (store._build_sql).
SQL_KINDS = frozenset(("patent", "trademark"))

BUILDERS: dict[str, Builder] = {
    "market_entity": build_entity,
    "patent_event": build_patent_event,
    "patent_transaction": build_transaction,
    "gi": build_gi,
    "copyright": registration_builder("CR", "copyright"),
    "software_copyright": registration_builder("SR", "software_copyright"),
    "plant_variety": build_plant_variety,
    "official_list": build_listing,
    "stat_long": build_stat_long,
    "stat_wide": build_stat_wide,
}

# The field whose value identifies a record within one file (a second row with it is a duplicate).
RECORD_KEYS: dict[str, str] = {
    "patent": "application_no", "trademark": "registration_no", "market_entity": "uscc",
    "copyright": "registration_no", "software_copyright": "registration_no", "plant_variety": "application_no",
}

# Record kinds whose rows become rights (and parties, classes, roles, owners).
RIGHT_KINDS = frozenset(("patent", "trademark", "gi", "copyright", "software_copyright", "plant_variety"))
