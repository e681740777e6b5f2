"""Write the model back as YAML, in the form the data files use.

`dump_schools(dataset)` gives a complete `data/schools.yml`, header included, and
`dump_submissions(dataset)` the files of `data/submissions/`; loading them gives back the same
dataset. A formatter, or a tool that records a submission, writes
with it, so that files keep one layout and the instructions at the top.
"""

from __future__ import annotations

import json
import re

from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from scripts.common.vietnamese import format_date
from scripts.model import Dataset, Plan, School, Submission

SCHOOLS_SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/schools.schema.json"
PLAN_SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/plan.schema.json"

_RESOLVER = Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_START = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`]")
_FOLD_WIDTH = 100


def scalar(text: str) -> str:
    """A string as a YAML scalar that reads back as exactly this string.

    Plain when that is safe (most Vietnamese text), double-quoted otherwise.
    """
    if _is_plain(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _is_plain(text: str) -> bool:
    return (
        bool(text)
        and _PLAIN_START.match(text) is not None
        and text == text.strip()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and text.isprintable()
        and _RESOLVER.resolve(ScalarNode, text, (True, False)) == _STR_TAG
    )


def _text(key: str, text: str, indent: int) -> list[str]:
    """`key: value`, folded over several lines (`>-`) when the text is long."""
    pad = " " * indent
    line = f"{pad}{key}: {scalar(text)}"
    if len(line) <= _FOLD_WIDTH or not _foldable(text):
        return [line]
    lines, current = [f"{pad}{key}: >-"], ""
    for word in text.split(" "):
        if current and len(pad) + 2 + len(current) + 1 + len(word) > _FOLD_WIDTH:
            lines.append(f"{pad}  {current}")
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(f"{pad}  {current}")
    return lines


def _foldable(text: str) -> bool:
    """Folding joins lines with one space: safe only for single-spaced, printable text."""
    return text.isprintable() and "  " not in text and text == text.strip() and " " in text


def _submission_lines(submission: Submission, key: str, indent: int = 6) -> list[str]:
    pad = " " * (indent + 2)
    lines = [f"{' ' * indent}{key}:"]
    lines.append(f"{pad}received: {format_date(submission.received)}")
    if submission.number:
        lines.append(f"{pad}number: {scalar(submission.number)}")
    if submission.document_date:
        lines.append(f"{pad}document_date: {format_date(submission.document_date)}")
    if submission.model:
        lines.append(f"{pad}model:")
        lines += _text("name", submission.model.name, indent + 4)
        lines.append(f"{pad}  kind: {submission.model.kind.value}")
    if submission.note:
        lines += _text("note", submission.note, indent + 2)
    if submission.link:
        lines.append(f"{pad}link: {scalar(submission.link)}")
    return lines


SUBMISSION_SCHEMA_LINE = "# yaml-language-server: $schema=../../../schemas/submissions.schema.json"


def submission_file(school: School, submission: Submission, title: str) -> str:
    """One school's submission file (data/submissions/<deadline>/<school>.yml)."""
    lines = [SUBMISSION_SCHEMA_LINE, f"# {school.name} — {title}"]
    lines += _submission_lines(submission, school.id, 0)
    return "\n".join(lines) + "\n"


def dump_submissions(dataset: Dataset) -> dict[str, str]:
    """Every submission as its own file: "submissions/<deadline>/<school>.yml" → text."""
    titles = {d.id: d.title for d in dataset.plan.deadlines}
    return {
        f"submissions/{s.deadline_id}/{school.id}.yml": submission_file(
            school, s, titles.get(s.deadline_id, s.deadline_id)
        )
        for school in dataset.schools
        for s in school.submissions
    }


def school_lines(school: School, *, inline: bool = True) -> list[str]:
    """One school as it appears under `schools:`."""
    lines = [f"  - id: {school.id}"]
    lines += _text("name", school.name, 4)
    lines.append(f"    level: {school.level}")
    lines.append(f"    commune: {scalar(school.commune)}")
    if school.contact:
        lines.append("    contact:")
        lines += _text("name", school.contact.name, 6)
        lines += _text("role", school.contact.role, 6)
    if school.submissions and inline:
        lines.append("    submissions:")
        for submission in school.submissions:
            lines += _submission_lines(submission, submission.deadline_id)
    return lines


def schools_header(plan: Plan) -> str:
    """The instructions at the top of data/schools.yml, in Vietnamese, for non-programmers."""
    deadlines = "\n".join(
        f"#   {d.id:<17} {d.title} (hạn {format_date(d.due)}, mục {d.section})"
        for d in plan.deadlines
    )
    model_ids = ", ".join(d.id for d in plan.deadlines if d.requires_model) or "(không có)"
    return f"""{SCHOOLS_SCHEMA_LINE}
#
# DANH SÁCH CÁC TRƯỜNG (mã, tên, cấp học, xã, thị trấn, người phụ trách)
#
# Mỗi trường một mục, bắt đầu bằng “- id: …”. Tệp này chỉ ghi các trường; những gì trường
# đã gửi cho từng hạn nộp nằm trong thư mục data/submissions/, mỗi lần nộp một tệp nhỏ:
#
#   data/submissions/<mã hạn nộp>/<mã trường>.yml
#   ví dụ data/submissions/bao-cao-6-thang/th-binh-thanh.yml:
#     th-binh-thanh:
#       received: 28/5/2022        # ngày Phòng nhận được (bắt buộc)
#       number: 25/BC-THBT         # số, ký hiệu văn bản (nếu có)
#       document_date: 27/5/2022   # ngày ký văn bản (nếu có)
#
# Không cần gõ tệp đó bằng tay: trên trang của mỗi trường, mục “Ghi nhận nộp (dành cho
# cán bộ)” tạo sẵn tệp và mở GitHub để gửi đề nghị hợp nhất (pull request); trang “Ghi
# nhận nhiều trường” của mỗi hạn nộp tạo một tệp cho nhiều trường cùng lúc (tên tệp bắt
# đầu bằng nhieu-truong-). Trang web tự tính đúng hạn, trễ hạn hay chưa nộp từ các ngày
# này: không ghi tình trạng bằng tay. Hướng dẫn: trang “Cập nhật dữ liệu” của trang web.
#
# MÃ CÁC HẠN NỘP (trong data/plan.yml, cũng là tên các thư mục trong data/submissions/):
{deadlines}
# Với {model_ids}, tệp ghi thêm mô hình đăng ký, thẳng cột với “received:”:
#       model:
#         name: Tên mô hình
#         kind: xây dựng mới         # hoặc: nhân rộng
#
# THÊM MỘT TRƯỜNG. Thêm một mục ở cuối danh sách dưới “schools:”, thẳng cột với các mục
# khác, ví dụ:
#   - id: th-binh-thanh
#     name: Trường Tiểu học Bình Thạnh
#     level: TH
#     commune: Bình Thạnh
# Bấm “Commit changes…”, chọn tạo nhánh mới và gửi đề nghị hợp nhất (pull request). Hệ
# thống tự kiểm tra; nếu có lỗi, lời nhắn chỉ đúng dòng và cách sửa.
#
# QUY ƯỚC
# - Ngày: NGÀY/THÁNG/NĂM (15/5/2022 hoặc 15/05/2022) hoặc NĂM-THÁNG-NGÀY (2022-05-15).
# - Cấp học (level): MN, MG, TH, TH&THCS hoặc THCS.
# - Xã, thị trấn (commune): một tên trong data/communes.yml (danh sách năm 2022), có dấu,
#   không ghi chữ “xã”, ví dụ Bình Thạnh, Châu Ổ.
# - Thụt lề bằng dấu cách, không dùng phím Tab. Giá trị có dấu hai chấm và dấu cách (“: ”)
#   thì đặt trong ngoặc kép: name: "Trường Tiểu học: cơ sở 2".
# - Người phụ trách (contact, nếu có): chỉ name (họ tên) và role (chức vụ); không ghi số
#   điện thoại hay e-mail. Liên kết (link, nếu có) phải bắt đầu bằng https://.
# - Không dùng thẻ HTML hay liên kết dạng [chữ](địa chỉ) trong chữ.
# - Mã trường (id): chữ thường không dấu và dấu gạch ngang; đã đặt thì không đổi (địa chỉ
#   trang của trường dùng mã này). Bỏ một trường: xóa mục của trường và chuyển mã vào
#   danh sách retired, để mã không bị dùng lại cho trường khác.
# - sample: true nghĩa là dữ liệu minh họa (các trang ghi “Dữ liệu minh họa”), cả các
#   trường ở đây lẫn các lần nộp trong data/submissions/; khi ghi số liệu thật, đổi
#   thành false.
"""


def dump_schools(dataset: Dataset, *, inline: bool = False) -> str:
    """The whole schools file for `dataset`: header, flags, retired ids and schools.

    The submissions go to their own files (dump_submissions); `inline` writes them under
    each school instead, the shape older versions of the file had (still read)."""
    lines = [schools_header(dataset.plan).rstrip("\n")]
    lines.append(f"sample: {'true' if dataset.sample else 'false'}")
    if dataset.retired_ids:
        lines.append("retired:")
        lines += [f"  - {retired}" for retired in dataset.retired_ids]
    else:
        lines.append("retired: []")
    if dataset.schools:
        lines.append("schools:")
        for school in dataset.schools:
            lines += school_lines(school, inline=inline)
    else:
        lines.append("schools: []")
    return "\n".join(lines) + "\n"


def dump_plan(plan: Plan) -> str:
    """The whole plan file for `plan`, with its short header."""
    lines = [
        PLAN_SCHEMA_LINE,
        "# Kế hoạch mà trang web theo dõi, và các hạn nộp do kế hoạch đặt ra.",
        "# Năm sau có kế hoạch mới: sửa tệp này (thêm hạn nộp, đổi ngày), không cần sửa mã nguồn.",
        "# Ngày viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2022-05-15 (hoặc 15/5/2022, 15/05/2022).",
        f"id: {plan.id}",
        *_text("title", plan.title, 0),
        *_text("issuer", plan.issuer, 0),
        *_text("place", plan.place, 0),
        f"date: {plan.date.isoformat()}",
        "deadlines:",
    ]
    for deadline in plan.deadlines:
        lines.append(f"  - id: {deadline.id}")
        lines += _text("title", deadline.title, 4)
        lines.append(f"    due: {deadline.due.isoformat()}")
        lines.append(f"    section: {deadline.section}")
        if deadline.requires_model:
            lines.append("    requires_model: true")
        if deadline.description:
            lines += _text("description", deadline.description, 4)
    return "\n".join(lines) + "\n"
