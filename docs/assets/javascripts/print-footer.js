/*
 * On paper, every sheet shows the page's public address and the day it was printed,
 * in the page's bottom margin (CSS page-margin boxes). A constructed stylesheet keeps
 * this within the site's Content-Security-Policy (no inline style).
 *
 * The note about time is printed in full: the print styles show the inside of its closed
 * <details>; for browsers that cannot style it (no ::details-content), it is opened just
 * before printing and closed again after.
 */
(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.time-note:not([open])").forEach(function (note) {
      note.open = true;
      opened.push(note);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (note) { note.open = false; });
    opened = [];
  });
})();

(function () {
  if (!("adoptedStyleSheets" in document) || typeof CSSStyleSheet !== "function") return;
  var canonical = document.querySelector('link[rel="canonical"]');
  var address = canonical ? canonical.href : location.href;
  var sheet = new CSSStyleSheet();

  function quote(text) {
    return '"' + String(text).replace(/["\\]/g, "\\$&") + '"';
  }
  // The day in Vietnam (UTC+7 all year, no daylight saving), whatever the device's time
  // zone, written as the plan writes dates (scripts/common/vietnamese.py, format_date):
  // 02/12/2026, 15/5/2022, 17/01/2022.
  function today() {
    var d = new Date(Date.now() + 7 * 3600 * 1000);
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var month = d.getUTCMonth() + 1;
    return pad(d.getUTCDate()) + "/" + (month < 3 ? pad(month) : month) + "/" + d.getUTCFullYear();
  }
  function stamp() {
    var box = "font-family: Arial, sans-serif; font-size: 8pt; color: #333;";
    sheet.replaceSync(
      "@page {" +
        "@bottom-left { content: " + quote(address) + "; " + box + " }" +
        "@bottom-right { content: " + quote("In ngày " + today()) + "; " + box + " }" +
      "}"
    );
  }
  stamp();
  document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
  window.addEventListener("beforeprint", stamp);
})();
