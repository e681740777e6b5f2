"""Read the plan file, or the list of communes, alone into the model (scripts.model).

The same strict reader and checks as `dataset.load_dataset`; use that one when the schools
are needed too.
"""

from __future__ import annotations

from pathlib import Path

from scripts.common.problems import DataError
from scripts.common.schema.check import SCHEMA_DIR
from scripts.common.yamlread import read_source
from scripts.load.dataset import build_plan, read_communes, validate_communes, validate_plan
from scripts.model import CommuneList, Plan
from scripts.validate.communes import build_communes


def load_plan(path: Path, name: str | None = None, schema_dir: Path = SCHEMA_DIR) -> Plan:
    """The plan in `path`, checked; raises DataError with every problem found."""
    doc, problems = validate_plan(read_source(path, name), schema_dir)
    if problems:
        raise DataError(problems)
    return build_plan(doc.data)


def load_communes(path: Path, schema_dir: Path = SCHEMA_DIR) -> CommuneList:
    """The list of communes in `path`, checked; raises DataError with every problem found."""
    doc, problems = validate_communes(read_communes(path), schema_dir)
    if problems:
        raise DataError(problems)
    return build_communes(doc.data)
