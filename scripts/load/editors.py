"""Who may change what (data/editors.yml) as plain objects, checked against its schema.

A school's clerk (a list of school ids) may change only those schools' entries; office staff
(`schools: all`) all the data and the site's pages; a maintainer (`role: maintainer`, with
`schools: all`) also the code and how the site is built and checked. What a change is then
allowed to do is decided in scripts/review/permissions.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.common.problems import DataError
from scripts.common.project import SCHEMA_DIR
from scripts.common.schema.check import check
from scripts.common.source import read_source
from scripts.common.yamlread import parse

EDITORS_FILE = "data/editors.yml"


@dataclass(frozen=True)
class Editor:
    login: str
    name: str
    all_schools: bool
    schools: frozenset[str] = frozenset()
    maintainer: bool = False

    @property
    def is_office(self) -> bool:
        """Office staff or a maintainer: every school."""
        return self.all_schools or self.maintainer

    @property
    def is_maintainer(self) -> bool:
        return self.maintainer

    def may_edit(self, school_id: str) -> bool:
        return self.is_office or school_id in self.schools


@dataclass(frozen=True)
class Editors:
    editors: tuple[Editor, ...]
    sample: bool = False

    def find(self, login: str) -> Editor | None:
        """GitHub logins are case-insensitive."""
        wanted = login.strip().lstrip("@").casefold()
        return next((e for e in self.editors if e.login.casefold() == wanted), None)

    def maintainers(self) -> frozenset[str]:
        """The maintainers' logins, case-folded."""
        return frozenset(e.login.casefold() for e in self.editors if e.is_maintainer)


def editors_from_data(data: Mapping[str, Any]) -> Editors:
    """The list from data already checked against schemas/editors.schema.json."""
    editors = []
    for item in data.get("editors") or []:
        scope = item.get("schools")
        editors.append(
            Editor(
                login=str(item["github"]),
                name=str(item.get("name", "")),
                all_schools=scope == "all",
                schools=frozenset(map(str, scope)) if isinstance(scope, list) else frozenset(),
                maintainer=item.get("role") == "maintainer",
            )
        )
    return Editors(editors=tuple(editors), sample=bool(data.get("sample", False)))


def load_editors(path: Path, schema_dir: Path = SCHEMA_DIR) -> Editors:
    """data/editors.yml, checked against schemas/editors.schema.json (DataError if wrong)."""
    doc = parse(read_source(path, EDITORS_FILE))
    problems = list(doc.problems)
    if doc.usable:
        problems += check(doc, "editors", schema_dir)
    if problems:
        raise DataError(problems)
    return editors_from_data(doc.data)
