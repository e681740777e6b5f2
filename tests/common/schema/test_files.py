"""Schema files are read at every check: an edit counts at once, a broken file is named."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scripts.common.problems import DataError, UnreadableFileError
from scripts.common.schema.files import DRAFT, read_schema
from scripts.common.source import read_source
from scripts.validate.plan import validate_plan
from tests.conftest import ROOT


def test_an_edited_schema_counts_at_the_next_check(tmp_path: Path) -> None:
    schemas = tmp_path / "schemas"
    shutil.copytree(ROOT / "schemas", schemas)
    plan = read_source(ROOT / "data" / "plan.yml", "data/plan.yml")
    assert validate_plan(plan, schemas)[1] == []
    path = schemas / "plan.schema.json"
    edited = json.loads(path.read_text(encoding="utf-8"))
    edited["properties"]["title"]["maxLength"] = 10
    path.write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    problems = validate_plan(plan, schemas)[1]
    assert [p.file for p in problems] == ["data/plan.yml"]
    assert "dài quá 10 ký tự" in problems[0].message


def test_a_schema_that_is_not_json_is_named_with_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "plan.schema.json"
    path.write_text('{\n  "type": "object",\n  "required": ["id",]\n}\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_schema(path, "schemas/plan.schema.json")
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == ("schemas/plan.schema.json", 3)
    assert problem.message.startswith("Tệp lược đồ không đúng cú pháp JSON: thiếu giá trị")


def test_a_schema_that_json_schema_refuses_is_named_too(tmp_path: Path) -> None:
    path = tmp_path / "plan.schema.json"
    path.write_text(json.dumps({"$schema": DRAFT, "type": "objekt"}), "utf-8")
    with pytest.raises(DataError) as caught:
        read_schema(path, "schemas/plan.schema.json")
    (problem,) = caught.value.problems
    assert problem.file == "schemas/plan.schema.json"
    assert "Lược đồ không hợp lệ theo JSON Schema, ở mục type" in problem.message


def test_a_missing_schema_is_an_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="Không tìm thấy tệp lược đồ"):
        read_schema(tmp_path / "none.schema.json", "schemas/none.schema.json")


def test_a_schema_on_another_draft_is_refused(tmp_path: Path) -> None:
    """Every schema is on Draft 2020-12: the check, the editors' hints and the field
    reference must never read one file differently from another."""
    path = tmp_path / "plan.schema.json"
    draft_07 = "http://json-schema.org/draft-07/schema#"
    path.write_text(json.dumps({"$schema": draft_07, "type": "object"}), "utf-8")
    with pytest.raises(DataError) as caught:
        read_schema(path, "schemas/plan.schema.json")
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.column) == ("schemas/plan.schema.json", 1, 1)
    assert "JSON Schema bản 2020-12" in problem.message
    assert draft_07 in problem.message


def test_every_schema_of_the_project_is_on_the_one_draft() -> None:
    for path in sorted((ROOT / "schemas").glob("*.schema.json")):
        assert json.loads(path.read_text(encoding="utf-8"))["$schema"] == DRAFT, path.name
        read_schema(path)  # and each is a valid schema of that draft
