"""Check a parsed data file against its JSON Schema: every error, on its line, in Vietnamese.

The same schema files give editors completion and inline errors through the
`# yaml-language-server: $schema=…` line at the top of each data file. The fast validator
says whether there is any error, in one call for the whole file; only then does the full
one list them (files.py), and messages.py puts each back on its line in words. In a long
list (10,000 schools) the fast one then finds the wrong items, and only those are explained,
so one slip is reported as fast as in a file of ten.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema.protocols import Validator

from scripts.common.problems import Problem
from scripts.common.project import SCHEMA_DIR
from scripts.common.schema.files import Compiled, compiled, schema_file
from scripts.common.schema.messages import explain, guess_key, missing_key
from scripts.common.yamlread import Document

LONG_LISTS: dict[str, tuple[str, str]] = {"schools": ("schools", "school")}
"""Lists checked item by item, by schema: kind → (key of the list, its item's definition)."""


def check(
    doc: Document,
    kind: str,
    schema_dir: Path = SCHEMA_DIR,
    *,
    names: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Every schema error of a parsed document, against schemas/<kind>.schema.json.

    The schema file is read at every call (DataError if it is broken). `names` gives the
    spoken names of coded values, for suggestions ("Tiểu học" → “TH”).
    """
    return check_against(doc, compiled(*schema_file(kind, schema_dir)), kind, names=names)


def check_file(doc: Document, schema_path: Path, schema_name: str) -> list[Problem]:
    """Like `check`, against the schema file at `schema_path` (named `schema_name`)."""
    kind = schema_path.name.removesuffix(".schema.json")
    return check_against(doc, compiled(schema_path, schema_name), kind)


def check_against(
    doc: Document, schema: Compiled, kind: str, *, names: Mapping[str, str] | None = None
) -> list[Problem]:
    errors = list(_errors(schema, kind, doc.data))
    if not errors:
        return []
    # "comune" is unknown and "commune" is missing: the first message says it all.
    guessed = {
        (tuple(error.absolute_path), guess_key(extra, list(error.schema.get("properties", {}))))
        for error in errors
        if error.validator == "additionalProperties"
        and isinstance(error.instance, dict)
        and isinstance(error.schema, dict)
        for extra in error.instance
    }
    problems: list[Problem] = []
    for error in errors:
        if error.validator == "required" and (
            (tuple(error.absolute_path), missing_key(error)) in guessed
        ):
            continue
        problems.extend(explain(doc, error, schema.optional_keys, names or {}))
    return problems


def _errors(schema: Compiled, kind: str, data: Any) -> Iterator[jsonschema.ValidationError]:
    if schema.fast.is_valid(data):  # the usual case: one call for the whole file
        return
    spec = LONG_LISTS.get(kind)
    items = data.get(spec[0]) if spec and isinstance(data, dict) else None
    if spec is None or not isinstance(items, list):
        yield from schema.full.iter_errors(data)
        return
    key, definition = spec
    yield from _explained(schema.fast, schema.full, {**data, key: []})
    fast, full = schema.item(definition)
    for index, item in enumerate(items):
        for error in _explained(fast, full, item):
            error.path.extendleft([index, key])  # the error's place in the whole file
            yield error


def _explained(fast: Any, full: Validator, data: Any) -> Iterator[jsonschema.ValidationError]:
    if not fast.is_valid(data):
        yield from full.iter_errors(data)
