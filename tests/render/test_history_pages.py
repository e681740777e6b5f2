"""The history as readers see it: a school's section, the recent changes page, the feed.

Built from History objects made here (no git), so each rendering rule is checked alone;
tests/history/test_gitlog.py reads real repositories.
"""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree

from scripts.common.clock import VIETNAM
from scripts.history.commits import CommitChanges, CommitInfo, History, SchoolChange
from scripts.history.records import Record
from scripts.load.publisher import Publisher
from scripts.render.history_pages import (
    SCHOOLS_PER_COMMIT,
    by_school,
    describe,
    page_updated,
    recent_page,
    school_section,
    status_feed,
)
from tests.tracker_data import plan

ATOM = "{http://www.w3.org/2005/Atom}"


def _record(school_id: str, received: str | None = None) -> Record:
    submissions = {"bao-cao-6-thang": {"received": received}} if received else {}
    return {"id": school_id, "fields": {"name": f"Trường {school_id}"}, "submissions": submissions}


def _commit(sha: str, day: int, message: str, *changes: SchoolChange) -> CommitChanges:
    info = CommitInfo(
        sha=sha * 40,
        author="Văn thư",
        date=dt.datetime(2022, 5, day, 9, 0, tzinfo=VIETNAM),
        message=message,
    )
    return CommitChanges(commit=info, changes=list(changes))


def _history() -> History:
    recorded = SchoolChange("a", _record("a"), _record("a", "2022-05-28"))
    added = SchoolChange("b", None, _record("b"))
    return History(
        commits=[
            _commit("2", 28, "Ghi nhận báo cáo 6 tháng", recorded),
            _commit("1", 20, "Thêm trường", added, SchoolChange("a", None, _record("a"))),
        ]
    )


def test_a_school_section_lists_its_changes_newest_first_in_words() -> None:
    entries = by_school(describe(_history(), plan()))["a"]
    section = school_section(entries, commit_url=lambda sha: f"https://example.org/{sha[:7]}")
    assert section.startswith("## Lịch sử cập nhật {#lich-su-cap-nhat}")
    assert "**Cập nhật lần cuối:** 28/5/2022 lúc 09:00, bởi Văn thư." in section
    assert section.index("Ghi nhận báo cáo 6 tháng") < section.index("Thêm trường")
    assert "chưa nộp → đã nộp ngày 28/5/2022 &#40;đúng hạn&#41;" in section
    assert "(https://example.org/2222222)" in section


def test_notices_say_the_history_may_be_incomplete() -> None:
    section = school_section([], ["Bản sao này chỉ có một phần lịch sử git."])
    assert '!!! warning "Lịch sử có thể chưa đầy đủ"' in section
    assert "Chưa có thay đổi nào được ghi nhận cho trường này" in section


def test_the_recent_page_groups_by_day_and_links_schools_that_have_a_page() -> None:
    history = _history()
    page = recent_page(
        history,
        describe(history, plan()),
        school_link=lambda school_id: f"truong/{school_id}/" if school_id == "a" else None,
        feed_link="../tai-ve/cap-nhat.atom",
        sample=True,
    )
    assert '!!! warning "Dữ liệu minh họa"' in page
    assert page.index("## Ngày 28/5/2022") < page.index("## Ngày 20/5/2022")
    assert "[Trường a](truong/a/)" in page
    assert "    - Trường b: Thêm trường vào danh sách" in page  # no page, no link
    assert "[nguồn tin Atom](../tai-ve/cap-nhat.atom)" in page


def test_a_commit_touching_many_schools_is_cut_short_on_the_recent_page() -> None:
    many = [SchoolChange(f"s{i}", None, _record(f"s{i}")) for i in range(SCHOOLS_PER_COMMIT + 3)]
    history = History(commits=[_commit("3", 2, "Nhập danh sách", *many)])
    page = recent_page(history, describe(history, plan()), lambda _: None, "feed.atom")
    assert "… và 3 trường khác" in page


def test_the_feed_has_an_entry_per_status_change_signed_by_who_runs_the_site() -> None:
    history = _history()
    feed = status_feed(
        describe(history, plan()),
        "https://vi-du.invalid/tinh-hinh/cap-nhat/",
        "https://vi-du.invalid/tai-ve/cap-nhat.atom",
        lambda school_id: f"https://vi-du.invalid/tinh-hinh/truong/{school_id}/",
        "Cập nhật tình hình",
        publisher=Publisher(name="Nhóm thử nghiệm", configured=True),
    )
    root = ElementTree.fromstring(feed)
    entries = root.findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") or "" for e in entries]
    assert any("Trường a" in t for t in titles)  # a submission recorded: a status change
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "Nhóm thử nghiệm"


def test_a_hand_written_page_says_why_it_has_no_date() -> None:
    assert page_updated("2022-05-28", True) == "Cập nhật lần cuối: ngày 28/5/2022."
    assert "chưa được lưu vào lịch sử git" in page_updated(None, False)
    assert "không có lịch sử git" in page_updated(None, False, has_git=False)
    assert "ngày thật có thể sớm hơn" in page_updated("2022-05-28", True, shallow=True)
