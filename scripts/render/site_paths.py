"""Where things live on the site: source paths of generated pages, their URLs, downloads.

One place for the agreed addresses (status section `tinh-hinh/`, downloads `tai-ve/`), so
that pages, exports and QR codes never disagree. URLs are directory URLs, as MkDocs
writes them ("tinh-hinh/truong/th-binh-thanh/").
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote, urljoin

SECTION = "tinh-hinh"
OVERVIEW = f"{SECTION}/index.md"
TABLE = f"{SECTION}/danh-sach.md"
MODELS = f"{SECTION}/mo-hinh.md"
DOWNLOADS_PAGE = f"{SECTION}/tai-ve.md"
DATA_REFERENCE = f"{SECTION}/du-lieu.md"
"""The JSON fields and CSV columns, for programmers (moved off the downloads page)."""
PLAN_PAGE = "ke-hoach/index.md"

CSV = "tai-ve/tinh-hinh-nop.csv"
XLSX = "tai-ve/tinh-hinh-nop.xlsx"
JSON = "tai-ve/tinh-hinh-nop.json"
JSON_SCHEMA = "tai-ve/tinh-hinh-nop.schema.json"
ICS = "tai-ve/han-nop.ics"

TABLE_SCRIPT = "assets/javascripts/tracker-table.js"
FORM_SCRIPT = "assets/javascripts/submission-form.js"
FORM_RULES = "assets/javascripts/submission-rules.js"
FORM_STYLE = "assets/stylesheets/submission-form.css"
FORM_LOADER = "assets/javascripts/submission-form-loader.js"
"""The form "Ghi nhận nộp": its script, and its rules written at build time from the core."""
PRINT_SCRIPT = "assets/javascripts/tracker-print.js"
TEMPLATES = "tai-ve/mau/"
"""The Word templates (data/templates.yml), made by the knowledge plugin."""
FINDER_DATA = f"{SECTION}/tim-truong.json"
"""The schools, their communes and states, for the school finder (school-finder.js)."""
FINDER_SCRIPT = "assets/javascripts/school-finder.js"


def template(filename: str) -> str:
    return TEMPLATES + filename


def deadline_page(deadline_id: str) -> str:
    return f"{SECTION}/han/{deadline_id}.md"


def school_page(school_id: str) -> str:
    return f"{SECTION}/truong/{school_id}.md"


def qr(name: str) -> str:
    return f"tai-ve/qr/{name}.svg"


def school_qr(school_id: str) -> str:
    return qr(f"truong-{school_id}")


PLAN_QR = qr("ke-hoach")
OVERVIEW_QR = qr("tinh-hinh")


def url_of(path: str) -> str:
    """The site URL (relative to the site root) of a source path: "a/b.md" → "a/b/"."""
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem
    return stem + "/"


def relative(from_page: str, to_path: str) -> str:
    """A relative link from the page with source path from_page to to_path (page or file)."""
    base = url_of(from_page).rstrip("/") or "."
    target = url_of(to_path)
    rel = posixpath.relpath(target or ".", base)
    if target.endswith("/") and not rel.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return quote(rel, safe="/.-_~#")


def absolute(site_url: str, path: str) -> str:
    """The public address of a page or file, from mkdocs.yml's site_url."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, quote(url_of(path), safe="/.-_~"))
