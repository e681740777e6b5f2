"""Helpers for the knowledge-base tests: read built pages, the plan's text and the data."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from bs4 import BeautifulSoup, Tag

from scripts.load.documents import CitedDocument, load_documents
from scripts.load.glossary import Glossary, load_glossary
from scripts.load.plan import load_plan
from scripts.model import Plan
from tests.conftest import ROOT


def plan() -> Plan:
    return load_plan(ROOT / "data" / "plan.yml")


def documents() -> tuple[CitedDocument, ...]:
    schema = ROOT / "schemas" / "documents.schema.json"
    return load_documents(ROOT / "data" / "documents.yml", schema)


def glossary() -> Glossary:
    return load_glossary(ROOT / "data" / "glossary.yml", ROOT / "schemas" / "glossary.schema.json")


def soup(site_dir: Path, url_path: str) -> BeautifulSoup:
    """The built page at a site path such as "ke-hoach/" or "van-ban/chi-thi-33-ct-ttg/"."""
    file = site_dir / url_path / "index.html"
    assert file.exists(), f"page {url_path} is missing from the built site"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def article(page: BeautifulSoup) -> Tag:
    found = page.select_one("article")
    assert isinstance(found, Tag)
    return found


def squash(text: str) -> str:
    """NFC, single spaces: for comparing quoted text with the plan page."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def plan_text(site_dir: Path) -> str:
    """The plan's words as the plan page shows them (corrections applied)."""
    text = soup(site_dir, "ke-hoach/").select_one("div.plan-text")
    assert isinstance(text, Tag)
    return squash(text.get_text(""))


def plan_points(site_dir: Path) -> dict[str, str]:
    """The text of each point of the plan, by anchor id (i-1 … iii-5, mo-dau, ket-thuc)."""
    page = soup(site_dir, "ke-hoach/")
    found = {}
    for span in page.select("div.plan-text li span[id]"):
        item = span.find_parent("li")
        found[span["id"]] = squash(item.get_text(""))
    for anchor in ("mo-dau", "ket-thuc"):
        paragraph = page.find(id=anchor)
        assert paragraph is not None, f"the plan page has #{anchor}"
        found[anchor] = squash(paragraph.get_text(""))
    return found


def plan_ids(site_dir: Path) -> set[str]:
    return {str(tag["id"]) for tag in soup(site_dir, "ke-hoach/").select("[id]")}


def resolve(page_url: str, href: str) -> tuple[str, str]:
    """A relative href on the page at page_url → (site path, fragment)."""
    target, fragment = urldefrag(href)
    path = posixpath.normpath(posixpath.join(page_url, target)) if target else page_url
    if target.endswith("/") and not path.endswith("/"):
        path += "/"
    return path.lstrip("./") if path != "." else "", fragment


def internal_links(tag: Tag, page_url: str) -> list[tuple[str, str, str]]:
    """(href, site path, fragment) of every link to this site inside tag."""
    out = []
    for link in tag.select("a[href]"):
        href = str(link["href"])
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("mailto:", "#")):
            continue
        path, fragment = resolve(page_url, href)
        out.append((href, path, fragment))
    return out


def exists(site_dir: Path, path: str) -> bool:
    target = site_dir / path
    return (target / "index.html").exists() if path.endswith("/") or not path else target.exists()


WORD = re.compile(r"\w+")
