"""One spelling convention everywhere a person reads: "xóa", "hóa", "Ủy", as the plan writes.

Vietnamese places the tone mark of an open "oa", "oe", "uy" two ways ("hòa"/"hoà"). The
plan, and so the site, write the traditional way; search accepts both (tests/browser/
test_search.py), but the site, its downloads and the messages of its tools show one.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.site_text import html_pages, new_style_spellings, soup_of, url_of, without


def test_the_detector_tells_the_conventions_apart() -> None:
    assert new_style_spellings("Xoá, hoà, khoẻ, Uỷ ban, thuỷ, HOÀ") == [
        "Xoá",
        "hoà",
        "khoẻ",
        "Uỷ",
        "thuỷ",
        "HOÀ",
    ]
    assert new_style_spellings("xóa, hòa, khỏe, Ủy ban, thủy, quý, quả, hoàn, toán, khuyên") == []


def test_the_built_site_uses_one_convention(site_dir: Path) -> None:
    found: dict[str, list[str]] = {}
    for path in html_pages(site_dir):
        soup = soup_of(path)
        words = new_style_spellings(without(soup, ("script", "style", "svg")).get_text(" "))
        for tag in soup.select("[title], [aria-label], [alt], [placeholder], meta[content]"):
            for attr in ("title", "aria-label", "alt", "placeholder", "content"):
                words += new_style_spellings(str(tag.get(attr, "")))
        config = soup.select_one("#__config")  # Material's translated strings
        if config is not None:
            for text in json.loads(config.string)["translations"].values():
                words += new_style_spellings(text)
        if words:
            found[url_of(site_dir, path)] = words
    assert found == {}


def test_downloads_use_one_convention(site_dir: Path) -> None:
    files = [
        p for p in (site_dir / "tai-ve").iterdir() if p.suffix in (".atom", ".ics", ".csv", ".json")
    ]
    assert files
    found = {
        p.name: words
        for p in files
        if (words := new_style_spellings(p.read_text(encoding="utf-8-sig")))
    }
    assert found == {}


def _strings(path: Path) -> list[str]:
    """The string literals of a Python module (messages, page text): not its comments."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


@pytest.mark.parametrize(
    "path",
    sorted([*(ROOT / "scripts").rglob("*.py"), *(ROOT / "dvk_mkdocs").rglob("*.py")]),
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_messages_of_the_tools_use_one_convention(path: Path) -> None:
    words = [w for text in _strings(path) for w in new_style_spellings(text)]
    assert words == []


def test_data_and_schemas_use_one_convention() -> None:
    sources = [
        *(ROOT / "data").glob("*.yml"),
        *(ROOT / "data").glob("*.txt"),
        *(ROOT / "schemas").glob("*.json"),
        *(ROOT / "overrides").rglob("*.html"),
        *(ROOT / "docs").rglob("*.md"),
    ]
    found = {
        p.relative_to(ROOT).as_posix(): words
        for p in sources
        if (words := new_style_spellings(p.read_text(encoding="utf-8")))
    }
    assert found == {}
