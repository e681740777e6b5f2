/*
 * Pages once opened work offline: registers the service worker (sw.js at the site root,
 * written by hooks/offline.py) and, on a page shown from the phone's saved copy, tells the
 * reader it may be out of date. An external file: the Content-Security-Policy allows no
 * inline script.
 */
(function () {
  "use strict";
  var root = document.currentScript && new URL("../../", document.currentScript.src);
  var savedCopy = document.documentElement.hasAttribute("data-offline-copy");

  if (savedCopy || navigator.onLine === false) {
    var article = document.querySelector("article");
    if (article) {
      var notice = document.createElement("p");
      notice.className = "offline-notice";
      notice.setAttribute("role", "status");
      article.insertBefore(notice, article.firstChild);
      // Text set after the live region exists, so screen readers announce it.
      setTimeout(function () {
        notice.textContent =
          "Bạn đang xem bản đã lưu trên máy (không có mạng); tình hình có thể đã thay đổi.";
      }, 100);
    }
  }

  // Not on file: pages, nor where service workers are unavailable.
  if (!root || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  window.addEventListener("load", function () {
    var controlled = Boolean(navigator.serviceWorker.controller);
    navigator.serviceWorker
      .register(new URL("sw.js", root).href, { scope: root.pathname })
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        // This page loaded before the worker ran: hand it the page and what it loaded,
        // so that the first page opened also works offline.
        if (controlled || !registration.active) return;
        var urls = [location.href].concat(
          performance.getEntriesByType("resource").map(function (entry) {
            return entry.name;
          })
        );
        registration.active.postMessage({ remember: urls });
      })
      .catch(function () {
        // No worker (offline, private browsing): the site works as before, online.
      });
  });
})();
