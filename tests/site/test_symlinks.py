"""No symbolic link reaches the site: the build stops and names each link."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from scripts.site.symlinks import find_symlinks
from tests.conftest import build_in_process, copy_project


def test_links_are_found_never_followed_and_tools_folders_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "docs" / "a").mkdir(parents=True)
    (tmp_path / "docs" / "a" / "trang.md").write_text("# Trang\n", encoding="utf-8")
    (tmp_path / "docs" / "may-chu.md").symlink_to("/etc/hostname")
    (tmp_path / "docs" / "ca-thu-muc").symlink_to("/etc")  # a folder: named, not entered
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "schools.yml").symlink_to(tmp_path / "docs" / "a" / "trang.md")
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (venv / "bin" / "python").symlink_to("/usr/bin/python3")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").symlink_to("/etc/hostname")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "x").symlink_to("/etc/hostname")
    assert find_symlinks(tmp_path, skip=[tmp_path / "site"]) == [
        "data/schools.yml",
        "docs/ca-thu-muc",
        "docs/may-chu.md",
    ]
    (tmp_path / "docs" / "may-chu.md").unlink()
    (tmp_path / "docs" / "ca-thu-muc").unlink()
    (tmp_path / "data" / "schools.yml").unlink()
    assert find_symlinks(tmp_path, skip=[tmp_path / "site"]) == []


def test_the_build_refuses_a_link_to_a_file_outside_the_repository(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "may-chu.md").symlink_to("/etc/hostname")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_in_process(project / "site", project / "mkdocs.yml")
    messages = "\n".join(r.getMessage() for r in caplog.records)
    assert "liên kết tượng trưng (symbolic link), trang không được dựng" in messages
    assert "docs/may-chu.md → /etc/hostname" in messages
    assert not (project / "site" / "may-chu").exists()
