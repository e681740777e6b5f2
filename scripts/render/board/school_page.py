"""One page per school (tinh-hinh/truong/<id>/): its status first, then its details.

Order: the status for each deadline (with, for a deadline not yet met, its guide and Word
template), the school's details, its models, the print options and the QR sheet.

Printed (docs/assets/stylesheets/tracker.css), the page gives one A4 sheet: the status,
the details and the QR code with the page's address. Opened at #to-dan it prints the
notice-board poster instead (school name, commune, a large QR code). The poster names the
plan as issued (its issuer and date) and, as who publishes it, whoever runs the site
(data/site.yml): never the former office in the present tense.
"""

from __future__ import annotations

from collections.abc import Mapping

from scripts.common.markdown import escape as md_escape
from scripts.common.vietnamese import format_date
from scripts.load.publisher import Publisher
from scripts.model import LEVEL_NAMES, School
from scripts.render import site_paths as paths
from scripts.render.board.common import (
    SAMPLE_NOTICE,
    badge,
    date_or_blank,
    escape,
    front_matter,
    header,
    link,
    md_link,
    raw_block,
)
from scripts.render.board.next_steps import NO_STEPS, NextStep
from scripts.render.board.submission_form import FormSettings, submission_form
from scripts.status.board import Board
from scripts.status.judge import State

POSTER = "to-dan"
"""The anchor of the notice-board poster: the page opened at it shows and prints the
poster alone."""
STATUS = "tinh-trang"


def _link_cell(url: str) -> str:
    """A submission's link: only https links are written as links (the loader allows no other)."""
    if url.startswith("https://"):
        return f'<a href="{escape(url)}" rel="nofollow noopener">Xem văn bản</a>'
    return escape(url)


def _next_step(src: str, step: NextStep) -> str:
    """The guide and the Word template for a deadline not yet met. Short words, to keep
    every deadline on a phone's first screen; the list item says which deadline, and the
    link's title the page or file it opens."""
    links = []
    if step.guide is not None:
        href = paths.relative(src, step.guide.src)
        links.append(
            f'<a href="{escape(href)}" title="{escape(step.guide.title)}">xem hướng dẫn</a>'
        )
    for path, label in step.templates:
        href = paths.relative(src, path)
        name = path.rsplit("/", 1)[-1]
        what = "tải mẫu Word" if len(step.templates) == 1 else f"mẫu Word “{escape(label)}”"
        links.append(
            f'<a href="{escape(href)}" download="{escape(name)}" '
            f'title="Mẫu Word: {escape(label)}">{what}</a>'
        )
    if not links:
        return ""
    return f'<p class="tracker-deadline__next">Việc cần làm: {", ".join(links)}.</p>'


def _deadlines(board: Board, school: School, src: str, steps: Mapping[str, NextStep]) -> str:
    """The status for each deadline, first on the page: state, deadline, what was received,
    and for a deadline not yet met (missing or not yet due) what to do about it."""
    items = []
    for deadline in board.deadlines:
        status = board.status(school, deadline)
        sub = status.submission
        details = []
        if sub:
            details.append(f"Ngày nhận: {date_or_blank(sub.received)}")
            if sub.number:
                details.append(f"Số văn bản: {escape(sub.number)}")
            if sub.document_date:
                details.append(f"Ngày văn bản: {date_or_blank(sub.document_date)}")
            if sub.model:
                details.append(
                    f"Mô hình: {escape(sub.model.name)} ({escape(sub.model.kind.value)})"
                )
            if sub.note:
                details.append(f"Ghi chú: {escape(sub.note)}")
            if sub.link:
                details.append(_link_cell(sub.link))
        title = link(paths.relative(src, paths.deadline_page(deadline.id)), escape(deadline.title))
        step = steps.get(deadline.id)
        not_met = status.state in (State.MISSING, State.NOT_DUE)
        items.append(
            f'<li data-deadline="{escape(deadline.id)}">'
            f'<p class="tracker-deadline__state">{badge(status)}</p>'
            f'<p class="tracker-deadline__title"><strong>{title}</strong> '
            f"(hạn chót {date_or_blank(deadline.due)})</p>"
            + (f'<p class="tracker-deadline__details">{" · ".join(details)}</p>' if details else "")
            + (_next_step(src, step) if step and not_met else "")
            + "</li>"
        )
    return raw_block('<ul class="tracker-deadlines">\n' + "\n".join(items) + "\n</ul>")


def _facts(school: School) -> str:
    """The school's details: level, commune, id, the staff member in charge."""
    facts = [
        ("Cấp học", f"{escape(school.level)} ({escape(LEVEL_NAMES.get(school.level, ''))})"),
        ("Xã, thị trấn", escape(school.commune)),
        ("Mã trường", f"<code>{escape(school.id)}</code>"),
    ]
    if school.contact:
        facts.append(
            (
                "Phụ trách công tác dân vận",
                f"{escape(school.contact.name)} ({escape(school.contact.role)})",
            )
        )
    facts_html = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    return raw_block(f'<dl class="tracker-facts">{facts_html}</dl>')


def _models(board: Board, school: School) -> str:
    models = board.models(school)
    if not models:
        return "Trường chưa đăng ký mô hình “Dân vận khéo” nào.\n\n"
    return (
        "\n".join(
            f"- **{md_escape(m.model.name)}**: {md_escape(m.model.kind.value)} "
            f"(đăng ký kèm văn bản “{md_escape(m.deadline.title)}”"
            + (f", số {md_escape(m.submission.number)}" if m.submission.number else "")
            + ")"
            for m in models
        )
        + "\n\n"
    )


def _sheet(board: Board, school: School, src: str, site_url: str, publisher: Publisher) -> str:
    """The QR code and the address; printed small under the status, or shown and printed
    alone as the notice-board poster when the page is opened at #to-dan (tracker.css)."""
    plan = board.dataset.plan
    address = paths.absolute(site_url, src)
    qr_src = paths.relative(src, paths.school_qr(school.id))
    sample = (
        f'<p class="tracker-sheet__sample"><strong>Dữ liệu minh họa.</strong> {SAMPLE_NOTICE}</p>'
        if board.dataset.sample
        else ""
    )
    return raw_block(
        '<div class="tracker-sheet">\n'
        f'<p class="tracker-sheet__back"><a href="#{STATUS}">Về trang của trường</a> · '
        "In trang bây giờ (Ctrl+P) được tờ dán này.</p>\n"
        f'<p class="tracker-sheet__issuer">Mô hình “Dân vận khéo” và báo cáo công tác dân '
        f"vận năm {plan.date.year}<br>theo Kế hoạch ngày {format_date(plan.date)} của "
        f"{escape(plan.issuer)}</p>\n"
        f'<p class="tracker-sheet__name">{escape(school.name)}</p>\n'
        f'<p class="tracker-sheet__place">{escape(school.commune)}</p>\n'
        f'<img class="tracker-sheet__qr" src="{escape(qr_src)}" width="160" height="160" '
        f'alt="Mã QR dẫn tới trang của trường: {escape(address)}">\n'
        f'<p class="tracker-sheet__url">{escape(address)}</p>\n'
        '<p class="tracker-sheet__hint">Quét mã QR bằng camera điện thoại để xem trường đã '
        "đăng ký mô hình và nộp báo cáo đúng hạn hay chưa.</p>\n"
        f"{sample}"
        f'<p class="tracker-sheet__publisher">{escape(publisher.credit)}</p>\n'
        "</div>\n"
    )


def _print_options(school: School, src: str) -> str:
    """How to print either sheet. Plain links work without script; with it
    (tracker-print.js), the buttons print at once."""
    qr_src = paths.relative(src, paths.school_qr(school.id))
    script = paths.relative(src, paths.PRINT_SCRIPT)
    return raw_block(
        "<p>In trang này (Ctrl+P, khổ A4) được <strong>một tờ</strong>: tình trạng các hạn "
        "nộp của trường và mã QR dẫn tới trang này. Tờ dán bảng tin (tên trường và mã QR cỡ "
        f'lớn) là một cách in riêng: mở <a href="#{POSTER}">tờ dán bảng tin</a> rồi in.</p>\n'
        '<p class="tracker-print" data-tracker-print hidden>'
        '<button type="button" class="md-button" data-print="">In tình trạng (A4)</button> '
        f'<button type="button" class="md-button" data-print="{POSTER}">'
        "In tờ dán bảng tin</button></p>\n"
        f'<p><a href="{escape(qr_src)}" download="ma-qr-{escape(school.id)}.svg">'
        "Tải mã QR (SVG)</a></p>\n"
        f'<script src="{script}" defer></script>'
    )


def school_page(
    board: Board,
    school: School,
    site_url: str,
    publisher: Publisher,
    *,
    searchable: bool = True,
    form: FormSettings | None = None,
    steps: Mapping[str, NextStep] = NO_STEPS,
) -> str:
    """The page answers first (the status for each deadline, what to do about those not
    met), then gives the school's details, its models, and the sheets to print."""
    src = paths.school_page(school.id)
    parts = [
        front_matter(
            school.name,
            f"Tình hình đăng ký mô hình “Dân vận khéo” và nộp báo cáo của {school.name}.",
            searchable=searchable,
        ),
        # The poster's anchor, before everything it hides when targeted (tracker.css).
        raw_block(f'<div class="tracker-poster-anchor" id="{POSTER}"></div>'),
        f"# {escape(school.name)}\n\n",
        header(board, rule=False),
        # 1. The status for each deadline, on the first screen of a phone.
        f"## Tình trạng các hạn nộp {{#{STATUS}}}\n\n",
        _deadlines(board, school, src, steps),
        # 2. The school's details. Print stops here (tracker.css): what follows is screen-only.
        "## Thông tin trường {#thong-tin}\n\n",
        _facts(school),
        # The form "Ghi nhận nộp", folded, for staff (screen-only when printed).
        submission_form(board, school, src, form),
        # 3. Its models.
        "\n## Mô hình “Dân vận khéo” {#mo-hinh}\n\n",
        _models(board, school),
        # 4. Printing: the status sheet and the notice-board poster; the QR code.
        "## In trang và mã QR {#ma-qr}\n\n",
        _print_options(school, src),
        "\n",
        f"[Danh sách các trường]({md_link(src, paths.TABLE)}) · "
        f"[Tình hình thực hiện]({md_link(src, paths.OVERVIEW)})\n\n",
        _sheet(board, school, src, site_url, publisher),
    ]
    return "".join(parts)
