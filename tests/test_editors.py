"""Who may change what: a clerk only their own schools, office staff everything."""

from __future__ import annotations

from scripts.tracker.editors import SchoolTouched, editors_from_data, office_only, refusals

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
        "Tài khoản @vi-du-van-thu-binh-thanh chỉ được sửa các trường: th-binh-thanh, "
        "thcs-binh-thanh; không được sửa trường “Trường Mầm non Châu Ổ” (mã mn-chau-o)."
    ]


def test_a_clerk_changing_the_editors_list_or_code_is_refused() -> None:
    paths = ["data/editors.yml", ".github/workflows/pr.yml", "scripts/tracker/editors.py"]
    reasons = refusals("@vi-du-van-thu-binh-thanh", EDITORS, paths, [])
    assert len(reasons) == 3
    for path, reason in zip(sorted(paths), reasons, strict=True):
        assert reason.startswith(
            f"Tài khoản @vi-du-van-thu-binh-thanh không phải cán bộ Phòng: không được sửa {path} "
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
        "Tài khoản @someone chưa có trong data/editors.yml; không được sửa trường "
        "“Trường Tiểu học Bình Thạnh” (mã th-binh-thanh)."
    ]


def test_office_only_paths() -> None:
    assert office_only("data/editors.yml")
    assert office_only("data/plan.yml")
    assert office_only(".github/CODEOWNERS")
    assert office_only("mkdocs.yml")
    assert not office_only("data/schools.yml")  # checked school by school
    assert not office_only("docs/huong-dan/index.md")
    assert not office_only("scriptsx/a.py")
