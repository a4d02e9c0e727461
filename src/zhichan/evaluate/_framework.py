"""Evaluation frameworks (indicator trees) as YAML or a table, checked by small rules that say
file and line.

A YAML framework::

    id: ip_strength
    title: 知识产权强市评价
    normalise_weights: false     # true: sibling weights are rescaled to sum 1
    nodes:
      - {code: index, name: 综合指数}
      - {code: creation, parent: index, weight: 0.5}
      - {code: invention_per_10k, parent: creation, weight: 1, direction: benefit}

A table has columns ``code, parent, weight, direction`` (``name`` optional). Siblings with no
weight share equally; leaves are the indicators and need a direction (benefit/cost, 正向/负向).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, ValidationError

from zhichan._registry import read_documents
from zhichan.errors import UserError
from zhichan.evaluate._base import DIRECTIONS

WEIGHT_TOLERANCE = 1e-6


class NodeSpec(BaseModel):
    """One node of the tree: the root, a dimension or an indicator (a leaf)."""

    model_config = ConfigDict(extra="forbid")
    code: str
    parent: str | None = None
    weight: float | None = None
    direction: str | None = None
    name: str | None = None
    name_en: str | None = None
    unit: str | None = None
    description: str | None = None
    source: str | None = None


class FrameworkDocument(BaseModel):
    """A framework file."""

    model_config = ConfigDict(extra="forbid")
    id: str
    title: str | None = None
    description: str | None = None
    normalise_weights: bool = False
    nodes: list[NodeSpec]


@dataclass(frozen=True)
class FrameworkProblem:
    """A rule broken by a framework, with where it is."""

    file: str
    line: int
    code: str | None
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: [{self.rule}] {self.code or ''} {self.message}".replace("  ", " ")


class Framework:
    """A checked indicator tree.

    Attributes: ``id``, ``nodes`` (DataFrame indexed by code: parent, weight (sibling-relative,
    summing to 1), direction (+1/−1 on leaves), name, depth, height), ``root``, ``leaves``
    (indicator codes in file order), ``children`` (code → list of child codes).
    """

    def __init__(self, framework_id: str, nodes: pd.DataFrame, source: str = "<table>") -> None:
        self.id = framework_id
        self.nodes = nodes
        self.source = source
        self.root = str(nodes.index[nodes["parent"].isna()][0])
        self.children = {c: list(nodes.index[nodes["parent"] == c]) for c in nodes.index}
        self.leaves = [c for c in nodes.index if not self.children[c]]
        self.aggregates = [c for c in nodes.index if self.children[c]]

    def __repr__(self) -> str:
        return f"Framework({self.id!r}, {len(self.leaves)} indicators, {int(self.nodes['height'].max())} levels)"

    @property
    def directions(self) -> pd.Series:
        return self.nodes.loc[self.leaves, "direction"].astype(float)

    def effective_weights(self) -> pd.Series:
        """Each indicator's weight in the root: the product of sibling weights along its path."""
        w = self.nodes["weight"].astype(float)
        out = {}
        for leaf in self.leaves:
            prod, node = 1.0, leaf
            while node != self.root:
                prod *= w[node]
                node = self.nodes.at[node, "parent"]
            out[leaf] = prod
        return pd.Series(out, name="weight")

    def with_weights(self, weights: dict[str, float]) -> Framework:
        """A copy with some node weights replaced (siblings rescaled to sum 1)."""
        nodes = self.nodes.copy()
        for code, value in weights.items():
            if code not in nodes.index:
                raise UserError("未知的节点 unknown node", found=str(code), expected="、".join(map(str, nodes.index)))
            nodes.at[code, "weight"] = float(value)
        sums = nodes.groupby("parent")["weight"].transform("sum")
        nodes["weight"] = np.where(nodes["parent"].isna(), 1.0, nodes["weight"] / sums)
        return Framework(self.id, nodes, self.source)

    def to_frame(self) -> pd.DataFrame:
        return self.nodes.copy()


def _problem(file, line, code, rule, message):
    return FrameworkProblem(file, line, code, rule, message)


def _check(doc: FrameworkDocument, file: str, line_of) -> tuple[list[FrameworkProblem], pd.DataFrame | None]:
    """Apply the rules; return the problems and, if there are none, the node table."""
    problems: list[FrameworkProblem] = []
    nodes = doc.nodes
    seen: dict[str, int] = {}
    for i, nd in enumerate(nodes):
        if nd.code in seen:
            problems.append(_problem(file, line_of(i, "code"), nd.code, "unique-code",
                                     f"code used twice (first at line {line_of(seen[nd.code], 'code')})"))
        else:
            seen[nd.code] = i
    roots = [i for i, nd in enumerate(nodes) if nd.parent in (None, "")]
    if len(roots) != 1:
        where = line_of(roots[1], "code") if len(roots) > 1 else line_of(0, "code") if nodes else 1
        problems.append(_problem(file, where, None, "single-root",
                                 f"a framework has exactly one root (a node without parent), found {len(roots)}"))
    for i, nd in enumerate(nodes):
        if nd.parent not in (None, "") and nd.parent not in seen:
            problems.append(_problem(file, line_of(i, "parent"), nd.code, "known-parent",
                                     f"parent {nd.parent!r} is not a code of this framework"))
    parent = {nd.code: nd.parent for nd in nodes}
    for i, nd in enumerate(nodes):
        path, node = [nd.code], nd.parent
        while node not in (None, "") and node in parent:
            if node in path:
                if node == nd.code:
                    problems.append(_problem(file, line_of(i, "parent"), nd.code, "no-cycle",
                                             "cycle: " + " → ".join(path + [node])))
                break
            path.append(node)
            node = parent[node]
    has_children = {nd.parent for nd in nodes if nd.parent}
    for i, nd in enumerate(nodes):
        leaf = nd.code not in has_children
        if leaf and nd.parent not in (None, ""):
            if nd.direction is None:
                problems.append(_problem(file, line_of(i, "code"), nd.code, "direction-valid",
                                         "an indicator needs a direction: benefit or cost (正向/负向)"))
            elif str(nd.direction).strip().lower() not in DIRECTIONS:
                problems.append(_problem(file, line_of(i, "direction"), nd.code, "direction-valid",
                                         f"direction {nd.direction!r} is not benefit or cost (正向/负向)"))
        elif not leaf and nd.direction is not None:
            problems.append(_problem(file, line_of(i, "direction"), nd.code, "direction-valid",
                                     "only indicators (leaves) carry a direction"))
        if nd.weight is not None and (not np.isfinite(nd.weight) or nd.weight < 0):
            problems.append(_problem(file, line_of(i, "weight"), nd.code, "weights-valid",
                                     f"weight must be a non-negative number, got {nd.weight}"))
    groups: dict[str, list[int]] = {}
    for i, nd in enumerate(nodes):
        if nd.parent:
            groups.setdefault(nd.parent, []).append(i)
    for par, idx in groups.items():
        given = [nodes[i].weight for i in idx if nodes[i].weight is not None]
        if given and len(given) != len(idx):
            first = next(i for i in idx if nodes[i].weight is None)
            problems.append(_problem(file, line_of(first, "code"), nodes[first].code, "weights-valid",
                                     f"siblings under {par!r}: give a weight to all of them or to none"))
        elif given and not doc.normalise_weights and abs(sum(given) - 1.0) > WEIGHT_TOLERANCE:
            problems.append(_problem(file, line_of(idx[0], "weight"), nodes[idx[0]].code, "weights-sum",
                                     f"weights of the children of {par!r} sum to {sum(given):.6g}, not 1 "
                                     "(fix them, or set normalise_weights: true)"))
        elif given and sum(given) <= 0:
            problems.append(_problem(file, line_of(idx[0], "weight"), nodes[idx[0]].code, "weights-valid",
                                     f"weights of the children of {par!r} are all zero"))
    if problems:
        return problems, None
    rows = []
    for nd in nodes:
        rows.append({"code": nd.code, "parent": nd.parent or None, "weight": nd.weight, "name": nd.name or nd.code,
                     "direction": DIRECTIONS[str(nd.direction).strip().lower()] if nd.direction is not None else np.nan})
    table = pd.DataFrame(rows).set_index("code")
    for par, idx in groups.items():
        codes = [nodes[i].code for i in idx]
        w = table.loc[codes, "weight"]
        table.loc[codes, "weight"] = (1.0 / len(codes)) if w.isna().all() else (w / w.sum()).to_numpy()
    table.loc[table["parent"].isna(), "weight"] = 1.0
    table["weight"] = table["weight"].astype(float)
    depth = {}
    for code in table.index:
        d, node = 0, code
        while table.at[node, "parent"] is not None and not pd.isna(table.at[node, "parent"]):
            node, d = table.at[node, "parent"], d + 1
        depth[code] = d
    table["depth"] = pd.Series(depth)
    height = {c: 0 for c in table.index}
    for code in sorted(table.index, key=lambda c: -depth[c]):
        par = table.at[code, "parent"]
        if par is not None and not pd.isna(par):
            height[par] = max(height[par], height[code] + 1)
    table["height"] = pd.Series(height)
    return [], table


def check_framework(source: Any) -> list[FrameworkProblem]:
    """The problems of a framework file or table (empty when it is fine)."""
    return _load(source)[0]


def _load(source: Any) -> tuple[list[FrameworkProblem], Framework | None]:
    if isinstance(source, Framework):
        return [], source
    if isinstance(source, pd.DataFrame):
        frame = source.reset_index() if "code" not in source.columns else source
        docs = [{k: (None if (v is None or (isinstance(v, float) and np.isnan(v))) else v)
                 for k, v in row.items() if k in NodeSpec.model_fields}
                for row in frame.to_dict("records")]
        for d in docs:
            for key in ("code", "parent"):
                if d.get(key) is not None:
                    d[key] = str(d[key])
        try:
            doc = FrameworkDocument(id="framework", nodes=docs)
        except ValidationError as exc:  # one problem per error
            errs = exc.errors()
            return [_problem("<table>", int(e["loc"][1]) + 2 if len(e["loc"]) > 1 else 1, None, "schema",
                             f"{'.'.join(map(str, e['loc']))}: {e['msg']}") for e in errs], None
        problems, table = _check(doc, "<table>", lambda i, key: i + 2)  # spreadsheet row (header is row 1)
        return problems, (Framework(doc.id, table, "<table>") if table is not None else None)
    path = Path(source)
    if not path.exists():
        raise UserError("找不到评价框架文件 framework file not found", where=str(path),
                        fix="check the path; frameworks are YAML files")
    problems: list[FrameworkProblem] = []
    found = list(read_documents([path], FrameworkDocument,
                                lambda f, line, i, rule, msg: _problem(f, line, i, rule, msg), problems))
    if not found:
        return problems, None
    name, lines, doc = found[0]

    def line_of(i: int, key: str) -> int:
        return lines.get(("nodes", str(i), key), lines.get(("nodes", str(i)), 1))

    more, table = _check(doc, name, line_of)
    return problems + more, (Framework(doc.id, table, str(path)) if table is not None else None)


def load_framework(source: Any) -> Framework:
    """Read and check a framework (YAML path, table or Framework); raise one ``UserError`` listing
    every problem (``.problems`` holds the records)."""
    problems, fw = _load(source)
    if problems or fw is None:
        first = problems[0] if problems else None
        err = UserError(f"评价框架有 {len(problems)} 处问题 the framework has {len(problems)} problem(s)",
                        where=f"{first.file}:{first.line}" if first else None,
                        found="\n    ".join(str(p) for p in problems),
                        fix="correct the lines listed; see the framework format in zhichan.evaluate docs")
        err.problems = problems
        raise err
    return fw
