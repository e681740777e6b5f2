"""The form "Ghi nhận nộp" at phone size (360 px): fill it, press the button, and the file
it would create on GitHub is valid and described, in Vietnamese, as exactly that change.

The site is built once for this module with a repository address (REPO_URL), as the
published site is; the opened address is captured by replacing window.open.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import http.server
import os
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from scripts.load.dataset import load_dataset
from scripts.model import Dataset
from tests.browser.test_accessibility import serious_violations
from tests.conftest import ROOT, build_site
from tests.gitrepo import commit, git, init

REPO = "https://github.com/vi-du/dan-van-kheo"
NARROW = {"width": 360, "height": 740}
CAPTURE = (
    "window.__opened = []; window.open = function (u) { window.__opened.push(u); return null; };"
)
CASES = yaml.safe_load(
    (ROOT / "tests/render/board/submission_cases.yml").read_text(encoding="utf-8")
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def form_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_site(tmp_path_factory.mktemp("form-site") / "site", REPO_URL=REPO)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(ROOT / "data")


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=NARROW, is_mobile=True, has_touch=True, locale="vi-VN")
    context.add_init_script(CAPTURE)
    page = context.new_page()
    yield page
    context.close()


def opened(page: Page) -> tuple[str, str]:
    """The path and content of the one new-file page the button opened."""
    [url] = page.evaluate("window.__opened")
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO}/new/main"
    query = parse_qs(parts.query)
    return query["filename"][0], query["value"][0]


def scratch_review(tmp_path: Path, files: dict[str, str]) -> tuple[str, str]:
    """A scratch repository with the project's data on main and `files` on a branch:
    the output of `validate` and of `diff main pr` there."""
    repo = init(tmp_path / "clone")
    shutil.copytree(ROOT / "data", repo / "data")
    git(repo, "add", "data")
    commit(repo, {}, "Dữ liệu hiện có")
    git(repo, "checkout", "-q", "-b", "pr")
    commit(repo, dict(files), "Ghi nhận nộp (từ biểu mẫu)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    data = [str(repo / "data" / n) for n in ("plan.yml", "communes.yml", "schools.yml")]
    check = subprocess.run(
        [sys.executable, "-m", "scripts.cli", "validate", *data],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    review = subprocess.run(
        [sys.executable, "-m", "scripts.cli", "diff", "--repo", str(repo), "main", "pr"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert review.returncode == 0, review.stdout + review.stderr
    return check.stdout, html.unescape(review.stdout)


def fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"the page is {width} px wide at 360 px"


def test_one_school_recorded_from_its_page_is_valid_and_described(
    page: Page, form_site: str, dataset: Dataset, tmp_path: Path
) -> None:
    school = next(s for s in dataset.schools if s.submission("bao-cao-nam") is None)
    page.goto(f"{form_site}tinh-hinh/truong/{school.id}/")
    form = page.locator("details.tracker-form")
    expect(form.locator("form")).to_be_hidden()  # folded away from readers
    form.locator("summary").click()
    page.get_by_label("Hạn nộp").select_option("bao-cao-nam")
    received = page.get_by_label("Ngày nhận (bắt buộc)")
    received.fill("31/02/2022")
    error = page.locator(f"#ghi-nhan-{school.id}-received-error")
    expect(error).to_contain_text("Ngày “31/02/2022” không có thật")
    expect(received).to_have_attribute("aria-invalid", "true")
    assert f"ghi-nhan-{school.id}-received-error" in (
        received.get_attribute("aria-describedby") or ""
    )
    received.fill("2/11/2022")
    expect(error).to_be_empty()
    page.get_by_label("Số văn bản").fill("41/BC-THBT")
    page.get_by_label("Ngày ký").fill("1/11/2022")
    page.get_by_label("Ghi chú").fill("Gửi qua hệ thống văn bản điện tử")
    path = f"data/submissions/bao-cao-nam/{school.id}.yml"
    expect(form.locator(".tracker-form__path")).to_have_text(path)
    fits(page)
    assert serious_violations(page) == []
    page.get_by_role("button", name="Mở GitHub để tạo yêu cầu hợp nhất").click()
    filename, content = opened(page)
    assert filename == path
    assert f"{school.id}:\n  received: 2/11/2022\n" in content
    out, review = scratch_review(tmp_path, {filename: content})
    assert f"{len(dataset.schools)} trường" in out
    count = sum(len(s.submissions) for s in dataset.schools)
    assert f"{count + 1} lần nộp" in out
    assert "### Các trường thay đổi: 1\n" in review
    assert f"#### {school.name} (mã `{school.id}`)" in review
    assert (
        f"- {school.name}: ghi nhận nộp Báo cáo năm — ngày nhận 02/11/2022, văn bản số "
        f"41/BC-THBT, ký ngày 01/11/2022, ghi chú “Gửi qua hệ thống văn bản điện tử” "
        f"(tệp {path})"
    ) in review.replace("&quot;", "“")


def test_text_pasted_from_word_is_written_plain_and_accepted(
    page: Page, form_site: str, dataset: Dataset, tmp_path: Path
) -> None:
    """A non-breaking space and a zero-width space, as Word and web pages paste them, in
    decomposed Unicode (as some Vietnamese keyboards type): the file written has plain
    spaces, NFC and nothing invisible, and the check of the pull request accepts it."""
    school = next(s for s in dataset.schools if s.submission("bao-cao-nam") is None)
    page.goto(f"{form_site}tinh-hinh/truong/{school.id}/")
    page.locator("details.tracker-form summary").click()
    page.get_by_label("Hạn nộp").select_option("bao-cao-nam")
    page.get_by_label("Ngày nhận (bắt buộc)").fill("2/11/2022\u00a0")
    pasted = unicodedata.normalize("NFD", "Gửi\u00a0bản giấy\u200b qua bưu điện")
    page.get_by_label("Ghi chú").fill(pasted)
    expect(page.locator(f"#ghi-nhan-{school.id}-note-error")).to_be_empty()
    page.get_by_role("button", name="Mở GitHub để tạo yêu cầu hợp nhất").click()
    filename, content = opened(page)
    assert '  note: "Gửi bản giấy qua bưu điện"\n' in content, content
    assert "  received: 2/11/2022\n" in content
    _, review = scratch_review(tmp_path, {filename: content})
    assert "ghi chú “Gửi bản giấy qua bưu điện”" in review.replace("&quot;", "“")


def test_a_name_in_curly_quotes_is_refused_on_its_field(
    page: Page, form_site: str, dataset: Dataset
) -> None:
    school = next(s for s in dataset.schools if s.submission("dang-ky-mo-hinh") is None)
    page.goto(f"{form_site}tinh-hinh/truong/{school.id}/")
    page.locator("details.tracker-form summary").click()
    page.get_by_label("Hạn nộp").select_option("dang-ky-mo-hinh")
    page.get_by_label("Ngày nhận (bắt buộc)").fill("30/4/2022")
    page.get_by_label("Tên mô hình").fill("“Trường học không rác thải nhựa”")
    page.get_by_role("button", name="Mở GitHub để tạo yêu cầu hợp nhất").click()
    error = page.locator(f"#ghi-nhan-{school.id}-model-name-error")
    expect(error).to_contain_text("bắt đầu và kết thúc bằng dấu ngoặc kép cong “")
    expect(error).to_contain_text("Xóa dấu ngoặc cong này.")
    expect(page.get_by_label("Tên mô hình")).to_be_focused()
    assert page.evaluate("window.__opened") == []


def test_a_school_already_recorded_gets_a_link_to_edit_its_file(
    page: Page, form_site: str, dataset: Dataset
) -> None:
    school = next(s for s in dataset.schools if s.submission("bao-cao-nam"))
    page.goto(f"{form_site}tinh-hinh/truong/{school.id}/")
    page.locator("details.tracker-form summary").click()
    page.get_by_label("Hạn nộp").select_option("bao-cao-nam")
    link = page.locator(".tracker-form__edit")
    expect(link).to_be_visible()
    sent = school.submission("bao-cao-nam")
    assert sent is not None
    expect(link).to_have_attribute("href", f"{REPO}/edit/main/{sent.file}")
    expect(page.get_by_label("Ngày nhận (bắt buộc)")).to_be_hidden()


def test_the_shared_cases_get_the_same_verdicts_in_the_page(
    page: Page, form_site: str, dataset: Dataset
) -> None:
    page.goto(f"{form_site}tinh-hinh/truong/{dataset.schools[0].id}/")
    # The form's rules and script load when the form is first opened, not before.
    assert page.evaluate("typeof window.dvkCheckSubmission") == "undefined"
    page.locator("details.tracker-form summary").click()
    page.wait_for_function("() => typeof window.dvkCheckSubmission === 'function'", polling=100)
    today: dt.date = CASES["today"]
    day = {"y": today.year, "m": today.month, "d": today.day}
    for case in CASES["cases"]:
        values = {k: str(v) for k, v in case["values"].items()}
        found = page.evaluate(
            "([d, v, t]) => window.dvkCheckSubmission(d, v, t)", [case["deadline"], values, day]
        )
        said = found.get(case["field"], [])
        if case["verdict"] == "ok":
            assert said == [], (case, said)
        else:
            assert any(case["message"] in m for m in said), (case, found)


def test_many_schools_for_one_deadline_make_one_valid_file(
    page: Page, form_site: str, dataset: Dataset, tmp_path: Path
) -> None:
    waiting = [s for s in dataset.schools if s.submission("bao-cao-nam") is None][:3]
    page.goto(f"{form_site}tinh-hinh/ghi-nhan/bao-cao-nam/")
    for day, school in enumerate(waiting, start=3):
        prefix = f"#nhieu-bao-cao-nam-{school.id}"
        page.locator(f"{prefix}-received").fill(f"{day}/11/2022")
        page.locator(f"{prefix}-number").fill(f"{day}/BC-VD")
    fits(page)
    assert serious_violations(page) == []
    page.get_by_role("button", name="Mở GitHub để tạo yêu cầu hợp nhất").click()
    filename, content = opened(page)
    assert filename.startswith("data/submissions/bao-cao-nam/nhieu-truong-")
    _, review = scratch_review(tmp_path, {filename: content})
    assert "### Các trường thay đổi: 3\n" in review
    for day, school in enumerate(waiting, start=3):
        assert f"- {school.name}: ghi nhận nộp Báo cáo năm — ngày nhận 0{day}/11/2022" in review


def test_many_rows_are_split_so_that_no_address_passes_8000_characters(
    page: Page, form_site: str, dataset: Dataset
) -> None:
    waiting = [s for s in dataset.schools if s.submission("bao-cao-6-thang") is None][:10]
    assert len(waiting) == 10
    page.goto(f"{form_site}tinh-hinh/ghi-nhan/bao-cao-6-thang/")
    note = "Đã nhận đủ hồ sơ, kèm ý kiến của chi bộ và công đoàn về việc thực hiện " * 5
    for school in waiting:
        prefix = f"#nhieu-bao-cao-6-thang-{school.id}"
        page.locator(f"{prefix}-received").fill("5/6/2022")
        page.locator(f"{prefix}-note").fill(note.strip()[:480])
    buttons = page.get_by_role("button", name="Mở GitHub để tạo yêu cầu hợp nhất")
    count = buttons.count()
    assert count >= 2
    expect(buttons.first).to_contain_text(f"Phần 1/{count}")
    for index in range(count):
        buttons.nth(index).click()
    urls = page.evaluate("window.__opened")
    assert len(urls) == count and all(len(url) <= 8000 for url in urls)
    contents = [parse_qs(urlsplit(url).query)["value"][0] for url in urls]
    names = [parse_qs(urlsplit(url).query)["filename"][0] for url in urls]
    assert len(set(names)) == count  # one file per part, never the same name
    recorded = [yaml.safe_load(text) for text in contents]
    assert sorted(k for part in recorded for k in part) == sorted(s.id for s in waiting)
