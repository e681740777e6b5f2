/*
 * Vietnamese folding for search, in the browser and in the search worker.
 *
 * The same rule as fold() in scripts/tracker/vietnamese.py (a test checks they agree):
 * "đ"/"Đ" become "d", the text is decomposed (NFD) and its combining marks dropped, so
 * tone marks and the marks of â ă ê ô ơ ư go, whichever way the tone was placed ("hòa",
 * "hoà") and whether the text came precomposed or decomposed; then lowercase, and runs of
 * white space become one space. "Dân vận khéo" → "dan van kheo".
 *
 * Combining marks are the nonspacing marks (\p{Mn}) except U+034F, which is what Python's
 * unicodedata.combining() keeps for every Latin-script mark. Folded text is only ever
 * compared, never shown.
 */
(function (root) {
  "use strict"

  var D = /[đĐ]/g
  var MARKS = /(?!\u034f)\p{Mn}/gu
  var SPACE = /\s+/

  root.vietnameseFold = function (text) {
    return String(text)
      .replace(D, "d")
      .normalize("NFD")
      .replace(MARKS, "")
      .toLowerCase()
      .split(SPACE)
      .filter(Boolean)
      .join(" ")
  }
})(self)
