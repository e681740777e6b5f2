"""A template as a Word file laid out as a Vietnamese administrative document.

Layout after the usual form of administrative documents: a header of two columns (issuing
body and number on the left, national motto and place/date on the right), the title, the
body with its headings, then recipients and signature side by side. Times New Roman, A4.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from ..templates import Section, Template

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
FONT = "Times New Roman"
BODY_SIZE = Pt(14)
BLACK = RGBColor(0, 0, 0)


def _set_font(style: ParagraphStyle, size: Pt, *, bold: bool | None = None) -> None:
    """Times New Roman for every script, with no theme font overriding it."""
    style.font.name = FONT
    style.font.size = size
    style.font.color.rgb = BLACK
    if bold is not None:
        style.font.bold = bold
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _styles(document: Document) -> None:
    normal = document.styles["Normal"]
    _set_font(normal, BODY_SIZE)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.first_line_indent = Mm(10)
    for name, size in (("Title", Pt(14)), ("Heading 1", Pt(14)), ("Heading 2", Pt(14))):
        style = document.styles[name]
        _set_font(style, size, bold=True)
        style.font.italic = False
        fmt = style.paragraph_format
        fmt.space_before = Pt(6)
        fmt.space_after = Pt(6)
        fmt.first_line_indent = Mm(10) if name != "Title" else Mm(0)
        fmt.keep_with_next = True
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER if name == "Title" else WD_ALIGN_PARAGRAPH.LEFT
        # The Title style of the default template draws a blue rule under the text.
        ppr = style.element.pPr
        if ppr is not None:
            border = ppr.find(qn("w:pBdr"))
            if border is not None:
                ppr.remove(border)
    document.styles["Title"].font.size = Pt(14)


def _page(document: Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)


def _line(
    container: Document | _Cell,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: Pt | None = None,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    first_paragraph: bool = False,
) -> Paragraph:
    """One short line (header, signature): no first-line indent, little spacing."""
    paragraph = container.paragraphs[0] if first_paragraph else container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Mm(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    run = paragraph.add_run(text)
    run.bold = bold
    run.italic = italic
    if size:
        run.font.size = size
    return paragraph


def _no_borders_table(document: Document, columns: tuple[float, float]):
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for cell, width in zip(table.rows[0].cells, columns, strict=True):
        cell.width = Mm(width)
    return table


def _header(document: Document, template: Template) -> None:
    left, right = _no_borders_table(document, (70, 95)).rows[0].cells
    _line(left, template.header.parent.upper(), size=Pt(13), first_paragraph=True)
    _line(left, template.header.unit.upper(), bold=True, size=Pt(13))
    _line(left, template.number, size=Pt(13)).paragraph_format.space_before = Pt(6)
    if template.subject_line:
        _line(left, template.subject_line, size=Pt(12)).paragraph_format.space_before = Pt(3)
    _line(right, NATIONAL_NAME, bold=True, size=Pt(12), first_paragraph=True)
    _line(right, MOTTO, bold=True, size=Pt(13))
    place = _line(right, template.header.place_date, italic=True, size=Pt(13))
    place.paragraph_format.space_before = Pt(12)


def _title(document: Document, template: Template) -> None:
    if template.title:
        title = document.add_paragraph(template.title, style="Title")
        title.paragraph_format.space_before = Pt(18)
        title.paragraph_format.space_after = Pt(0)
        if template.subtitle:
            _line(document, template.subtitle, bold=True).paragraph_format.space_after = Pt(12)
    if template.addressee:
        addressee = _line(document, template.addressee)
        addressee.paragraph_format.space_before = Pt(18)
        addressee.paragraph_format.space_after = Pt(12)


def _section(document: Document, section: Section, level: int) -> None:
    document.add_paragraph(section.heading, style=f"Heading {level}")
    for text in section.body:
        document.add_paragraph(text)
    for sub in section.subsections:
        _section(document, sub, level + 1)


def _closing(document: Document, template: Template) -> None:
    left, right = _no_borders_table(document, (85, 80)).rows[0].cells
    label = _line(
        left,
        "Nơi nhận:",
        bold=True,
        italic=True,
        size=Pt(12),
        align=WD_ALIGN_PARAGRAPH.LEFT,
        first_paragraph=True,
    )
    label.paragraph_format.space_before = Pt(12)
    for recipient in template.recipients:
        _line(left, f"- {recipient}", size=Pt(11), align=WD_ALIGN_PARAGRAPH.LEFT)
    signer = _line(right, template.signer, bold=True, first_paragraph=True)
    signer.paragraph_format.space_before = Pt(12)
    _line(right, template.header.sign_note, italic=True, size=Pt(13))
    name = _line(right, template.header.signer_name, bold=True)
    name.paragraph_format.space_before = Pt(60)


def render_docx(template: Template) -> bytes:
    """The template as the bytes of a .docx file."""
    document = Document()
    _styles(document)
    _page(document)
    props = document.core_properties
    props.title = template.label
    props.author = ""
    props.language = "vi-VN"
    props.comments = "Mẫu tham khảo; điền các chỗ trong ngoặc vuông và dấu “…”."
    _header(document, template)
    _title(document, template)
    for text in template.intro:
        document.add_paragraph(text)
    for section in template.sections:
        _section(document, section, 1)
    for text in template.closing:
        document.add_paragraph(text)
    _closing(document, template)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
