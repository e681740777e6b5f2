"""One page per school (tinh-hinh/truong/<id>/): its deadlines, models and QR code.

The page prints as an A4 sheet for a notice board (school name, commune, QR code and
address of the page): see docs/assets/stylesheets/tracker.css. The sheet names the plan
as issued (its issuer and date) and, as who publishes the sheet, whoever runs the site
(data/site.yml): never the former office in the present tense.
"""

from __future__ import annotations

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
from scripts.render.board.submission_form import FormSettings, submission_form
from scripts.status.board import Board


def _link_cell(url: str) -> str:
    """A submission's link: only https links are written as links (the loader allows no other)."""
    if url.startswith("https://"):
        return f'<a href="{escape(url)}" rel="nofollow noopener">Xem văn bản</a>'
    return escape(url)


def school_page(
    board: Board,
    school: School,
    site_url: str,
    publisher: Publisher,
    *,
    searchable: bool = True,
    form: FormSettings | None = None,
) -> str:
    src = paths.school_page(school.id)
    plan = board.dataset.plan
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
            if sub.note:
                details.append(f"Ghi chú: {escape(sub.note)}")
            if sub.link:
                details.append(_link_cell(sub.link))
        title = link(paths.relative(src, paths.deadline_page(deadline.id)), escape(deadline.title))
        items.append(
            f'<li data-deadline="{escape(deadline.id)}">'
            f'<p class="tracker-deadline__title"><strong>{title}</strong> '
            f"(hạn chót {date_or_blank(deadline.due)})</p>"
            f'<p class="tracker-deadline__state">{badge(status)}</p>'
            + (f'<p class="tracker-deadline__details">{" · ".join(details)}</p>' if details else "")
            + "</li>"
        )
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

    models = board.models(school)
    if models:
        model_items = "\n".join(
            f"- **{md_escape(m.model.name)}**: {md_escape(m.model.kind.value)} "
            f"(đăng ký kèm văn bản “{md_escape(m.deadline.title)}”"
            + (f", số {md_escape(m.submission.number)}" if m.submission.number else "")
            + ")"
            for m in models
        )
    else:
        model_items = "Trường chưa đăng ký mô hình “Dân vận khéo” nào."

    address = paths.absolute(site_url, src)
    qr_src = paths.relative(src, paths.school_qr(school.id))
    sample = (
        f'<p class="tracker-sheet__sample"><strong>Dữ liệu minh họa.</strong> {SAMPLE_NOTICE}</p>'
        if board.dataset.sample
        else ""
    )
    sheet = (
        '<div class="tracker-sheet">\n'
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
    return "".join(
        [
            front_matter(
                school.name,
                f"Tình hình đăng ký mô hình “Dân vận khéo” và nộp báo cáo của {school.name}.",
                searchable=searchable,
            ),
            f"# {escape(school.name)}\n\n",
            header(board, rule=False),
            raw_block(f'<dl class="tracker-facts">{facts_html}</dl>'),
            "## Các hạn nộp\n\n",
            raw_block('<ul class="tracker-deadlines">\n' + "\n".join(items) + "\n</ul>"),
            "\n## Mô hình “Dân vận khéo”\n\n",
            model_items + "\n\n",
            "## Mã QR và tờ dán bảng tin {#ma-qr}\n\n",
            "Khi in trang này (Ctrl+P, khổ A4), máy in chỉ in tờ dưới đây để dán lên bảng tin "
            "của trường. "
            f'<a href="{escape(qr_src)}" download="ma-qr-{escape(school.id)}.svg">'
            "Tải mã QR (SVG)</a> · "
            f"[Danh sách các trường]({md_link(src, paths.TABLE)}) · "
            f"[Tình hình thực hiện]({md_link(src, paths.OVERVIEW)})\n\n",
            raw_block(sheet),
            submission_form(board, school, src, form),
        ]
    )
