"""The site's search, seen from Python: line breaks kept apart, and what the index holds.

Search finds Vietnamese with or without diacritics because the browser folds every word of
the index and of the query with the rule of vietnamese.fold (the JavaScript twin is
docs/assets/javascripts/vietnamese-fold.js, loaded by lunr/min/lunr.vi.min.js in the
search worker). The index itself (search/search_index.json) keeps the text as written, once,
and folding adds nothing to it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from scripts.common.vietnamese import fold

# Material's search index drops tags without a space: "KẾ HOẠCH<br>Nâng cao" would be
# indexed, and shown in results, as "KẾ HOẠCHNâng cao".
_LINE_BREAK = re.compile(r"<br\s*/?>(?!\n)", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
# Punctuation at the start of a word, as the search worker trims it (at both ends: the end
# is trimmed on the reversed word, since "[\W_]+$" would retry from every character of a
# long run of punctuation, in quadratic time).
_LEADING = re.compile(r"^[\W_]+")


def _trim(word: str) -> str:
    return _LEADING.sub("", _LEADING.sub("", word)[::-1])[::-1]


def separate_line_breaks(html: str) -> str:
    """A newline after each <br>: the same page on screen, two words in the search index."""
    return _LINE_BREAK.sub(lambda match: match.group(0) + "\n", html)


def compact_index(index_json: str) -> str:
    """The same index with Vietnamese letters written as UTF-8, not as \\u escapes.

    Material writes "ộ" as "\\u1ed9" (6 bytes instead of 3): about a third of the file.
    """
    return json.dumps(json.loads(index_json), ensure_ascii=False, separators=(",", ":"))


def with_entries(index_json: str, entries: list[dict[str, str]]) -> str:
    """The index with more entries (location, title, text) after Material's own.

    An entry whose location is already in the index is not added twice.
    """
    data = json.loads(index_json)
    known = {doc["location"] for doc in data["docs"]}
    data["docs"].extend(entry for entry in entries if entry["location"] not in known)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def search_language_problem(lang: list[str] | None) -> str | None:
    """Why the search plugin's languages would lose the Vietnamese folding, if they would."""
    if lang == ["vi"]:
        return None
    return (
        f"plugins → search → lang phải là vi (đang là {lang}): tìm kiếm tiếng Việt có hoặc "
        "không dấu nằm trong assets/javascripts/lunr/min/lunr.vi.min.js, chỉ được nạp với "
        "lang: vi."
    )


@dataclass(frozen=True)
class IndexFigures:
    """What search/search_index.json holds, and what folding makes of it."""

    sections: int
    words: int
    exact_terms: int
    folded_terms: int


def words_of(text: str, separator: str) -> list[str]:
    """The words the search worker indexes in a field: split, lowercased, trimmed."""
    words = (_trim(part.lower()) for part in re.split(separator, _TAG.sub(" ", text)))
    return [word for word in words if word]


def index_figures(index_json: str) -> IndexFigures:
    """How many words the index holds, and how many distinct terms before and after folding."""
    data = json.loads(index_json)
    words = [
        word
        for doc in data["docs"]
        for field in (doc.get("title", ""), doc.get("text", ""))
        for word in words_of(field, data["config"]["separator"])
    ]
    return IndexFigures(
        sections=len(data["docs"]),
        words=len(words),
        exact_terms=len(set(words)),
        folded_terms=len({fold(word) for word in words}),
    )
