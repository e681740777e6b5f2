"""The plan's deadlines as a list: due date first, linked to the point of the plan."""

from __future__ import annotations

import dataclasses
import datetime as dt

from scripts.render.board.deadlines import deadlines_list
from tests.tracker_data import plan


def test_one_line_per_deadline_in_order_of_the_due_date() -> None:
    shuffled = dataclasses.replace(plan(), deadlines=tuple(reversed(plan().deadlines)))
    lines = deadlines_list(shuffled).splitlines()
    assert len(lines) == len(plan().deadlines)
    days = [dt.datetime.strptime(line.split("**")[1], "%d/%m/%Y").date() for line in lines]
    assert days == sorted(days)
    assert lines[0].startswith("- **15/5/2022** — ")
    assert "(mục [III.4](ke-hoach/index.md#iii-4) của Kế hoạch)" in lines[0]


def test_titles_link_to_their_status_page_when_asked() -> None:
    text = deadlines_list(plan(), "../ke-hoach/index.md", status_url="../tinh-hinh/han/")
    assert "— [Báo cáo năm](../tinh-hinh/han/bao-cao-nam/) (mục" in text
    assert "](../ke-hoach/index.md#iii-5)" in text
