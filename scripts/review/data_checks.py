"""Whether the data at HEAD may be merged: the validator's verdict, and what it cannot see.

The validator (scripts/load) reads a data folder; the review exports HEAD's data/ to a
temporary folder and asks it. Two things only a comparison can see are added here: an
editor given a school that does not exist, and a change deleting the list of communes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scripts.common.problems import DataError
from scripts.load.communes import COMMUNES_FILE
from scripts.load.dataset import load_dataset
from scripts.load.editors import EDITORS_FILE, load_editors
from scripts.review.permissions import SCHOOLS_FILE


def validate_data(data_dir: Path, today: dt.date | None = None) -> list[str]:
    """Problems of the data folder ("data/schools.yml:12:5: …"), by the validator."""

    problems: list[str] = []
    try:
        dataset = load_dataset(data_dir, today=today)
    except DataError as error:
        return [str(p) for p in error.problems]
    editors_file = data_dir / Path(EDITORS_FILE).name
    if editors_file.exists():
        try:
            editors = load_editors(editors_file)
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


def removed_communes(base_data: Path, head_data: Path) -> list[str]:
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
