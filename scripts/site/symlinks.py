"""No symbolic links: a link in the repository could publish a file from outside it.

MkDocs follows a link in docs/ and copies what it points at into the site, so a link to
the build machine's files (its host name, a key) would be published. The build refuses
any link in the project folder (the hardening plugin, before anything is read), and the
review refuses one added by a change (scripts/review/commits.py, git mode 120000).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

SKIPPED_DIRS = frozenset(
    {".git", "node_modules", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
)
"""Folders never part of the published tree: git's own, tools' caches."""


def find_symlinks(root: Path, skip: Iterable[Path] = ()) -> list[str]:
    """Every symbolic link under `root`, as a path relative to it ("docs/a.md"), sorted.

    Links are never followed. Not searched: SKIPPED_DIRS, virtual environments (a folder
    holding pyvenv.cfg, whose bin/python is a link) and the folders in `skip` (the built
    site).
    """
    root = Path(root)
    skipped = {Path(p).resolve() for p in skip}
    found: list[str] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        if "pyvenv.cfg" in files and here != root:
            dirs[:] = []
            continue
        kept = []
        for name in dirs:
            path = here / name
            if path.is_symlink():
                found.append(path.relative_to(root).as_posix())
            elif name not in SKIPPED_DIRS and path.resolve() not in skipped:
                kept.append(name)
        dirs[:] = kept
        found += [(here / n).relative_to(root).as_posix() for n in files if (here / n).is_symlink()]
    return sorted(found)


def symlink_message(root: Path, links: list[str]) -> str:
    """The build's refusal, in Vietnamese, each link named with where it points."""
    lines = []
    for link in links:
        try:
            target = os.readlink(root / link)
        except OSError:
            target = "?"
        lines.append(f"{link} → {target}")
    return (
        f"Kho có {len(links)} liên kết tượng trưng (symbolic link), trang không được dựng: "
        "một liên kết có thể đưa lên trang một tệp ở ngoài kho. Xóa từng liên kết, đặt chính "
        "tệp vào đúng chỗ:\n" + "\n".join(lines)
    )
