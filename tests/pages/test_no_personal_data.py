"""The published site carries no secret and no personal contact detail."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

# What the site writes from its own data and pages (the theme's vendored scripts aside).
SCANNED = {".html", ".json", ".csv", ".xml", ".ics", ".atom", ".txt", ".svg"}
MARKUP = {".html", ".svg"}
PATTERNS = {
    "địa chỉ e-mail": re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]*[a-z]{2,}", re.I),
    "số điện thoại": re.compile(r"(?<![\d/.-])(?:\+84|0)(?:[\s.-]?\d){9,10}(?![\d/])"),
    "mã truy cập GitHub": re.compile(r"\b(?:ghp|gho|ghs|ghr|github_pat)_[A-Za-z0-9_]{20,}"),
    "khóa AWS": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "khóa riêng": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
}


def findings(text: str) -> list[tuple[str, str]]:
    return [(name, m.group(0)) for name, rx in PATTERNS.items() for m in rx.finditer(text)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Liên hệ: thay.a@gmail.com", "địa chỉ e-mail"),
        ("ĐT 0905 123 456", "số điện thoại"),
        ("gọi +84 905123456", "số điện thoại"),
        ("token ghp_abcdefghijklmnopqrstuvwxyz0123", "mã truy cập GitHub"),
    ],
)
def test_scanner_finds_what_it_looks_for(text: str, kind: str) -> None:
    assert kind in {name for name, _ in findings(text)}


def test_scanner_leaves_dates_and_document_numbers_alone() -> None:
    assert findings("Kế hoạch số 07/KH-UBND ngày 17/01/2022; 2089/SGDĐT-CTTTCNTX; 15/5/2022") == []


def readable(path: Path) -> str:
    """What a reader or a program gets from a file: for markup, its text and link targets
    (drawing data such as SVG paths is numbers, not contact details)."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".ics":
        # An event's UID is "id@host of the site" (RFC 5545, 3.8.4.7): an identifier that
        # looks like an address once the host is a real domain, not one anyone writes to.
        return "\n".join(line for line in raw.splitlines() if not line.startswith("UID:"))
    if path.suffix not in MARKUP:
        return raw
    soup = BeautifulSoup(raw, "html.parser")
    for hidden in soup(["script", "style", "path"]):
        hidden.decompose()
    links = " ".join(a.get("href", "") for a in soup.find_all("a"))
    return soup.get_text(" ") + " " + links


def test_built_site_has_no_secret_or_contact_detail(site_dir: Path) -> None:
    problems = []
    for path in site_dir.rglob("*"):
        if path.suffix in SCANNED and path.is_file():
            for kind, value in findings(readable(path)):
                problems.append(f"{path.relative_to(site_dir)}: {kind}: {value}")
    assert problems == [], "\n".join(problems[:20])
