"""The submission files (data/submissions/<deadline-id>/<school-id>.yml) as Submissions.

Each file is a mapping from school id to what that school sent for the deadline named by
its folder. The form on a school page writes one file per school (`<school-id>.yml`); the
page for many schools writes one file with a dated name (`nhieu-truong-<date>-<tag>.yml`),
so that two pull requests never edit the same file unless they record the same school for
the same deadline. Reading here only lists the files and builds the model; the rules are
in scripts/validate/submissions.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from scripts.common.source import Source, read_source
from scripts.load.schools import build_submission
from scripts.model import Submission

SUBMISSIONS_DIR = "submissions"
"""The folder of submission files, inside the data folder."""

MANY_SCHOOLS_PREFIX = "nhieu-truong-"
"""The start of the name of a file holding several schools (`nhieu-truong-2026-12-02-ab12.yml`)."""

IGNORED_NAMES = frozenset({"README.md", ".gitkeep"})


def submission_paths(data_dir: Path) -> list[Path]:
    """Every file under data_dir/submissions/, sorted (none when the folder is absent).

    Files that are not submission files are listed too, so that the validator can say so
    rather than drop them silently; only README.md and .gitkeep are left out.
    """
    folder = data_dir / SUBMISSIONS_DIR
    if not folder.is_dir():
        return []
    return sorted(
        path for path in folder.rglob("*") if path.is_file() and path.name not in IGNORED_NAMES
    )


def read_submissions(data_dir: Path, shown: Callable[[Path], str] | None = None) -> list[Source]:
    """The submission files of a data folder, named as messages show them: `shown(path)`,
    by default relative to the folder above ("data/submissions/bao-cao-nam/th-a.yml")."""
    return [
        read_source(
            path,
            shown(path) if shown else f"{data_dir.name}/{path.relative_to(data_dir).as_posix()}",
        )
        for path in submission_paths(data_dir)
    ]


def is_submission_file(path: Path) -> bool:
    """A path of the form …/submissions/<deadline-id>/<file>."""
    return path.parent.parent.name == SUBMISSIONS_DIR


def file_place(name: str) -> tuple[str, str] | None:
    """(deadline id, file stem) of a submission file's name, None if it is misplaced.

    `name` is the file's path as shown ("data/submissions/bao-cao-nam/th-binh-thanh.yml").
    """
    path = PurePosixPath(name)
    parts = path.parts
    if len(parts) < 3 or parts[-3] != SUBMISSIONS_DIR or path.suffix != ".yml":
        return None
    return parts[-2], path.stem


def build_file_submissions(name: str, data: dict[str, Any]) -> Iterable[tuple[str, Submission]]:
    """(school id, submission) for each entry of one valid submission file."""
    place = file_place(name)
    assert place is not None  # the validator refused misplaced files
    for school_id, item in data.items():
        yield school_id, build_submission(place[0], item, file=name)
