"""The form "Ghi nhận nộp": its rules come from the validator, and the shared cases get the
validator's verdicts (the browser test, tests/browser/test_submission_form.py, checks the
same cases through the page's script)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from scripts.load.dataset import load_dataset
from scripts.model import Dataset
from scripts.render.board.generate import generate
from scripts.render.board.submission_form import (
    FormSettings,
    many_page_path,
    rules_script,
    validator_messages,
)
from tests.conftest import ROOT

CASES_FILE = Path(__file__).with_name("submission_cases.yml")
CASES = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
TODAY = CASES["today"]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(ROOT / "data", today=dt.date(2026, 12, 2))


def verdict(messages: dict[str, list[str]], case: dict) -> list[str]:
    """The messages that concern the case's field: those on its line, and a missing one
    (said where the group starts, naming the key: "Thiếu mục Ngày nhận (received)")."""
    field = case["field"]
    key = field.rsplit(".", 1)[-1]
    found = list(messages.get(field, []))
    for where, said in messages.items():
        if where != field:
            found += [m for m in said if f"({key})" in m and m.startswith("Thiếu mục")]
    if field.startswith("model."):
        found += [m for m in messages.get("", []) if "cần ghi mô hình" in m]
    return found


def test_the_shared_cases_cover_every_rule_of_the_form() -> None:
    fields = {case["field"] for case in CASES["cases"]}
    assert {"received", "number", "document_date", "note", "link", "model.name"} <= fields
    assert len([c for c in CASES["cases"] if c["verdict"] == "refused"]) >= 15


@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: f"{c['field']}={c['values']}")
def test_the_validator_gives_each_shared_case_its_verdict(dataset: Dataset, case: dict) -> None:
    messages = validator_messages(dataset, case["deadline"], case["values"], TODAY)
    said = verdict(messages, case)
    if case["verdict"] == "ok":
        assert said == [], said
    else:
        assert any(case["message"] in m for m in said), said


def test_the_rules_script_carries_the_validators_words(dataset: Dataset) -> None:
    text = rules_script(dataset).decode()
    assert text.startswith("// Sinh tự động")
    data = json.loads(text.split("= ", 1)[1].rstrip(";\n"))
    assert data["plan_date"] == "2022-04-12"
    assert data["fields"]["link"]["pattern"].startswith("^https://")
    assert "{value}" in data["fields"]["number"]["pattern_message"]
    assert data["templates"]["before_plan"].startswith("{what} {day} trước ngày ban hành")


def test_every_school_page_carries_the_folded_form_and_its_own_scripts(dataset: Dataset) -> None:
    settings = FormSettings("https://github.com/vi-du/kho", "main")
    site = generate(dataset, dt.date(2026, 12, 2), "https://vi-du.invalid/", form=settings)
    school = next(s for s in dataset.schools if s.submission("bao-cao-nam"))
    page = site.pages[f"tinh-hinh/truong/{school.id}.md"]
    assert "<summary>Ghi nhận nộp (dành cho cán bộ)</summary>" in page
    # Only the loader is on the page; the form's script and rules load when it is opened.
    assert '<script src="../../../assets/javascripts/submission-form-loader.js" defer>' in page
    assert "../../../assets/javascripts/submission-form.js" in page
    assert '<script src="../../../assets/javascripts/submission-form.js"' not in page
    assert f'data-file="{school.submission("bao-cao-nam").file}"' in page
    for label in ("Ngày nhận", "Số văn bản", "Ngày ký", "Tên mô hình", "Ghi chú", "Đường dẫn"):
        assert f">{label}" in page
    assert "Mở GitHub để tạo yêu cầu hợp nhất" in page
    assert "assets/javascripts/submission-rules.js" in site.files
    # One page per deadline for many schools, linked from the deadline's page.
    for deadline in dataset.plan.deadlines:
        many = site.pages[many_page_path(deadline.id)]
        waiting = [s for s in dataset.schools if s.submission(deadline.id) is None]
        assert many.count('class="tracker-many__row"') == len(waiting)
        assert "ghi-nhan/" in site.pages[f"tinh-hinh/han/{deadline.id}.md"]
    # Without the option, pages are as before: no form, no script.
    plain = generate(dataset, dt.date(2026, 12, 2), "https://vi-du.invalid/")
    assert "Ghi nhận nộp" not in plain.pages[f"tinh-hinh/truong/{school.id}.md"]
    assert many_page_path("bao-cao-nam") not in plain.pages


def test_without_a_repository_the_page_shows_what_to_copy(dataset: Dataset) -> None:
    site = generate(dataset, dt.date(2026, 12, 2), "https://vi-du.invalid/", form=FormSettings())
    page = site.pages[f"tinh-hinh/truong/{dataset.schools[0].id}.md"]
    assert "Mở GitHub" not in page and "sao chép đường dẫn và nội dung tệp" in page
