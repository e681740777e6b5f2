"""The review of a change: what a pull request does to the data, in Vietnamese Markdown.

`python -m scripts.cli diff BASE [HEAD]` compares the data at the merge base of BASE and
HEAD with the data at HEAD (what GitHub's "Files changed" shows), school by school; warns
about what is unusual; checks the data at HEAD with the validator; and, with `--author`,
checks the change against data/editors.yml as it is at BASE (a change cannot widen its own
author's rights). Reads the repository with GitPython.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from scripts.common.clock import today_in_vietnam
from scripts.common.markdown import escape
from scripts.common.vietnamese import format_date
from scripts.history.changes import MANY_SCHOOLS, Kind, VersionDiff, compare_versions
from scripts.history.snapshot import Snapshot, parse_date, parse_whole
from scripts.load.dataset import COMMUNES_FILE
from scripts.model import Plan
from scripts.review.permissions import (
    EDITORS_FILE,
    SCHOOLS_FILE,
    Editors,
    SchoolTouched,
    refusals,
    scope_of,
)

PLAN_FILE = "data/plan.yml"


@dataclass
class Review:
    """The outcome: Markdown for people, and whether the check passes."""

    markdown: str
    ok: bool
    invalid: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    diff: VersionDiff | None = None


def _blob(commit: Any, path: str) -> bytes | None:
    try:
        return commit.tree[path].data_stream.read()
    except KeyError:
        return None


def _deadlines(data: bytes | None) -> dict[str, tuple[str, str]]:
    """{deadline id: (title, due as ISO)} read leniently from a plan file's text."""
    try:
        raw = yaml.safe_load(data or b"") or {}
    except yaml.YAMLError:
        return {}
    result = {}
    for item in raw.get("deadlines") or [] if isinstance(raw, dict) else []:
        if isinstance(item, dict) and "id" in item:
            due = item.get("due")
            day = due if isinstance(due, dt.date) else parse_date(str(due or ""))
            result[str(item["id"])] = (str(item.get("title", item["id"])), str(day or due))
    return result


def _plan_lines(before: bytes | None, after: bytes | None) -> tuple[list[str], list[str]]:
    """Deadlines added, removed or moved in data/plan.yml: (lines, warnings)."""
    old, new = _deadlines(before), _deadlines(after)
    lines: list[str] = []
    warnings: list[str] = []

    def shown(due: str) -> str:
        day = parse_date(due)
        return format_date(day) if day else due

    for deadline_id in dict.fromkeys([*new, *old]):
        if deadline_id not in old:
            title, due = new[deadline_id]
            lines.append(f"Thêm hạn nộp “{title}” (mã {deadline_id}), hạn {shown(due)}")
        elif deadline_id not in new:
            title, due = old[deadline_id]
            lines.append(f"Bỏ hạn nộp “{title}” (mã {deadline_id})")
            warnings.append(f"Bỏ hạn nộp “{title}” khỏi kế hoạch: mọi ghi nhận theo hạn này mất.")
        else:
            (old_title, old_due), (new_title, new_due) = old[deadline_id], new[deadline_id]
            if old_due != new_due:
                text = f"Đổi ngày hạn “{new_title}”: {shown(old_due)} → {shown(new_due)}"
                lines.append(text)
                warnings.append(text + ": tình trạng đúng hạn, trễ hạn của mọi trường thay đổi.")
            if old_title != new_title:
                lines.append(f"Đổi tên hạn nộp: “{old_title}” → “{new_title}”")
    return lines, warnings


def _changed_paths(base: Any, head: Any) -> list[str]:
    paths: set[str] = set()
    for item in base.diff(head):
        paths.update(p for p in (item.a_path, item.b_path) if p)
    return sorted(paths)


def _export_data(commit: Any, dest: Path) -> Path:
    """Write the commit's data/ folder to dest, for the validator (which reads files)."""
    data_dir = dest / "data"
    data_dir.mkdir(parents=True)
    try:
        tree = commit.tree["data"]
    except KeyError:
        return data_dir
    for blob in tree.traverse():
        if blob.type == "blob":
            target = dest / blob.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(blob.data_stream.read())
    return data_dir


def _removed_communes(base_data: Path, head_data: Path) -> list[str]:
    """A change that deletes the list of communes is refused.

    The data of a commit without the list (one older than the file) is checked against the
    current list; a change must not reach that state by deleting the file.
    """
    if (base_data / COMMUNES_FILE).is_file() and not (head_data / COMMUNES_FILE).is_file():
        return [
            f"data/{COMMUNES_FILE}: thay đổi này xóa danh sách xã, thị trấn; mỗi trường phải "
            "ghi một xã, thị trấn có trong danh sách. Giữ lại tệp (sửa nội dung nếu cần)."
        ]
    return []


def _quote_block(kind: str, title: str, items: list[str]) -> str:
    """A GitHub alert ("> [!WARNING]") with a bold title and a list."""
    body = "\n".join(f"> - {escape(item)}" for item in items)
    return f"> [!{kind}]\n> **{title}**\n>\n{body}\n"


def review(
    repo_path: Path,
    base: str,
    head: str = "HEAD",
    *,
    author: str | None = None,
    as_of: dt.date | None = None,
    many: int = MANY_SCHOOLS,
    validate: Callable[[Path], list[str]] | None = None,
    load_plan: Callable[[Path], Plan] | None = None,
    load_editors: Callable[[Path], Editors] | None = None,
) -> Review:
    """Compare the data of `head` with that of its merge base with `base`.

    `validate(data_dir)` returns the problems of the data at HEAD (empty when valid);
    `load_plan` and `load_editors` read those files from an exported data folder.
    """
    import git

    repo = git.Repo(repo_path, search_parent_directories=True)
    try:
        base_commit, head_commit = repo.commit(base), repo.commit(head)
        bases = repo.merge_base(base_commit, head_commit)
        start = bases[0] if bases else base_commit
        as_of = as_of or today_in_vietnam()
        with tempfile.TemporaryDirectory() as tmp:
            head_data = _export_data(head_commit, Path(tmp) / "head")
            base_data = _export_data(base_commit, Path(tmp) / "base")
            plan = None
            if load_plan is not None:
                try:
                    plan = load_plan(head_data / "plan.yml")
                except Exception:  # the validator below says what is wrong with it
                    plan = None
            invalid = validate(head_data) if validate is not None else []
            invalid += _removed_communes(base_data, head_data)
            editors = None
            if author is not None and load_editors is not None:
                # The list as it was before the change: a change cannot widen its own rights.
                # Only when there was no list yet (the change that adds it) is the new one used.
                listed = base_data / Path(EDITORS_FILE).name
                if not listed.exists():
                    listed = head_data / Path(EDITORS_FILE).name
                editors = load_editors(listed) if listed.exists() else Editors(())
        before_text, after_text = _blob(start, SCHOOLS_FILE), _blob(head_commit, SCHOOLS_FILE)
        before = parse_whole(before_text) if before_text is not None else Snapshot()
        after = parse_whole(after_text) if after_text is not None else Snapshot()
        diff = compare_versions(before.schools, after.schools, plan, as_of, many)
        plan_lines, plan_warnings = _plan_lines(
            _blob(start, PLAN_FILE), _blob(head_commit, PLAN_FILE)
        )
        paths = _changed_paths(start, head_commit)
        refused: list[str] = []
        if author is not None:
            touched = [SchoolTouched(d.school_id, d.name) for d in diff.schools]
            shared = before.meta != after.meta
            refused = refusals(author, editors or Editors(()), paths, touched, shared)
        markdown = _markdown(
            start=start,
            head=head_commit,
            as_of=as_of,
            diff=diff,
            before=before,
            after=after,
            plan_lines=plan_lines,
            warnings=[*plan_warnings, *diff.warnings],
            paths=paths,
            invalid=invalid,
            author=author,
            refused=refused,
            editors=editors,
        )
        return Review(markdown, not invalid and not refused, invalid, refused, diff)
    finally:
        repo.close()


def _markdown(
    *,
    start: Any,
    head: Any,
    as_of: dt.date,
    diff: VersionDiff,
    before: Snapshot,
    after: Snapshot,
    plan_lines: list[str],
    warnings: list[str],
    paths: list[str],
    invalid: list[str],
    author: str | None,
    refused: list[str],
    editors: Editors | None,
) -> str:
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
        out.append(f"Không trường nào thay đổi trong `{SCHOOLS_FILE}`.\n")
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
    others = [p for p in paths if p not in (SCHOOLS_FILE, PLAN_FILE)]
    if others:
        out.append("### Các tệp khác thay đổi\n\n" + "\n".join(f"- `{p}`" for p in others) + "\n")

    out.append("### Kết quả kiểm tra\n")
    result = ["- ✅ Dữ liệu hợp lệ." if not invalid else "- ❌ Dữ liệu không hợp lệ (xem trên)."]
    if author is not None:
        account = f"@{author.strip().lstrip('@')}"
        editor = editors.find(author) if editors else None
        if refused:
            result.append(f"- ❌ Người gửi {escape(account)} không được thực hiện thay đổi này.")
        elif editor is not None and editor.is_office:
            result.append(
                f"- ✅ Người gửi {escape(account)} là người quản lý dữ liệu: được sửa mọi dữ liệu."
            )
        else:
            result.append(f"- ✅ Người gửi {escape(account)} chỉ sửa những gì mình được phép.")
    out.append("\n".join(result) + "\n")
    return "\n".join(out)


# --- Command line: `python -m scripts.cli diff` (registered in cli.py) -------------


def validate_data(data_dir: Path, today: dt.date | None = None) -> list[str]:
    """Problems of the data folder ("data/schools.yml:12:5: …"), by the validator."""
    from scripts.common.problems import DataError
    from scripts.load.dataset import load_dataset

    problems: list[str] = []
    try:
        dataset = load_dataset(data_dir, today=today)
    except DataError as error:
        return [str(p) for p in error.problems]
    editors_file = data_dir / Path(EDITORS_FILE).name
    if editors_file.exists():
        try:
            editors = load_editors_file(editors_file)
        except DataError as error:
            return [str(p) for p in error.problems]
        known = {s.id for s in dataset.schools}
        for editor in editors.editors:
            problems += [
                f"{EDITORS_FILE}: tài khoản {editor.login} được ghi trường “{school_id}”, "
                f"nhưng {SCHOOLS_FILE} không có trường mã này."
                for school_id in sorted(editor.schools - known)
            ]
    return problems


def load_editors_file(path: Path) -> Editors:
    """data/editors.yml, checked against schemas/editors.schema.json (DataError if wrong)."""
    from scripts.common.problems import DataError
    from scripts.common.schema import check as schema
    from scripts.common.yamlread import parse, read_source
    from scripts.review.permissions import editors_from_data

    doc = parse(read_source(path, EDITORS_FILE))
    problems = list(doc.problems)
    if doc.usable:
        problems += schema.check(doc, "editors")
    if problems:
        raise DataError(problems)
    return editors_from_data(doc.data)


def _load_plan(path: Path) -> Plan:
    from scripts.load.plan import load_plan

    return load_plan(path)


def _diff_command(args: Any, out: Any, err: Any) -> int:
    import git

    as_of = args.as_of
    if as_of is None and os.environ.get("TRACKER_AS_OF"):
        as_of = dt.date.fromisoformat(os.environ["TRACKER_AS_OF"])
    try:
        result = review(
            args.repo,
            args.base,
            args.head,
            author=args.author,
            as_of=as_of,
            many=args.many,
            validate=validate_data,
            load_plan=_load_plan,
            load_editors=load_editors_file,
        )
    except (git.BadName, ValueError) as error:
        print(
            f"Không tìm thấy phiên bản “{args.base}” hoặc “{args.head}” trong git: {error}",
            file=err,
        )
        return 2
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        print(f"Thư mục {args.repo} không phải một kho git.", file=err)
        return 2
    print(result.markdown, file=out)
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as handle:
            handle.write(result.markdown + "\n")
    if not result.ok:
        reasons = []
        if result.invalid:
            reasons.append(f"{len(result.invalid)} lỗi dữ liệu")
        if result.refused:
            reasons.append(f"{len(result.refused)} thay đổi vượt quá quyền của người gửi")
        print("Không đạt: " + ", ".join(reasons) + " (xem chi tiết ở trên).", file=err)
        return 1
    return 0


def add_command(commands: Any) -> None:
    """Register `diff` on the CLI's subcommands (argparse)."""
    command = commands.add_parser(
        "diff",
        help="xem một thay đổi làm gì với dữ liệu, và người gửi có được phép không",
        description=(
            "So sánh dữ liệu ở điểm chung của BASE và HEAD với dữ liệu ở HEAD, từng trường "
            "một, bằng tiếng Việt (Markdown); cảnh báo điều bất thường; kiểm tra dữ liệu ở "
            "HEAD. Với --author, kiểm tra người gửi có được sửa những gì đã sửa không "
            f"(theo {EDITORS_FILE} ở BASE). Mã thoát: 0 đạt, 1 dữ liệu sai hoặc vượt quyền, "
            "2 không tìm thấy phiên bản."
        ),
    )
    command.add_argument("base", metavar="BASE", help="phiên bản gốc, ví dụ origin/main")
    command.add_argument(
        "head", metavar="HEAD", nargs="?", default="HEAD", help="phiên bản có thay đổi"
    )
    command.add_argument("--author", metavar="TÀI_KHOẢN", help="tài khoản GitHub của người gửi")
    command.add_argument(
        "--as-of",
        type=dt.date.fromisoformat,
        metavar="NĂM-THÁNG-NGÀY",
        help="tính tình trạng đến ngày này (mặc định: TRACKER_AS_OF hoặc hôm nay)",
    )
    command.add_argument(
        "--many",
        type=int,
        default=MANY_SCHOOLS,
        metavar="SỐ",
        help=f"cảnh báo khi sửa nhiều hơn chừng này trường (mặc định {MANY_SCHOOLS})",
    )
    command.add_argument(
        "--summary",
        metavar="TỆP",
        help="ghi thêm bản xem xét vào tệp này (trên GitHub: $GITHUB_STEP_SUMMARY)",
    )
    command.add_argument(
        "--repo", type=Path, default=Path("."), metavar="THƯ_MỤC", help="thư mục của kho git"
    )
    command.set_defaults(handler=_diff_command)
