"""No broken internal link or anchor anywhere in the built site."""

from __future__ import annotations

from pathlib import Path

from tests.site_links import broken_links


def test_no_broken_internal_link_or_anchor(site_dir: Path) -> None:
    problems = broken_links(site_dir)
    assert problems == [], "\n".join(map(str, problems))


def test_checker_does_find_a_broken_link_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#x">ok</a><a href="b/">no</a><a href="a/#y">no</a>'
        '<a href="https://example.org/">external</a>',
        encoding="utf-8",
    )
    (tmp_path / "a" / "index.html").write_text('<h2 id="x">x</h2>', encoding="utf-8")
    found = {b.link for b in broken_links(tmp_path)}
    assert found == {"b/", "a/#y"}
