"""Compare the plan page of the built site with the plan's original text, word for word."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

SEED_MARKUP = re.compile(r"\*\*")  # the seed marks the registration deadline in bold
SEED_BULLET = re.compile(r"^\s*-\s+", re.MULTILINE)


@dataclass(frozen=True)
class Correction:
    source: str
    shown: str


def words(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text).split()


def seed_words(seed: str, corrections: list[Correction]) -> list[str]:
    """The seed as a reader should see it: markup dropped, listed corrections applied."""
    text = SEED_BULLET.sub("", SEED_MARKUP.sub("", seed))
    for correction in corrections:
        if correction.source not in text:
            raise AssertionError(f"correction {correction.source!r} is not in the plan's text")
        text = text.replace(correction.source, correction.shown)
    return words(text)


def page_corrections(html: str) -> list[Correction]:
    """The corrections the page lists in its note (.plan-corrections table)."""
    soup = BeautifulSoup(html, "html.parser")
    rows = []
    for row in soup.select(".plan-corrections tbody tr"):
        source = row.select_one(".correction-source")
        shown = row.select_one(".correction-target")
        assert source and shown, "each correction row names the original and the shown form"
        rows.append(Correction(source.get_text(), shown.get_text()))
    return rows


def page_words(html: str) -> list[str]:
    """The words a reader sees in the plan's text, with list numbers as the plan writes them."""
    soup = BeautifulSoup(html, "html.parser")
    text = soup.select_one("div.plan-text")
    assert isinstance(text, Tag), "the plan page has its text in div.plan-text"
    for link in text.select("a.headerlink"):
        link.decompose()
    for ordered in text.find_all("ol"):
        start = int(ordered.get("start", 1))
        for index, item in enumerate(ordered.find_all("li", recursive=False), start):
            item.insert(0, f"{index}. ")
    for br in text.find_all("br"):
        br.replace_with(" ")
    return words(text.get_text())


def differences(expected: list[str], actual: list[str]) -> list[str]:
    """Human-readable differences, empty when the texts agree."""
    problems = []
    matcher = difflib.SequenceMatcher(a=expected, b=actual, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag != "equal":
            context = " ".join(expected[max(0, a0 - 5) : a0])
            problems.append(
                f"{tag} after “…{context}”: "
                f"plan has {expected[a0:a1]!r}, page has {actual[b0:b1]!r}"
            )
    return problems
