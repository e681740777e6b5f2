"""`mkdocs serve` tells the truth: an edit of data/ or schemas/ shows at the next rebuild.

`mkdocs serve` rebuilds in one process and keeps the plugins that persist across builds;
these tests do the same, through MkDocs' Python API (load_config + build), on a copy of the
project: build, edit, build again in the same process.
"""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from dvk_mkdocs.status_board.plugin import StatusBoardPlugin
from tests.conftest import TEST_SITE_URL, build_in_process, copy_project

NEW_TERM = "BCĐ"
NEW_EXPANSION = "Ban Chỉ đạo (mục thêm khi trang đang chạy)"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TRACKER_AS_OF", "2022-11-15")
    return copy_project(tmp_path / "project")


def _build(project: Path) -> Path:
    return build_in_process(project / "site", project / "mkdocs.yml")


def _text(site: Path, page: str) -> str:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    return " ".join(soup.article.get_text(" ").split())


def test_a_schema_edit_is_seen_by_the_next_build(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _build(project)
    schema_file = project / "schemas" / "schools.schema.json"
    original = schema_file.read_text(encoding="utf-8")
    schema = json.loads(original)
    levels = schema["$defs"]["school"]["properties"]["level"]["enum"]
    levels.remove("MG")
    schema_file.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")

    with pytest.raises(Abort):
        _build(project)
    refused = [r.getMessage() for r in caplog.records if "“MG” không hợp lệ" in r.getMessage()]
    assert refused, caplog.text
    assert refused[0].startswith("Dữ liệu chưa hợp lệ")
    assert "\ndata/schools.yml:" in refused[0]
    assert "Traceback" not in caplog.text

    schema_file.write_text(original, encoding="utf-8")  # put back: the site builds again
    site = _build(project)
    assert "Dữ liệu minh họa" in _text(site, "tinh-hinh/index.html")


def test_a_glossary_edit_is_seen_by_the_next_build(project: Path) -> None:
    site = _build(project)
    assert NEW_EXPANSION not in _text(site, "thuat-ngu/index.html")
    glossary = project / "data" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    entry = f"  - term: {NEW_TERM}\n    expansion: {NEW_EXPANSION}\n"
    glossary.write_text(text.replace("abbreviations:\n", f"abbreviations:\n{entry}", 1), "utf-8")

    site = _build(project)
    assert f"{NEW_TERM} {NEW_EXPANSION}" in _text(site, "thuat-ngu/index.html")


def test_a_broken_schema_file_is_named_in_vietnamese_not_a_traceback(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _build(project)
    schema_file = project / "schemas" / "glossary.schema.json"
    text = schema_file.read_text(encoding="utf-8")
    schema_file.write_text(text.replace('"type":', '"type"', 1), encoding="utf-8")
    line = text[: text.index('"type":')].count("\n") + 1

    with pytest.raises(Abort):
        _build(project)
    messages = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any(
        f"\nschemas/glossary.schema.json:{line}:" in m
        and "không đúng cú pháp JSON: thiếu dấu hai chấm" in m
        for m in messages
    ), messages
    assert "Traceback" not in caplog.text


def test_a_failed_build_leaves_no_second_process_running(project: Path) -> None:
    """The status board's second process (Excel, QR codes) is stopped when a build fails,
    as `mkdocs serve` goes on running after it (on_shutdown comes only when serve ends)."""
    page = project / "docs" / "lich" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- kb:han khong-co -->\n", "utf-8")
    config = load_config(
        str(project / "mkdocs.yml"), site_dir=str(project / "site"), site_url=TEST_SITE_URL
    )
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["dvk-status-board"]
    assert isinstance(plugin, StatusBoardPlugin)
    started = []
    start = plugin._late.start

    def spy(*args: object, **kwargs: object) -> None:
        start(*args, **kwargs)  # type: ignore[arg-type]
        started.append(plugin._late.running)

    plugin._late.start = spy  # type: ignore[method-assign]
    try:
        with pytest.raises(Abort):
            build(config)
        assert started == [True]  # it ran while the pages were being rendered
        assert multiprocessing.active_children() == []
    finally:
        config.plugins.on_shutdown()
