"""The service worker file, its cache version and the offline page (scripts/site/offline.py)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from scripts.site.offline import (
    PLACEHOLDER,
    TEMPLATE,
    offline_page,
    service_worker,
    site_version,
    write_offline_files,
)
from scripts.site.security import secure_page

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)


def _site(tmp_path: Path) -> Path:
    for name, text in {
        "assets/stylesheets/site.css": "body{}",
        "assets/javascripts/bundle.0123abcd.min.js": "x",
        "index.html": "<p>trang chủ</p>",
        "search/search_index.json": "{}",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_version_follows_the_assets_not_the_pages(tmp_path: Path) -> None:
    site = _site(tmp_path)
    version = site_version(site)
    assert re.fullmatch(r"[0-9a-f]{12}", version)
    assert site_version(site) == version, "the same build gives the same version"
    # New data: pages and the search index change, saved pages stay valid.
    (site / "index.html").write_text("<p>tình hình mới</p>", encoding="utf-8")
    (site / "search" / "search_index.json").write_text('{"docs": []}', encoding="utf-8")
    assert site_version(site) == version
    # An edited stylesheet, a renamed bundle or a new offline page: caches are renewed.
    (site / "assets" / "stylesheets" / "site.css").write_text("body{color:red}", "utf-8")
    changed = site_version(site)
    assert changed != version
    bundle = site / "assets" / "javascripts" / "bundle.0123abcd.min.js"
    bundle.rename(bundle.with_name("bundle.89abcdef.min.js"))
    assert site_version(site) != changed
    assert site_version(site, ("page",)) != site_version(site, ("page 2",))


def test_the_worker_gets_the_version_once() -> None:
    code = service_worker("abc123def456")
    assert 'const VERSION = "abc123def456";' in code
    assert PLACEHOLDER not in code
    with pytest.raises(ValueError):
        service_worker("v", template="// no version here")


def test_offline_page_in_vietnamese_without_script() -> None:
    page = offline_page("Dân vận <khéo>")
    assert unicodedata.is_normalized("NFC", page)
    assert '<html lang="vi">' in page
    assert "Dân vận &lt;khéo&gt;" in page
    assert "không có kết nối mạng" in page
    assert "chưa từng được mở trên máy này" in page
    assert '<a href="./">Về trang chủ</a>' in page
    assert "<script" not in page
    assert "</head>" in page, "the worker adds its <base> there"


def test_files_written_into_a_built_site(tmp_path: Path) -> None:
    site = _site(tmp_path)
    version = write_offline_files(site, "Dân vận khéo", secure_page)
    page = (site / "ngoai-tuyen.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in page
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert f'"{version}"' in worker
    template = TEMPLATE.read_text(encoding="utf-8")
    assert version == site_version(site, (page, template))


def test_built_site_serves_the_worker_and_no_inline_script_for_it(site_dir: Path) -> None:
    worker = (site_dir / "sw.js").read_text(encoding="utf-8")
    assert PLACEHOLDER not in worker
    assert len(worker.encode("utf-8")) < 8 * 1024, "the worker stays small"
    page = (site_dir / "ngoai-tuyen.html").read_text(encoding="utf-8")
    version = site_version(site_dir, (page, TEMPLATE.read_text(encoding="utf-8")))
    assert f'const VERSION = "{version}";' in worker
    assert "<script" not in page
    themed = 0
    for path in site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for code in _INLINE_SCRIPT.findall(html):
            assert "serviceWorker" not in code and "offline" not in code, path
        if "assets/javascripts/bundle." in html:
            themed += 1
            assert re.search(r'<script src="[^"]*assets/javascripts/offline\.js" defer>', html)
    assert themed > 50
