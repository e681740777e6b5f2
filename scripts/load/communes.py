"""The list of communes (data/communes.yml) as the model's CommuneList.

A data folder without its own communes file (the data of a commit older than that file, or
a test folder) is checked against the project's current list, CURRENT_COMMUNES.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scripts.common.dates import parse_date, show
from scripts.common.problems import DataError
from scripts.common.project import DATA_DIR, SCHEMA_DIR
from scripts.common.source import Source, read_source
from scripts.model import Commune, CommuneKind, CommuneList
from scripts.validate.communes import validate_communes

COMMUNES_FILE = "communes.yml"

CURRENT_COMMUNES = DATA_DIR / COMMUNES_FILE
"""The project's own list of communes: used for a data folder that has none."""


def communes_path(data_dir: Path) -> Path:
    """The communes file of `data_dir`, or the current one if that folder has none."""
    own = data_dir / COMMUNES_FILE
    return own if own.is_file() else CURRENT_COMMUNES


def read_communes(path: Path) -> Source:
    """The communes file, named in messages as in its data folder ("data/communes.yml")."""
    return read_source(path, f"{path.parent.name}/{path.name}")


def build_communes(data: dict[str, Any]) -> CommuneList:
    """Plain values of a valid communes file → CommuneList."""
    source = data["source"]
    ended = data.get("ended_on")
    return CommuneList(
        district=data["district"],
        valid_on=parse_date(data["valid_on"]),
        ended_on=parse_date(ended) if ended else None,
        communes=tuple(
            Commune(item["name"], CommuneKind(item["kind"])) for item in data["communes"]
        ),
        source_title=source["title"],
        source_document=source["document"],
        source_url=source.get("url", ""),
    )


def summary(communes: CommuneList) -> str:
    """ "22 xã, thị trấn (danh sách ngày 12/4/2022)", for the validator's last line."""
    return f"{len(communes.communes)} xã, thị trấn (danh sách ngày {show(communes.valid_on)})"


def load_communes(path: Path, schema_dir: Path = SCHEMA_DIR) -> CommuneList:
    """The list of communes in `path`, checked; raises DataError with every problem found."""
    doc, problems = validate_communes(read_communes(path), schema_dir)
    if problems:
        raise DataError(problems)
    return build_communes(doc.data)
