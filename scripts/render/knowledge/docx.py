"""A template as a Word file laid out as a Vietnamese administrative document.

Layout after the usual form of administrative documents: a header of two columns (issuing
body and number on the left, national motto and place/date on the right), the title, the
body with its headings, then recipients and signature side by side. Times New Roman, A4.

The text is marked Vietnamese (vi-VN) in the styles and on every run, so that Word checks
the spelling in Vietnamese instead of marking every word as misspelled English. The file
says nothing untrue about itself: no author, no creation date of python-docx's own
template, no thumbnail of an empty page, no "already proofread" flag; and it is the same
bytes for the same template (fixed dates inside the zip).
"""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from scripts.load.templates import Section, Template

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
FONT = "Times New Roman"
BODY_SIZE = Pt(14)
BLACK = RGBColor(0, 0, 0)
LANGUAGE = "vi-VN"
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
"""Children of <w:rPr> that come after <w:lang> in the schema's order."""
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""The zip format's earliest date: the entries' dates say nothing, and the bytes repeat."""
APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"/>'
)
"""docProps/app.xml without the template's claims (application, page and word counts)."""


def _set_language(rpr: BaseOxmlElement) -> None:
    """<w:lang w:val="vi-VN"> in a run's or a style's properties."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, *_AFTER_LANG)
    lang.set(qn("w:val"), LANGUAGE)


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


def _languages(document: Document) -> None:
    """Vietnamese everywhere: document defaults, every style, every run."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for rpr in defaults.iter(qn("w:rPr")):
            _set_language(rpr)
    for style in document.styles:
        element = style.element
        if element.find(qn("w:rPr")) is not None or style.name in ("Normal", "Title"):
            _set_language(element.get_or_add_rPr())
    body = document.element.body
    for run in body.iter(qn("w:r")):
        _set_language(run.get_or_add_rPr())


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


def _no_borders_table(document: Document, columns: tuple[float, float]) -> Table:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for cell, width in zip(table.rows[0].cells, columns, strict=True):
        cell.width = Mm(width)
    made: Table = table
    return made


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
    document = docx.Document()
    _styles(document)
    _page(document)
    props = document.core_properties
    props.title = template.label
    props.author = ""
    props.last_modified_by = ""
    props.language = LANGUAGE
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
    _languages(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _clean_package(buffer.getvalue())


_THUMBNAIL = "docProps/thumbnail.jpeg"
_DATES = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")
_THUMBNAIL_REL = re.compile(rb"<Relationship [^>]*Target=\"docProps/thumbnail\.jpeg\"/>")
_PROOF_STATE = re.compile(rb"<w:proofState\b[^>]*/>")
_THEME_LANG = re.compile(rb'(<w:themeFontLang\b[^>]*\bw:val=")[^"]*(")')
_LANG = re.compile(rb'(<w:lang\b[^>]*\bw:val=")[^"]*(")')


_VI = rb"\g<1>" + LANGUAGE.encode() + rb"\g<2>"


def _clean_package(data: bytes) -> bytes:
    """The saved package without python-docx's template leftovers, with fixed zip dates.

    The core properties keep the title, subject and language but lose the template's dates
    of 2013; the extended properties lose the template's application and counts; Word is
    not told the text was already proofread; the thumbnail of an empty page goes.
    """
    fixes = {
        "docProps/core.xml": lambda b: _DATES.sub(b"", b),
        "docProps/app.xml": lambda b: APP_XML,
        "_rels/.rels": lambda b: _THUMBNAIL_REL.sub(b"", b),
        "word/settings.xml": lambda b: _THEME_LANG.sub(_VI, _PROOF_STATE.sub(b"", b)),
        # Word 2010's copy of the styles (newer Word reads styles.xml, set above).
        "word/stylesWithEffects.xml": lambda b: _LANG.sub(_VI, b),
    }
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename == _THUMBNAIL:
                continue
            content = source.read(info.filename)
            fix = fixes.get(info.filename)
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, fix(content) if fix else content)
    return out.getvalue()
