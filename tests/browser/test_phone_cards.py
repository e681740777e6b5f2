"""A table of schools on a 360-px phone: each school a card, name and status in sight.

At 360 × 740 every school shown on the overview, a deadline page, the list and a school
page has its name and its status inside the screen's width, and nothing scrolls
sideways (the calendar neither); a school page shows every deadline's state on the first
screen, and a deadline not met links to its guide and Word template. At 1280 px the same
tables are still tables. One page per viewport, reused.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

PHONE_360 = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
OVERVIEW = "tinh-hinh/"
DEADLINE = "tinh-hinh/han/bao-cao-6-thang/"
LIST = "tinh-hinh/danh-sach/"
SCHOOL = "tinh-hinh/truong/th-binh-thanh/"

# For every card (a row of a table marked data-cards): where its title and its states are,
# and their text as drawn. A card far off the screen is drawn only once scrolled near
# (content-visibility: auto): with `scroll`, a card not yet drawn is scrolled to, as a
# reader would, and measured once drawn. Without it (a page without JavaScript, where
# the browser runs no frame callbacks), only where the cards are is read.
CARDS = """async (scroll) => {
  const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const box = el => { const r = el.getBoundingClientRect();
                      return {left: r.left, right: r.right, width: r.width, text: el.innerText}; };
  const cards = [];
  for (const row of document.querySelectorAll("table[data-cards] tbody tr")) {
    if (scroll && !row.innerText.trim()) {
      row.scrollIntoView({block: "center"});
      for (let tries = 0; tries < 10 && !row.innerText.trim(); tries++) await frame();
    }
    const title = row.querySelector(".card-title");
    // A school's states; on a table of counts (by level, by commune), its counts.
    let states = [...row.querySelectorAll(".card-lead")];
    if (!states.length) states = [...row.querySelectorAll("td.tracker-num")];
    cards.push({title: box(title), states: states.map(box)});
  }
  scrollTo(0, 0);
  return cards;
}"""
SIDEWAYS = """() => ({
  page: document.documentElement.scrollWidth,
  boxes: [...document.querySelectorAll(".tracker-scroll, .md-typeset__scrollwrap")]
    .map(b => b.scrollWidth - b.clientWidth),
})"""
# A state's icon: drawn by the style sheet (an SVG mask), no character a font must have.
ICONS = """() => Object.fromEntries([...document.querySelectorAll(".tracker-state__icon")]
  .map(i => [i.closest("[class*='tracker-state--']").className.match(/tracker-state--([a-z-]+)/)[1],
             {text: i.textContent, mask: getComputedStyle(i).maskImage,
              width: i.getBoundingClientRect().width}]))"""
CALENDAR = "lich/"
SCHOOL_STATUS = """() => [document.querySelector("h1"),
                          ...document.querySelectorAll(".tracker-deadline__state .tracker-state")]
  .map(el => { const r = el.getBoundingClientRect();
               return {left: r.left, right: r.right, bottom: r.bottom, width: r.width,
                       text: el.innerText}; })"""
TABLES = """() => [...document.querySelectorAll("table[data-cards]")].map(t => ({
  head: t.tHead.getBoundingClientRect().height,
  row: getComputedStyle(t.tBodies[0].rows[0]).display,
  cell: getComputedStyle(t.tBodies[0].rows[0].cells[0]).display,
}))"""


def _inside(box: dict, width: int) -> bool:
    return box["width"] > 0 and box["left"] >= 0 and box["right"] <= width + 0.5


@pytest.fixture(scope="module")
def data(site_dir: Path) -> dict:
    return json.loads((site_dir / "tai-ve" / "tinh-hinh-nop.json").read_bytes())


def _states(data: dict) -> list[dict]:
    return [v for school in data["schools"] for v in school["deadlines"].values()]


def test_every_school_shows_name_and_status_on_a_360_px_phone(
    browser: Browser, site_url: str, data: dict
) -> None:
    width = PHONE_360["width"]
    context = browser.new_context(viewport=PHONE_360, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        schools = len(data["schools"])
        expected_cards = {OVERVIEW: None, DEADLINE: schools, LIST: schools}
        for path, count in expected_cards.items():
            page.goto(site_url + path)
            # The folded tables too (by commune): opened as a reader would open them.
            page.evaluate(
                "document.querySelectorAll('details.tracker-details')"
                ".forEach(d => { d.open = true; })"
            )
            cards = page.evaluate(CARDS, True)
            assert cards, f"{path}: no table shown as cards"
            if count is not None:
                assert len(cards) == count, path
            for card in cards:
                name = card["title"]["text"]
                assert _inside(card["title"], width), f"{path}: {name!r} is off the screen"
                assert card["states"], f"{path}: {name!r} has no status"
                for state in card["states"]:
                    assert state["text"].strip(), f"{path}: {name!r} has an empty status"
                    assert _inside(state, width), f"{path}: {name!r}: {state['text']!r} cut off"
            sideways = page.evaluate(SIDEWAYS)
            assert sideways["page"] <= width, f"{path} scrolls sideways"
            assert all(extra <= 0 for extra in sideways["boxes"]), f"{path}: a table scrolls"
            if path == LIST:
                icons = page.evaluate(ICONS)
                assert set(icons) == {s["state"].replace("_", "-") for s in _states(data)}
                masks = set()
                for state, icon in icons.items():
                    assert icon["text"] == "" and icon["width"] > 0, state
                    assert icon["mask"].startswith('url("') and f"state-{state}.svg" in icon["mask"]
                    masks.add(icon["mask"])
                assert len(masks) == len(icons), "each state has its own icon"
        # The calendar's table too: one block per date, nothing to scroll.
        page.goto(site_url + CALENDAR)
        sideways = page.evaluate(SIDEWAYS)
        assert sideways["page"] <= width and all(x <= 0 for x in sideways["boxes"]), sideways
        page.goto(site_url + SCHOOL)
        shown = page.evaluate(SCHOOL_STATUS)
        assert len(shown) == 1 + len(data["deadlines"])
        for box in shown:
            assert _inside(box, width), f"{SCHOOL}: {box['text']!r} is off the screen"
            # The answer on the first screen: every deadline's state above the fold.
            assert box["bottom"] <= PHONE_360["height"], f"{SCHOOL}: {box['text']!r} below"
        assert page.evaluate(SIDEWAYS)["page"] <= width
        # A deadline not met says what to do: its guide and its Word template, which open.
        school = next(s for s in data["schools"] if SCHOOL.endswith(f"/{s['id']}/"))
        missing = [d for d, v in school["deadlines"].items() if v["state"] == "missing"]
        assert missing, f"{SCHOOL} should have a missing deadline in the sample data"
        for deadline in missing:
            item = page.locator(f'li[data-deadline="{deadline}"]')
            guide = item.get_by_role("link", name="xem hướng dẫn")
            template = item.get_by_role("link", name="tải mẫu Word")
            assert "/huong-dan/" in (guide.get_attribute("href") or "")
            assert (template.get_attribute("download") or "").endswith(".docx")
            for target in (guide, template):
                href = target.evaluate("a => a.href")
                assert page.request.get(href).ok, href
        page.get_by_role("link", name="xem hướng dẫn").first.click()
        page.wait_for_url("**/huong-dan/**")
        expect(page.locator("h1")).to_have_count(1)
    finally:
        context.close()


NOTE_ICON = """() => getComputedStyle(
  document.querySelector(".admonition.note > .admonition-title"), "::before").maskImage"""
MATERIAL_PENCIL = "M20.71 7.04"
"""The start of the path of Material's pencil, its default icon for a "note" box."""


def test_the_same_tables_stay_tables_at_1280_px(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        # An information box has a neutral icon, not the pencil that reads as "edit".
        page.goto(site_url + "huong-dan/cap-nhat-du-lieu/")
        icon = page.evaluate(NOTE_ICON)
        assert icon.startswith('url("data:image/svg+xml') and MATERIAL_PENCIL not in icon
        for path in (OVERVIEW, DEADLINE, LIST):
            page.goto(site_url + path)
            tables = page.evaluate(TABLES)
            assert tables, path
            for table in tables:
                assert table["head"] > 0, f"{path}: the column headers are shown"
                assert (table["row"], table["cell"]) == ("table-row", "table-cell"), path
    finally:
        context.close()


def test_the_cards_need_no_javascript(browser: Browser, site_url: str, data: dict) -> None:
    context = browser.new_context(viewport=PHONE_360, is_mobile=True, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + LIST)
        cards = page.evaluate(CARDS, False)
        assert len(cards) == len(data["schools"])
        for card in cards:
            assert _inside(card["title"], PHONE_360["width"]), card["title"]["text"]
            assert all(_inside(state, PHONE_360["width"]) for state in card["states"])
        assert page.evaluate(SIDEWAYS)["page"] <= PHONE_360["width"]
    finally:
        context.close()
