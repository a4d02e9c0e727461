"""The appendix every report ends with: the definitions of the indicators used and the sources of
the data (import batches with file names and dates)."""

from __future__ import annotations

import pandas as pd

from zhichan.measures import default_indicators
from zhichan.report._model import Section, Table


def definitions_section(indicator_ids: list[str], db=None) -> Section:
    reg = default_indicators()
    rows = []
    for i in indicator_ids:
        ind = reg.get(i)
        rows.append({"title": ind.title_zh, "unit": ind.unit, "definition": ind.definition_zh or "",
                     "rule": f"{ind.attribution}；{ind.snapshot}" if ind.numerator.source == "rights" else "—",
                     "source": ind.source_zh})
    s = Section("附录：指标说明与数据来源")
    s.add("地区归属规则：first_owner_address 按第一权利人地址，applicant_address 按第一申请人地址，"
          "cnipa_2021_split 按国家知识产权局口径（2020年底前授权的按专利权人、2021年起按申请人）；"
          "有效性口径：legal 按法律效力（事后视角），known 按截至当时公告所知。")
    s.add(Table("指标说明", pd.DataFrame(rows), {"title": "指标", "unit": "单位", "definition": "定义",
                                               "rule": "归属与口径", "source": "来源"}))
    if db is not None:
        batches = db.frame("""SELECT file_name, profile, rows_stored, CAST(finished_at AS DATE) AS finished
                              FROM import_batch WHERE status = 'committed' ORDER BY finished_at""")
        if len(batches):
            s.add(Table("入库数据来源", batches, {"file_name": "文件", "profile": "格式模板", "rows_stored": "入库行数",
                                              "finished": "导入日期"}, {"rows_stored": ",d"}))
    return s
