"""No script holds up the first paint: on a slow phone the page is drawn before Material's
bundle (35 KB) and the site's scripts have arrived, and they still run in the order written.
The Lighthouse benchmark (tests/browser/test_lighthouse.py) measures what this buys."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

# Deferred scripts run in document order: the one that prepares Material's bundle before it,
# the folding before the scripts that use it.
ORDER = ("search-on-demand.js", "bundle.", "vietnamese-fold.js", "search-spellings.js")


def _scripts(html: str) -> list[dict[str, str]]:
    soup = BeautifulSoup(html, "html.parser")
    return [
        {"src": tag["src"], "defer": "defer" if tag.has_attr("defer") else ""}
        for tag in soup.find_all("script", src=True)
    ]


def test_every_page_defers_every_script(site_dir: Path) -> None:
    themed = 0
    for path in site_dir.rglob("*.html"):
        scripts = _scripts(path.read_text(encoding="utf-8"))
        blocking = [s["src"] for s in scripts if not s["defer"]]
        assert blocking == [], f"{path.relative_to(site_dir)}: not deferred: {blocking}"
        names = [s["src"].rsplit("/", 1)[-1] for s in scripts]
        found = [next((i for i, n in enumerate(names) if n.startswith(o)), -1) for o in ORDER]
        if found[1] >= 0:
            themed += 1
            assert -1 not in found and found == sorted(found), (path, names)
    assert themed > 50


def test_the_theme_adds_no_colour_switcher(site_dir: Path) -> None:
    """One colour scheme: no switcher, whose script restyles the page twice as it starts."""
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select('[data-md-component="palette"]') == []
    assert soup.body is not None and soup.body.get("data-md-color-scheme") == "default"
