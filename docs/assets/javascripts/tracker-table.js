/* Filter and sort the table of schools (tinh-hinh/danh-sach/).
 *
 * Without this script the page is a plain table. Each row carries, from the build:
 *   data-search  the school's and commune's names folded ("bình thạnh" → "binh thanh"),
 *   data-level   its level, data-states its state for each deadline,
 *   data-sort    on each cell, its position when the column is sorted.
 * fold() below must match scripts/tracker/vietnamese.py: đ → d, tone marks removed.
 */
(function () {
  "use strict";

  var table = document.querySelector("table[data-tracker-table]");
  var form = document.querySelector("form[data-tracker-filter]");
  if (!table || !form) return;

  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  rows.forEach(function (row, i) { row._order = i; });
  var query = form.querySelector("#tracker-q");
  var level = form.querySelector("#tracker-level");
  var state = form.querySelector("#tracker-state");
  var deadline = form.querySelector("#tracker-deadline");
  var count = form.querySelector("[data-tracker-count]");
  var empty = document.querySelector("[data-tracker-empty]");

  function fold(text) {
    return text
      .replace(/[đĐ]/g, "d")
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .join(" ");
  }

  function matches(row, q, lv, st, dl) {
    if (q && row.getAttribute("data-search").indexOf(q) === -1) return false;
    if (lv && row.getAttribute("data-level") !== lv) return false;
    if (st) {
      var states = row.getAttribute("data-states").split(" ");
      if (dl !== "") return states[Number(dl)] === st;
      return states.indexOf(st) !== -1;
    }
    return true;
  }

  function filter() {
    var q = fold(query.value);
    var shown = 0;
    rows.forEach(function (row) {
      var ok = matches(row, q, level.value, state.value, deadline.value);
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = "Đang hiện " + shown + " trên " + rows.length + " trường.";
    empty.hidden = shown !== 0;
  }

  // Column headers become sort buttons: a click sorts ascending, a second one descending.
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "tracker-sort";
    while (th.firstChild) button.appendChild(th.firstChild);
    var arrow = document.createElement("span");
    arrow.className = "tracker-sort__arrow";
    arrow.setAttribute("aria-hidden", "true");
    button.appendChild(arrow);
    th.appendChild(button);
    button.addEventListener("click", function () {
      sortBy(column, th.getAttribute("aria-sort") !== "ascending");
    });
  });

  function sortBy(column, ascending) {
    headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
    headers[column].setAttribute("aria-sort", ascending ? "ascending" : "descending");
    order.value = column + (ascending ? "+" : "-");
    sort(column, ascending);
  }

  // On a phone the table is a list of cards and its headers are not shown: the same sorts,
  // as a choice in the form ("Sắp xếp theo"), which tracker.css shows only there.
  var order = document.createElement("select");
  order.id = "tracker-order";
  headers.forEach(function (th, column) {
    var name = th.querySelector(".tracker-sort").textContent.trim();
    [true, false].forEach(function (ascending) {
      var option = document.createElement("option");
      option.value = column + (ascending ? "+" : "-");
      option.textContent = name + (ascending ? " (tăng dần)" : " (giảm dần)");
      order.appendChild(option);
    });
  });
  var field = document.createElement("div");
  field.className = "tracker-filter__field tracker-filter__field--cards";
  var label = document.createElement("label");
  label.htmlFor = order.id;
  label.textContent = "Sắp xếp theo";
  field.appendChild(label);
  field.appendChild(order);
  form.insertBefore(field, count);
  headers.forEach(function (th, column) {
    var sorted = th.getAttribute("aria-sort");
    if (sorted) order.value = column + (sorted === "ascending" ? "+" : "-");
  });
  order.addEventListener("change", function () {
    sortBy(Number(order.value.slice(0, -1)), order.value.slice(-1) === "+");
  });

  function sort(column, ascending) {
    var sign = ascending ? 1 : -1;
    rows.sort(function (a, b) {
      var x = Number(a.cells[column].getAttribute("data-sort"));
      var y = Number(b.cells[column].getAttribute("data-sort"));
      return x !== y ? sign * (x - y) : a._order - b._order;
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) { fragment.appendChild(row); });
    body.appendChild(fragment);
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  query.addEventListener("input", filter);
  [level, state, deadline].forEach(function (select) {
    select.addEventListener("change", filter);
  });
  // The words from the address (?q=…: the home page's school finder, a shared link) fill
  // the box; so do cap, tinh-trang and han when they name one of the choices.
  var params = new URLSearchParams(location.search);
  if (params.has("q")) query.value = params.get("q");
  [level, state, deadline].forEach(function (select) {
    var value = params.get(select.name);
    if (value !== null && Array.prototype.some.call(select.options, function (option) {
      return option.value === value;
    })) select.value = value;
  });
  form.hidden = false;
  filter();
})();
