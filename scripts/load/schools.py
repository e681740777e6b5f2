"""The schools (data/schools.yml) as the model's School objects, with their submissions."""

from __future__ import annotations

from typing import Any

from scripts.common.dates import parse_date
from scripts.model import Contact, DanVanModel, ModelKind, School, Submission

SCHOOLS_FILE = "schools.yml"


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
