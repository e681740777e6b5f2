"""Find broken internal links and anchors in a built static site."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

SITE = "http://site.invalid/"  # a base to resolve relative links against


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])
        attr = {"a": "href", "link": "href", "script": "src", "img": "src"}.get(tag)
        if attr and values.get(attr):
            self.links.append(values[attr])


@dataclass(frozen=True)
class Broken:
    page: str
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.link} ({self.reason})"


def _target(site_dir: Path, path: str) -> Path | None:
    candidate = site_dir / unquote(path).lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site_dir: Path, base_path: str = "/") -> list[Broken]:
    """Every internal link or anchor in every page that leads nowhere."""
    parsed: dict[Path, _Collector] = {}

    def parse(page: Path) -> _Collector:
        if page not in parsed:
            collector = _Collector()
            collector.feed(page.read_text(encoding="utf-8"))
            parsed[page] = collector
        return parsed[page]

    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        # The 404 page is served at any address, so its links are root-based.
        page_url = urljoin(SITE, base_path if rel == "404.html" else rel)
        for link in parse(page).links:
            url = urlsplit(urljoin(page_url, link))
            if url.scheme not in ("http", "https") or url.netloc != urlsplit(SITE).netloc:
                continue
            target = _target(site_dir, url.path)
            if target is None:
                problems.append(Broken(rel, link, "không có trang hoặc tệp này"))
                continue
            anchored = url.fragment and target.suffix == ".html"
            if anchored and unquote(url.fragment) not in parse(target).ids:
                problems.append(Broken(rel, link, "không có mục (anchor) này"))
    return problems
