"""The Word templates: generated at build time, laid out as administrative documents."""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.conftest import ROOT
from tests.kb_pages import plan

MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
PLAN_HEADINGS = [
    "I. MỤC ĐÍCH, YÊU CẦU",
    "II. NỘI DUNG THỰC HIỆN",
    "1. Quán triệt, tuyên truyền",
    "2. Phân công cán bộ phụ trách công tác dân vận",
    "3. Mô hình, điển hình “Dân vận khéo”",
    "4. Tư vấn, giải đáp cho phụ huynh học sinh và người dân",
    "5. Nắm tâm tư, nguyện vọng và tổ chức đối thoại",
    "6. Thi đua “Dân vận khéo”, đánh giá và khen thưởng",
    "7. Đạo đức nhà giáo và văn hóa trường học",
    "8. Phối hợp với địa phương, cập nhật chế độ, chính sách",
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Hiệu trưởng",
    "2. Cán bộ phụ trách công tác dân vận",
    "3. Các tổ, bộ phận",
    "4. Chế độ báo cáo",
]
REPORT_HEADINGS = [
    "I. KẾT QUẢ THỰC HIỆN",
    "1. Quán triệt, triển khai kế hoạch",
    "2. Thực hiện quy chế dân chủ cơ sở",
    "3. Công tác dân vận",
    "4. Mô hình, điển hình “Dân vận khéo”",
    "5. Thi đua, khen thưởng",
    "6. Đạo đức nhà giáo, văn hóa trường học",
    "II. ĐÁNH GIÁ CHUNG",
    "1. Ưu điểm",
    "2. Hạn chế, nguyên nhân",
    "III. NHIỆM VỤ THỜI GIAN TỚI",
    "IV. KIẾN NGHỊ, ĐỀ XUẤT",
]
REGISTRATION_HEADINGS = [
    "1. Tên mô hình, điển hình",
    "2. Hình thức",
    "3. Người hoặc bộ phận thực hiện",
    "4. Đối tượng",
    "5. Nội dung và cách làm",
    "6. Kết quả dự kiến",
    "7. Thời gian thực hiện",
]
EXPECTED = {
    "ke-hoach-truong": ("KẾ HOẠCH", "Số: …/KH-", PLAN_HEADINGS),
    "dang-ky-mo-hinh": (
        None,
        "V/v đăng ký mô hình, điển hình “Dân vận khéo” năm 2022",
        REGISTRATION_HEADINGS,
    ),
    "bao-cao-6-thang": ("BÁO CÁO", "Số: …/BC-", REPORT_HEADINGS),
    "bao-cao-nam": ("BÁO CÁO", "Số: …/BC-", REPORT_HEADINGS),
}


def _open(site_dir: Path, name: str):
    path = site_dir / "tai-ve" / "mau" / f"{name}.docx"
    assert path.exists(), f"{path} is not in the built site"
    return Document(str(path))


def _cells(document) -> list[list[str]]:
    return [[p.text for p in cell.paragraphs] for t in document.tables for cell in t.rows[0].cells]


@pytest.mark.parametrize("name", EXPECTED)
def test_template_headings(site_dir: Path, name: str) -> None:
    document = _open(site_dir, name)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == EXPECTED[name][2]


@pytest.mark.parametrize("name", EXPECTED)
def test_template_is_laid_out_as_an_administrative_document(site_dir: Path, name: str) -> None:
    document = _open(site_dir, name)
    title, number, _ = EXPECTED[name]
    (left, right, recipients, signature) = _cells(document)
    assert right[:2] == MOTTO
    assert right[2].startswith("[Địa danh], ngày … tháng … năm 2022")
    assert left[:2] == ["[CƠ QUAN CHỦ QUẢN]", "[TÊN TRƯỜNG]"]
    assert any(number in line for line in left)
    if title:
        titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
        assert titles == [title]
    else:
        assert any(p.text.startswith("Kính gửi:") for p in document.paragraphs)
    assert recipients[0] == "Nơi nhận:"
    assert recipients[-1] == "- Lưu: VT."
    assert signature[0] == "HIỆU TRƯỞNG"
    assert "[Họ và tên]" in signature
    body = "\n".join(p.text for p in document.paragraphs)
    assert "[Tên trường]" in body
    # The plan's number is not in its text as we have it: a blank to fill, never a number.
    assert "Kế hoạch số …/KH-… ngày 12/4/2022 của Phòng Giáo dục và Đào tạo huyện Bình Sơn" in body


@pytest.mark.parametrize("name", EXPECTED)
def test_template_uses_times_new_roman(site_dir: Path, name: str) -> None:
    document = _open(site_dir, name)
    for style_name in ("Normal", "Title", "Heading 1", "Heading 2"):
        fonts = document.styles[style_name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == "Times New Roman"
        assert fonts.get(qn("w:hAnsi")) == "Times New Roman"
        assert fonts.get(qn("w:asciiTheme")) is None, "no theme font overrides it"
    runs = [r for p in document.paragraphs for r in p.runs]
    assert all(r.font.name in (None, "Times New Roman") for r in runs)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_report_templates_carry_the_deadlines_from_the_plan(site_dir: Path) -> None:
    body = "\n".join(p.text for p in _open(site_dir, "ke-hoach-truong").paragraphs)
    assert "trước ngày 30/5/2022" in body
    assert "trước ngày 30/10/2022" in body


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _zip(site_dir: Path, name: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(site_dir / "tai-ve" / "mau" / f"{name}.docx")


@pytest.mark.parametrize("name", EXPECTED)
def test_template_is_proofed_in_vietnamese(site_dir: Path, name: str) -> None:
    with _zip(site_dir, name) as package:
        styles = ET.fromstring(package.read("word/styles.xml"))
        body = ET.fromstring(package.read("word/document.xml"))
        settings = package.read("word/settings.xml").decode("utf-8")
    default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert default.get(f"{W}val") == "vi-VN"
    languages = {lang.get(f"{W}val") for lang in styles.iter(f"{W}lang")}
    assert languages == {"vi-VN"}, "no style left in English"
    runs = list(body.iter(f"{W}r"))
    assert runs
    for run in runs:
        lang = run.find(f"{W}rPr/{W}lang")
        assert lang is not None and lang.get(f"{W}val") == "vi-VN"
    assert 'w:themeFontLang w:val="vi-VN"' in settings
    assert "proofState" not in settings, "Word is not told the text was already checked"


@pytest.mark.parametrize("name", EXPECTED)
def test_template_properties_say_nothing_untrue(site_dir: Path, name: str) -> None:
    with _zip(site_dir, name) as package:
        core = package.read("docProps/core.xml").decode("utf-8")
        app = package.read("docProps/app.xml").decode("utf-8")
        names = package.namelist()
        dates = {info.date_time for info in package.infolist()}
    props = _open(site_dir, name).core_properties
    assert props.author == "" and props.last_modified_by == ""
    assert props.created is None and props.modified is None, "no date of python-docx's template"
    assert props.language == "vi-VN"
    for leftover in ("python-docx", "2013-", "Microsoft", "Normal.dotm"):
        assert leftover not in core + app, leftover
    assert "docProps/thumbnail.jpeg" not in names
    assert dates == {(1980, 1, 1, 0, 0, 0)}, "the same template gives the same bytes"


def test_template_bytes_repeat() -> None:
    from scripts.load.templates import load_templates
    from scripts.render.knowledge.docx import render_docx

    templates = load_templates(
        ROOT / "data" / "templates.yml", ROOT / "schemas" / "templates.schema.json", plan()
    )
    first = [render_docx(t) for t in templates]
    time.sleep(2.1)  # zip dates have a two-second resolution
    assert [render_docx(t) for t in templates] == first


def test_six_month_report_is_named_as_the_plan_names_it(site_dir: Path) -> None:
    texts = {name: "\n".join(p.text for p in _open(site_dir, name).paragraphs) for name in EXPECTED}
    for name, text in texts.items():
        assert "6 tháng đầu năm" not in text, name
    assert "Báo cáo 6 tháng" in texts["bao-cao-6-thang"]
    assert "6 tháng đầu năm" not in (ROOT / "data" / "templates.yml").read_text(encoding="utf-8")


def test_the_plans_number_is_a_blank_to_fill(site_dir: Path) -> None:
    seed = (ROOT / "data" / "ke-hoach-dan-van-2022.txt").read_text(encoding="utf-8")
    # The text we have of the plan gives no number of its own ("Số: …/KH-…"), so no template
    # may invent one: each leaves a visible blank where the number goes.
    assert not re.search(r"Số\s*:|/KH-PGD", seed)
    for name in EXPECTED:
        text = "\n".join(p.text for p in _open(site_dir, name).paragraphs)
        assert "Kế hoạch số …/KH-… ngày 12/4/2022" in text, name
