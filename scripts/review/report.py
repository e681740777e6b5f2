"""The review in Vietnamese Markdown, for the pull request's check summary.

What changed school by school (status changes first), what is unusual, whether the data is
valid and whether the author may make the change, with GitHub alerts for what blocks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from scripts.common.markdown import escape
from scripts.common.vietnamese import format_date
from scripts.history.changes import Kind, VersionDiff
from scripts.history.snapshot import Snapshot
from scripts.history.submission_files import is_submission_path
from scripts.load.editors import Editors
from scripts.review.permissions import SCHOOLS_FILE, scope_of

if TYPE_CHECKING:
    from git import Commit

PLAN_FILE = "data/plan.yml"


@dataclass
class Review:
    """The outcome: Markdown for people, and whether the check passes."""

    markdown: str
    ok: bool
    invalid: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    diff: VersionDiff | None = None


def _quote_block(kind: str, title: str, items: list[str]) -> str:
    """A GitHub alert ("> [!WARNING]") with a bold title and a list."""
    body = "\n".join(f"> - {escape(item)}" for item in items)
    return f"> [!{kind}]\n> **{title}**\n>\n{body}\n"


def review_markdown(
    *,
    start: Commit,
    head: Commit,
    as_of: dt.date,
    diff: VersionDiff,
    before: Snapshot,
    after: Snapshot,
    plan_lines: list[str],
    warnings: list[str],
    paths: list[str],
    invalid: list[str],
    recorded: list[str] | None = None,
    author: str | None,
    refused: list[str],
    editors: Editors | None,
    commit_accounts: list[str] | None = None,
) -> str:
    """`commit_accounts`: the accounts of the commits, when each commit is judged by its own."""
    out = ["## Xem xét thay đổi dữ liệu\n"]
    out.append(
        f"So sánh `{start.hexsha[:7]}` (trước thay đổi) với `{head.hexsha[:7]}` (sau thay đổi); "
        f"tình trạng nộp tính đến ngày {format_date(as_of)}.\n"
    )
    if invalid:
        out.append(
            _quote_block(
                "CAUTION",
                "Dữ liệu không hợp lệ: sửa các lỗi dưới đây (tệp:dòng:cột) rồi lưu lại.",
                invalid,
            )
        )
    if refused and author is not None:
        scope = scope_of(author, editors or Editors(()))
        account = escape(f"@{author.strip().lstrip('@')}")
        out.append(
            _quote_block(
                "CAUTION",
                f"Thay đổi này vượt quá quyền của người gửi: tài khoản {account} {escape(scope)}.",
                refused,
            )
        )
    elif refused:
        out.append(
            _quote_block(
                "CAUTION",
                "Thay đổi này có commit vượt quá quyền của tài khoản đã tạo nó.",
                refused,
            )
        )
    if warnings:
        out.append(
            _quote_block("WARNING", "⚠️ Điều bất thường: người duyệt hãy kiểm tra kỹ.", warnings)
        )
    for label, snapshot in (("trước", before), ("sau", after)):
        if not snapshot.readable:
            problems = "; ".join(snapshot.problems)
            out.append(
                f"Không đọc được {SCHOOLS_FILE} {label} thay đổi ({escape(problems)}): "
                "so sánh từng trường có thể chưa đầy đủ.\n"
            )

    counts = {
        Kind.ADDED: sum(d.kind is Kind.ADDED for d in diff.schools),
        Kind.REMOVED: sum(d.kind is Kind.REMOVED for d in diff.schools),
        Kind.CHANGED: sum(d.kind is Kind.CHANGED for d in diff.schools),
    }
    if diff.schools:
        out.append(
            f"### Các trường thay đổi: {len(diff.schools)}\n\n"
            f"Thêm {counts[Kind.ADDED]}, xóa {counts[Kind.REMOVED]}, "
            f"sửa {counts[Kind.CHANGED]}.\n"
        )
        for school in diff.schools:
            out.append(f"#### {escape(school.name)} (mã `{school.school_id}`)\n")
            items = [f"- {escape(line)}" for line in school.lines]
            for change in school.status_changes:
                old, new = change.before_status, change.after_status
                if (
                    old is None
                    or new is None
                    or (old.state, old.days_late)
                    == (
                        new.state,
                        new.days_late,
                    )
                ):
                    continue
                items.append(
                    f"- {escape(change.title)}, tình trạng tính đến {format_date(as_of)}: "
                    f"{old.state.icon} {escape(old.text)} → {new.state.icon} {escape(new.text)}"
                )
            out.append("\n".join(items) + "\n")
    else:
        out.append(f"Không trường nào thay đổi trong `{SCHOOLS_FILE}` và `data/submissions/`.\n")
    if before.meta != after.meta:
        keys = sorted(
            k for k in {*before.meta, *after.meta} if before.meta.get(k) != after.meta.get(k)
        )
        out.append(
            f"Phần chung của `{SCHOOLS_FILE}` thay đổi: "
            + ", ".join(f"`{k}`" for k in keys)
            + ".\n"
        )
    if plan_lines:
        out.append(
            "### Kế hoạch và hạn nộp\n\n" + "\n".join(f"- {escape(x)}" for x in plan_lines) + "\n"
        )
    if recorded:
        out.append(
            "### Ghi nhận nộp (tệp trong data/submissions/)\n\n"
            + "\n".join(f"- {escape(x)}" for x in recorded)
            + "\n"
        )
    others = [p for p in paths if p not in (SCHOOLS_FILE, PLAN_FILE) and not is_submission_path(p)]
    if others:
        out.append("### Các tệp khác thay đổi\n\n" + "\n".join(f"- `{p}`" for p in others) + "\n")

    out.append("### Kết quả kiểm tra\n")
    result = ["- ✅ Dữ liệu hợp lệ." if not invalid else "- ❌ Dữ liệu không hợp lệ (xem trên)."]
    if author is not None:
        account = f"@{author.strip().lstrip('@')}"
        editor = editors.find(author) if editors else None
        if refused:
            result.append(f"- ❌ Người gửi {escape(account)} không được thực hiện thay đổi này.")
        elif editor is not None and editor.is_maintainer:
            result.append(f"- ✅ Người gửi {escape(account)} là người bảo trì: được sửa mọi thứ.")
        elif editor is not None and editor.is_office:
            result.append(
                f"- ✅ Người gửi {escape(account)} là người quản lý dữ liệu: được sửa mọi dữ liệu."
            )
        else:
            result.append(f"- ✅ Người gửi {escape(account)} chỉ sửa những gì mình được phép.")
    elif commit_accounts is not None:
        who = ", ".join(commit_accounts) or "không có commit nào"
        mark = "❌ Có commit vượt quá quyền" if refused else "✅ Mọi commit trong quyền"
        result.append(f"- {mark} của tài khoản đã tạo nó ({escape(who)}).")
    out.append("\n".join(result) + "\n")
    return "\n".join(out)
