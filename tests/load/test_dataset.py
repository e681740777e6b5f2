"""The shipped data loads, and what it says matches what a reader of the plan expects."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jsonschema
import pytest

from scripts.common.problems import DataError, Problem, UnreadableFileError
from scripts.common.schema.files import schema
from scripts.common.source import Source
from scripts.load.dataset import load_dataset, load_sources
from scripts.model import LEVELS, CommuneKind, ModelKind
from tests.conftest import ROOT
from tests.dump import dump_plan, dump_schools, dump_submissions

DATA = ROOT / "data"
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA, today=TODAY)


def test_the_shipped_data_is_valid_and_marked_as_sample(dataset) -> None:
    assert dataset.sample is True
    assert 60 <= len(dataset.schools) <= 90
    assert dataset.sources == {
        "plan": "data/plan.yml",
        "communes": "data/communes.yml",
        "schools": "data/schools.yml",
    }


def test_the_plan_deadlines_are_those_of_the_plan(dataset) -> None:
    assert dataset.plan.date == dt.date(2022, 4, 12)
    assert [(d.id, d.due, d.section, d.requires_model) for d in dataset.plan.deadlines] == [
        ("dang-ky-mo-hinh", dt.date(2022, 5, 15), "III.4", True),
        ("bao-cao-6-thang", dt.date(2022, 5, 30), "III.5", False),
        ("bao-cao-nam", dt.date(2022, 10, 30), "III.5", False),
    ]


def test_the_sample_covers_every_level_commune_and_status(dataset) -> None:
    assert {s.level for s in dataset.schools} == set(LEVELS)
    assert {s.commune for s in dataset.schools} == set(dataset.communes.names)
    for deadline in dataset.plan.deadlines:
        received = [
            s.submission(deadline.id).received for s in dataset.schools if s.submission(deadline.id)
        ]
        on_time = [day for day in received if day <= deadline.due]
        late = [day for day in received if day > deadline.due]
        missing = len(dataset.schools) - len(received)
        assert on_time and late and missing, deadline.id


def test_every_registration_names_its_model(dataset) -> None:
    registrations = [s.submission("dang-ky-mo-hinh") for s in dataset.schools]
    kinds = {r.model.kind for r in registrations if r}
    assert kinds == {ModelKind.NEW, ModelKind.REPLICATED}


def test_school_ids_are_unique_slugs(dataset) -> None:
    ids = [s.id for s in dataset.schools]
    assert len(ids) == len(set(ids))
    assert all(i.isascii() and i == i.lower() and " " not in i for i in ids)


def test_the_data_files_are_in_the_dumper_layout(dataset) -> None:
    """What a formatter writes is what is shipped, header and all."""
    assert dump_plan(dataset.plan) == (DATA / "plan.yml").read_text(encoding="utf-8")
    assert dump_schools(dataset) == (DATA / "schools.yml").read_text(encoding="utf-8")
    shipped = {
        path.relative_to(DATA).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted((DATA / "submissions").rglob("*.yml"))
    }
    assert dump_submissions(dataset) == shipped


def test_the_register_holds_no_submission_and_every_file_is_read(dataset) -> None:
    """data/schools.yml is only the register; each submission is its own file, all loaded."""
    assert "submissions:" not in (DATA / "schools.yml").read_text(encoding="utf-8")
    files = sorted((DATA / "submissions").rglob("*.yml"))
    loaded = sorted(s.file for school in dataset.schools for s in school.submissions)
    assert loaded == [f"data/{p.relative_to(DATA).as_posix()}" for p in files]
    assert len(files) > 100


def test_each_data_file_names_its_schema_on_the_first_line() -> None:
    for name in ("plan", "communes", "schools"):
        first = (DATA / f"{name}.yml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{name}.schema.json"
        assert (DATA / first.split("=", 1)[1]).resolve() == ROOT / "schemas" / f"{name}.schema.json"
    for path in (DATA / "submissions").rglob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema == ROOT / "schemas" / "submissions.schema.json", path


def test_a_missing_file_is_reported_as_unreadable(tmp_path: Path) -> None:
    (tmp_path / "plan.yml").write_bytes((DATA / "plan.yml").read_bytes())
    with pytest.raises(UnreadableFileError) as caught:
        load_dataset(tmp_path, today=TODAY)
    assert caught.value.problems[0].file == f"{tmp_path.name}/schools.yml"


def test_problems_read_file_line_column_message() -> None:
    problem = Problem("data/schools.yml", 12, 5, "Thiếu mục")
    assert str(problem) == "data/schools.yml:12:5: Thiếu mục"
    assert sorted([Problem("a", 9, 1, "x"), Problem("a", 10, 1, "x")])[0].line == 9


def test_every_problem_is_reported_at_once_sorted_by_line() -> None:
    schools = (
        "schools:\n"
        "  - id: th-a\n"
        "    name: Trường A\n"
        "    level: Tiểu học\n"
        "    commune: Bình An\n"
        "  - id: th-a\n"
        "    name: Trường B\n"
        "    level: TH\n"
        "    commune: Bình Xa\n"
    )
    with pytest.raises(DataError) as caught:
        load_sources(
            Source("data/plan.yml", (DATA / "plan.yml").read_bytes()),
            Source("data/schools.yml", schools.encode()),
            today=TODAY,
        )
    assert [(p.line, p.column) for p in caught.value.problems] == [(4, 12), (6, 9), (9, 14)]
    assert "TH" in caught.value.problems[0].message


def test_the_schemas_are_valid_and_agree_with_the_model() -> None:
    for kind in ("plan", "communes", "schools"):
        jsonschema.Draft7Validator.check_schema(schema(kind))
    school = schema("schools")["$defs"]["school"]["properties"]
    assert school["level"]["enum"] == list(LEVELS)
    assert "enum" not in school["commune"], "the communes are data: data/communes.yml"
    commune = schema("communes")["properties"]["communes"]["items"]["properties"]
    assert commune["kind"]["enum"] == [kind.value for kind in CommuneKind]
    model = schema("schools")["$defs"]["submission"]["properties"]["model"]
    assert model["properties"]["kind"]["enum"] == [kind.value for kind in ModelKind]
