"""The schools (data/schools.yml) as the model's School objects, with their submissions
(those of data/submissions/, and any still written in the schools file)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from scripts.common.dates import parse_date
from scripts.model import Contact, DanVanModel, ModelKind, School, Submission

SCHOOLS_FILE = "schools.yml"


def build_school(
    data: dict[str, Any], more: Sequence[Submission] = (), *, file: str = ""
) -> School:
    """Plain values of one valid school → School, with `more` submissions (read from
    data/submissions/) after those written in the schools file itself (named `file`)."""
    contact = data.get("contact")
    return School(
        id=data["id"],
        name=data["name"],
        level=data["level"],
        commune=data["commune"],
        contact=Contact(contact["name"], contact["role"]) if contact else None,
        submissions=(
            *(
                build_submission(deadline_id, item, file=file)
                for deadline_id, item in (data.get("submissions") or {}).items()
            ),
            *more,
        ),
    )


def build_submission(deadline_id: str, data: dict[str, Any], *, file: str = "") -> Submission:
    """Plain values of one valid submission → Submission; `file` is where it is written."""
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
        file=file,
    )
