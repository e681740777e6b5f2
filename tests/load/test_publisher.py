"""Who speaks: the site names whoever is configured to run it, and with nobody configured,
only itself; the plan is always the plan of its issuer, of 12/4/2022."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from icalendar import Calendar

from scripts.cli.main import main
from scripts.load.datafile import KnowledgeDataError
from scripts.load.publisher import load_publisher, read_site_name
from scripts.render import site_paths as paths
from tests.conftest import ROOT, TEST_SITE_URL, build_site, copy_project
from tests.kb_pages import plan
from tests.site_text import soup_of, squash

SITE_NAME = read_site_name()
ISSUER = plan().issuer  # Phòng Giáo dục và Đào tạo huyện Bình Sơn
ATOM = "{http://www.w3.org/2005/Atom}"
RUNNER = "Trung tâm Ví dụ (tên minh họa cho kiểm thử)"
CONTACT = "https://vi-du.example/lien-he/"
CONFIGURED = f"publisher:\n  name: {RUNNER}\n  contact_url: {CONTACT}\n"


def _footer(site: Path, page: str = "index.html") -> tuple[str, str]:
    soup = soup_of(site / page)
    copyright = soup.select_one(".md-copyright")
    return squash(copyright.select_one(".md-copyright__highlight").get_text(" ")), squash(
        copyright.get_text(" ")
    )


def _author(site: Path) -> str:
    return soup_of(site / "index.html").select_one('meta[name="author"]')["content"]


def _feed_author(site: Path) -> tuple[str | None, str | None]:
    root = ET.fromstring((site / "tai-ve" / "cap-nhat.atom").read_bytes())
    author = root.find(f"{ATOM}author")
    name, uri = author.find(f"{ATOM}name"), author.find(f"{ATOM}uri")
    return (name.text if name is not None else None, uri.text if uri is not None else None)


def _calendar(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def _sheet(site: Path) -> str:
    page = soup_of(site / "tinh-hinh" / "truong" / "th-binh-thanh" / "index.html")
    return squash(page.select_one(".tracker-sheet").get_text(" "))


def test_mkdocs_yml_names_no_author_or_copyright_holder() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nsite_author:" not in config and "\ncopyright:" not in config
    assert ISSUER not in config


def test_by_default_nobody_is_named(site_dir: Path) -> None:
    publisher = load_publisher(ROOT / "data", SITE_NAME)
    assert not publisher.configured and publisher.name == SITE_NAME
    highlight, footer = _footer(site_dir)
    assert highlight == SITE_NAME
    assert _author(site_dir) == SITE_NAME
    assert _feed_author(site_dir) == (SITE_NAME, None)
    calendar = _calendar((site_dir / paths.ICS).read_bytes())
    assert str(calendar["PRODID"]).startswith(f"-//{SITE_NAME}//")
    assert ISSUER not in str(calendar["PRODID"])
    sheet = _sheet(site_dir)
    assert sheet.endswith(SITE_NAME)
    # The plan is presented as issued: by its issuer, on 12/4/2022.
    assert f"theo Kế hoạch ngày 12/4/2022 của {ISSUER}" in sheet
    assert f"Kế hoạch do {ISSUER} ban hành ngày 12/4/2022" in footer
    for page in ("index.html", "404.html", "ke-hoach/index.html"):
        highlight, _ = _footer(site_dir, page)
        assert ISSUER not in highlight, page


@pytest.fixture(scope="module")
def configured_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("configured") / "project")
    (project / "data" / "site.yml").write_text(CONFIGURED, encoding="utf-8")
    return build_site(project / "site", project / "mkdocs.yml")


def test_the_configured_publisher_is_named_everywhere(configured_site: Path) -> None:
    site = configured_site
    highlight, _ = _footer(site)
    assert highlight == f"Trang do {RUNNER} vận hành. Liên hệ"
    contact = soup_of(site / "index.html").select_one(".md-copyright__highlight a")
    assert contact["href"] == CONTACT
    assert _author(site) == RUNNER
    assert _feed_author(site) == (RUNNER, CONTACT)
    calendar = _calendar((site / paths.ICS).read_bytes())
    assert str(calendar["PRODID"]).startswith(f"-//{RUNNER}//")
    assert f"Lịch do {RUNNER} lập." in str(calendar["X-WR-CALDESC"])
    assert _sheet(site).endswith(f"Trang do {RUNNER} vận hành.")
    not_found = soup_of(site / "404.html").select_one("article")
    assert not_found.find("a", href=CONTACT) is not None
    offline = (site / "ngoai-tuyen.html").read_text(encoding="utf-8")
    assert "time-note" in offline


def test_the_export_command_names_the_same_publisher(tmp_path: Path) -> None:
    data = copy_project(tmp_path / "project") / "data"

    def exported() -> Calendar:
        out = io.StringIO()
        # For the test address: with CI set, an export for the local default is refused.
        args = ["export", "--format", "ics", "--data", str(data), "--site-url", TEST_SITE_URL]
        assert main(args, out) == 0
        return _calendar(out.getvalue().encode("utf-8"))

    assert str(exported()["PRODID"]).startswith(f"-//{SITE_NAME}//")
    (data / "site.yml").write_text(CONFIGURED, encoding="utf-8")
    assert str(exported()["PRODID"]).startswith(f"-//{RUNNER}//")


def test_a_wrong_setting_is_refused_on_its_line(tmp_path: Path) -> None:
    (tmp_path / "site.yml").write_text(
        "publisher:\n  name: Ai đó\n  contact_url: http://khong-an-toan.example/\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeDataError) as error:
        load_publisher(tmp_path, SITE_NAME)
    (problem,) = error.value.problems
    assert (problem.line, problem.file) == (3, "data/site.yml")
    (tmp_path / "site.yml").write_text(f"publisher:\n  contact_url: {CONTACT}\n", encoding="utf-8")
    with pytest.raises(KnowledgeDataError) as error:
        load_publisher(tmp_path, SITE_NAME)
    assert "“name”" in str(error.value.problems[0])


def test_a_missing_or_empty_setting_names_nobody(tmp_path: Path) -> None:
    assert load_publisher(tmp_path, SITE_NAME).name == SITE_NAME
    (tmp_path / "site.yml").write_text("publisher: {}\n", encoding="utf-8")
    publisher = load_publisher(tmp_path, SITE_NAME)
    assert (publisher.name, publisher.configured, publisher.contact_url) == (
        SITE_NAME,
        False,
        None,
    )
