"""Benchmark: the history of a large repository, cold and after one new commit.

Run with `bash run.sh test -m benchmark -s`. Prints figures; the targets (issue 6) are a
first build under 15 s and a rebuild after one new commit under 3 s on the 2-core machine.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from scripts.history.gitlog import read_history
from scripts.load.plan import load_plan
from scripts.render.history_pages import (
    by_school,
    describe,
    recent_page,
    school_section,
    status_feed,
)
from tests.conftest import ROOT
from tests.gitrepo import SCHOOLS, commit, synthetic_history

SCHOOLS_COUNT = 1000
COMMITS = 2000


def _build(repo: Path, cache: Path) -> tuple[float, int]:
    """Everything the status board plugin does with the history; returns (seconds, entries)."""
    start = time.perf_counter()
    plan = load_plan(ROOT / "data" / "plan.yml")
    history = read_history(repo / SCHOOLS, cache)
    entries = describe(history, plan)
    per_school = by_school(entries)
    for school_id in per_school:
        school_section(per_school[school_id], history.notices)
    recent_page(history, entries, lambda sid: f"truong/{sid}.md", "../tai-ve/cap-nhat.atom")
    status_feed(
        entries,
        page_url="https://example.org/tinh-hinh/cap-nhat/",
        feed_url="https://example.org/tai-ve/cap-nhat.atom",
        school_url=lambda sid: f"https://example.org/tinh-hinh/truong/{sid}/",
        title="Benchmark",
    )
    return time.perf_counter() - start, len(entries)


@pytest.mark.benchmark
def test_history_of_2000_commits_to_1000_schools(tmp_path: Path) -> None:
    started = time.perf_counter()
    repo = synthetic_history(tmp_path / "repo", SCHOOLS_COUNT, COMMITS)
    made = time.perf_counter() - started
    size = (repo / SCHOOLS).stat().st_size
    cache = tmp_path / "cache"

    cold, entries = _build(repo, cache)
    warm, _ = _build(repo, cache)

    text = (repo / SCHOOLS).read_text(encoding="utf-8")
    marker = "    name: Trường Tiểu học số 5 "
    assert marker in text
    commit(repo, {SCHOOLS: text.replace(marker, "    name: Trường Tiểu học số năm ", 1)}, "Đổi tên")
    one_more, entries_after = _build(repo, cache)
    assert entries_after == entries + 1

    print(
        f"\n[benchmark] history: {SCHOOLS_COUNT} schools ({size / 1024:.0f} KiB), "
        f"{COMMITS} commits (repository made in {made:.1f} s)\n"
        f"[benchmark]   first build, no cache:        {cold:6.2f} s  (target < 15 s)\n"
        f"[benchmark]   rebuild, nothing new:          {warm:6.2f} s\n"
        f"[benchmark]   rebuild after one new commit:  {one_more:6.2f} s  (target < 3 s)\n"
        f"[benchmark]   {entries} changes described"
    )
