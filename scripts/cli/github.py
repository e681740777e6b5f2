"""Problems as GitHub shows them: an annotation on the line, and the job summary's table.

Used by `validate --format github` in the pull-request workflow.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from urllib.parse import quote

from scripts.common.markdown import escape
from scripts.common.problems import Problem


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    """A GitHub Actions error annotation: shown on the line in the pull request."""
    return (
        f"::error file={_escape_property(problem.file)},line={problem.line},"
        f"col={problem.column},title={_escape_property('Dữ liệu chưa hợp lệ')}::"
        f"{_escape_data(problem.message)}"
    )


def github_summary(problems: Sequence[Problem], summary: str) -> str:
    """The job summary in Markdown: every problem (annotations are capped per step)."""
    if not problems:
        return f"### ✅ Kiểm tra dữ liệu\n\n{summary}\n"
    server = os.environ.get("GITHUB_SERVER_URL", "")
    repository = os.environ.get("GITHUB_REPOSITORY", "")
    sha = os.environ.get("GITHUB_SHA", "")
    lines = [
        f"### ❌ Kiểm tra dữ liệu: {len(problems)} lỗi",
        "",
        "Sửa từng dòng dưới đây rồi lưu lại (commit); hệ thống sẽ kiểm tra lại.",
        "",
        "| Tệp | Dòng | Cột | Lỗi và cách sửa |",
        "| --- | ---: | ---: | --- |",
    ]
    for p in problems:
        where = f"`{p.file.replace('`', '')}`"
        if server and repository and sha:
            where = f"[{where}]({server}/{repository}/blob/{sha}/{quote(p.file)}#L{p.line})"
        lines.append(f"| {where} | {p.line} | {p.column} | {escape(p.message)} |")
    return "\n".join(lines) + "\n"
