/*
 * Service worker: pages a reader has opened open again without a connection.
 * Template: hooks/offline.py writes it to the site root as sw.js (scope: the whole site,
 * whatever sub-path the site is served under) with the build's version filled in.
 *
 * - Pages (navigations), the search index and the school finder's list: network first, so
 *   a reader online always gets this build's pages; the saved copy is only the fallback
 *   when the network fails.
 * - Files whose name carries a content hash (Material's bundles, e.g. main.57a0d79d.min.css):
 *   cache first; a new version has a new name, so a saved copy is never stale.
 * - The project's own CSS/JS and images (site.css, tracker-table.js, QR codes …) have no
 *   hash in their names: network first as well. Stale-while-revalidate would save a
 *   round trip, but could pair a fresh page with last build's script for one view;
 *   network first costs no more than having no service worker at all (the browser's own
 *   cache, 10 minutes on GitHub Pages, still answers first) and `mkdocs serve` never
 *   shows an old stylesheet.
 * - Anything else (downloads: Excel, CSV, calendar …) is left alone, never stored.
 * Nothing is stored ahead of time except the small offline page; a page opened before
 * this worker ran is handed over by assets/javascripts/offline.js (message "remember").
 */
"use strict";

const VERSION = "__SITE_VERSION__"; // derived from the site's assets at build time
const SCOPE = new URL(self.registration.scope);
// Cache names carry the site's path: two sites on one origin (GitHub Pages project
// sites) keep their own caches.
const PREFIX = "dan-van-kheo:" + SCOPE.pathname + ":";
const CACHE = PREFIX + VERSION;
const OFFLINE_PAGE = new URL("ngoai-tuyen.html", SCOPE).href;
const HASHED = /\.[0-9a-f]{8,}\.min\.(?:css|js)$/;
const IMAGE = /\.(?:png|svg|jpe?g|gif|webp|ico)$/;

// "page", "fresh" (network first), "kept" (cache first) or null (not handled).
function kindOf(url, navigation, destination) {
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return null;
  if (navigation) return "page";
  const path = url.pathname.slice(SCOPE.pathname.length);
  // The search index, and the school finder's list (tinh-hinh/tim-truong.json): data that
  // a page fetches, kept once fetched so that search and the finder work offline.
  if (path === "search/search_index.json" || path === "tinh-hinh/tim-truong.json") return "fresh";
  if (path.startsWith("assets/")) return HASHED.test(path) ? "kept" : "fresh";
  if (destination === "image" || IMAGE.test(path)) return "fresh";
  return null;
}

// Pages are stored without their query: search results link to "page/?h=word".
function pageKey(url) {
  return url.origin + url.pathname;
}

async function asHtml(response, edit) {
  const html = edit(await response.text());
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function store(cache, key, response) {
  if (response.ok && response.type === "basic") return cache.put(key, response.clone());
  return Promise.resolve();
}

async function page(event, url) {
  const cache = await caches.open(CACHE);
  const key = pageKey(url);
  try {
    const response = await fetch(event.request);
    // Only pages: a download opened by a link (Excel, calendar …) is not kept.
    const type = response.headers.get("Content-Type") || "";
    if (type.startsWith("text/html")) event.waitUntil(store(cache, key, response));
    return response;
  } catch (error) {
    const saved = await cache.match(key);
    if (saved) {
      // The page's script (offline.js) sees the mark and says this copy may be old.
      return asHtml(saved, (html) => html.replace("<html ", "<html data-offline-copy "));
    }
    const offline = await cache.match(OFFLINE_PAGE);
    if (!offline) throw error;
    // Shown at any address: its relative links must resolve from its own address.
    const base = '<base href="' + OFFLINE_PAGE + '">';
    return asHtml(offline, (html) => html.replace("</head>", base + "</head>"));
  }
}

async function networkFirst(event) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    event.waitUntil(store(cache, event.request, response));
    return response;
  } catch (error) {
    const saved = await cache.match(event.request);
    if (saved) return saved;
    throw error;
  }
}

async function cacheFirst(event) {
  const cache = await caches.open(CACHE);
  const saved = await cache.match(event.request);
  if (saved) return saved;
  const response = await fetch(event.request);
  event.waitUntil(store(cache, event.request, response));
  return response;
}

// What the first page loaded before this worker ran: mostly in the browser's cache already.
async function remember(urls) {
  const cache = await caches.open(CACHE);
  const jobs = urls.slice(0, 100).map(async (address, index) => {
    const url = new URL(address);
    const kind = kindOf(url, index === 0, "");
    if (!kind) return;
    const key = kind === "page" ? pageKey(url) : url.href;
    if (await cache.match(key)) return;
    const response = await fetch(key, { cache: "force-cache" });
    await store(cache, key, response);
  });
  await Promise.allSettled(jobs);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.add(new Request(OFFLINE_PAGE, { cache: "no-cache" })))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const kind = kindOf(url, request.mode === "navigate", request.destination);
  if (kind === "page") event.respondWith(page(event, url));
  else if (kind === "kept") event.respondWith(cacheFirst(event));
  else if (kind === "fresh") event.respondWith(networkFirst(event));
});

self.addEventListener("message", (event) => {
  const urls = event.data && event.data.remember;
  if (Array.isArray(urls) && urls.length) event.waitUntil(remember(urls.map(String)));
});
