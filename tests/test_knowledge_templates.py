"""The Word templates: generated at build time, laid out as administrative documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

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
    assert "Kế hoạch ngày 12/4/2022 của Phòng Giáo dục và Đào tạo huyện Bình Sơn" in body


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
