"""`python -m scripts.cli diff BASE [HEAD]`: the review on the command line and in CI.

Prints the review (scripts/review/run.py), appends it to the job summary with --summary,
and exits 0 when the change may be merged, 1 when the data is wrong or the author may not
make it, 2 when a version or the repository cannot be found.

Whose rights: --author LOGIN judges every commit as that account (locally); --pr NUMBER
reads each commit's accounts from GitHub's API (in the workflow: GITHUB_TOKEN,
GITHUB_REPOSITORY, GITHUB_API_URL); --commits-json FILE reads a recorded answer of it.
`bash run.sh review` runs this command from a checkout of BASE, so that a change to the
checker is judged by the checker as it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path
from typing import Any, TextIO

from scripts.history.changes import MANY_SCHOOLS
from scripts.load.editors import EDITORS_FILE
from scripts.review.accounts import Accounts, accounts_from_api, read_commits_json
from scripts.review.run import review
from scripts.status.as_of import AS_OF_ENV


def _diff_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import git

    as_of = args.as_of
    if as_of is None and os.environ.get(AS_OF_ENV):
        as_of = dt.date.fromisoformat(os.environ[AS_OF_ENV])
    accounts: Accounts | None = None
    if args.commits_json is not None:
        accounts = read_commits_json(args.commits_json)
    elif args.pr is not None:
        from scripts.review.github_api import fetch_pr_commits

        token, repository = os.environ.get("GITHUB_TOKEN"), os.environ.get("GITHUB_REPOSITORY")
        if not token or not repository:
            print("--pr cần GITHUB_TOKEN và GITHUB_REPOSITORY (có sẵn trên GitHub).", file=err)
            return 2
        api = os.environ.get("GITHUB_API_URL", "https://api.github.com")
        try:
            accounts = accounts_from_api(fetch_pr_commits(repository, args.pr, token, api))
        except (OSError, ValueError) as error:
            print(f"Không đọc được danh sách commit từ GitHub: {error}", file=err)
            return 2
    try:
        result = review(
            args.repo,
            args.base,
            args.head,
            author=args.author,
            accounts=accounts,
            as_of=as_of,
            many=args.many,
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


def add_command(commands: Any) -> None:  # argparse's subparsers action (a private type)
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
    whose = command.add_mutually_exclusive_group()
    whose.add_argument(
        "--author",
        metavar="TÀI_KHOẢN",
        help="xét mọi commit như của tài khoản GitHub này (khi chạy trên máy)",
    )
    whose.add_argument(
        "--pr",
        type=int,
        metavar="SỐ",
        help="xét từng commit theo tài khoản của nó, đọc từ API của GitHub (trong quy trình)",
    )
    whose.add_argument(
        "--commits-json",
        type=Path,
        metavar="TỆP",
        help="như --pr, nhưng đọc câu trả lời của API đã lưu trong tệp JSON",
    )
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
