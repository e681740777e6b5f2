"""Load and validate the data files into the model: the one entry point for everyone.

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
from typing import Any

from scripts.common.clock import today_in_vietnam
from scripts.common.dates import parse_date
from scripts.common.problems import DataError, Problem
from scripts.common.schema import check as schema
from scripts.common.schema.check import SCHEMA_DIR
from scripts.common.yamlread import Document, Source, gc_paused, parse, read_source
from scripts.model import (
    Contact,
    DanVanModel,
    Dataset,
    Deadline,
    ModelKind,
    Plan,
    School,
    Submission,
)
from scripts.validate import schools as checks
from scripts.validate.communes import (
    CommuneFacts,
    build_communes,
    check_communes,
    check_school_communes,
    commune_facts,
)

PLAN_FILE = "plan.yml"
SCHOOLS_FILE = "schools.yml"
COMMUNES_FILE = "communes.yml"

CURRENT_COMMUNES = Path(__file__).resolve().parent.parent.parent / "data" / COMMUNES_FILE
"""The project's own list of communes: used for a data folder that has none."""


def communes_path(data_dir: Path) -> Path:
    """The communes file of `data_dir`, or the current one if that folder has none."""
    own = data_dir / COMMUNES_FILE
    return own if own.is_file() else CURRENT_COMMUNES


def read_communes(path: Path) -> Source:
    """The communes file, named in messages as in its data folder ("data/communes.yml")."""
    return read_source(path, f"{path.parent.name}/{path.name}")


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


def validate_plan(source: Source, schema_dir: Path = SCHEMA_DIR) -> tuple[Document, list[Problem]]:
    """Parse and check a plan file; the document and every problem in it."""
    doc = parse(source)
    problems = list(doc.problems)
    if doc.usable:
        more = schema.check(doc, "plan", schema_dir) + checks.check_plan(doc)
        more += checks.check_text(doc)
        problems += _not_refused(doc, more)
    return doc, problems


def _not_refused(doc: Document, problems: list[Problem]) -> list[Problem]:
    """A value refused while reading is already explained: no second message on it."""
    return [p for p in problems if (p.line, p.column) not in doc.refused]


def validate_communes(
    source: Source, schema_dir: Path = SCHEMA_DIR
) -> tuple[Document, list[Problem]]:
    """Parse and check a communes file; the document and every problem in it."""
    doc = parse(source)
    problems = list(doc.problems)
    if doc.usable:
        more = schema.check(doc, "communes", schema_dir) + check_communes(doc)
        problems += _not_refused(doc, more + checks.check_text(doc))
    return doc, problems


def validate_schools(
    source: Source,
    plan_doc: Document | None,
    *,
    today: dt.date | None = None,
    communes: CommuneFacts | None = None,
    schema_dir: Path = SCHEMA_DIR,
) -> tuple[Document, list[Problem]]:
    """Parse and check a schools file against a (possibly broken) plan document and list
    of communes (None: the communes are not checked, e.g. their file is broken)."""
    doc = parse(source)
    problems = list(doc.problems)
    if doc.usable:
        facts = checks.plan_facts(plan_doc) if plan_doc is not None else None
        more = schema.check(doc, "schools", schema_dir)
        more += checks.check_schools(doc, facts, today or today_in_vietnam())
        more += check_school_communes(doc, communes)
        more += checks.check_text(doc)
        problems += _not_refused(doc, more)
    return doc, problems


def build_plan(data: dict[str, Any]) -> Plan:
    """Plain values of a valid plan file → Plan."""
    return Plan(
        id=data["id"],
        title=data["title"],
        issuer=data["issuer"],
        place=data["place"],
        date=parse_date(data["date"]),
        deadlines=tuple(
            Deadline(
                id=item["id"],
                title=item["title"],
                due=parse_date(item["due"]),
                section=item["section"],
                requires_model=item.get("requires_model") is True,
                description=item.get("description", ""),
            )
            for item in data["deadlines"]
        ),
    )


def build_school(data: dict[str, Any]) -> School:
    """Plain values of one valid school → School."""
    contact = data.get("contact")
    return School(
        id=data["id"],
        name=data["name"],
        level=data["level"],
        commune=data["commune"],
        contact=Contact(contact["name"], contact["role"]) if contact else None,
        submissions=tuple(
            _submission(deadline_id, item)
            for deadline_id, item in (data.get("submissions") or {}).items()
        ),
    )


def _submission(deadline_id: str, data: dict[str, Any]) -> Submission:
    model = data.get("model")
    signed = data.get("document_date")
    return Submission(
        deadline_id=deadline_id,
        received=parse_date(data["received"]),
        number=data.get("number", ""),
        document_date=parse_date(signed) if signed else None,
        model=DanVanModel(model["name"], ModelKind(model["kind"])) if model else None,
        note=data.get("note", ""),
        link=data.get("link", ""),
    )
