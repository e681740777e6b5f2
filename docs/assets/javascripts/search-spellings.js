/*
 * Show search words as the reader typed them and as the page writes them.
 *
 * The search worker folds every word ("Dân" → "dan", see lunr/min/lunr.vi.min.js), and
 * Material shows two things straight from the worker's folded terms: the words a result
 * lacks ("Không có: …") and, with search.highlight, the words to mark on the page a result
 * links to (its ?h= parameter). This script puts the spellings back.
 */
(function () {
  "use strict"

  var fold = self.vietnameseFold
  var WORDS = /[\p{L}\p{M}\p{N}]+/gu
  if (typeof fold !== "function")
    return

  /*
   * Results: a missing word is shown as the reader typed it ("Không có: Ủy", not "uy").
   */
  var input = document.querySelector("[data-md-component=search-query]")
  var list = document.querySelector(".md-search-result__list")
  if (input && list)
    new MutationObserver(function () {
      var typed = new Map()
      ;(input.value.match(WORDS) || []).forEach(function (word) {
        typed.set(fold(word), word)
      })
      list.querySelectorAll(".md-search-result__terms del").forEach(function (del) {
        var word = typed.get(del.textContent)
        if (word && word !== del.textContent)
          del.textContent = word
      })
    }).observe(list, { childList: true, subtree: true })

  /*
   * The page a result links to: Material marks the words of ?h= when it mounts its
   * components on DOMContentLoaded, after this script has run. Replace the folded terms
   * with the spellings of this page's words that fold to them (or, for a term no word
   * folds to, that start with it, as the search matched it); Material then marks those.
   */
  var url = new URL(location.href)
  var h = url.searchParams.get("h")
  var content = document.querySelector("[data-md-component=content]")
  if (!h || !content)
    return

  /* The page's words, each once, by folded form */
  var spellings = new Map()
  ;(content.textContent.match(WORDS) || []).forEach(function (word) {
    var folded = fold(word)
    if (!spellings.has(folded))
      spellings.set(folded, new Set())
    spellings.get(folded).add(word.toLowerCase())
  })

  /* For each term, the words that fold to it, or else those whose folded form it starts */
  var found = new Set()
  fold(h).split(" ").filter(Boolean).forEach(function (term) {
    var exact = spellings.has(term)
    spellings.forEach(function (forms, folded) {
      if (exact ? folded === term : folded.startsWith(term))
        forms.forEach(function (form) {
          found.add(form)
        })
    })
  })

  if (found.size) {
    url.searchParams.set("h", Array.from(found).join(" "))
    history.replaceState(history.state, "", url.href)
  }
})()
