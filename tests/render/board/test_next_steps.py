"""A deadline not met links to its guide and its Word template, found from the data."""

from __future__ import annotations

import dataclasses
import datetime as dt

from dvk_mkdocs.status_board.plugin import read_guides
from scripts.load.templates import load_templates
from scripts.model import Deadline
from scripts.render.board.next_steps import next_steps
from tests.tracker_data import ROOT, plan


def test_each_deadline_finds_its_guide_and_only_its_own_template() -> None:
    the_plan = plan()
    templates = load_templates(
        ROOT / "data" / "templates.yml", ROOT / "schemas" / "templates.schema.json", the_plan
    )
    steps = next_steps(the_plan, read_guides(ROOT / "docs"), templates)
    found = {
        deadline_id: (step.guide.src if step.guide else None, [path for path, _ in step.templates])
        for deadline_id, step in steps.items()
    }
    assert found == {
        "dang-ky-mo-hinh": (
            "huong-dan/mo-hinh-dan-van-kheo.md",
            ["tai-ve/mau/dang-ky-mo-hinh.docx"],
        ),
        # III.5 sets both reports: each deadline gets the template named like it.
        "bao-cao-6-thang": ("huong-dan/bao-cao.md", ["tai-ve/mau/bao-cao-6-thang.docx"]),
        "bao-cao-nam": ("huong-dan/bao-cao.md", ["tai-ve/mau/bao-cao-nam.docx"]),
    }
    assert steps["bao-cao-nam"].templates[0][1] == "Báo cáo năm 2022"
    assert steps["bao-cao-nam"].guide.title == "Báo cáo 6 tháng và báo cáo năm"


def test_a_deadline_of_a_point_without_guide_or_template_gets_none() -> None:
    the_plan = plan()
    other = Deadline("viec-khac", "Việc khác", dt.date(2022, 9, 1), "I.1")
    later = dataclasses.replace(the_plan, deadlines=(other,))
    assert next_steps(later, read_guides(ROOT / "docs"), []) == {}
