"""WCAG 2.1 AA with axe-core: no violation of impact "serious" or "critical"."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

# Home, the plan, a guidance page, the overview, a deadline page and a school page.
PAGES = [
    "",
    "ke-hoach/",
    "huong-dan/mo-hinh-dan-van-kheo/",
    "tinh-hinh/",
    "tinh-hinh/han/dang-ky-mo-hinh/",
    "tinh-hinh/truong/th-binh-thanh/",
]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def serious_violations(page: Page) -> list[str]:
    results = Axe().run(page, options={**WCAG_AA, "resultTypes": ["violations"]})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(phone_page: Page, site_url: str, path: str) -> None:
    phone_page.goto(site_url + path, wait_until="networkidle")
    problems = serious_violations(phone_page)
    assert problems == [], "\n".join(problems)
    assert phone_page.evaluate("document.documentElement.lang") == "vi"
