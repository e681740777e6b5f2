"""Who may change what: a clerk only their own schools, office staff the data and pages,
a maintainer everything (an allow-list: any path not named is a maintainer's)."""

from __future__ import annotations

import pytest

from scripts.load.editors import editors_from_data
from scripts.review.permissions import (
    Change,
    SchoolTouched,
    Tier,
    active_html,
    path_tier,
    refusals,
    scope_of,
)

EDITORS = editors_from_data(
    {
        "sample": True,
        "editors": [
            {
                "github": "vi-du-bao-tri",
                "name": "Bảo trì (ví dụ)",
                "schools": "all",
                "role": "maintainer",
            },
            {"github": "vi-du-can-bo-phong", "name": "Cán bộ Phòng (ví dụ)", "schools": "all"},
            {
                "github": "Vi-Du-Van-Thu-Binh-Thanh",
                "name": "Văn thư (ví dụ)",
                "schools": ["th-binh-thanh", "thcs-binh-thanh"],
            },
        ],
    }
)
CLERK, OFFICE, MAINTAINER = "vi-du-van-thu-binh-thanh", "vi-du-can-bo-phong", "vi-du-bao-tri"
OWN = SchoolTouched("th-binh-thanh", "Trường Tiểu học Bình Thạnh")
OTHER = SchoolTouched("mn-chau-o", "Trường Mầm non Châu Ổ")
SCHOOLS = "data/schools.yml"


def _change(*paths: str, **facts: object) -> Change:
    return Change(paths=paths, **facts)  # type: ignore[arg-type]


def test_a_clerk_may_change_their_own_school() -> None:
    assert refusals(CLERK, EDITORS, _change(SCHOOLS, schools=(OWN,))) == []


def test_a_clerk_changing_another_school_is_refused_with_its_name() -> None:
    reasons = refusals(CLERK, EDITORS, _change(SCHOOLS, schools=(OWN, OTHER)))
    assert reasons == [
        "@vi-du-van-thu-binh-thanh không được sửa trường “Trường Mầm non Châu Ổ” (mã mn-chau-o)."
    ]
    assert scope_of(CLERK, EDITORS) == "chỉ được sửa các trường: th-binh-thanh, thcs-binh-thanh"


def test_a_clerk_may_change_a_submission_file_only_if_every_school_in_it_is_theirs() -> None:
    path = "data/submissions/bao-cao-6-thang/2022-05-28-th-binh-thanh.yml"
    mine = _change(path, submission_schools={path: frozenset({"th-binh-thanh"})})
    assert refusals(CLERK, EDITORS, mine) == []
    mixed = _change(path, submission_schools={path: frozenset({"th-binh-thanh", "mn-chau-o"})})
    assert refusals(CLERK, EDITORS, mixed) == [
        f"@{CLERK} không được sửa trường mã mn-chau-o (trong {path})."
    ]
    unreadable = _change(path, submission_schools={path: None})
    [reason] = refusals(CLERK, EDITORS, unreadable)
    assert path in reason and "người quản lý dữ liệu" in reason
    assert refusals(OFFICE, EDITORS, mixed) == []


def test_a_clerk_changing_the_editors_list_or_code_is_refused() -> None:
    paths = ("data/editors.yml", ".github/workflows/pr.yml", "scripts/review/permissions.py")
    reasons = refusals("@" + CLERK, EDITORS, _change(*paths))
    assert reasons == [
        f"@{CLERK} không phải người bảo trì (ghi “role: maintainer”) trong data/editors.yml: "
        "không được sửa .github/workflows/pr.yml.",
        f"@{CLERK} không phải người quản lý dữ liệu (ghi “schools: all”) trong "
        "data/editors.yml: không được sửa data/editors.yml.",
        f"@{CLERK} không phải người bảo trì (ghi “role: maintainer”) trong data/editors.yml: "
        "không được sửa scripts/review/permissions.py.",
    ]


def test_a_clerk_changing_the_shared_part_is_refused() -> None:
    [reason] = refusals(CLERK, EDITORS, _change(SCHOOLS, shared_part_changed=True))
    assert "“sample” hay “retired”" in reason


def test_office_staff_may_change_data_and_pages_but_not_code() -> None:
    content = (
        SCHOOLS,
        "data/editors.yml",
        "data/plan.yml",
        "docs/huong-dan/index.md",
        "docs/assets/images/so-do.png",
    )
    allowed = _change(*content, schools=(OWN, OTHER), shared_part_changed=True)
    assert refusals(OFFICE.upper(), EDITORS, allowed) == []
    code = (
        "docs/assets/javascripts/offline.js",
        "tests/conftest.py",
        ".gitattributes",
        "run.sh",
        "mkdocs.yml",
        "docs/assets/stylesheets/extra.css",
        "docs/logo.svg",
    )
    reasons = refusals(OFFICE, EDITORS, _change(*content, *code))
    assert [r.rsplit(" ", 1)[-1] for r in reasons] == [f"{p}." for p in sorted(code)]
    assert all("không phải người bảo trì" in r for r in reasons)


def test_a_page_with_a_script_needs_a_maintainer() -> None:
    page = "docs/huong-dan/index.md"
    change = _change(page, active_pages={page: "<script"})
    [reason] = refusals(OFFICE, EDITORS, change)
    assert page in reason and "<script" in reason
    assert refusals(MAINTAINER, EDITORS, change) == []
    assert active_html('Xem <script src="x.js"></script>') == "<script"
    assert active_html("<IFRAME src=//x>") == "<IFRAME"
    assert active_html('<img src=a.png onerror="alert(1)">') == "onerror="
    assert active_html("[x](javascript:alert(1))") == "javascript:"
    assert active_html("<svg/onload=alert(1)>") == "onload="
    assert active_html("Bấm {: onclick='x()' }") == "onclick="
    assert active_html("Trường **Tiểu học** <br> theo mẫu; a = b, online = có") is None


def test_office_staff_may_not_change_who_is_a_maintainer() -> None:
    change = _change("data/editors.yml", maintainers_changed=True)
    [reason] = refusals(OFFICE, EDITORS, change)
    assert "thay đổi ai là người bảo trì" in reason
    assert refusals(MAINTAINER, EDITORS, change) == []


def test_a_maintainer_may_change_everything() -> None:
    paths = ("scripts/review/permissions.py", ".github/workflows/pr.yml", "tests/conftest.py")
    change = _change(*paths, SCHOOLS, schools=(OWN, OTHER), shared_part_changed=True)
    assert refusals(MAINTAINER, EDITORS, change) == []
    assert scope_of(MAINTAINER, EDITORS) == "là người bảo trì, được sửa mọi thứ"


def test_an_unlisted_account_may_change_nothing() -> None:
    reasons = refusals("someone", EDITORS, _change(SCHOOLS, "docs/index.md", schools=(OWN,)))
    assert reasons[0] == (
        "@someone không được sửa trường “Trường Tiểu học Bình Thạnh” (mã th-binh-thanh)."
    )
    assert any(r.endswith("không được sửa data/schools.yml.") for r in reasons)
    assert any(r.endswith("không được sửa docs/index.md.") for r in reasons)
    assert scope_of("someone", EDITORS) == (
        "chưa có trong data/editors.yml, nên không được sửa dữ liệu trường nào"
    )
    # A commit with no GitHub account linked: no rights either.
    assert refusals(None, EDITORS, _change(SCHOOLS, schools=(OWN,)))[0].startswith(
        "(không gắn tài khoản GitHub) không được sửa trường"
    )


@pytest.mark.parametrize(
    ("path", "tier"),
    [
        ("data/schools.yml", Tier.CLERK),
        ("data/submissions/bao-cao-6-thang/th-binh-thanh.yml", Tier.CLERK),
        ("data/submissions/bao-cao-6-thang/a/b.yml", Tier.OFFICE),  # not the layout
        ("data/submissions/bao-cao-6-thang/x.txt", Tier.OFFICE),
        ("data/plan.yml", Tier.OFFICE),
        ("data/editors.yml", Tier.OFFICE),
        ("data/commit-notes.yml", Tier.OFFICE),
        ("data/tep-moi.yml", Tier.OFFICE),  # a new data file: at least office
        ("docs/huong-dan/index.md", Tier.OFFICE),
        ("docs/assets/images/anh.JPG", Tier.OFFICE),
        ("docs/van-ban/ke-hoach.pdf", Tier.OFFICE),
        ("docs/assets/javascripts/offline.js", Tier.MAINTAINER),
        ("docs/assets/javascripts/ghi-chu.md", Tier.MAINTAINER),
        ("docs/assets/stylesheets/extra.css", Tier.MAINTAINER),
        ("docs/overrides/main.html", Tier.MAINTAINER),
        ("docs/trang.html", Tier.MAINTAINER),
        ("docs/hinh.svg", Tier.MAINTAINER),  # an SVG can carry a script
        ("docs/.gitattributes", Tier.MAINTAINER),
        ("overrides/main.html", Tier.MAINTAINER),
        ("tests/conftest.py", Tier.MAINTAINER),
        (".gitattributes", Tier.MAINTAINER),
        (".github/CODEOWNERS", Tier.MAINTAINER),
        (".ci/run", Tier.MAINTAINER),
        ("mkdocs.yml", Tier.MAINTAINER),
        ("pyproject.toml", Tier.MAINTAINER),
        ("requirements.txt", Tier.MAINTAINER),
        ("run.sh", Tier.MAINTAINER),
        ("schemas/schools.schema.json", Tier.MAINTAINER),
        ("README.md", Tier.MAINTAINER),
        ("tep-moi-o-goc.txt", Tier.MAINTAINER),  # unknown: not clearly content
        ("scriptsx/a.py", Tier.MAINTAINER),
    ],
)
def test_what_each_path_needs(path: str, tier: Tier) -> None:
    assert path_tier(path) is tier
