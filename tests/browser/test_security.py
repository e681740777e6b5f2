"""The policy is enforced by the browser: the theme works, injected inline script does not run."""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import Page


def test_injected_inline_script_is_blocked(phone_page: Page, site_dir: Path, site_url: str) -> None:
    page_dir = site_dir / "csp-probe"
    page_dir.mkdir(exist_ok=True)
    html = (site_dir / "ke-hoach" / "index.html").read_text(encoding="utf-8")
    html = html.replace("</body>", "<script>window.__injected = true</script></body>")
    (page_dir / "index.html").write_text(html, encoding="utf-8")
    violations: list[str] = []
    phone_page.on(
        "console", lambda msg: violations.append(msg.text) if msg.type == "error" else None
    )
    try:
        phone_page.goto(site_url + "csp-probe/", wait_until="networkidle")
        assert phone_page.evaluate("window.__injected === undefined")
        assert any("Content Security Policy" in v for v in violations)
        # The theme's own scripts still ran: the search box is wired up.
        assert phone_page.evaluate("typeof window.__md_scope") == "object"
    finally:
        shutil.rmtree(page_dir)
