"""The picture of the architecture: served by the site, shown in the README, true to the code."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from bs4 import BeautifulSoup

from tests.conftest import ROOT

PICTURE = ROOT / "docs" / "huong-dan" / "kien-truc.svg"
SVG = "{http://www.w3.org/2000/svg}"


def _packages() -> set[str]:
    """The stage packages of the core (scripts/<name>/ with an __init__.py)."""
    return {p.parent.name for p in (ROOT / "scripts").glob("*/__init__.py")}


def test_the_staff_guide_shows_the_picture_with_words_for_those_who_cannot_see_it(
    site_dir: Path,
) -> None:
    page = site_dir / "huong-dan" / "cap-nhat-du-lieu" / "index.html"
    image = BeautifulSoup(page.read_text("utf-8"), "html.parser").select_one(
        'img[src$="kien-truc.svg"]'
    )
    assert image is not None
    assert "có lỗi thì dừng" in image["alt"]
    assert (site_dir / "huong-dan" / "kien-truc.svg").read_bytes() == PICTURE.read_bytes()


def test_the_picture_is_plain_svg_that_asks_nothing_of_another_host() -> None:
    text = PICTURE.read_text("utf-8")
    root = ElementTree.fromstring(text)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None
    assert not list(root.iter(f"{SVG}script"))
    assert not list(root.iter(f"{SVG}style")) and not list(root.iter(f"{SVG}image"))
    assert "href" not in text and "@import" not in text
    assert re.findall(r"https?://[^\s\"']+", text) == ["http://www.w3.org/2000/svg"]


def test_the_picture_and_the_readme_name_every_package_of_the_core() -> None:
    picture = PICTURE.read_text("utf-8")
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Kiến trúc", 1)[1].split("\n## ", 1)[0]
    assert "](docs/huong-dan/kien-truc.svg)" in section
    for package in _packages():
        assert f"scripts/{package}" in picture, package
        assert f"- `scripts/{package}/`" in section, package
    named = set(re.findall(r"scripts/([a-z_]+)", picture))
    assert named <= _packages(), named - _packages()  # no stage that does not exist
