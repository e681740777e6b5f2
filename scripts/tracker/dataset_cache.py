"""One load of the data per build, shared by the hooks that read it.

Three hooks need the Dataset (hooks/tracker.py, hooks/status_board.py, hooks/history.py);
loading and validating 5,000 schools takes over a second, so the first load is kept and
handed to the others while the files (plan, communes, schools) are unchanged (same size and
modification time) and the date is the same. `mkdocs serve` rebuilds after an edit: the
files changed, so the data is loaded again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .clock import today_in_vietnam
from .dataset import PLAN_FILE, SCHOOLS_FILE, communes_path, load_dataset
from .model import Dataset

_last: tuple[tuple, Dataset] | None = None


def _key(data_dir: Path, today: dt.date | None) -> tuple:
    stats = []
    for path in (data_dir / PLAN_FILE, data_dir / SCHOOLS_FILE, communes_path(data_dir)):
        stat = path.stat()
        stats.append((str(path), stat.st_mtime_ns, stat.st_size))
    return (str(data_dir.resolve()), tuple(stats), today or today_in_vietnam())


def load_dataset_once(data_dir: Path, *, today: dt.date | None = None) -> Dataset:
    """`load_dataset`, or the Dataset it returned for the same unchanged files and date.

    Raises what load_dataset raises; a failed load is not kept.
    """
    global _last
    key = _key(data_dir, today)
    if _last is not None and _last[0] == key:
        return _last[1]
    dataset = load_dataset(data_dir, today=today)
    _last = (key, dataset)
    return dataset
