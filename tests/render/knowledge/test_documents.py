"""The cited documents: a page each, built from data/documents.yml, true to the plan."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.common.vietnamese import format_date
from scripts.load import points
from scripts.load.documents import CitedDocument
from tests.kb_pages import (
    article,
    documents,
    internal_links,
    plan_ids,
    plan_points,
    plan_text,
    soup,
    squash,
)

DOCUMENTS = documents()
PLAN_NUMBERS = [
    "33/CT-TTg",
    "23-QĐ/TW",
    "396-QĐ/TU",
    "08-CT/TU",
    "2089/SGDĐT-CTTTCNTX",
    "07/KH-UBND",
    "47/KH-UBND",
    "436/QĐ-UBND",
]


def _url(doc: CitedDocument) -> str:
    return f"van-ban/{doc.id}/"


def test_every_document_the_plan_cites_has_data() -> None:
    numbers = {d.number for d in DOCUMENTS if d.number}
    assert numbers == set(PLAN_NUMBERS)
    names = {d.name for d in DOCUMENTS if not d.number}
    assert names == {"Chương trình giáo dục phổ thông năm 2018", "Quy chế dân chủ ở cơ sở"}


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda d: d.id)
def test_document_page_shows_what_the_plan_says(site_dir: Path, doc: CitedDocument) -> None:
    body = article(soup(site_dir, _url(doc)))
    text = squash(body.get_text(""))
    assert (doc.number or doc.name) in text
    if doc.date:
        assert format_date(doc.date) in text
    if doc.issuer:
        assert doc.issuer in text
    if doc.subject_in_plan:
        assert squash(doc.subject_in_plan) in text
    for citation in doc.citations:
        for fragment in citation.fragments:
            assert squash(fragment) in text, f"the page quotes {fragment!r}"


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda d: d.id)
def test_quotes_are_verbatim_from_the_plan(site_dir: Path, doc: CitedDocument) -> None:
    plan = plan_text(site_dir)
    by_point = plan_points(site_dir)
    for citation in doc.citations:
        point_text = by_point[points.anchor(citation.point)]
        position = 0
        for fragment in citation.fragments:
            assert squash(fragment) in plan, f"not in the plan: {fragment!r}"
            found = point_text.find(squash(fragment), position)
            assert found >= 0, f"{fragment!r} is not in {citation.point} (or out of order)"
            position = found + len(squash(fragment))


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda d: d.id)
def test_every_passage_citing_the_document_is_quoted(site_dir: Path, doc: CitedDocument) -> None:
    pattern = re.compile(doc.mention_pattern())
    citing = {anchor for anchor, text in plan_points(site_dir).items() if pattern.search(text)}
    quoted = {points.anchor(c.point) for c in doc.citations}
    assert citing == quoted


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda d: d.id)
def test_citations_link_to_existing_points_of_the_plan(site_dir: Path, doc: CitedDocument) -> None:
    body = article(soup(site_dir, _url(doc)))
    ids = plan_ids(site_dir)
    to_plan = [(p, f) for _, p, f in internal_links(body, _url(doc)) if p == "ke-hoach/"]
    linked = {f for _, f in to_plan if f}
    for citation in doc.citations:
        assert points.anchor(citation.point) in linked
    assert linked <= ids, f"links to missing anchors: {linked - ids}"


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda d: d.id)
def test_unverified_facts_are_marked(site_dir: Path, doc: CitedDocument) -> None:
    body = article(soup(site_dir, _url(doc)))
    text = squash(body.get_text(""))
    if doc.verified:
        assert squash(doc.verified.title) in text
        sources = {str(a["href"]) for a in body.select("a[href]")}
        assert doc.verified.source in sources, "a verified title links to its source"
    else:
        assert "chưa xác minh" in text
        assert "đã xác minh" not in text


def test_directive_33_title_is_not_presented_as_verified(site_dir: Path) -> None:
    text = squash(article(soup(site_dir, "van-ban/chi-thi-33-ct-ttg/")).get_text(""))
    assert "Tên văn bản chính thức chưa xác minh" in text
    # The subject quoted by other provinces' later documents is unverified: not shown.
    assert "tăng cường, đổi mới công tác dân vận" not in text


def test_decision_23_shows_its_verified_title_and_source(site_dir: Path) -> None:
    body = article(soup(site_dir, "van-ban/quyet-dinh-23-qd-tw/"))
    text = squash(body.get_text(""))
    assert "Quyết định về việc ban hành Quy chế công tác dân vận của hệ thống chính trị" in text
    assert "290-QĐ/TW" in text
    assert any("thuvienphapluat.vn" in str(a["href"]) for a in body.select("a[href]"))


def test_index_lists_documents_by_date(site_dir: Path) -> None:
    body = article(soup(site_dir, "van-ban/"))
    rows = body.select("table tbody tr")
    dates = [row.select("td")[0].get_text(strip=True) for row in rows]
    dated = sorted((d for d in DOCUMENTS if d.date), key=lambda d: d.date)
    assert dates == [format_date(d.date) for d in dated]
    linked = {p for _, p, _ in internal_links(body, "van-ban/")}
    for doc in DOCUMENTS:
        assert _url(doc) in linked, f"the index links to {doc.id}"


def test_document_pages_are_in_the_navigation(site_dir: Path) -> None:
    nav = soup(site_dir, "van-ban/").select_one("nav.md-nav--primary")
    labels = {squash(a.get_text("")) for a in nav.select("a")}
    for doc in DOCUMENTS:
        assert doc.short_name in labels


def test_every_document_number_in_the_plan_is_a_link(site_dir: Path) -> None:
    text = soup(site_dir, "ke-hoach/").select_one("div.plan-text")
    links = text.select("a.doc-ref")
    for number in PLAN_NUMBERS:
        doc = next(d for d in DOCUMENTS if d.number == number)
        hits = [a for a in links if a["href"].rstrip("/").endswith(doc.id)]
        assert hits, f"{number} is not linked on the plan page"
        for link in hits:
            assert number in link.get_text(), link
        # Every occurrence of the number in the text sits inside a link to its page.
        occurrences = squash(text.get_text("")).count(number)
        inside = sum(squash(a.get_text("")).count(number) for a in hits)
        assert occurrences == inside >= 1, (number, occurrences, inside)


def test_named_documents_are_linked_in_the_plan(site_dir: Path) -> None:
    text = soup(site_dir, "ke-hoach/").select_one("div.plan-text")
    for doc in DOCUMENTS:
        if doc.number:
            continue
        pattern = re.compile(doc.mention_pattern())
        occurrences = len(pattern.findall(text.get_text("")))
        hits = [a for a in text.select("a.doc-ref") if a["href"].rstrip("/").endswith(doc.id)]
        inside = sum(len(pattern.findall(a.get_text(""))) for a in hits)
        assert occurrences == inside >= 1, doc.id


def test_numbers_are_linked_on_other_pages_but_not_on_their_own(site_dir: Path) -> None:
    guide = article(soup(site_dir, "huong-dan/danh-gia-thi-dua/"))
    assert any(a["href"].endswith("van-ban/quyet-dinh-436-qd-ubnd/") for a in guide.select("a"))
    own = article(soup(site_dir, "van-ban/quyet-dinh-436-qd-ubnd/"))
    assert not [a for a in own.select("a.doc-ref") if "quyet-dinh-436" in a["href"]]
    # …while other documents quoted on a page are still linked there.
    page = article(soup(site_dir, "van-ban/quyet-dinh-23-qd-tw/"))
    assert [a for a in page.select("a.doc-ref") if "quyet-dinh-396" in a["href"]]


def test_headings_are_never_rewritten(site_dir: Path) -> None:
    heading = soup(site_dir, "van-ban/chi-thi-33-ct-ttg/").select_one("article h1")
    assert heading.select("a.doc-ref, abbr") == []
