"""The note about time on a phone: one short line that opens, with or without script."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import PHONE

PAGES = ["", "ke-hoach/", "huong-dan/lang-nghe-doi-thoai/", "tinh-hinh/truong/th-binh-thanh/"]


@pytest.mark.parametrize("script", [True, False], ids=["script", "no-script"])
@pytest.mark.parametrize("path", PAGES)
def test_one_line_on_a_phone_that_opens(
    browser: Browser, site_url: str, path: str, script: bool
) -> None:
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, locale="vi-VN", java_script_enabled=script
    )
    try:
        page = context.new_page()
        page.goto(site_url + path, wait_until="networkidle")
        summary = page.locator("details.time-note > summary")
        text = page.locator("details.time-note > .time-note__text")
        assert summary.is_visible() and not text.is_visible(), "closed: one line"
        line = summary.evaluate(
            """s => {
                const style = getComputedStyle(s);
                const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.3;
                const box = s.getBoundingClientRect();
                const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
                const inner = box.height - padding;
                const banner = s.closest(".md-banner").getBoundingClientRect();
                return {lines: inner / lineHeight, cut: s.scrollWidth > s.clientWidth,
                        top: box.top, right: Math.max(box.right, banner.right)};
            }"""
        )
        assert line["lines"] < 1.5, line
        assert not line["cut"], "the whole line is readable at 375 px, not cut off"
        assert line["top"] < 60, "above the page, where a reader sees it first"
        assert line["right"] <= PHONE["width"], "the note needs no sideways scrolling"
        summary.tap()
        assert text.is_visible()
        assert "Nghị quyết số 202/2025/QH15" in text.inner_text()
    finally:
        context.close()
