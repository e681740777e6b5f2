"""The built site: every school and submission on the pages and in every export; data shown
as text, never run as markup, link or formula.

Sites are built with `mkdocs build --strict`, from the shipped data, and in this process
(MkDocs' Python API) with the plugin's loader patched to return hand-built data, some of it
data the validator would refuse.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from openpyxl import load_workbook

from dvk_mkdocs.status_board import plugin as status_board_plugin
from dvk_mkdocs.status_board.plugin import StatusBoardPlugin
from scripts.common.vietnamese import format_date
from scripts.model import Dataset
from scripts.render import site_paths as paths
from scripts.render.board.generate import generate
from scripts.status.board import Board, make_board
from tests.conftest import ROOT, TEST_SITE_URL, build_in_process, copy_project
from tests.tracker_data import (
    AS_OF,
    FORMULA,
    MD_LINK,
    RETIRED,
    SCRIPT,
    hostile_dataset,
    small_dataset,
)


def _soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def _html_path(src: str) -> str:
    return paths.url_of(src) + "index.html"


def _article(site: Path, src: str) -> BeautifulSoup:
    return _soup(site, _html_path(src)).select_one("article")


def _h1(soup: BeautifulSoup) -> str:
    """The page's heading as a reader sees it (without the "#" permalink)."""
    h1 = soup.find("h1")
    for permalink in h1.select(".headerlink"):
        permalink.decompose()
    return h1.get_text(strip=True)


def _as_of(site: Path) -> dt.date:
    return dt.date.fromisoformat(json.loads((site / paths.JSON).read_bytes())["as_of"])


def check_everything_is_there(site: Path, dataset: Dataset) -> Board:
    """Count every school and every submission (as of the build's date) in pages and files."""
    board = make_board(dataset, _as_of(site))
    ids = {s.id for s in dataset.schools}
    assert len(ids) == len(dataset.schools) > 0
    deadlines = dataset.plan.deadlines

    # Pages: one per school, a row per school in the table and in each deadline's list.
    for school in dataset.schools:
        article = _article(site, paths.school_page(school.id))
        assert _h1(article) == school.name
        assert len(article.select("li[data-deadline]")) == len(deadlines)
        assert (site / paths.school_qr(school.id)).is_file()
    table_links = {
        a["href"].rstrip("/").rsplit("/", 1)[-1]
        for a in _article(site, paths.TABLE).select("table[data-tracker-table] tbody tr a")
    }
    assert table_links == ids
    for deadline in deadlines:
        rows = _article(site, paths.deadline_page(deadline.id)).select("tbody tr")
        assert len(rows) == len(ids), deadline.id
        assert {r.a["href"].rstrip("/").rsplit("/", 1)[-1] for r in rows} == ids

    # Files: CSV (school × deadline), Excel (one sheet per deadline), JSON.
    csv_rows = list(
        csv.DictReader(io.StringIO((site / paths.CSV).read_bytes().decode("utf-8-sig")))
    )
    assert len(csv_rows) == len(ids) * len(deadlines)
    assert {(r["Mã trường"], r["Mã hạn nộp"]) for r in csv_rows} == {
        (i, d.id) for i in ids for d in deadlines
    }
    workbook = load_workbook(site / paths.XLSX, read_only=True)
    sheets = workbook.worksheets[: len(deadlines)]
    # Row 1: the sample-data notice; row 2: the headers; then a row per school.
    xlsx_ids = [{row[0] for row in ws.iter_rows(min_row=3, values_only=True)} for ws in sheets]
    assert xlsx_ids == [ids] * len(deadlines)
    document = json.loads((site / paths.JSON).read_bytes())
    assert {s["id"] for s in document["schools"]} == ids

    # Each submission received by the as-of date: on its school's page, its deadline's page,
    # and in every file.
    json_schools = {s["id"]: s for s in document["schools"]}
    csv_index = {(r["Mã trường"], r["Mã hạn nộp"]): r for r in csv_rows}
    xlsx_numbers = {
        (row[0], d.id): row
        for d, ws in zip(deadlines, sheets, strict=True)
        for row in ws.iter_rows(min_row=3, values_only=True)
    }
    seen = 0
    for school in dataset.schools:
        page_text = _article(site, paths.school_page(school.id)).get_text(" ")
        for deadline in deadlines:
            sub = board.status(school, deadline).submission
            if sub is None:
                continue
            seen += 1
            assert format_date(sub.received) in page_text, (school.id, deadline.id)
            assert sub.number in page_text  # (an empty number is in any text)
            row = next(
                r
                for r in _article(site, paths.deadline_page(deadline.id)).select("tbody tr")
                if r.a["href"].rstrip("/").endswith(school.id)
            )
            assert sub.number in row.get_text(" ")
            assert csv_index[school.id, deadline.id]["Ngày nhận"] == sub.received.isoformat()
            xlsx_row = xlsx_numbers[school.id, deadline.id]
            assert dt.datetime.combine(sub.received, dt.time()) in xlsx_row
            assert not sub.number or sub.number in xlsx_row
            got = json_schools[school.id]["deadlines"][deadline.id]["submission"]
            assert (got["received"], got["number"]) == (sub.received.isoformat(), sub.number)
    assert seen == board.submissions_count()
    workbook.close()
    return board


# ---- a hand-built dataset: counts known in advance ----


def build_from(dataset: Callable[[], Dataset], dest: Path) -> Path:
    """The site built in this process from `dataset` instead of data/ (same as-of date)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(status_board_plugin, "load_dataset", lambda *_, **__: dataset())
        patch.setenv("TRACKER_AS_OF", AS_OF.isoformat())
        return build_in_process(dest)


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_from(small_dataset, tmp_path_factory.mktemp("small") / "site")


def test_small_site_has_every_school_and_submission(small_site: Path) -> None:
    board = check_everything_is_there(small_site, small_dataset())
    assert board.submissions_count() == 5  # the annual report of 20/10 is after the as-of date


def test_as_of_date_and_sample_notice_on_every_status_page(small_site: Path) -> None:
    pages = _status_pages(small_site, small_dataset())
    # overview, table, models, downloads, data reference; deadlines; schools; the retired
    # school's address
    assert len(pages) == 5 + 3 + 5 + 1
    for page in pages:
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").article
        text = article.get_text(" ")
        assert "Dữ liệu minh họa" in text, page
        assert "Tình hình tính đến hết ngày 01/6/2022" in " ".join(text.split()), page


def test_a_retired_schools_address_still_opens_and_says_why(small_site: Path) -> None:
    src = paths.school_page(RETIRED)
    article = _article(small_site, src)
    assert (
        _h1(BeautifulSoup(str(article), "html.parser"))
        == "Trường không còn trong danh sách theo dõi"
    )
    text = " ".join(article.get_text(" ").split())
    assert f"Trường có mã {RETIRED} đã được đưa ra khỏi danh sách" in text
    assert "Phòng Giáo dục" not in text
    assert "cơ quan quản lý giáo dục hiện nay của trường" in text
    assert "Dữ liệu minh họa" in text
    links = {a.get_text(strip=True): a["href"] for a in article.select("a[href]")}
    assert links["danh sách các trường"] == "../../danh-sach/"
    assert (small_site / paths.school_qr(RETIRED)).is_file()  # a printed QR code still scans
    table = _article(small_site, paths.TABLE).get_text(" ")
    assert RETIRED not in table  # not a school any more


def test_search_index_holds_the_table_and_a_short_entry_per_school(small_site: Path) -> None:
    index = json.loads((small_site / "search" / "search_index.json").read_bytes())
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert paths.url_of(paths.TABLE) in pages
    # Each school once, by its name: not its page's sections (deadlines, models, QR code).
    schools = [d for d in index["docs"] if d["location"].startswith("tinh-hinh/truong/")]
    by_name = {html.unescape(d["title"]): d for d in schools}
    assert len(schools) == len(by_name) == len(small_dataset().schools)
    for school in small_dataset().schools:
        entry = by_name[school.name]
        assert entry["location"] == paths.url_of(paths.school_page(school.id))
        assert school.commune in html.unescape(entry["text"]) and len(entry["text"]) < 80
    table = next(d for d in index["docs"] if d["location"] == paths.url_of(paths.TABLE))
    text = html.unescape(table["text"])  # the index holds HTML
    for school in small_dataset().schools:
        assert school.name in text


def test_status_pages_are_in_the_nav_and_school_pages_are_not(small_site: Path) -> None:
    nav = _soup(small_site, "index.html").select_one("nav.md-nav--primary")
    links = {a["href"] for a in nav.select("a[href]")}
    for src in (
        paths.TABLE,
        paths.MODELS,
        paths.DOWNLOADS_PAGE,
        paths.deadline_page("bao-cao-nam"),
    ):
        assert paths.url_of(src) in links, src
    assert not any("tinh-hinh/truong/" in link for link in links)
    overview_nav = _soup(small_site, "tinh-hinh/index.html").select_one("nav.md-nav--primary")
    assert "Tình hình thực hiện" in overview_nav.get_text()


@pytest.mark.parametrize(
    ("env", "config", "expected"),
    [
        (None, None, dt.date(2022, 5, 20)),  # no date given: the build date in Vietnam
        (None, dt.date(2022, 5, 20), dt.date(2022, 5, 20)),
        ("2022-05-30", dt.date(2022, 5, 20), dt.date(2022, 5, 30)),
    ],
)
def test_the_plugin_takes_the_as_of_date_from_its_option_or_the_environment(
    monkeypatch: pytest.MonkeyPatch, env: str | None, config: dt.date | None, expected: dt.date
) -> None:
    monkeypatch.setattr(status_board_plugin, "load_dataset", lambda *_, **__: small_dataset())
    monkeypatch.setattr(status_board_plugin, "today_in_vietnam", lambda: dt.date(2022, 5, 20))
    monkeypatch.setenv("SITE_URL", TEST_SITE_URL)  # mkdocs.yml reads it; never a local one
    if env is None:
        monkeypatch.delenv("TRACKER_AS_OF", raising=False)
    else:
        monkeypatch.setenv("TRACKER_AS_OF", env)
    cfg, plugin = _status_board(config)
    plugin.on_config(cfg)
    assert plugin.build.site.board.as_of == expected


def test_a_wrong_as_of_date_is_refused_in_vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.exceptions import PluginError

    monkeypatch.setenv("SITE_URL", TEST_SITE_URL)
    monkeypatch.setenv("TRACKER_AS_OF", "1/6/2022")
    cfg, plugin = _status_board(None)
    with pytest.raises(PluginError, match=r"TRACKER_AS_OF.*NĂM-THÁNG-NGÀY"):
        plugin.on_config(cfg)


def test_a_wrong_as_of_option_is_refused_when_mkdocs_yml_is_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      as_of: null\n" in text
    config.write_text(text.replace("      as_of: null\n", "      as_of: 1/6/2022\n"), "utf-8")
    with pytest.raises(Abort):
        load_config(str(config))
    assert "as_of" in caplog.text and "NĂM-THÁNG-NGÀY" in caplog.text


def _status_board(as_of: dt.date | None) -> tuple[MkDocsConfig, StatusBoardPlugin]:
    """The site's configuration and its status board plugin, with the as_of option set."""
    from mkdocs.config import load_config

    cfg = load_config(str(ROOT / "mkdocs.yml"))
    plugin = cfg.plugins["dvk-status-board"]
    assert isinstance(plugin, StatusBoardPlugin)
    plugin.config["as_of"] = as_of
    return cfg, plugin


# ---- data the validator would refuse: shown as text everywhere ----


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_from(hostile_dataset, tmp_path_factory.mktemp("hostile") / "site")


def _status_pages(site: Path, dataset: Dataset) -> list[Path]:
    """The built pages of the status board (the history adds pages to tinh-hinh/ too)."""
    sources = generate(dataset, AS_OF, "http://127.0.0.1:8000/").pages
    pages = [site / _html_path(src) for src in sources]
    assert all(page.is_file() for page in pages)
    return pages


def test_hostile_data_injects_no_script_link_or_attribute(hostile_site: Path) -> None:
    pages = _status_pages(hostile_site, hostile_dataset())
    assert len(pages) == 5 + 3 + 3
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            assert "alert(" not in script.get_text(), page
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                values = value if isinstance(value, list) else [value]
                assert not any(v.strip().lower().startswith("javascript:") for v in values), (
                    page,
                    tag.name,
                    name,
                )
        for meta in soup.find_all("meta"):
            assert set(meta.attrs) <= {"charset", "name", "content", "property", "http-equiv"}
            if "http-equiv" in meta.attrs:
                assert meta["http-equiv"] == "Content-Security-Policy", page


def test_hostile_data_is_shown_as_text(hostile_site: Path) -> None:
    soup = _soup(hostile_site, _html_path(paths.school_page("hostile-script")))
    assert _h1(soup.article) == f"Trường {SCRIPT}"
    assert soup.title.get_text().startswith(f"Trường {SCRIPT}")
    assert soup.find("meta", property="og:title")["content"] == f"Trường {SCRIPT}"
    text = soup.article.get_text(" ")
    for value in (SCRIPT, MD_LINK, FORMULA):
        assert value in text
    formula_page = _soup(hostile_site, _html_path(paths.school_page("hostile-formula")))
    assert _h1(formula_page.article) == FORMULA
    link_page = _soup(hostile_site, _html_path(paths.school_page("hostile-link")))
    assert _h1(link_page.article) == MD_LINK
    assert "javascript:alert(1)" in link_page.article.get_text(" ")  # the bad link, as text
    table = _article(hostile_site, paths.TABLE).get_text(" ")
    for value in (f"Trường {SCRIPT}", FORMULA, MD_LINK):
        assert value in table


def test_hostile_data_in_the_search_index_is_escaped(hostile_site: Path) -> None:
    index = (hostile_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>alert" not in index


def test_hostile_site_still_has_every_school_and_submission(hostile_site: Path) -> None:
    check_everything_is_there(hostile_site, hostile_dataset())


def test_hostile_data_stays_text_in_the_built_exports(hostile_site: Path) -> None:
    cells = {
        cell
        for row in csv.reader(
            io.StringIO((hostile_site / paths.CSV).read_bytes().decode("utf-8-sig"))
        )
        for cell in row
    }
    assert "'" + FORMULA in cells and FORMULA not in cells
    workbook = load_workbook(hostile_site / paths.XLSX)
    cells_xlsx = [c for ws in workbook.worksheets for row in ws.iter_rows() for c in row]
    assert any(c.value == FORMULA and c.data_type == "s" for c in cells_xlsx)
    assert not any(c.data_type == "f" for c in cells_xlsx)
    names = {s["name"] for s in json.loads((hostile_site / paths.JSON).read_bytes())["schools"]}
    assert names == {f"Trường {SCRIPT}", FORMULA, MD_LINK}


# ---- the shipped data ----


def test_shipped_site_has_every_school_and_submission(site_dir: Path) -> None:
    from scripts.load.dataset import load_dataset

    dataset = load_dataset(ROOT / "data", today=_as_of(site_dir))
    check_everything_is_there(site_dir, dataset)
