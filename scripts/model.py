"""The tracked data as plain, immutable Python objects.

The contract between the stages of the pipeline (scripts/load builds it, every later stage
reads it):
load (YAML → these objects) → validate → compute status → render.
Nothing here knows about YAML, MkDocs or HTML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

LEVELS: tuple[str, ...] = ("MN", "MG", "TH", "TH&THCS", "THCS")
"""School levels the plan is addressed to, in the plan's order."""

LEVEL_NAMES: dict[str, str] = {
    "MN": "Mầm non",
    "MG": "Mẫu giáo",
    "TH": "Tiểu học",
    "TH&THCS": "Tiểu học và Trung học cơ sở",
    "THCS": "Trung học cơ sở",
}


class CommuneKind(StrEnum):
    """What a commune-level unit is: "xã Bình Thạnh", "thị trấn Châu Ổ"."""

    XA = "xã"
    THI_TRAN = "thị trấn"


@dataclass(frozen=True)
class Commune:
    name: str
    """As schools write it, without the kind: "Bình Thạnh", "Châu Ổ"."""
    kind: CommuneKind


@dataclass(frozen=True)
class CommuneList:
    """The communes a school may be in (data/communes.yml): a dated list, with its source.

    Not the administrative units of today: the list is the one in force when the plan was
    issued, and says so (`valid_on`, `ended_on`).
    """

    district: str
    """The district the list belongs to, with its kind: "huyện Bình Sơn"."""
    valid_on: dt.date
    communes: tuple[Commune, ...]
    source_title: str
    source_document: str
    """The legal text that set the list, or "chưa xác minh"."""
    source_url: str = ""
    ended_on: dt.date | None = None
    """From this day the list is no longer the administrative map (None: not known)."""

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.communes)


class ModelKind(StrEnum):
    """How a school takes part in "Dân vận khéo" (plan III.4)."""

    NEW = "xây dựng mới"
    REPLICATED = "nhân rộng"


@dataclass(frozen=True)
class Deadline:
    """One deadline the plan sets, e.g. the model registration of III.4."""

    id: str
    title: str
    due: dt.date
    section: str
    """The point of the plan that sets it, e.g. "III.4"."""
    requires_model: bool = False
    """True when a submission must name a "Dân vận khéo" model."""
    description: str = ""


@dataclass(frozen=True)
class Plan:
    """The plan's own metadata and its deadlines."""

    id: str
    title: str
    issuer: str
    place: str
    date: dt.date
    deadlines: tuple[Deadline, ...]

    def deadline(self, deadline_id: str) -> Deadline | None:
        return next((d for d in self.deadlines if d.id == deadline_id), None)


@dataclass(frozen=True)
class Contact:
    """The staff member in charge of mass mobilization work: name and role only."""

    name: str
    role: str


@dataclass(frozen=True)
class DanVanModel:
    """A "Dân vận khéo" model a school registered."""

    name: str
    kind: ModelKind


@dataclass(frozen=True)
class Submission:
    """What a school sent for one deadline."""

    deadline_id: str
    received: dt.date
    number: str = ""
    """The document's number and symbol, e.g. "15/KH-THBT"."""
    document_date: dt.date | None = None
    model: DanVanModel | None = None
    note: str = ""
    link: str = ""
    file: str = field(default="", compare=False)
    """Where it is written, e.g. "data/submissions/bao-cao-nam/th-binh-thanh.yml"
    (not part of what was sent: two equal submissions compare equal wherever written)."""


@dataclass(frozen=True)
class School:
    id: str
    name: str
    level: str
    commune: str
    contact: Contact | None = None
    submissions: tuple[Submission, ...] = ()

    def submission(self, deadline_id: str) -> Submission | None:
        return next((s for s in self.submissions if s.deadline_id == deadline_id), None)


@dataclass(frozen=True)
class Dataset:
    """Everything the site is built from."""

    plan: Plan
    schools: tuple[School, ...]
    sample: bool = False
    """True while the data is illustrative: every status page says so."""
    sources: dict[str, str] = field(default_factory=dict)
    """Which file each part came from, for messages: {"plan": path, "schools": path}."""
    retired_ids: tuple[str, ...] = ()
    """Ids once used for schools that were removed: never given to another school."""
    communes: CommuneList | None = None
    """The dated list of communes the schools were checked against (data/communes.yml)."""
