"""Who may change what: a clerk only their own schools, office staff everything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.common.problems import DataError
from scripts.load.editors import editors_from_data, load_editors
from scripts.review.data_checks import validate_data
from scripts.review.permissions import SchoolTouched, office_only, refusals, scope_of
from tests.conftest import ROOT

EDITORS = editors_from_data(
    {
        "sample": True,
        "editors": [
            {"github": "vi-du-can-bo-phong", "name": "Cán bộ Phòng (ví dụ)", "schools": "all"},
            {
                "github": "Vi-Du-Van-Thu-Binh-Thanh",
                "name": "Văn thư (ví dụ)",
                "schools": ["th-binh-thanh", "thcs-binh-thanh"],
            },
        ],
    }
)
OWN = SchoolTouched("th-binh-thanh", "Trường Tiểu học Bình Thạnh")
OTHER = SchoolTouched("mn-chau-o", "Trường Mầm non Châu Ổ")


def test_a_clerk_may_change_their_own_school() -> None:
    assert refusals("vi-du-van-thu-binh-thanh", EDITORS, ["data/schools.yml"], [OWN]) == []


def test_a_clerk_changing_another_school_is_refused_with_its_name() -> None:
    reasons = refusals("vi-du-van-thu-binh-thanh", EDITORS, ["data/schools.yml"], [OWN, OTHER])
    assert reasons == [
        "@vi-du-van-thu-binh-thanh không được sửa trường “Trường Mầm non Châu Ổ” (mã mn-chau-o)."
    ]
    assert scope_of("vi-du-van-thu-binh-thanh", EDITORS) == (
        "chỉ được sửa các trường: th-binh-thanh, thcs-binh-thanh"
    )


def test_a_clerk_changing_the_editors_list_or_code_is_refused() -> None:
    paths = ["data/editors.yml", ".github/workflows/pr.yml", "scripts/review/permissions.py"]
    reasons = refusals("@vi-du-van-thu-binh-thanh", EDITORS, paths, [])
    assert len(reasons) == 3
    for path, reason in zip(sorted(paths), reasons, strict=True):
        assert reason == (
            "@vi-du-van-thu-binh-thanh không phải người quản lý dữ liệu (ghi “schools: all” trong "
            f"data/editors.yml): không được sửa {path}."
        )


def test_a_clerk_changing_the_shared_part_is_refused() -> None:
    reasons = refusals("vi-du-van-thu-binh-thanh", EDITORS, ["data/schools.yml"], [], True)
    assert len(reasons) == 1 and "“sample” hay “retired”" in reasons[0]


def test_office_staff_may_change_everything() -> None:
    paths = ["data/editors.yml", "data/schools.yml", ".github/workflows/pr.yml", "run.sh"]
    assert refusals("VI-DU-CAN-BO-PHONG", EDITORS, paths, [OWN, OTHER], True) == []


def test_an_unlisted_account_may_change_no_school() -> None:
    reasons = refusals("someone", EDITORS, ["data/schools.yml", "docs/index.md"], [OWN])
    assert reasons == [
        "@someone không được sửa trường “Trường Tiểu học Bình Thạnh” (mã th-binh-thanh)."
    ]
    assert scope_of("someone", EDITORS) == (
        "chưa có trong data/editors.yml, nên không được sửa dữ liệu trường nào"
    )


def test_office_only_paths() -> None:
    assert office_only("data/editors.yml")
    assert office_only("data/plan.yml")
    assert office_only(".github/CODEOWNERS")
    assert office_only("mkdocs.yml")
    assert office_only(".mailmap")  # names shown in the public history
    assert office_only("data/commit-notes.yml")  # messages shown in the public history
    assert not office_only("data/schools.yml")  # checked school by school
    assert not office_only("docs/huong-dan/index.md")
    assert not office_only("scriptsx/a.py")


def test_the_projects_list_is_valid_and_labelled_as_examples() -> None:
    editors = load_editors(ROOT / "data" / "editors.yml")
    assert editors.sample
    assert all("ví dụ minh họa" in e.name for e in editors.editors)
    assert any(e.is_office for e in editors.editors)
    assert validate_data(ROOT / "data") == []  # every listed school exists


def test_a_wrong_list_is_refused_with_its_line(tmp_path: Path) -> None:
    wrong = tmp_path / "editors.yml"
    wrong.write_text(
        "editors:\n  - github: '@ai-do'\n    name: Ai đó\n    schools: tat-ca\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as raised:
        load_editors(wrong)
    messages = [str(p) for p in raised.value.problems]
    assert any(m.startswith("data/editors.yml:2:") and "không có dấu @" in m for m in messages)
    assert any(m.startswith("data/editors.yml:4:") for m in messages), messages


def test_a_listed_school_that_does_not_exist_is_a_problem(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "editors.yml").write_text(
        "editors:\n  - github: vi-du\n    name: Ví dụ minh họa\n    schools:\n"
        "      - khong-co-truong-nay\n",
        encoding="utf-8",
    )
    assert validate_data(data) == [
        "data/editors.yml: tài khoản vi-du được ghi trường “khong-co-truong-nay”, "
        "nhưng data/schools.yml không có trường mã này."
    ]
