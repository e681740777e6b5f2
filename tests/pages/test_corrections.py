"""Corrections found by a careful reading (issue 11, point 5): each holds, and can fail."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scripts.render.plan_notes import CORRECTIONS
from tests.kb_pages import article, documents, glossary, plan_text, soup
from tests.plan_text import page_corrections
from tests.site_text import html_pages, soup_of, squash, url_of, without

NUMBER_WORDS = {1: "một", 2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám"}


def _visible(path: Path) -> str:
    return squash(without(soup_of(path), ("script", "style", "svg")).get_text(" "))


def _guidance_own_words(site_dir: Path, slug: str) -> str:
    """A guidance page without its quotations of the plan: what the page itself says."""
    body = without(article(soup(site_dir, f"huong-dan/{slug}/")), (".admonition.quote",))
    return squash(body.get_text(" "))


def test_no_page_puts_a_date_where_a_year_belongs(site_dir: Path) -> None:
    wrong = re.compile(r"\bnăm \d{1,2}/\d{1,2}/\d{4}")
    found = {
        url_of(site_dir, p): wrong.findall(_visible(p))
        for p in html_pages(site_dir)
        if wrong.search(_visible(p))
    }
    assert found == {}
    text = squash(article(soup(site_dir, "huong-dan/ke-hoach-cua-truong/")).get_text(" "))
    assert "công tác dân vận năm 2022 của mình" in text


def test_glossary_marks_le_as_unverified_and_gives_the_issuers_the_plan_names() -> None:
    the_glossary = glossary()
    unclear = {u.term: u.note for u in the_glossary.unclear}
    assert "LĐ" in unclear and "chưa xác minh" in unclear["LĐ"]
    assert "LĐ" not in {a.term for a in the_glossary.abbreviations}
    qd_tw = the_glossary.lookup("QĐ/TW")
    assert qd_tw.expansion != "Quyết định của Trung ương Đảng"
    # A symbol's note names the body that issued the plan's document, as the data has it.
    by_number = {d.number: d for d in documents() if d.number}
    for term, number in (("QĐ/TW", "23-QĐ/TW"), ("QĐ/TU", "396-QĐ/TU"), ("CT/TU", "08-CT/TU")):
        item = the_glossary.lookup(term)
        assert number in item.note
        assert f"do {by_number[number].issuer} ban hành" in item.note, term


def test_glossary_introduction_says_what_it_is(site_dir: Path) -> None:
    text = squash(article(soup(site_dir, "thuat-ngu/")).get_text(" "))
    assert "Đây không phải danh mục chính thức" in text
    assert "chưa xác minh" in text
    assert "chỉ ghi những nghĩa chắc chắn" not in text


def test_home_page_and_footer_say_the_typing_errors_are_corrected(site_dir: Path) -> None:
    rows = page_corrections((site_dir / "ke-hoach" / "index.html").read_text(encoding="utf-8"))
    assert NUMBER_WORDS[len(rows)] == CORRECTIONS, "the count matches the plan page's table"
    everywhere = [
        url_of(site_dir, p) for p in html_pages(site_dir) if "đúng như bản ban hành" in _visible(p)
    ]
    assert everywhere == []
    home = squash(article(soup(site_dir, "")).get_text(" "))
    assert f"chỉ {CORRECTIONS} lỗi đánh máy được sửa" in home
    footer = squash(soup(site_dir, "").select_one(".md-copyright").get_text(" "))
    assert f"chỉ sửa {CORRECTIONS} lỗi đánh máy" in footer
    link = soup(site_dir, "").select_one(".md-copyright a[href$='#ghi-chu']")
    assert link is not None, "the footer links to the list of corrections"
    assert "Made with" not in footer and "Material for MkDocs" not in footer


def test_plan_page_declares_what_it_adds(site_dir: Path) -> None:
    page = soup(site_dir, "ke-hoach/")
    note = squash(page.select_one("#ghi-chu-them").get_text(" "))
    assert "không đổi chữ nào" in note
    additions = squash(page.select_one("#ghi-chu-them").find_next_sibling("ul").get_text(" "))
    for words in ("Liên kết đến trang của các văn bản", "Chú thích chữ viết tắt", "Neo ở từng mục"):
        assert words in additions
    # Nothing in the note is explained as sure that the note calls uncertain (LĐ).
    note_section = page.select_one("#ghi-chu").find_all_next(["p", "li", "td"])
    assert not [a for el in note_section for a in el.select("abbr") if a.get_text() == "LĐ"]


def test_only_documents_the_plan_carries_out_are_called_van_ban_can_cu(site_dir: Path) -> None:
    bases = {d.id for d in documents() if d.is_basis}
    opening = {d.id for d in documents() if any(c.point == "mo-dau" for c in d.citations)}
    # The opening, "Thực hiện Kế hoạch số 07/KH-UBND … và Kế hoạch số 47/KH-UBND …", names the
    # plan's bases; the plan's other documents are to be studied, carried on, or only named.
    assert (
        bases
        == {d for d in opening if d.startswith("ke-hoach-")}
        == {
            "ke-hoach-07-kh-ubnd",
            "ke-hoach-47-kh-ubnd",
        }
    )
    labelled: dict[str, set[str]] = {}
    for path in html_pages(site_dir):
        for link in soup_of(path).select("a.doc-ref"):
            doc_id = link["href"].rstrip("/").rsplit("/", 1)[-1]
            labelled.setdefault(doc_id, set()).add(link["title"].split(":")[0])
    for doc in documents():
        expected = "Văn bản căn cứ" if doc.is_basis else "Văn bản Kế hoạch nhắc đến"
        assert labelled.get(doc.id) == {expected}, doc.id
    page = squash(article(soup(site_dir, "van-ban/ke-hoach-47-kh-ubnd/")).get_text(" "))
    assert "Văn bản căn cứ: Kế hoạch được xây dựng để thực hiện văn bản này" in page
    page = squash(article(soup(site_dir, "van-ban/chi-thi-33-ct-ttg/")).get_text(" "))
    assert "Văn bản căn cứ" not in page


@pytest.mark.parametrize(
    ("slug", "phrases"),
    [
        (
            "ke-hoach-cua-truong",
            [
                "phối hợp, tham mưu cấp ủy, chính quyền cùng cấp",
                "Hoàn thành các chỉ tiêu về phát triển giáo dục và đào tạo",
                "mỗi cán bộ quản lý, giáo viên, nhân viên làm tốt công tác tuyên truyền, vận động",
                "chế độ, chính sách liên quan đến đội ngũ nhà giáo",
            ],
        ),
        ("can-bo-phu-trach", ["chế độ, chính sách có liên quan đến đội ngũ nhà giáo"]),
    ],
)
def test_guidance_covers_points_i2_and_ii2(site_dir: Path, slug: str, phrases: list[str]) -> None:
    text = _guidance_own_words(site_dir, slug)
    for phrase in phrases:
        assert phrase.casefold() in text.casefold(), f"{slug}: {phrase}"


def test_the_dialogue_is_prepared_with_the_specialist_office(site_dir: Path) -> None:
    text = _guidance_own_words(site_dir, "lang-nghe-doi-thoai")
    assert "vượt thẩm quyền" not in text, "III.2 is not about passing problems on"
    assert "trao đổi với cơ quan chuyên môn để làm cơ sở cho nội dung đối thoại" in text
    checklist = squash(
        " ".join(
            li.get_text(" ")
            for li in article(soup(site_dir, "huong-dan/lang-nghe-doi-thoai/")).select(
                "li.task-list-item"
            )
        )
    )
    assert "Nội dung đối thoại đã được trao đổi với cơ quan chuyên môn" in checklist


def test_ethics_page_says_what_the_plan_asks_not_filler(site_dir: Path) -> None:
    body = article(soup(site_dir, "huong-dan/dao-duc-van-hoa-truong-hoc/"))
    text = _guidance_own_words(site_dir, "dao-duc-van-hoa-truong-hoc")
    for filler in ("đúng giờ, công khai", "giữ lời hứa", "dán ở nơi mọi người thấy", "lịch sự"):
        assert filler not in text
    heading = next(h for h in body.select("h2") if h.get_text().startswith("Gợi ý"))
    steps = heading.find_next_sibling("ol").find_all("li", recursive=False)
    plan = plan_text(site_dir)
    for step in steps:
        lead = squash(step.select_one("strong").get_text()).rstrip(".:")
        # Each step is one of the plan's own requirements, in its words (II.5, I.5, III.3).
        assert lead.casefold() in plan.casefold(), lead


def test_material_strings_are_vietnamese_and_correct(site_dir: Path) -> None:
    page = soup_of(site_dir / "index.html")
    assert squash(page.select_one("a.md-skip").get_text()) == "Chuyển đến nội dung chính"
    translations = json.loads(page.select_one("#__config").string)["translations"]
    assert translations["search.result.more.one"] == "Thêm 1 kết quả trong trang này"
    assert translations["search.result.more.other"] == "Thêm # kết quả trong trang này"
    assert page.select_one("button[type=reset]")["aria-label"] == "Xóa"


def test_page_titles_use_one_dash(site_dir: Path) -> None:
    mixed = []
    for path in html_pages(site_dir):
        title = soup_of(path).title
        if title is not None and " - " in title.get_text():
            mixed.append((url_of(site_dir, path), title.get_text()))
    assert mixed == []


def test_data_fields_are_called_muc_du_lieu(site_dir: Path) -> None:
    found = [
        url_of(site_dir, p) for p in html_pages(site_dir) if "trường dữ liệu" in _visible(p).lower()
    ]
    assert found == []
    reference = squash(article(soup(site_dir, "tinh-hinh/du-lieu/")).get_text(" "))
    assert "Mục dữ liệu" in reference
