/*
 * Highlight on the page the words a search matched, with their diacritics.
 *
 * With search.highlight, a search result links to its page with ?h=<matched terms>, and
 * Material marks those terms on the page. The search worker folds terms ("Dân" → "dan",
 * see lunr/min/lunr.vi.min.js), so h holds folded terms that Material's highlighter
 * would not find in "Dân vận khéo". This script runs before Material reads h (Material
 * mounts its components on DOMContentLoaded) and replaces the folded terms with the
 * spellings of this page's words that fold to them (or, for a term no word folds to,
 * that start with it, as the search matched it). Material then marks them as usual.
 */
(function () {
  "use strict"

  var url = new URL(location.href)
  var h = url.searchParams.get("h")
  var content = document.querySelector("[data-md-component=content]")
  if (!h || !content || typeof self.vietnameseFold !== "function")
    return

  var fold = self.vietnameseFold
  var terms = fold(h).split(" ").filter(Boolean)

  /* The page's words, each once, by folded form */
  var spellings = new Map()
  var words = content.textContent.match(/[\p{L}\p{M}\p{N}]+/gu) || []
  for (var i = 0; i < words.length; i++) {
    var word = words[i].toLowerCase()
    var folded = fold(word)
    if (!spellings.has(folded))
      spellings.set(folded, new Set())
    spellings.get(folded).add(word)
  }

  /* For each term, the words that fold to it, or else those whose folded form it starts */
  var found = new Set()
  terms.forEach(function (term) {
    var exact = spellings.get(term)
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
