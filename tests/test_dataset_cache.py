"""The hooks share one load of the data per build, and see an edit at once."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from scripts.tracker.dataset_cache import load_dataset_once
from tests.conftest import ROOT


def test_the_same_files_are_loaded_once_and_an_edit_is_seen(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("plan.yml", "schools.yml"):
        shutil.copy(ROOT / "data" / name, data / name)
    first = load_dataset_once(data)
    assert load_dataset_once(data) is first

    schools = data / "schools.yml"
    text = schools.read_text(encoding="utf-8")
    name = first.schools[0].name
    time.sleep(0.01)  # a later modification time, whatever the file system's resolution
    schools.write_text(text.replace(name, name + " mới", 1), encoding="utf-8")
    again = load_dataset_once(data)
    assert again is not first
    assert again.schools[0].name == name + " mới"
