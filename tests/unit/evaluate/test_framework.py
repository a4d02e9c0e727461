"""Framework loading: rules report file and line."""

from __future__ import annotations

import textwrap

import pandas as pd
import pytest

from zhichan.errors import UserError
from zhichan.evaluate import check_framework, load_framework

GOOD = """\
id: ip_strength
title: 知识产权强市评价
nodes:
  - {code: index, name: 综合指数}
  - {code: creation, parent: index, weight: 0.6}
  - {code: protection, parent: index, weight: 0.4}
  - {code: invention_per_10k, parent: creation, direction: benefit}
  - {code: pct_filings, parent: creation, direction: 正向}
  - {code: case_days, parent: protection, direction: cost}
"""


def write(tmp_path, text, name="fw.yaml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), "utf-8")
    return p


def test_good_framework(tmp_path):
    fw = load_framework(write(tmp_path, GOOD))
    assert fw.root == "index"
    assert fw.leaves == ["invention_per_10k", "pct_filings", "case_days"]
    assert fw.directions.tolist() == [1, 1, -1]
    assert fw.effective_weights().round(6).tolist() == [0.3, 0.3, 0.4]
    assert fw.nodes.loc["creation", "height"] == 1 and fw.nodes.loc["index", "height"] == 2


def test_problems_report_file_and_line(tmp_path):
    bad = """\
    id: broken
    nodes:
      - {code: index}
      - {code: a, parent: index, weight: 0.7}
      - {code: b, parent: index, weight: 0.7}
      - {code: x1, parent: a, direction: up}
      - {code: x1, parent: b, direction: cost}
      - {code: x2, parent: nowhere, direction: cost}
      - {code: c1, parent: c2}
      - {code: c2, parent: c1}
    """
    problems = check_framework(write(tmp_path, bad))
    found = {(p.rule, p.line) for p in problems}
    assert ("weights-sum", 4) in found
    assert ("direction-valid", 6) in found
    assert ("unique-code", 7) in found
    assert ("known-parent", 8) in found
    assert ("no-cycle", 9) in found and ("no-cycle", 10) in found
    assert all(p.file == "fw.yaml" for p in problems)
    with pytest.raises(UserError) as exc:
        load_framework(tmp_path / "fw.yaml")
    assert "fw.yaml:4" in str(exc.value) and exc.value.problems


def test_typo_key_and_normalised_weights(tmp_path):
    problems = check_framework(write(tmp_path, "id: t\nnodes:\n  - {code: r}\n  - {code: x, parent: r, wieght: 1}\n"))
    assert problems and problems[0].rule == "schema" and problems[0].line == 4
    fw = load_framework(write(tmp_path, "id: t\nnormalise_weights: true\nnodes:\n  - {code: r}\n"
                              "  - {code: x, parent: r, weight: 2, direction: benefit}\n"
                              "  - {code: y, parent: r, weight: 6, direction: cost}\n"))
    assert fw.nodes.loc[["x", "y"], "weight"].tolist() == [0.25, 0.75]


def test_table_framework_and_equal_default():
    table = pd.DataFrame({"code": ["r", "a", "b"], "parent": [None, "r", "r"],
                          "direction": [None, "benefit", "benefit"]})
    fw = load_framework(table)
    assert fw.nodes.loc[["a", "b"], "weight"].tolist() == [0.5, 0.5]
    bad = table.assign(parent=[None, "r", "q"])
    problems = check_framework(bad)
    assert problems[0].rule == "known-parent" and problems[0].line == 4  # spreadsheet row


def test_table_schema_error_and_yaml_index(tmp_path):
    bad = pd.DataFrame({"code": ["r", "a"], "parent": [None, "r"], "weight": [None, "heavy"],
                        "direction": [None, "benefit"]})
    problems = check_framework(bad)
    assert problems[0].rule == "schema" and problems[0].line == 3
    from zhichan.evaluate import CompositeIndex

    data = pd.DataFrame({"invention_per_10k": [1.0, 2, 3], "pct_filings": [3.0, 2, 1], "case_days": [9.0, 5, 1]})
    ci = CompositeIndex(write(tmp_path, GOOD)).fit(data)
    # hand-computed: creation = (.5·0 + .5·100, 50, .5·100 + .5·0) = (50, 50, 50);
    # protection (cost) = (0, 50, 100); index = .6·creation + .4·protection = (30, 50, 70)
    assert ci.scores_["index"].tolist() == pytest.approx([30, 50, 70])
    assert ci.ranks_["index"].tolist() == [3, 2, 1]
