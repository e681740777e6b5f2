"""Pages a reader has opened work again offline: the service worker and the offline page.

The service worker (template: service_worker.js next to this file) is written to the site
root as sw.js, so its scope is the whole site. Its caches are named after a version
derived from the built site's assets and from the two files written here: the version
changes, and phones drop their old caches, exactly when something a stored page depends on
changes (a theme upgrade, an edited stylesheet or script). A change of data alone keeps
the version: pages are always fetched fresh when online, and a reader's saved pages stay
readable offline after each day's deploy.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Callable
from pathlib import Path

TEMPLATE = Path(__file__).with_name("service_worker.js")
PLACEHOLDER = "__SITE_VERSION__"
WORKER_NAME = "sw.js"
# A file at the site root rather than a page (ngoai-tuyen/): it is shown in place of pages,
# not shared or indexed, so it has no link card and is not in the sitemap.
OFFLINE_PAGE = "ngoai-tuyen.html"

_OFFLINE_PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>Không có mạng — {site_name}</title>
<style>
body{{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;line-height:1.5;color:#212121;background:#fff}}
header{{background:#b71c1c;color:#fff;padding:.75rem 1rem;font-weight:600}}
aside{{background:#212121;color:#fff;padding:.3rem 1rem;font-size:.8rem}}
aside summary{{cursor:pointer}}
aside p{{margin:.3rem 0}}
main{{max-width:40rem;padding:1rem}}
h1{{font-size:1.4rem;line-height:1.3}}
a{{color:#b71c1c}}
</style>
</head>
<body>
<aside aria-label="Về thời điểm">{time_note}</aside>
<header>{site_name}</header>
<main>
<h1>Chưa mở được trang này</h1>
<p>Máy của bạn đang không có kết nối mạng, và trang này chưa từng được mở trên máy này nên
chưa có bản lưu để xem.</p>
<p>Những trang bạn đã mở trước đây vẫn xem được khi không có mạng. Khi có mạng trở lại,
hãy tải lại trang.</p>
<ul>
<li><a href="./">Về trang chủ</a></li>
</ul>
</main>
</body>
</html>
"""


def offline_page(site_name: str, time_note: str = "") -> str:
    """The page shown when the network fails and the page asked for was never saved.

    `time_note` is the HTML of the note about time that every page carries
    (scripts.render.plan_notes.time_note_html). Its links are relative to its own address at
    the site root; the service worker gives it a <base> with that address when it shows it
    in place of another page."""
    return _OFFLINE_PAGE.format(site_name=html.escape(site_name), time_note=time_note)


def site_version(site_dir: Path, extra: tuple[str, ...] = ()) -> str:
    """A short hash of every file under the site's assets/ (paths and bytes) and of extra."""
    digest = hashlib.sha256()
    assets = site_dir / "assets"
    files = sorted(p for p in assets.rglob("*") if p.is_file()) if assets.is_dir() else []
    for path in files:
        digest.update(path.relative_to(site_dir).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for text in extra:
        digest.update(b"\1" + text.encode("utf-8"))
    return digest.hexdigest()[:12]


def service_worker(version: str, template: str | None = None) -> str:
    """The service worker's code with its cache version filled in."""
    code = TEMPLATE.read_text(encoding="utf-8") if template is None else template
    if code.count(PLACEHOLDER) != 1:
        raise ValueError(f"service worker template must contain {PLACEHOLDER} exactly once")
    return code.replace(PLACEHOLDER, version)


def write_offline_files(
    site_dir: Path, site_name: str, secure: Callable[[str], str] = str, time_note: str = ""
) -> str:
    """Write ngoai-tuyen.html and sw.js into a built site; return the version.

    secure: the site's page post-processing (its Content-Security-Policy)."""
    page = secure(offline_page(site_name, time_note))
    template = TEMPLATE.read_text(encoding="utf-8")
    version = site_version(site_dir, (page, template))
    (site_dir / OFFLINE_PAGE).write_text(page, encoding="utf-8")
    (site_dir / WORKER_NAME).write_text(service_worker(version, template), encoding="utf-8")
    return version
