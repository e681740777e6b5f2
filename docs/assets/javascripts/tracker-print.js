/* The print buttons of a school page (tinh-hinh/truong/<id>/).
 *
 * Without this script the page prints its status sheet (Ctrl+P), and the link to
 * "#to-dan" opens the notice-board poster, which then prints alone (tracker.css). The
 * script only shows two buttons that do the same at once: each sets the page's
 * address to its sheet ("" or "#to-dan"), then opens the print dialog.
 */
(function () {
  "use strict";

  var box = document.querySelector("[data-tracker-print]");
  if (!box || typeof window.print !== "function") return;
  box.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-print]");
    if (!button) return;
    var sheet = button.getAttribute("data-print");
    if (location.hash.slice(1) !== sheet) location.hash = sheet;
    window.print();
  });
  box.hidden = false;
})();
