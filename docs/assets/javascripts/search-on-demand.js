/*
 * Search loaded when wanted: the search index (search/search_index.json) and Material's
 * search worker are downloaded when the reader first opens or focuses search, not on every
 * first visit (about 35 KB gzipped that most readers, who never search, would not use).
 *
 * Material (9.x) fetches the index as soon as its bundle starts, if the page has a form
 * named "search", and starts its worker at once. This script runs just before the bundle
 * (overrides/main.html):
 * - it takes the name off the search form, so the bundle asks for no index;
 * - it hands the bundle, in place of the search worker, a stand-in that keeps the
 *   bundle's messages; on the first focus or opening of search it fetches the index,
 *   starts the real worker, gives it the index (the message Material itself would send)
 *   and then the kept messages; the worker's answers go back to the bundle unchanged.
 * Once loaded, search works offline as before: the service worker (sw.js) keeps the index
 * and the worker's files.
 *
 * A page opened from a search result (?h=…) lets Material load search as it always does:
 * it marks the words searched for, and needs the index for that (already in the browser's
 * cache, since the reader just searched).
 */
(function () {
  "use strict"

  var form = document.forms.namedItem("search")
  var data = document.getElementById("__config")
  if (!form || !data || typeof Worker !== "function" || typeof EventTarget !== "function")
    return
  if (location.protocol === "file:" || new URL(location.href).searchParams.has("h"))
    return
  var config
  try {
    config = JSON.parse(data.textContent)
  } catch (error) {
    return
  }
  if (!config.search)
    return

  var here = location.href
  var workerUrl = new URL(config.search, here).href
  var indexUrl = new URL("search/search_index.json", new URL(config.base, here)).href
  var suggest = (config.features || []).indexOf("search.suggest") >= 0

  var Native = window.Worker
  var standIn = null
  var wanted = false

  /* The stand-in: what the bundle holds as its search worker */
  function StandIn(url, options) {
    var target = new EventTarget()
    var kept = []
    var worker = null
    var loading = false

    target.postMessage = function (message) {
      if (worker)
        worker.postMessage(message)
      else
        kept.push(message)
    }
    target.terminate = function () {
      if (worker)
        worker.terminate()
    }
    target.load = function () {
      if (worker || loading)
        return
      loading = true
      fetch(indexUrl, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok)
            throw new Error(response.statusText)
          return response.json()
        })
        .then(function (index) {
          worker = new Native(url, options)
          worker.addEventListener("message", function (event) {
            target.dispatchEvent(new MessageEvent("message", { data: event.data }))
          })
          // Material's first message (type 0, "setup"): the index and its options.
          worker.postMessage({
            type: 0,
            data: { config: index.config, docs: index.docs, options: { suggest: suggest } }
          })
          kept.forEach(function (message) {
            worker.postMessage(message)
          })
          kept = []
        })
        .catch(function () {
          // Offline with no saved index, or the server failed: try again next time.
          loading = false
        })
    }
    return target
  }

  function want() {
    wanted = true
    if (standIn)
      standIn.load()
  }

  /* Only the bundle's search worker is replaced, once; any other worker is left alone */
  window.Worker = function (url, options) {
    if (standIn || new URL(url, here).href !== workerUrl)
      return new Native(url, options)
    window.Worker = Native
    standIn = StandIn(url, options)
    if (wanted)
      standIn.load()
    return standIn
  }
  window.Worker.prototype = Native.prototype

  form.removeAttribute("name")
  form.addEventListener("focusin", want)
  var toggle = document.getElementById("__search")
  if (toggle)
    toggle.addEventListener("change", function () {
      if (toggle.checked)
        want()
    })
  document.querySelectorAll("label[for=__search]").forEach(function (label) {
    label.addEventListener("click", want)
  })
})()
