"""The build-time rewriter: links document numbers, explains abbreviations, changes no text."""

from __future__ import annotations

import html

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.render.knowledge.annotate import Annotator, annotate
from tests.kb_pages import documents, glossary

ANNOTATOR = Annotator.build(documents(), glossary())
HREFS = {d.id: f"../van-ban/{d.id}/" for d in documents()}


def _run(content: str, skip: str | None = None) -> BeautifulSoup:
    return BeautifulSoup(annotate(content, ANNOTATOR, HREFS, skip=skip), "html.parser")


def test_number_with_its_kind_becomes_one_link() -> None:
    page = _run("<p>Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021.</p>")
    (link,) = page.select("a.doc-ref")
    assert link.get_text() == "Chỉ thị số 33/CT-TTg"
    assert link["href"] == "../van-ban/chi-thi-33-ct-ttg/"
    assert "26/11/2021" in link["title"]


def test_bare_number_is_linked_too() -> None:
    (link,) = _run("<p>theo 436/QĐ-UBND,</p>").select("a.doc-ref")
    assert link.get_text() == "436/QĐ-UBND"


def test_a_longer_number_is_not_mistaken_for_a_cited_one() -> None:
    page = _run("<p>Quyết định 290-QĐ/TW và 1233/CT-TTg và 33/CT-TTgX</p>")
    assert page.select("a.doc-ref") == []


def test_named_documents_are_found_in_any_case() -> None:
    page = _run(
        "<p>thực hiện quy chế dân chủ cơ sở và Chương trình giáo dục phổ thông năm 2018</p>"
    )
    hrefs = [a["href"] for a in page.select("a.doc-ref")]
    assert hrefs == [HREFS["quy-che-dan-chu-o-co-so"], HREFS["chuong-trinh-gdpt-2018"]]


@pytest.mark.parametrize(
    "content",
    [
        "<h2>Chỉ thị số 33/CT-TTg</h2>",
        '<p><a href="x">Chỉ thị số 33/CT-TTg</a></p>',
        "<p><code>33/CT-TTg</code></p>",
        "<pre><code>33/CT-TTg</code></pre>",
        "<script>var s = '33/CT-TTg';</script>",
    ],
)
def test_headings_links_and_code_are_left_alone(content: str) -> None:
    assert _run(content).select("a.doc-ref") == []


def test_script_content_passes_through_byte_for_byte() -> None:
    content = "<p>MN</p><script>if (a < b && c) { x = '33/CT-TTg &amp;'; }</script>"
    assert "if (a < b && c) { x = '33/CT-TTg &amp;'; }" in annotate(content, ANNOTATOR, HREFS)


def test_the_documents_own_page_does_not_link_to_itself() -> None:
    content = "<p>Chỉ thị số 33/CT-TTg và Quyết định số 23-QĐ/TW</p>"
    page = _run(content, skip="chi-thi-33-ct-ttg")
    assert [a.get_text() for a in page.select("a.doc-ref")] == ["Quyết định số 23-QĐ/TW"]


def test_abbreviations_longest_first() -> None:
    page = _run("<li>Các trường: MN, MG, TH, TH&amp;THCS, THCS;</li>")
    terms = [(a.get_text(), a["title"]) for a in page.select("abbr")]
    assert [t for t, _ in terms] == ["MN", "MG", "TH", "TH&THCS", "THCS"]
    assert terms[3][1].startswith("Tiểu học và Trung học cơ sở")


def test_abbreviations_only_as_whole_tokens() -> None:
    page = _run("<p>THPT, MNX, xMN, UBNDs, KTX. KT. TRƯỞNG, (b/c)</p>")
    assert [a.get_text() for a in page.select("abbr")] == ["KT.", "b/c"]


def test_abbreviations_inside_document_links() -> None:
    (link,) = _run("<p>Kế hoạch số 07/KH-UBND</p>").select("a.doc-ref")
    assert [a.get_text() for a in link.select("abbr")] == ["KH-UBND"]


def test_parts_of_a_school_document_symbol_are_not_abbreviations() -> None:
    page = _run("<p>Văn bản số 37/BC-THBT, 15/KH-THBT; UBND huyện; số 23-QĐ/TW</p>")
    assert [a.get_text() for a in page.select("abbr")] == ["UBND", "QĐ/TW"]
    assert "37/BC-THBT" in page.get_text()


def test_abbreviations_are_focusable_for_touch() -> None:
    (abbr,) = _run("<p>UBND huyện</p>").select("abbr")
    assert abbr["tabindex"] == "0"
    assert abbr["title"] == "Ủy ban nhân dân"


def test_unclear_abbreviations_get_no_tooltip() -> None:
    # LĐ is listed as unverified, like CCPGĐĐT and VTptl: none of them is explained.
    assert _run("<p>LĐ, CCPGĐĐT; Lưu: VTptl.</p>").select("abbr") == []


def test_only_the_plans_bases_are_called_van_ban_can_cu() -> None:
    page = _run("<p>Thực hiện Kế hoạch số 07/KH-UBND; Chỉ thị số 33/CT-TTg; 436/QĐ-UBND.</p>")
    titles = {a.get_text(): a["title"] for a in page.select("a.doc-ref")}
    assert titles["Kế hoạch số 07/KH-UBND"].startswith("Văn bản căn cứ: ")
    assert titles["Chỉ thị số 33/CT-TTg"].startswith("Văn bản Kế hoạch nhắc đến: ")
    assert titles["436/QĐ-UBND"].startswith("Văn bản Kế hoạch nhắc đến: ")


def test_existing_abbr_is_not_wrapped_again() -> None:
    page = _run('<p><abbr title="x">MN</abbr></p>')
    assert len(page.select("abbr")) == 1


def test_running_twice_changes_nothing_more() -> None:
    once = annotate("<p>Chỉ thị số 33/CT-TTg, MN</p>", ANNOTATOR, HREFS)
    assert annotate(once, ANNOTATOR, HREFS) == once


def test_page_without_anything_to_do_is_returned_as_is() -> None:
    content = "<p>Không có gì &nbsp; để&#39;làm</p>"
    assert annotate(content, ANNOTATOR, HREFS) is content


_PIECES = [*"abcđĐ ,.;:/-&<>\"'()\n", "MN", "TH&THCS", "33/CT-TTg", "Chỉ thị số ", "KT.", "b/c"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(before=_TEXT, inside=_TEXT, after=_TEXT)
def test_the_text_a_reader_sees_never_changes(before: str, inside: str, after: str) -> None:
    content = (
        f"<div><p>{html.escape(before)}</p><h2>{html.escape(inside)}</h2>"
        f'<p><a href="x">{html.escape(inside)}</a> {html.escape(after)}</p></div>'
    )
    # Browsers collapse runs of white space, and so does this comparison.
    original = BeautifulSoup(content, "html.parser").get_text().split()
    rewritten = BeautifulSoup(annotate(content, ANNOTATOR, HREFS), "html.parser").get_text()
    assert rewritten.split() == original


def test_an_abbreviation_followed_by_its_meaning_gets_no_tooltip() -> None:
    page = _run("<p>Cấp học: TH (Tiểu học); trường TH khác</p>")
    assert [a.get_text() for a in page.select("abbr")] == ["TH"]
    assert page.get_text() == "Cấp học: TH (Tiểu học); trường TH khác"


@pytest.mark.parametrize(
    "content",
    [
        '<p><span title="a > 33/CT-TTg">Chỉ thị số 33/CT-TTg</span></p>',
        "<p><span title='a > 33/CT-TTg' data-x=\"b > MN\">Chỉ thị số 33/CT-TTg</span></p>",
        '<p><img alt="x > 33/CT-TTg > MN" src="a.png"> Chỉ thị số 33/CT-TTg</p>',
    ],
)
def test_a_quoted_attribute_holding_a_greater_than_sign_is_left_byte_for_byte(
    content: str,
) -> None:
    """A ">" inside a quoted attribute does not end the tag: nothing is put in the attribute."""
    out = annotate(content, ANNOTATOR, HREFS)
    tags = content[: content.index("Chỉ")]
    assert out.startswith(tags)  # the tags before the text, byte for byte
    page = BeautifulSoup(out, "html.parser")
    for tag in page.find_all(True):
        for value in tag.attrs.values():
            assert "<a" not in str(value) and "<abbr" not in str(value)
    (link,) = page.select("a.doc-ref")  # the text after the tag is still linked, once
    assert link.get_text() == "Chỉ thị số 33/CT-TTg"
