"""History from git: each school's changes, with author, date and words, read leniently."""

from __future__ import annotations

import datetime as dt
import html
import shutil
from pathlib import Path

import pytest

from scripts.common.clock import VIETNAM
from scripts.history import gitlog as history_module
from scripts.history.gitlog import NO_GIT, read_history
from scripts.load.plan import load_plan
from scripts.render.history_pages import by_school, describe, school_section
from tests.conftest import ROOT
from tests.gitrepo import SCHOOLS, Sub, commit, git, init, school_yaml, schools_file

PLAN = load_plan(ROOT / "data" / "plan.yml")
VN = VIETNAM

BINH_THANH = dict(
    school_id="th-binh-thanh", name="Trường Tiểu học Bình Thạnh", commune="Bình Thạnh"
)
CHAU_O = dict(school_id="mn-chau-o", name="Trường Mầm non Châu Ổ", level="MN", commune="Châu Ổ")


def _file(*blocks: str) -> dict[str, str | None]:
    return {SCHOOLS: schools_file(blocks)}


@pytest.fixture
def scripted(tmp_path: Path) -> Path:
    """Four commits by three people: add two schools, record, correct, change the other."""
    repo = init(tmp_path / "repo")
    commit(
        repo,
        _file(school_yaml(**BINH_THANH), school_yaml(**CHAU_O)),
        "Thêm danh sách trường",
        author="Cán bộ Phòng A",
        when=dt.datetime(2022, 4, 20, 8, 0, tzinfo=VN),
    )
    commit(
        repo,
        _file(
            school_yaml(**BINH_THANH, subs=[Sub("bao-cao-6-thang", "28/5/2022", "25/BC-THBT")]),
            school_yaml(**CHAU_O),
        ),
        "Ghi nhận báo cáo 6 tháng của TH Bình Thạnh",
        author="Văn thư Bình Thạnh",
        when=dt.datetime(2022, 5, 28, 14, 5, tzinfo=VN),
    )
    commit(
        repo,
        _file(
            school_yaml(**BINH_THANH, subs=[Sub("bao-cao-6-thang", "28/5/2022", "26/BC-THBT")]),
            school_yaml(**CHAU_O),
        ),
        "Sửa số văn bản",
        author="Cán bộ Phòng B",
        when=dt.datetime(2022, 5, 30, 9, 30, tzinfo=VN),
    )
    commit(
        repo,
        _file(
            school_yaml(**BINH_THANH, subs=[Sub("bao-cao-6-thang", "28/5/2022", "26/BC-THBT")]),
            school_yaml(**CHAU_O, subs=[Sub("bao-cao-6-thang", "2/6/2022")]),
        ),
        "Châu Ổ nộp trễ",
        author="Cán bộ Phòng A",
        when=dt.datetime(2022, 6, 2, 10, 0, tzinfo=VN),
    )
    return repo


def test_a_school_history_lists_each_change_with_author_and_date(
    scripted: Path, tmp_path: Path
) -> None:
    history = read_history(scripted / SCHOOLS, tmp_path / "cache")
    assert history.available and not history.notices
    entries = by_school(describe(history, PLAN))

    binh_thanh = entries["th-binh-thanh"]
    assert [e.commit.author for e in binh_thanh] == [
        "Cán bộ Phòng B",
        "Văn thư Bình Thạnh",
        "Cán bộ Phòng A",
    ]
    assert [e.commit.local_date for e in binh_thanh] == [
        dt.datetime(2022, 5, 30, 9, 30, tzinfo=VN),
        dt.datetime(2022, 5, 28, 14, 5, tzinfo=VN),
        dt.datetime(2022, 4, 20, 8, 0, tzinfo=VN),
    ]
    corrected, recorded, added = (e.diff.lines for e in binh_thanh)
    assert corrected == ("Báo cáo 6 tháng: sửa số văn bản: “25/BC-THBT” → “26/BC-THBT”",)
    assert recorded == (
        "Báo cáo 6 tháng: chưa nộp → đã nộp ngày 28/5/2022 (đúng hạn), văn bản số 25/BC-THBT",
    )
    assert added == ("Thêm trường vào danh sách (cấp TH, Bình Thạnh)",)

    late = entries["mn-chau-o"][0]
    assert late.diff.lines == ("Báo cáo 6 tháng: chưa nộp → đã nộp ngày 02/6/2022 (trễ 3 ngày)",)
    assert late.commit.summary == "Châu Ổ nộp trễ"


def test_the_school_section_says_when_who_and_what(scripted: Path) -> None:
    history = read_history(scripted / SCHOOLS)
    entries = by_school(describe(history, PLAN))["th-binh-thanh"]
    markdown = school_section(entries, history.notices, lambda sha: f"https://example.org/c/{sha}")
    text = html.unescape(markdown)  # data text is escaped as HTML entities in the Markdown
    assert markdown.startswith("## Lịch sử cập nhật {#lich-su-cap-nhat}")
    assert "**Cập nhật lần cuối:** 30/5/2022 lúc 09:30, bởi Cán bộ Phòng B." in markdown
    lines = markdown.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("- **"))
    assert lines[first].startswith("- **30/5/2022 lúc 09:30** — Cán bộ Phòng B: “Sửa số văn bản”")
    assert "(https://example.org/c/" in lines[first]
    assert "chưa nộp → đã nộp ngày 28/5/2022 (đúng hạn)" in text


def test_a_school_with_no_change_gets_a_plain_sentence() -> None:
    markdown = school_section([])
    assert "Chưa có thay đổi nào" in markdown
    assert "Cập nhật lần cuối" not in markdown


def test_deleting_and_removing_are_recorded(tmp_path: Path) -> None:
    repo = init(tmp_path / "repo")
    with_sub = school_yaml(**BINH_THANH, subs=[Sub("bao-cao-6-thang", "28/5/2022")])
    commit(repo, _file(with_sub, school_yaml(**CHAU_O)), "Bắt đầu")
    commit(repo, _file(school_yaml(**BINH_THANH), school_yaml(**CHAU_O)), "Xóa nhầm", "B")
    commit(repo, _file(school_yaml(**BINH_THANH)), "Bỏ trường Châu Ổ", "C")
    entries = by_school(describe(read_history(repo / SCHOOLS), PLAN))
    deleted = entries["th-binh-thanh"][0]
    assert deleted.diff.lines == ("Báo cáo 6 tháng: đã nộp ngày 28/5/2022 (đúng hạn) → chưa nộp",)
    assert deleted.diff.status_changes[0].after == "chưa nộp"
    removed = entries["mn-chau-o"][0]
    assert removed.diff.lines == ("Xóa trường khỏi danh sách",)
    assert removed.diff.name == "Trường Mầm non Châu Ổ"
    assert removed.commit.author == "C"


def test_an_unreadable_old_version_is_skipped_and_said(tmp_path: Path) -> None:
    repo = init(tmp_path / "repo")
    commit(repo, _file(school_yaml(**BINH_THANH)), "Bắt đầu")
    broken = commit(
        repo, {SCHOOLS: schools_file([school_yaml(**BINH_THANH)]) + "  - id: [\n"}, "Hỏng"
    )
    commit(
        repo,
        _file(school_yaml(**BINH_THANH, subs=[Sub("bao-cao-nam", "20/10/2022")])),
        "Sửa lại và ghi báo cáo năm",
        author="D",
    )
    history = read_history(repo / SCHOOLS)
    assert any(broken[:7] in n and "Không đọc được" in n for n in history.notices)
    entries = by_school(describe(history, PLAN))["th-binh-thanh"]
    # The change after the broken version is compared with the last readable one.
    assert [e.commit.author for e in entries] == ["D", "Cán bộ Phòng"]
    assert entries[0].diff.lines == ("Báo cáo năm: chưa nộp → đã nộp ngày 20/10/2022 (đúng hạn)",)


def test_an_older_shape_is_read_and_a_change_of_shape_alone_is_no_change(tmp_path: Path) -> None:
    repo = init(tmp_path / "repo")
    old_shape = (
        "schools:\n"
        "- id: th-binh-thanh\n"
        "  name: Trường Tiểu học Bình Thạnh\n"
        "  level: TH\n"
        "  commune: Bình Thạnh\n"
        "  submissions:\n"
        "  - deadline: bao-cao-6-thang\n"
        "    received: 2022-05-28\n"
    )
    commit(repo, {SCHOOLS: old_shape}, "Dạng cũ")
    new_shape = school_yaml(**BINH_THANH, subs=[Sub("bao-cao-6-thang", "28/5/2022")])
    commit(repo, _file(new_shape), "Đổi sang dạng mới", author="E")
    entries = describe(read_history(repo / SCHOOLS), PLAN)
    assert [e.commit.summary for e in entries] == ["Dạng cũ"]
    assert "đã nộp ngày 28/5/2022" in entries[0].diff.lines[1]


def test_the_cache_is_used_and_only_new_commits_are_read(
    scripted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = read_history(scripted / SCHOOLS, cache)
    assert (cache / "history.json").exists()

    processed: list[str] = []
    real = history_module._process

    def counting(entry, *args):  # type: ignore[no-untyped-def]
        processed.append(entry.commit.sha)
        return real(entry, *args)

    monkeypatch.setattr(history_module, "_process", counting)
    again = read_history(scripted / SCHOOLS, cache)
    assert processed == []
    assert [c.changes for c in again.commits] == [c.changes for c in first.commits]

    newest = commit(
        scripted,
        _file(school_yaml(**BINH_THANH, subs=[Sub("bao-cao-6-thang", "28/5/2022", "26/BC-THBT")])),
        "Bỏ Châu Ổ",
        when=dt.datetime(2022, 6, 3, tzinfo=VN),
    )
    third = read_history(scripted / SCHOOLS, cache)
    assert processed == [newest]
    assert third.commits[0].changes[0].school_id == "mn-chau-o"


def test_no_git_history_gives_a_notice_not_an_error(tmp_path: Path) -> None:
    copy = tmp_path / "copy" / SCHOOLS
    copy.parent.mkdir(parents=True)
    copy.write_text(schools_file([school_yaml(**BINH_THANH)]), encoding="utf-8")
    history = read_history(copy)
    assert not history.available
    assert history.notices == [NO_GIT]
    assert describe(history, PLAN) == []


def test_a_shallow_clone_gives_a_notice_and_no_false_additions(
    scripted: Path, tmp_path: Path
) -> None:
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "2", f"file://{scripted}", str(clone))
    history = read_history(clone / SCHOOLS)
    assert history.shallow
    assert any("bản sao nông" in n for n in history.notices)
    # Only the newest commit is compared: the boundary commit did not "add" every school.
    assert [c.commit.summary for c in history.commits] == ["Châu Ổ nộp trễ"]
    shutil.rmtree(clone)
