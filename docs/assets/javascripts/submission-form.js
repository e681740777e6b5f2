// The form "Ghi nhận nộp" (school pages) and the page for many schools of one deadline.
// Rules and messages come from window.dvkSubmissionRules, written at build time from the
// validator (scripts/render/board/submission_form.py): nothing here re-types a rule.
(function () {
  "use strict";
  var R = window.dvkSubmissionRules;
  if (!R) return;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  }
  function two(n) { return n < 10 ? "0" + n : String(n); }
  // As scripts/common/vietnamese.format_date: 05/6/2022, 17/01/2022.
  function show(d) { return two(d.d) + "/" + (d.m < 3 ? two(d.m) : String(d.m)) + "/" + d.y; }
  function cmp(a, b) { return (a.y - b.y) || (a.m - b.m) || (a.d - b.d); }
  function iso(text) { var p = text.split("-"); return { y: +p[0], m: +p[1], d: +p[2] }; }
  var DATE = new RegExp(R.date_pattern, "u");
  var PLAN = iso(R.plan_date);

  // Today in Vietnam (UTC+7, no daylight saving), whatever the device's time zone.
  function todayInVietnam() {
    var t = new Date(Date.now() + 7 * 3600 * 1000);
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  }

  // A well-shaped date: the date, or the validator's message why it does not exist.
  function realDate(text) {
    var d, m, y, parts;
    if (text.indexOf("/") >= 0) {
      parts = text.split("/"); d = +parts[0]; m = +parts[1]; y = +parts[2];
    } else {
      parts = text.split("-"); y = +parts[0]; m = +parts[1]; d = +parts[2];
    }
    var T = R.templates;
    if (m < 1 || m > 12) {
      // Day and month swapped (5/28/2022): the validator asks "Có phải 28/5/2022?".
      var swapped = y >= 1900 && d >= 1 && d <= 12 && m <= new Date(Date.UTC(y, d, 0)).getUTCDate();
      var guess = swapped ? " Có phải " + show({ y: y, m: d, d: m }) + "?" : "";
      return { error: fill(T.no_such_month, { text: text, month: m, guess: guess, forms: R.date_forms }) };
    }
    if (y < 1900) return { error: fill(T.year_too_early, { text: text, year: y }) };
    var last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    if (d < 1 || d > last) return { error: fill(T.no_such_day, { text: text, month: m, year: y, last: last }) };
    return { date: { y: y, m: m, d: d } };
  }

  var TEXT = {};
  Object.keys(R.text.patterns).forEach(function (key) {
    TEXT[key] = new RegExp(R.text.patterns[key], "u");
  });

  // What the form keeps of a value, as scripts/common/characters.as_typed: NFC, invisible
  // characters dropped, odd spaces (a non-breaking space from Word) made plain, trimmed.
  function characterClass(ranges) {
    function code(n) { return "\\u{" + n.toString(16) + "}"; }
    return new RegExp("[" + ranges.map(function (r) {
      return r[0] === r[1] ? code(r[0]) : code(r[0]) + "-" + code(r[1]);
    }).join("") + "]", "gu");
  }
  var INVISIBLE = characterClass(R.text.invisible_ranges);
  var ODD_SPACE = characterClass(R.text.odd_spaces);
  function asTyped(text) {
    return text.normalize("NFC").replace(INVISIBLE, "").replace(ODD_SPACE, " ").trim();
  }

  // A value in curly quotes, as scripts/validate/text.wrapping_quote.
  function wrappingQuote(value) {
    var C = R.text.curly, first = value.charAt(0), last = value.charAt(value.length - 1);
    if (!value) return null;
    if (Object.prototype.hasOwnProperty.call(C.pairs, first)) {
      var close = value.indexOf(C.pairs[first], 1);
      if (close === -1 || close === value.length - 1)
        return fill(C.message, { where: C.places[close > 0 ? "both" : "start"], quote: first });
    }
    for (var opening in C.pairs) {
      if (last === C.pairs[opening] && value.lastIndexOf(opening, value.length - 2) === -1)
        return fill(C.message, { where: C.places.end, quote: last });
    }
    return null;
  }

  function textMessages(field, value) {
    var out = [], match = TEXT.html.exec(value), quote = wrappingQuote(value);
    if (quote) out.push(quote);
    if (match) out.push(fill(R.text.html, { match: match[0].slice(0, 30) }));
    if (R.text.personal_fields.indexOf(field) >= 0 && TEXT.personal.test(value)) out.push(R.text.personal);
    if (TEXT.markdown_link.test(value)) out.push(R.text.markdown_link);
    return out;
  }

  // The validator's verdict on one submission: {field: [messages]}, "" for the whole entry.
  function check(deadlineId, values, today) {
    today = today || todayInVietnam();
    var problems = {}, dates = {};
    function add(field, message) { (problems[field] = problems[field] || []).push(message); }
    Object.keys(R.fields).forEach(function (field) {
      var rule = R.fields[field], value = values[field] || "";
      if (!value) return;
      if (rule.pattern && !new RegExp(rule.pattern, "u").test(value)) add(field, fill(rule.pattern_message, { value: value }));
      if (rule.max_length && Array.from(value).length > rule.max_length) add(field, rule.max_message);
      textMessages(field, value).forEach(function (m) { add(field, m); });
    });
    ["received", "document_date"].forEach(function (field) {
      var value = values[field] || "";
      if (!value || !DATE.test(value)) return;
      var read = realDate(value);
      if (read.error) { add(field, read.error); return; }
      dates[field] = read.date;
      var what = R.date_names[field];
      if (cmp(read.date, PLAN) < 0) add(field, fill(R.templates.before_plan, { what: what, day: show(read.date), plan: R.plan_date_shown }));
      if (cmp(read.date, today) > 0) add(field, fill(R.templates.after_today, { what: what, day: show(read.date), today: show(today) }));
    });
    if (dates.received && dates.document_date && cmp(dates.document_date, dates.received) > 0) {
      add("document_date", fill(R.templates.signed_after_received, { signed: show(dates.document_date), received: show(dates.received) }));
    }
    if (!values.received) add("received", R.required_received);
    var deadline = R.deadlines[deadlineId] || {};
    var name = values["model.name"], kind = values["model.kind"];
    if (deadline.requires_model) {
      if (!name && !kind) add("model.name", R.model.missing);
      else if (!kind) add("model.kind", R.model.kind_missing);
      else if (!name) add("model.name", R.model.name_missing);
    }
    return problems;
  }

  function quoted(value) { return JSON.stringify(value); }

  // One school's entry of a submission file, in the layout of data/submissions/.
  function entry(schoolId, deadlineId, values) {
    var lines = [schoolId + ":", "  received: " + values.received];
    if (values.number) lines.push("  number: " + quoted(values.number));
    if (values.document_date) lines.push("  document_date: " + values.document_date);
    if ((R.deadlines[deadlineId] || {}).requires_model && (values["model.name"] || values["model.kind"])) {
      lines.push("  model:");
      if (values["model.name"]) lines.push("    name: " + quoted(values["model.name"]));
      if (values["model.kind"]) lines.push("    kind: " + values["model.kind"]);
    }
    if (values.note) lines.push("  note: " + quoted(values.note));
    if (values.link) lines.push("  link: " + quoted(values.link));
    return lines.join("\n") + "\n";
  }

  function fileText(comment, entries) {
    return R.schema_line + "\n# " + comment + "\n" + entries.join("");
  }

  function branchPath(branch) { return branch.split("/").map(encodeURIComponent).join("/"); }
  function newFileUrl(repo, branch, path, content) {
    return repo + "/new/" + branchPath(branch) + "?filename=" + encodeURIComponent(path) + "&value=" + encodeURIComponent(content);
  }
  function editUrl(repo, branch, path) {
    return repo + "/edit/" + branchPath(branch) + "/" + path.split("/").map(encodeURIComponent).join("/");
  }

  function readValues(scope) {
    var values = {};
    scope.querySelectorAll("input[name], select[name]").forEach(function (control) {
      if (control.name === "deadline" || control.closest("[hidden]")) return;
      values[control.name] = asTyped(control.value);
    });
    return values;
  }

  // Errors next to each field (aria-describedby, aria-live) and on the control itself.
  function showErrors(scope, problems, touchedOnly) {
    var count = 0;
    scope.querySelectorAll("input[name], select[name]").forEach(function (control) {
      if (control.name === "deadline") return;
      var box = document.getElementById(control.id + "-error");
      var messages = control.closest("[hidden]") ? [] : problems[control.name] || [];
      if (touchedOnly && !control.dataset.touched) messages = [];
      count += messages.length ? 1 : 0;
      if (box) box.textContent = messages.join(" ");
      if (messages.length) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    });
    var whole = (problems[""] || []).join(" ");
    return { count: count, whole: whole };
  }

  function firstInvalid(scope) { return scope.querySelector("[aria-invalid='true']"); }

  // --- One school (school page) -------------------------------------------------------
  function schoolForm(box) {
    var form = box.querySelector("form");
    var select = form.querySelector("select[name='deadline']");
    var fields = form.querySelector(".tracker-form__fields");
    var existing = form.querySelector(".tracker-form__existing");
    var summary = form.querySelector(".tracker-form__summary");
    var pathBox = form.querySelector(".tracker-form__path");
    var contentBox = form.querySelector(".tracker-form__content code");
    var repo = box.dataset.repo, branch = box.dataset.branch, school = box.dataset.school;

    function state() {
      var option = select.options[select.selectedIndex];
      var deadlineId = select.value;
      form.querySelectorAll("[data-model-field]").forEach(function (p) { p.hidden = option.dataset.model !== "true"; });
      var file = option.dataset.file;
      existing.hidden = !file;
      fields.hidden = !!file;
      if (file) {
        var link = existing.querySelector("a");
        link.textContent = file;
        if (repo) link.href = editUrl(repo, branch, file);
        else link.removeAttribute("href");
      }
      var values = readValues(form);
      var path = "data/submissions/" + deadlineId + "/" + school + ".yml";
      var title = (R.deadlines[deadlineId] || {}).title || deadlineId;
      var content = fileText(box.dataset.schoolName + " — " + title, [entry(school, deadlineId, values)]);
      pathBox.textContent = path;
      contentBox.textContent = content;
      return { deadlineId: deadlineId, values: values, path: path, content: content };
    }

    function refresh(all) {
      var now = state();
      var shown = showErrors(form, check(now.deadlineId, now.values), !all);
      summary.textContent = all && (shown.count || shown.whole) ? "Chưa mở GitHub: sửa " + shown.count + " ô có lỗi ở trên. " + shown.whole : "";
      return { now: now, ok: !shown.count && !shown.whole };
    }

    form.addEventListener("input", function (event) { event.target.dataset.touched = "1"; refresh(false); });
    form.addEventListener("change", function (event) { event.target.dataset.touched = "1"; refresh(false); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var result = refresh(true);
      if (!result.ok) { var bad = firstInvalid(form); if (bad) bad.focus(); return; }
      if (repo) window.open(newFileUrl(repo, branch, result.now.path, result.now.content), "_blank", "noopener");
    });
    refresh(false);
  }

  // --- Many schools, one deadline (page "Ghi nhận nhiều trường") -----------------------
  function shortTag() {
    var bytes = new Uint8Array(3);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  function manyForm(box) {
    var form = box.querySelector("form");
    var deadlineId = box.dataset.deadline, repo = box.dataset.repo, branch = box.dataset.branch;
    var summary = form.querySelector(".tracker-form__summary");
    var out = box.querySelector(".tracker-many__files");
    var tag = shortTag();
    var title = (R.deadlines[deadlineId] || {}).title || deadlineId;

    function rows() { return Array.from(form.querySelectorAll("[data-school]")); }
    function filled(row) { return Array.from(row.querySelectorAll("input[name]")).some(function (c) { return c.value.trim(); }); }

    function build(all) {
      var today = todayInVietnam(), bad = 0, entries = [];
      rows().forEach(function (row) {
        var values = readValues(row);
        var problems = filled(row) ? check(deadlineId, values, today) : {};
        var shown = showErrors(row, problems, !all);
        if (filled(row)) {
          bad += shown.count;
          entries.push({ school: row.dataset.school, text: entry(row.dataset.school, deadlineId, values) });
        }
      });
      var date = today.y + "-" + two(today.m) + "-" + two(today.d);
      var parts = split(entries, date);
      out.textContent = "";
      parts.forEach(function (part, index) {
        var item = document.createElement("div");
        item.className = "tracker-many__file";
        var label = parts.length > 1 ? "Phần " + (index + 1) + "/" + parts.length + ": " : "";
        var p = document.createElement("p");
        p.textContent = label + "tệp sẽ tạo " + part.path + " (" + part.count + " trường)";
        var pre = document.createElement("pre");
        pre.tabIndex = 0;
        var code = document.createElement("code");
        code.textContent = part.content;
        pre.appendChild(code);
        item.appendChild(p);
        item.appendChild(pre);
        if (repo) {
          var button = document.createElement("button");
          button.type = "button";
          button.className = "md-button md-button--primary";
          button.textContent = (parts.length > 1 ? "Phần " + (index + 1) + "/" + parts.length + " — " : "") + box.dataset.button;
          button.addEventListener("click", function () {
            if (build(true).bad) return;
            window.open(part.url, "_blank", "noopener");
          });
          item.appendChild(button);
        }
        out.appendChild(item);
      });
      summary.textContent = all && bad ? "Chưa mở GitHub: sửa " + bad + " ô có lỗi ở trên." : "";
      if (all && bad) { var first = firstInvalid(form); if (first) first.focus(); }
      return { bad: bad, parts: parts };
    }

    // One file per part, each address under R.max_url characters.
    function split(entries, date) {
      var parts = [], current = [];
      function make(list, number) {
        var path = "data/submissions/" + deadlineId + "/nhieu-truong-" + date + "-" + tag + (number > 1 ? "-" + number : "") + ".yml";
        var content = fileText(title + " — " + list.length + " trường", list.map(function (e) { return e.text; }));
        return { path: path, content: content, count: list.length, url: repo ? newFileUrl(repo, branch, path, content) : "" };
      }
      entries.forEach(function (e) {
        var next = current.concat([e]);
        if (current.length && make(next, parts.length + 1).url.length > R.max_url) {
          parts.push(current);
          current = [e];
        } else {
          current = next;
        }
      });
      if (current.length) parts.push(current);
      return parts.map(function (list, i) { return make(list, parts.length > 1 ? i + 1 : 1); });
    }

    form.addEventListener("input", function (event) { event.target.dataset.touched = "1"; build(false); });
    form.addEventListener("submit", function (event) { event.preventDefault(); build(true); });
    build(false);
  }

  // For the tests: the verdict on values as typed into the form (kept as the form keeps them).
  window.dvkCheckSubmission = function (deadlineId, typed, today) {
    var values = {};
    Object.keys(typed).forEach(function (field) { values[field] = asTyped(String(typed[field])); });
    return check(deadlineId, values, today);
  };
  document.querySelectorAll(".tracker-form[data-school]").forEach(schoolForm);
  document.querySelectorAll(".tracker-many[data-deadline]").forEach(manyForm);
})();
