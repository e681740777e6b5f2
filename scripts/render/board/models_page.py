"""The registered "Dân vận khéo" models (tinh-hinh/mo-hinh/): name, school, new or replicated."""

from __future__ import annotations

from scripts.model import ModelKind
from scripts.render import site_paths as paths
from scripts.render.board.common import (
    Cards,
    date_or_blank,
    escape,
    front_matter,
    header,
    link,
    md_link,
    table,
)
from scripts.status.board import Board


def models_page(board: Board) -> str:
    src = paths.MODELS
    models = board.models()
    with_model = {m.school.id for m in models}
    kinds = {kind: sum(1 for m in models if m.model.kind is kind) for kind in ModelKind}
    rows = [
        [
            str(i),
            escape(m.model.name),
            link(paths.relative(src, paths.school_page(m.school.id)), escape(m.school.name)),
            escape(m.school.level),
            escape(m.school.commune),
            escape(m.model.kind.value.capitalize()),
            date_or_blank(m.submission.received),
            escape(m.submission.number),
        ]
        for i, m in enumerate(models, start=1)
    ]
    summary = (
        f"**{len(models)} mô hình** của **{len(with_model)} trường** "
        f"(trên tổng số {len(board.schools)} trường): "
        + ", ".join(f"{n} {escape(kind.value)}" for kind, n in kinds.items())
        + ".\n\n"
    )
    registration = [d for d in board.deadlines if d.requires_model]
    missing_note = ""
    if registration:
        missing_note = (
            "Trường nào chưa đăng ký: xem "
            + ", ".join(
                f"[{escape(d.title)}]({md_link(src, paths.deadline_page(d.id))})"
                for d in registration
            )
            + ".\n\n"
        )
    body = (
        table(
            [
                "STT",
                "Mô hình",
                "Trường",
                "Cấp học",
                "Xã, thị trấn",
                "Xây dựng mới hay nhân rộng",
                "Ngày nhận đăng ký",
                "Số văn bản",
            ],
            rows,
            label="Các mô hình đã đăng ký",
            numeric=(0,),
            # A card names the model, then the school, its level and commune.
            cards=Cards(title=1, number=0, lead=(2,), meta=(3, 4)),
        )
        if rows
        else "Chưa có trường nào đăng ký mô hình.\n"
    )
    return "".join(
        [
            front_matter(
                "Mô hình “Dân vận khéo” đã đăng ký",
                "Các mô hình, điển hình “Dân vận khéo” các trường đã đăng ký: tên mô hình, "
                "trường, xây dựng mới hay nhân rộng.",
            ),
            "# Mô hình “Dân vận khéo” đã đăng ký\n\n",
            header(board),
            "".join(
                f"Mục {escape(d.section)} của Kế hoạch năm "
                f"{board.dataset.plan.date.year} ghi: “{escape(d.description)}”\n\n"
                for d in registration
                if d.description
            ),
            summary,
            missing_note,
            body,
        ]
    )
