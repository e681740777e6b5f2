"""Content-Security-Policy and new-tab links in the built pages."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.site.security import add_noopener, policy_for, secure_page

PAGE = (
    '<html><head><meta charset="utf-8"><script>var a=1</script>'
    '<script type="application/json">{"x": 1}</script><script src="x.js"></script>'
    '</head><body><p style="width: 10%">x</p></body></html>'
)


def test_policy_lists_only_executable_inline_code() -> None:
    policy = policy_for(PAGE)
    script_src = re.search(r"script-src ([^;]*)", policy).group(1).split()
    assert script_src[0] == "'self'"
    assert len(script_src) == 2, "one hash for the one executable inline script"
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-hashes'" in policy, "style attributes are allowed by hash only"


def test_policy_is_placed_before_any_script() -> None:
    html = secure_page(PAGE)
    assert html.index("Content-Security-Policy") < html.index("<script")


def test_new_tab_links_get_noopener() -> None:
    html = add_noopener('<a href="https://x.vn" target="_blank">x</a><a rel="me" target="_blank">')
    assert html.count('rel="noopener noreferrer"') == 1
    assert 'rel="me noopener noreferrer"' in html


def test_every_built_page_has_the_policy(site_dir: Path) -> None:
    pages = list(site_dir.rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in html, page
        for tag in re.findall(r"<a\b[^>]*target=[\"']_blank[\"'][^>]*>", html):
            assert "noopener" in tag, (page, tag)
