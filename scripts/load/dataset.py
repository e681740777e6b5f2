"""Read the data files through the validator into the model: the one entry point for all.

The build (the dvk-status-board plugin), the CLI (`python -m scripts.cli validate`) and
the tests all call `load_dataset` or `load_sources`, so they accept and refuse exactly the
same data, with the same messages.

Three files and a folder: the plan (`plan.yml`), the communes a school may be in
(`communes.yml`), the register of schools (`schools.yml`) and what each school sent, one file
per submission (`submissions/<deadline-id>/<school-id>.yml`). A data folder without its own
communes file (the data of a commit older than that file, or a test folder) is checked
against the project's current list, `CURRENT_COMMUNES`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from scripts.common.clock import today_in_vietnam
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
from scripts.load.submissions import build_file_submissions, read_submissions
from scripts.model import Dataset, Submission
from scripts.validate.communes import commune_facts, validate_communes
from scripts.validate.plan import plan_facts, validate_plan
from scripts.validate.schools import validate_schools
from scripts.validate.submissions import SubmissionFile, register_of, validate_submissions


def load_dataset(
    data_dir: Path, *, today: dt.date | None = None, schema_dir: Path = SCHEMA_DIR
) -> Dataset:
    """Read the data files of `data_dir`, check everything, build the model.

    Messages name the files relative to the folder above `data_dir` ("data/schools.yml",
    "data/submissions/bao-cao-nam/th-binh-thanh.yml").
    Without `communes.yml` in `data_dir`, the current list is used (CURRENT_COMMUNES).
    `today` (for "received after today") defaults to today's date in Vietnam.
    The schemas are read from `schema_dir` (the build passes its project's schemas/).
    Raises DataError with every problem found (UnreadableFileError if a file is missing).
    """
    return load_sources(
        read_source(data_dir / PLAN_FILE, f"{data_dir.name}/{PLAN_FILE}"),
        read_source(data_dir / SCHOOLS_FILE, f"{data_dir.name}/{SCHOOLS_FILE}"),
        submissions=read_submissions(data_dir),
        today=today,
        communes=read_communes(communes_path(data_dir)),
        schema_dir=schema_dir,
    )


def load_sources(
    plan: Source,
    schools: Source,
    *,
    submissions: Sequence[Source] = (),
    today: dt.date | None = None,
    communes: Source | None = None,
    schema_dir: Path = SCHEMA_DIR,
) -> Dataset:
    """Like load_dataset, from bytes already read (tests and the CLI use it).

    `communes` defaults to the current list (CURRENT_COMMUNES); `submissions` are the files
    of the submissions folder, named by their path ("data/submissions/<deadline>/<file>.yml").
    """
    communes = communes if communes is not None else read_communes(CURRENT_COMMUNES)
    # The intermediate nodes and values (10^5–10^6 objects for a large file) hold no
    # reference cycles: the garbage collector would only walk them again and again. They
    # are all freed when _load returns, before it runs again.
    with gc_paused():
        return _load(plan, schools, submissions, communes, today, schema_dir)


def _load(
    plan: Source,
    schools: Source,
    submissions: Sequence[Source],
    communes: Source,
    today: dt.date | None,
    schema_dir: Path,
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
    facts = plan_facts(plan_doc) if plan_doc.usable else None
    files, more = validate_submissions(
        submissions,
        facts,
        register_of(schools_doc) if schools_doc.usable else None,
        today=today or today_in_vietnam(),
        schema_dir=schema_dir,
    )
    problems += more
    if problems:
        del plan_doc, schools_doc, communes_doc, files  # not kept alive by the traceback
        raise DataError(problems)
    built_plan = build_plan(plan_doc.data)
    sent = _file_submissions(files, [d.id for d in built_plan.deadlines])
    return Dataset(
        plan=built_plan,
        schools=tuple(
            build_school(item, sent.get(item["id"], ()), file=schools.name)
            for item in schools_doc.data["schools"]
        ),
        sample=schools_doc.data.get("sample") is True,
        sources={"plan": plan.name, "communes": communes.name, "schools": schools.name},
        retired_ids=tuple(schools_doc.data.get("retired") or ()),
        communes=build_communes(communes_doc.data),
    )


def _file_submissions(
    files: Sequence[SubmissionFile], deadline_order: list[str]
) -> dict[str, list[Submission]]:
    """School id → its submissions from the files, in the plan's order of deadlines."""
    sent: dict[str, list[Submission]] = {}
    for file in files:
        for school_id, submission in build_file_submissions(file.name, file.doc.data):
            sent.setdefault(school_id, []).append(submission)
    rank = {deadline_id: index for index, deadline_id in enumerate(deadline_order)}
    for items in sent.values():
        items.sort(key=lambda s: rank.get(s.deadline_id, len(rank)))
    return sent
