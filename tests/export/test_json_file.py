"""The JSON download: it follows its published schema and holds everything."""

from __future__ import annotations

import json

import jsonschema
import pytest

from scripts.export.json_file import SCHEMA, SCHEMA_VERSION
from scripts.render import site_paths as paths
from scripts.render.board.generate import GeneratedSite
from tests.tracker_data import FORMULA, MD_LINK, SCRIPT, generated_board, generated_hostile_board


@pytest.fixture
def board_site() -> GeneratedSite:
    return generated_board()


@pytest.fixture
def hostile_board() -> GeneratedSite:
    return generated_hostile_board()


def test_json_follows_its_schema_and_holds_everything(board_site: GeneratedSite) -> None:
    document = json.loads(board_site.files[paths.JSON])
    jsonschema.validate(document, SCHEMA)
    assert document["schema_version"] == SCHEMA_VERSION
    assert document["as_of"] == "2022-06-01" and document["sample"] is True
    assert len(document["schools"]) == 5
    school = next(s for s in document["schools"] if s["id"] == "th-binh-thanh")
    assert school["deadlines"]["bao-cao-6-thang"]["state"] == "late"
    assert school["deadlines"]["bao-cao-6-thang"]["days_late"] == 2
    assert school["deadlines"]["bao-cao-nam"]["submission"] is None
    counts = {d["id"]: d["counts"] for d in document["deadlines"]}
    assert counts["dang-ky-mo-hinh"] == {"on_time": 2, "late": 1, "missing": 2, "not_due": 0}


def test_hostile_text_is_kept_as_text_in_json(hostile_board: GeneratedSite) -> None:
    document = json.loads(hostile_board.files[paths.JSON])
    jsonschema.validate(document, SCHEMA)
    assert {s["name"] for s in document["schools"]} == {f"Trường {SCRIPT}", FORMULA, MD_LINK}
