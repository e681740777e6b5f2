"""Temporary git repositories with scripted histories, for the history and review tests."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SCHOOLS = "data/schools.yml"


def git(
    repo: Path, *args: str, env: dict[str, str] | None = None, input: bytes | None = None
) -> str:
    result = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        input=input,
        env={**os.environ, **(env or {})},
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed:\n{result.stderr.decode()}")
    return result.stdout.decode()


def init(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Người chạy kiểm thử")
    git(repo, "config", "user.email", "kiem-thu@example.invalid")
    git(repo, "config", "commit.gpgsign", "false")
    return repo


def commit(
    repo: Path,
    files: dict[str, str | None],
    message: str,
    author: str = "Cán bộ Phòng",
    when: dt.datetime | None = None,
) -> str:
    """Write (or delete, for None) files and commit them; returns the commit id."""
    for name, text in files.items():
        path = repo / name
        if text is None:
            git(repo, "rm", "-q", name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        git(repo, "add", name)
    stamp = (when or dt.datetime(2022, 5, 1, 9, 0, tzinfo=dt.UTC)).isoformat()
    env = {
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "tac-gia@example.invalid",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
    }
    git(repo, "commit", "-q", "--allow-empty", "-m", message, env=env)
    return git(repo, "rev-parse", "HEAD").strip()


@dataclass
class Sub:
    """A submission, written in the shape of data/schools.yml."""

    deadline: str
    received: str
    number: str = ""
    model: str = ""
    kind: str = ""


def school_yaml(
    school_id: str,
    name: str,
    level: str = "TH",
    commune: str = "Bình Sơn",
    subs: Iterable[Sub] = (),
) -> str:
    lines = [
        f"  - id: {school_id}",
        f"    name: {name}",
        f"    level: {level}",
        f"    commune: {commune}",
    ]
    subs = list(subs)
    if subs:
        lines.append("    submissions:")
        for sub in subs:
            lines.append(f"      {sub.deadline}:")
            lines.append(f"        received: {sub.received}")
            if sub.number:
                lines.append(f"        number: {sub.number}")
            if sub.model:
                lines.append("        model:")
                lines.append(f"          name: {sub.model}")
                lines.append(f"          kind: {sub.kind or 'xây dựng mới'}")
    return "\n".join(lines) + "\n"


def submission_path(sub: Sub, school_id: str) -> str:
    """Where the form writes one school's submission: data/submissions/<deadline>/<id>.yml."""
    return f"data/submissions/{sub.deadline}/{school_id}.yml"


def submission_yaml(subs: Iterable[tuple[str, Sub]]) -> str:
    """A submission file: (school id, submission) entries, for one deadline."""
    lines = []
    for school_id, sub in subs:
        lines += [f"{school_id}:", f"  received: {sub.received}"]
        if sub.number:
            lines.append(f"  number: {sub.number}")
        if sub.model:
            lines += [
                "  model:",
                f"    name: {sub.model}",
                f"    kind: {sub.kind or 'xây dựng mới'}",
            ]
    return "\n".join(lines) + "\n"


def schools_file(blocks: Iterable[str], sample: bool = True, retired: Iterable[str] = ()) -> str:
    head = "# Các trường và những gì mỗi trường đã nộp.\n"
    head += f"sample: {'true' if sample else 'false'}\n"
    retired = list(retired)
    head += "retired:\n" + "".join(f"  - {r}\n" for r in retired) if retired else "retired: []\n"
    return head + "schools:\n" + "".join(blocks)


# --- A large history, written fast with git fast-import --------------------------------


def _synthetic_school(i: int, version: int) -> str:
    """School number i after `version` edits: each edit records or corrects something."""
    subs = []
    if version >= 1:
        subs.append(
            Sub(
                "dang-ky-mo-hinh",
                f"{1 + (i + version) % 14}/5/2022",
                f"{i}/KH-TH{version}",
                f"Mô hình dân vận khéo số {i}",
                "nhân rộng" if i % 3 else "xây dựng mới",
            )
        )
    if version >= 2:
        subs.append(Sub("bao-cao-6-thang", f"{10 + (i + version) % 20}/5/2022", f"{i}/BC"))
    if version >= 3:
        subs.append(Sub("bao-cao-nam", f"{1 + (i * version) % 29}/10/2022", f"{i}/BC-N"))
    block = school_yaml(
        f"truong-{i:04d}",
        f"Trường Tiểu học số {i} xã Bình {'Thạnh' if i % 2 else 'Dương'}",
        ("MN", "MG", "TH", "TH&THCS", "THCS")[i % 5],
        f"Bình {'Thạnh' if i % 2 else 'Dương'}",
        subs,
    )
    if version >= 4:
        block += f"    note: Sửa lần {version}\n"
    return block


def _fast_import_stream(schools: int, commits: int) -> Iterator[bytes]:
    versions = [0] * schools
    blocks = [_synthetic_school(i, 0) for i in range(schools)]
    when = 1_650_000_000
    for n in range(commits):
        if n > 0:
            changed = (n * 7919) % schools
            versions[changed] += 1
            blocks[changed] = _synthetic_school(changed, versions[changed])
        text = schools_file(blocks).encode()
        message = f"Cập nhật lần {n}".encode()
        author = f"Cán bộ số {n % 5}".encode()
        yield (
            b"commit refs/heads/main\n"
            + b"author "
            + author
            + b" <cb@example.invalid> "
            + str(when + n * 3600).encode()
            + b" +0700\ncommitter "
            + author
            + b" <cb@example.invalid> "
            + str(when + n * 3600).encode()
            + b" +0700\n"
            + b"data "
            + str(len(message)).encode()
            + b"\n"
            + message
            + b"\n"
            + b"M 100644 inline "
            + SCHOOLS.encode()
            + b"\n"
            + b"data "
            + str(len(text)).encode()
            + b"\n"
            + text
            + b"\n"
        )


def synthetic_history(repo: Path, schools: int, commits: int) -> Path:
    """A repository whose data/schools.yml has `schools` schools and `commits` commits.

    Each commit after the first changes one school, as a day of recording does.
    """
    init(repo)
    process = subprocess.Popen(
        ["git", "-C", str(repo), "fast-import", "--quiet", "--done"],
        stdin=subprocess.PIPE,
    )
    assert process.stdin is not None
    for chunk in _fast_import_stream(schools, commits):
        process.stdin.write(chunk)
    process.stdin.write(b"done\n")
    process.stdin.close()
    assert process.wait() == 0
    git(repo, "reset", "-q", "--hard", "main")
    return repo
