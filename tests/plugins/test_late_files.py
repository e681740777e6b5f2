"""The status board's second process: makes the Excel workbook and QR codes, and is stopped."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from dvk_mkdocs.status_board import late_files
from dvk_mkdocs.status_board.late_files import LateFiles
from scripts.render import site_paths as paths
from scripts.render.board.generate import generate
from tests.plugins import late_crash
from tests.plugins.test_status_board import build_from
from tests.tracker_data import AS_OF, small_dataset

SITE_URL = "https://example.org/"


@pytest.mark.parametrize("second", [True, False])
def test_the_late_files_are_written_into_the_site(tmp_path: Path, second: bool) -> None:
    dataset = small_dataset()
    late = LateFiles()
    late.start(dataset, AS_OF, SITE_URL, str(tmp_path), second=second)
    assert late.running is second
    made = late.finish()
    assert set(made) == set(generate(dataset, AS_OF, SITE_URL).late)
    assert (tmp_path / paths.XLSX).stat().st_size > 0
    assert all((tmp_path / path).is_file() for path in made)
    assert multiprocessing.active_children() == []


def test_a_failure_in_the_second_process_is_reported_not_hidden(tmp_path: Path) -> None:
    blocked = tmp_path / "site"
    blocked.write_text("not a folder", encoding="utf-8")  # nowhere to write the files
    late = LateFiles()
    late.start(small_dataset(), AS_OF, SITE_URL, str(blocked), second=True)
    with pytest.raises(RuntimeError, match="tiến trình tạo tệp Excel và mã QR gặp lỗi"):
        late.finish()
    assert multiprocessing.active_children() == []


def test_stop_ends_a_running_process_and_can_be_called_again(tmp_path: Path) -> None:
    late = LateFiles()
    late.start(small_dataset(), AS_OF, SITE_URL, str(tmp_path), second=True)
    late.stop()
    assert not late.running
    assert multiprocessing.active_children() == []
    late.stop()
    with pytest.raises(RuntimeError):
        late.finish()  # nothing to wait for once stopped


def test_a_crash_of_the_second_process_is_reported_with_its_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(late_files, "_work", late_crash.crash)
    late = LateFiles()
    late.start(small_dataset(), AS_OF, SITE_URL, str(tmp_path), second=True)
    with pytest.raises(RuntimeError, match="dừng bất thường, mã thoát 70"):
        late.finish()
    assert multiprocessing.active_children() == []


def test_a_crash_ends_the_build_in_vietnamese_and_leaves_no_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The whole build, as `mkdocs build` runs it, with the second process dying."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("a page of an earlier build", encoding="utf-8")
    monkeypatch.setattr(late_files, "_work", late_crash.crash)
    with pytest.raises(Abort):
        build_from(small_dataset, site)
    assert "Không tạo được tệp Excel và mã QR của các trường" in caplog.text
    assert "dừng bất thường, mã thoát 70" in caplog.text
    assert "Trang không được dựng" in caplog.text
    assert list(site.iterdir()) == []  # not a page left to publish
    assert multiprocessing.active_children() == []
