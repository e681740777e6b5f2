"""Read a data file of the knowledge base strictly and check it against its JSON Schema.

The knowledge base's files (documents, glossary, templates, site.yml) are edited by hand
like data/schools.yml, so they go through the same pipeline: the strict reader
(scripts/common/yamlread.py: duplicate keys, anchors, tabs, non-NFC text… are refused), the
same schema check and Vietnamese messages (scripts/common/schema/), the same `Problem`:
file, line, column, message.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from scripts.common.problems import DataError, Problem
from scripts.common.schema.check import check_file
from scripts.common.source import Source, read_source
from scripts.common.yamlread import Document, parse


class KnowledgeDataError(DataError):
    """A data file of the knowledge base is wrong; carries every problem found."""


def _read(path: Path, name: str) -> Document:
    """Parse once per version of the file (the checks below ask again for positions).

    Keyed on the file's bytes, read at every call: `mkdocs serve` sees an edit at once."""
    source = read_source(path, name)
    return _parsed(source.name, source.data, source.unread_size)


@lru_cache(maxsize=32)
def _parsed(name: str, data: bytes, unread_size: int) -> Document:
    return parse(Source(name, data, unread_size))


def load_checked(path: Path, schema_path: Path, *, display: str | None = None) -> Any:
    """Parse `path` strictly, validate it against the schema, return its plain data.

    Raises KnowledgeDataError listing every problem, each with its line and column.
    """
    doc = _read(path, display or path.name)
    problems = list(doc.problems)
    if doc.usable:
        schema_name = f"{schema_path.parent.name}/{schema_path.name}"
        problems += doc.not_refused(check_file(doc, schema_path, schema_name))
    if problems:
        raise KnowledgeDataError(problems)
    return doc.data


def problem_at(
    path: Path, data_path: Sequence[str | int], message: str, *, display: str | None = None
) -> Problem:
    """A problem found after the schema check (e.g. a duplicate id), located in the file."""
    return _read(path, display or path.name).problem(list(data_path), message)
