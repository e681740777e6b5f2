// The form "Ghi nhận nộp" on a school page loads its style, rules and script only when a
// member of staff first opens it: a reader who never opens it downloads none of them.
(function () {
  "use strict";
  document.querySelectorAll("details.tracker-form[data-assets]").forEach(function (box) {
    function load() {
      if (!box.open || box.dataset.loaded) return;
      box.dataset.loaded = "1";
      var assets = JSON.parse(box.dataset.assets);
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = assets.style;
      document.head.appendChild(link);
      assets.scripts.forEach(function (src) {
        var script = document.createElement("script");
        script.src = src;
        script.async = false; // the rules before the script that reads them
        document.head.appendChild(script);
      });
    }
    box.addEventListener("toggle", load);
    load();
  });
})();
