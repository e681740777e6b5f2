"""Checklist boxes on guidance pages carry the item's text as their accessible name."""

from __future__ import annotations

from scripts.site.checklists import name_checkboxes


def test_checklist_boxes_are_named() -> None:
    html = (
        '<li class="task-list-item"><label class="task-list-control"><input type="checkbox" '
        'disabled/><span class="task-list-indicator"></span></label> Gửi <a href="x">đăng ký</a>'
        " &amp; lưu</li>"
    )
    assert 'aria-label="Gửi đăng ký &amp; lưu"' in name_checkboxes(html)
