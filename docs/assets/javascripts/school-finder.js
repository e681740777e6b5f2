/*
 * "Tìm trường của bạn" (scripts/render/board/school_finder.py): typing part of a school's
 * name or commune, with or without diacritics, lists the matching schools with their state
 * for each deadline; a tap opens the school's page. The list of schools
 * (tinh-hinh/tim-truong.json, a few KB) is fetched when the reader first types or focuses
 * the box. Enter (the form's button) opens the list of all schools filtered by the words.
 * Folding: vietnamese-fold.js, a deferred script at the end of every page: this script,
 * deferred too but earlier in the page, starts once the page is read (DOMContentLoaded),
 * when every deferred script has run.
 */
(function () {
  "use strict"

  if (typeof self.vietnameseFold === "function") start()
  else document.addEventListener("DOMContentLoaded", start, { once: true })

  function start() {
    var box = document.querySelector("[data-school-finder]")
    var fold = self.vietnameseFold
    if (!box || typeof fold !== "function" || typeof fetch !== "function")
      return
    var input = box.querySelector("input[name=q]")
    var list = box.querySelector("[data-school-finder-results]")
    var count = box.querySelector("[data-school-finder-count]")
    var schoolUrl = box.getAttribute("data-school-url")
    var MAX = 8
    var data = null
    var loading = null

    function load() {
      if (!loading)
        loading = fetch(box.getAttribute("data-src"), { credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok)
              throw new Error(response.statusText)
            return response.json()
          })
          .then(function (json) {
            data = json
            show()
          })
          .catch(function () {
            loading = null
            count.textContent = "Chưa tải được danh sách trường; bấm “Tìm” để mở danh sách."
          })
      return loading
    }

    function element(tag, className, text) {
      var el = document.createElement(tag)
      if (className)
        el.className = className
      if (text)
        el.textContent = text
      return el
    }

    function item(school) {
      var li = element("li", "school-finder__school")
      var link = element("a", "school-finder__name", school[1])
      link.href = schoolUrl.replace("ID", school[0])
      li.appendChild(link)
      li.appendChild(element("span", "school-finder__commune", school[2]))
      var states = element("ul", "school-finder__states")
      data.deadlines.forEach(function (title, i) {
        var state = data.states[school[4][i]]
        var row = element("li", "school-finder__state")
        row.appendChild(element("span", "school-finder__deadline", title + ": "))
        var badge = element("span", "tracker-state tracker-state--" + school[4][i].replace("_", "-"))
        var icon = element("span", "tracker-state__icon", state.icon)
        icon.setAttribute("aria-hidden", "true")
        badge.appendChild(icon)
        badge.appendChild(document.createTextNode(" " + school[5][i]))
        badge.title = state.label
        row.appendChild(badge)
        states.appendChild(row)
      })
      li.appendChild(states)
      return li
    }

    function show() {
      var words = fold(input.value).split(" ").filter(Boolean)
      list.textContent = ""
      if (!words.length) {
        list.hidden = true
        count.textContent = ""
        return
      }
      if (!data) {
        count.textContent = "Đang tải danh sách trường…"
        load()
        return
      }
      var found = data.schools.filter(function (school) {
        return words.every(function (word) {
          return school[3].indexOf(word) !== -1
        })
      })
      found.slice(0, MAX).forEach(function (school) {
        list.appendChild(item(school))
      })
      list.hidden = found.length === 0
      if (found.length === 0)
        count.textContent = "Không có trường nào khớp với “" + input.value.trim() + "”."
      else if (found.length > MAX)
        count.textContent = "Có " + found.length + " trường khớp; đây là " + MAX +
          " trường đầu. Bấm “Tìm” để xem cả danh sách."
      else
        count.textContent = "Có " + found.length + " trường khớp."
    }

    input.addEventListener("focus", load, { once: true })
    input.addEventListener("input", show)
    if (input.value)
      show()
  }
})()
