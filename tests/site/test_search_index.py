"""The search index the site publishes: the text as written, once, small, words kept apart."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import material
import pytest

from scripts.common.vietnamese import fold
from scripts.site.search_index import (
    compact_index,
    index_figures,
    search_language_problem,
    separate_line_breaks,
    with_entries,
    words_of,
)
from tests.conftest import ROOT

SERVED_JS = [
    "assets/javascripts/lunr/min/lunr.vi.min.js",
    "assets/javascripts/vietnamese-fold.js",
    "assets/javascripts/search-spellings.js",
]


@pytest.fixture(scope="module")
def index_bytes(site_dir: Path) -> bytes:
    return (site_dir / "search" / "search_index.json").read_bytes()


@pytest.fixture(scope="module")
def index(index_bytes: bytes) -> dict:
    return json.loads(index_bytes)


def test_line_breaks_keep_words_apart() -> None:
    assert separate_line_breaks("KẾ HOẠCH<br><small>Nâng") == "KẾ HOẠCH<br>\n<small>Nâng"
    assert separate_line_breaks("a<br/>b<BR />c") == "a<br/>\nb<BR />\nc"
    assert separate_line_breaks("a<br>\nb") == "a<br>\nb"


def test_the_plan_title_reads_as_two_lines_in_search_results(index: dict) -> None:
    titles = [doc["title"] for doc in index["docs"]]
    assert any(title.startswith("KẾ HOẠCH Nâng cao hiệu quả") for title in titles), titles
    assert not any("HOẠCHNâng" in title for title in titles)


def test_the_index_holds_the_text_as_written_once(index_bytes: bytes, index: dict) -> None:
    text = index_bytes.decode("utf-8")
    assert "Dân vận khéo" in text  # UTF-8, not \u escapes
    assert "\\u" not in text
    # Folding happens in the browser: no folded copy of any page in the index.
    assert fold("Dân vận khéo") not in text.lower()
    assert all(set(doc) <= {"location", "title", "text", "tags", "boost"} for doc in index["docs"])
    assert index["config"]["lang"] == ["vi"]


def test_compacting_keeps_the_same_index_in_fewer_bytes() -> None:
    original = json.dumps({"docs": [{"title": "Dân vận khéo", "text": "Bộ Chính trị"}]})
    compact = compact_index(original)
    assert json.loads(compact) == json.loads(original)
    assert len(compact.encode("utf-8")) < len(original.encode("utf-8"))


def test_only_vietnamese_alone_keeps_the_folding() -> None:
    assert search_language_problem(["vi"]) is None
    for lang in (["en"], ["vi", "en"], None):
        problem = search_language_problem(lang)
        assert problem is not None
        assert "lunr.vi.min.js" in problem


def test_the_served_search_scripts_are_on_the_site(site_dir: Path) -> None:
    for path in SERVED_JS:
        assert (site_dir / path).is_file(), path
    served = (site_dir / SERVED_JS[0]).read_text(encoding="utf-8")
    assert served == (ROOT / "docs" / SERVED_JS[0]).read_text(encoding="utf-8")


def test_folding_merges_spellings_into_fewer_terms(index_bytes: bytes) -> None:
    figures = index_figures(index_bytes.decode("utf-8"))
    assert figures.words > figures.exact_terms > figures.folded_terms > 0


@pytest.mark.benchmark
def test_index_size_figures(site_dir: Path, index_bytes: bytes, index: dict) -> None:
    """Print the index as Material writes it, as published, and with a folded copy."""
    figures = index_figures(index_bytes.decode("utf-8"))
    as_material_writes = json.dumps(index, separators=(",", ":")).encode("utf-8")
    docs = [{**doc, "folded": fold(doc["title"] + " " + doc["text"])} for doc in index["docs"]]
    with_folded_copy = json.dumps(
        {**index, "docs": docs}, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    theme_vi = (Path(material.__file__).parent / "templates" / SERVED_JS[0]).read_bytes()
    served = b"".join((site_dir / path).read_bytes() for path in SERVED_JS)

    def sizes(data: bytes) -> str:
        return f"{len(data):>6} B, gzip {len(gzip.compress(data, 9)):>5} B"

    print(f"\nsearch/search_index.json: {figures.sections} sections, {figures.words} words")
    print(f"  as Material writes it (\\u escapes): {sizes(as_material_writes)}")
    print(f"  as published (UTF-8):               {sizes(index_bytes)}")
    print(f"  with a folded copy of each section: {sizes(with_folded_copy)}")
    print(f"distinct terms: {figures.exact_terms} as written, {figures.folded_terms} folded")
    print(f"search scripts served: {sizes(served)} (Material's lunr.vi: {sizes(theme_vi)})")


def test_entries_are_added_once_after_materials_own() -> None:
    index = '{"config":{"lang":["vi"]},"docs":[{"location":"a/","title":"A","text":""}]}'
    entries = [
        {"location": "a/", "title": "again", "text": ""},
        {"location": "b/", "title": "B", "text": "chữ"},
    ]
    docs = json.loads(with_entries(index, entries))["docs"]
    assert [d["location"] for d in docs] == ["a/", "b/"]
    assert docs[0]["title"] == "A"
    assert '"chữ"' in with_entries(index, entries)  # UTF-8, not \\u escapes


def test_words_are_trimmed_of_punctuation_in_linear_time() -> None:
    assert words_of("«Dân vận khéo»! __x__ ...", r"\s+") == ["dân", "vận", "khéo", "x"]
    started = time.perf_counter()
    assert words_of("@" * 200_000 + "a", r"\s+") == ["a"]
    assert words_of("a" + "@" * 200_000 + "a", r"\s+") == ["a" + "@" * 200_000 + "a"]
    # With "[\W_]+$", 40,000 characters of punctuation inside a word took 28 s
    # (200,000: some 12 minutes).
    assert time.perf_counter() - started < 5
