"""What folding costs the reader's browser: folding the words of the index, as the search
worker does once when it builds its index. Printed, not asserted (bash run.sh test -m
benchmark -s); the machine is shared, so expect noise.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

FOLD_EVERY_WORD = """async () => {
  const index = await (await fetch("search/search_index.json")).json()
  const separator = new RegExp(index.config.separator)
  const words = index.docs
    .flatMap(doc => [doc.title, doc.text])
    .flatMap(text => text.replace(/<[^>]*>/g, " ").split(separator))
    .filter(Boolean)
  const distinct = [...new Set(words)]
  const time = list => {
    const rounds = 50
    const start = performance.now()
    for (let round = 0; round < rounds; round++)
      for (const word of list)
        self.vietnameseFold(word)
    return (performance.now() - start) / rounds
  }
  return { words: words.length, ms: time(words), distinct: distinct.length, once: time(distinct) }
}"""


@pytest.mark.benchmark
def test_folding_the_whole_index_in_the_browser(phone_page: Page, site_url: str) -> None:
    phone_page.goto(site_url, wait_until="networkidle")
    result = phone_page.evaluate(FOLD_EVERY_WORD)
    per_10k = result["ms"] / result["words"] * 10_000
    print(
        f"\nfolding {result['words']} index words: {result['ms']:.2f} ms "
        f"({per_10k:.1f} ms per 10 000 words), headless Chromium"
    )
    # The worker folds each distinct spelling once (lunr.vi.min.js keeps them).
    print(f"folding its {result['distinct']} distinct spellings once: {result['once']:.2f} ms")
