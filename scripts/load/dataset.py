"""Read the data files through the validator into the model: the one entry point for all.

The build (the dvk-status-board plugin), the CLI (`python -m scripts.cli validate`) and
the tests all call `load_dataset` or `load_sources`, so they accept and refuse exactly the
same data, with the same messages.

Three files: the plan (`plan.yml`), the communes a school may be in (`communes.yml`) and the
schools (`schools.yml`). A data folder without its own communes file (the data of a commit
older than that file, or a test folder) is checked against the project's current list,
`CURRENT_COMMUNES`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scripts.common.problems import DataError
from scripts.common.project import SCHEMA_DIR
from scripts.common.source import Source, read_source
from scripts.common.yamlread import gc_paused
from scripts.load.communes import (
    CURRENT_COMMUNES,
    build_communes,
    communes_path,
    read_communes,
)
from scripts.load.plan import PLAN_FILE, build_plan
from scripts.load.schools import SCHOOLS_FILE, build_school
from scripts.model import Dataset
from scripts.validate.communes import commune_facts, validate_communes
from scripts.validate.plan import validate_plan
from scripts.validate.schools import validate_schools


def load_dataset(
    data_dir: Path, *, today: dt.date | None = None, schema_dir: Path = SCHEMA_DIR
) -> Dataset:
    """Read the data files of `data_dir`, check everything, build the model.

    Messages name the files relative to the folder above `data_dir` ("data/schools.yml").
    Without `communes.yml` in `data_dir`, the current list is used (CURRENT_COMMUNES).
    `today` (for "received after today") defaults to today's date in Vietnam.
    The schemas are read from `schema_dir` (the build passes its project's schemas/).
    Raises DataError with every problem found (UnreadableFileError if a file is missing).
    """
    return load_sources(
        read_source(data_dir / PLAN_FILE, f"{data_dir.name}/{PLAN_FILE}"),
        read_source(data_dir / SCHOOLS_FILE, f"{data_dir.name}/{SCHOOLS_FILE}"),
        today=today,
        communes=read_communes(communes_path(data_dir)),
        schema_dir=schema_dir,
    )


def load_sources(
    plan: Source,
    schools: Source,
    *,
    today: dt.date | None = None,
    communes: Source | None = None,
    schema_dir: Path = SCHEMA_DIR,
) -> Dataset:
    """Like load_dataset, from bytes already read (tests and the CLI use it).

    `communes` defaults to the current list (CURRENT_COMMUNES).
    """
    communes = communes if communes is not None else read_communes(CURRENT_COMMUNES)
    # The intermediate nodes and values (10^5–10^6 objects for a large file) hold no
    # reference cycles: the garbage collector would only walk them again and again. They
    # are all freed when _load returns, before it runs again.
    with gc_paused():
        return _load(plan, schools, communes, today, schema_dir)


def _load(
    plan: Source, schools: Source, communes: Source, today: dt.date | None, schema_dir: Path
) -> Dataset:
    plan_doc, problems = validate_plan(plan, schema_dir)
    communes_doc, more = validate_communes(communes, schema_dir)
    problems += more
    schools_doc, more = validate_schools(
        schools,
        plan_doc,
        today=today,
        communes=commune_facts(communes_doc),
        schema_dir=schema_dir,
    )
    problems += more
    if problems:
        del plan_doc, schools_doc, communes_doc  # not kept alive by the exception's traceback
        raise DataError(problems)
    return Dataset(
        plan=build_plan(plan_doc.data),
        schools=tuple(build_school(item) for item in schools_doc.data["schools"]),
        sample=schools_doc.data.get("sample") is True,
        sources={"plan": plan.name, "communes": communes.name, "schools": schools.name},
        retired_ids=tuple(schools_doc.data.get("retired") or ()),
        communes=build_communes(communes_doc.data),
    )
