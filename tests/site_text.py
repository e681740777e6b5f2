"""Reading the built site as a reader does: every page, its visible text, its sentences.

Shared by the tests that check what the site says (the note about time, who speaks, the
spelling convention, the former office).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup, Tag

# The plan's own text and verbatim quotations of it are the plan speaking in 2022; the
# note about time speaks of 2022 in the past; a school's history is the record of 2022.
PLAN_SPEAKS = (
    "div.plan-text",  # the plan page: the plan's text
    ".plan-corrections",  # …and the table of its typing errors
    ".admonition.quote",  # "Kế hoạch, mục …": quotations, checked word for word
    ".md-banner",  # the note about time
    "script",
    "style",
    "svg",
)


RECORDS_OF_2022 = (
    ".tracker-scroll",  # status tables: what each school sent in 2022, as recorded
    ".tracker-deadlines",  # a school's submissions, as recorded
)
HISTORY = "lich-su-cap-nhat"
"""The id of a school page's history section: the record of changes, to the end of the page."""
RECENT_CHANGES = "tinh-hinh/cap-nhat/"


def html_pages(site_dir: Path) -> list[Path]:
    """Every HTML file of the built site, the 404 and offline pages included."""
    return sorted(site_dir.rglob("*.html"))


def url_of(site_dir: Path, path: Path) -> str:
    relative = path.relative_to(site_dir).as_posix()
    return relative.removesuffix("index.html")


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def without(soup: BeautifulSoup | Tag, selectors: tuple[str, ...]) -> BeautifulSoup:
    """A copy of the page without the parts matched by the selectors."""
    copy = BeautifulSoup(str(soup), "html.parser")
    for selector in selectors:
        for element in copy.select(selector):
            element.decompose()
    return copy


def reader_text(soup: BeautifulSoup, url: str) -> str:
    """What the site itself tells the reader on a page: without the plan's own words, the
    note about time, and the records of 2022 (data tables, a school's history)."""
    if url == RECENT_CHANGES:
        return ""
    page = without(soup, PLAN_SPEAKS + RECORDS_OF_2022)
    heading = page.find(id=HISTORY)
    if heading is not None:
        for sibling in list(heading.find_next_siblings()):
            sibling.decompose()
        heading.decompose()
    return page.get_text("\n")


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def sentences(text: str) -> Iterator[str]:
    """Sentences (and list items, table cells) of a text, roughly: enough for a phrase search."""
    for part in re.split(r"(?<=[.;!?])\s+|\n+", text):
        if part.strip():
            yield squash(part)


_OFFICE = r"(?:cán bộ\s+)?(?:Phòng\s+(?:Giáo dục|GD)|Phòng\b)"
_CONTACT = re.compile(
    r"\b(?i:hỏi|liên hệ|liên lạc|báo cho|xin ý kiến|gọi)\b[^.;:()]{0,30}?" + _OFFICE
)
_SEND = re.compile(r"\b(?i:gửi|nộp)\b[^.;:]{0,40}?" + _OFFICE)
_ROLE = re.compile(r"\bcán bộ Phòng\b", re.IGNORECASE)


def former_office_instructions(text: str) -> list[str]:
    """Sentences that tell the reader, in the present tense, to contact or send to the office.

    Asking or telling the office anything is never advice the site may give today. Sending
    to it is what the plan asked in 2022: a sentence that says so names the year.
    """
    found = []
    for sentence in sentences(text):
        if (
            _CONTACT.search(sentence)
            or _ROLE.search(sentence)
            or (_SEND.search(sentence) and "2022" not in sentence)
        ):
            found.append(sentence)
    return found


# Tone mark on the second vowel of an open "oa", "oe", "uy" ("hoà", "khoẻ", "Uỷ"): the new
# placement. The site writes the traditional one ("hòa", "khỏe", "Ủy"), as the plan does.
# "qu" is a consonant: "quý", "quả" are right in both conventions.
_NEW_STYLE = re.compile(
    r"(?<![qQ])(?:[oO][àáảãạÀÁẢÃẠ]|[oO][èéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])"
)


def new_style_spellings(text: str) -> list[str]:
    """Words written with the other tone-mark convention, e.g. "xoá" for "xóa"."""
    text = unicodedata.normalize("NFC", text)
    return [
        re.search(r"[^\W\d_]*$", text[: m.end()]).group(0)  # type: ignore[union-attr]
        for m in _NEW_STYLE.finditer(text)
    ]
