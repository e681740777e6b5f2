"""Abbreviations (data/glossary.yml): the ones with a sure meaning get a tooltip on every page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from scripts.load.datafile import KnowledgeDataError, load_checked, problem_at


@dataclass(frozen=True)
class Abbreviation:
    term: str
    expansion: str
    note: str = ""

    @property
    def tooltip(self) -> str:
        return f"{self.expansion}. {self.note}" if self.note else self.expansion


@dataclass(frozen=True)
class Unclear:
    """An abbreviation of the plan whose meaning is not known: listed, never explained."""

    term: str
    note: str


@dataclass(frozen=True)
class Glossary:
    abbreviations: tuple[Abbreviation, ...]
    unclear: tuple[Unclear, ...] = ()

    def pattern(self) -> str:
        """Every term as a whole token, longest first so that "TH&THCS" wins over "TH".

        A term that runs on into more of a symbol ("BC" in "37/BC-THBT") or continues one
        after a letter and a hyphen ("UBND" in "KH-UBND") is only part of a document's
        number and symbol, and is left alone; the whole "KH-UBND" after "07/" is explained.
        A term followed by its own expansion in brackets needs no tooltip.
        """
        ordered = sorted(self.abbreviations, key=lambda a: len(a.term), reverse=True)
        alternatives = "|".join(
            # "TH (Tiểu học)" already says what TH means: no tooltip there.
            re.escape(a.term) + r"(?!\s*\(" + re.escape(a.expansion) + ")"
            for a in ordered
        )
        return r"(?<!\w)(?<![^\W\d_]-)(?:" + alternatives + r")(?![\w&/-])"

    def lookup(self, term: str) -> Abbreviation:
        return next(a for a in self.abbreviations if a.term == term)


def load_glossary(path: Path, schema: Path) -> Glossary:
    raw = load_checked(path, schema, display=f"data/{path.name}")
    display = f"data/{path.name}"
    problems = []
    seen: set[str] = set()
    for key in ("abbreviations", "unclear"):
        for index, item in enumerate(raw.get(key, [])):
            if item["term"] in seen:
                problems.append(
                    problem_at(
                        path,
                        [key, index, "term"],
                        f"“{item['term']}” ghi hai lần.",
                        display=display,
                    )
                )
            seen.add(item["term"])
    if problems:
        raise KnowledgeDataError(problems)
    return Glossary(
        abbreviations=tuple(
            Abbreviation(a["term"], a["expansion"], a.get("note", "")) for a in raw["abbreviations"]
        ),
        unclear=tuple(Unclear(u["term"], u["note"]) for u in raw.get("unclear", [])),
    )


def used_in(glossary: Glossary, text: str) -> set[str]:
    """The terms (sure or unclear) that occur in `text` as whole tokens."""
    found = {m.group(0) for m in re.finditer(glossary.pattern(), text)}
    for item in glossary.unclear:
        if re.search(rf"(?<!\w){re.escape(item.term)}(?!\w)", text):
            found.add(item.term)
    return found
