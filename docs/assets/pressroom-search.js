/* pressroom: the header search box, answered by Pagefind (a static, chunked index built by
   `make site`): a query downloads a few hundred KB of the index, not all of it.
   Results are drawn with Material's own classes so the box looks like Material's. */
(function () {
  "use strict";
  var root = document.querySelector("[data-pr-search]");
  if (!root) return;
  var input = root.querySelector("[data-pr-search-query]");
  var output = root.querySelector("[data-pr-search-result]");
  var meta = output.querySelector(".md-search-result__meta");
  var list = output.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var config = JSON.parse((document.getElementById("__config") || {}).textContent || "{}");
  var base = new URL(config.base || ".", location.href).href.replace(/\/?$/, "/");
  var engine = null;
  var serial = 0;

  function load() {
    if (!engine) {
      engine = import(base + "pagefind/pagefind.js").then(function (pf) {
        return pf.init().then(function () { return pf; });
      });
    }
    return engine;
  }

  function say(text) { meta.textContent = text; }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = new URL(data.url, base).href;
    var art = document.createElement("article");
    art.className = "md-search-result__article md-typeset";
    var h = document.createElement("h1");
    h.textContent = (data.meta && data.meta.title) || data.url;
    var p = document.createElement("p");
    // Pagefind's excerpt is escaped text with <mark> around the matches: keep only those.
    p.innerHTML = String(data.excerpt || "").replace(/<(?!\/?mark>)[^>]*>/g, "");
    art.appendChild(h);
    art.appendChild(p);
    a.appendChild(art);
    li.appendChild(a);
    return li;
  }

  function run() {
    var query = input.value.trim();
    var mine = ++serial;
    if (!query) { list.replaceChildren(); say(root.dataset.placeholder || "Type to start searching"); return; }
    load().then(function (pf) {
      pf.preload(query);  // start fetching the index chunks while the typing goes on
      return pf.debouncedSearch(query, {}, 60);
    }).then(function (search) {
      if (!search || mine !== serial) return null;
      var n = search.results.length;
      say(n === 0 ? "No matching documents" : n === 1 ? "1 matching document" : n + " matching documents");
      return Promise.all(search.results.slice(0, 10).map(function (r) { return r.data(); }));
    }).then(function (rows) {
      if (!rows || mine !== serial) return;
      list.replaceChildren.apply(list, rows.map(item));
    }).catch(function () {
      say("Search is not available here: the index is built by `make site` (not by a live preview).");
    });
  }

  input.addEventListener("focus", function () { if (toggle) toggle.checked = true; load(); });
  // the engine (a small script and its WebAssembly) loads when a reader heads for the box
  input.addEventListener("pointerenter", load);
  input.addEventListener("input", run);
  root.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); });
  root.querySelector("form").addEventListener("reset", function () { setTimeout(run, 0); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && toggle && toggle.checked) { toggle.checked = false; input.blur(); }
    if ((e.key === "/" || e.key === "s") && document.activeElement === document.body) { e.preventDefault(); input.focus(); }
  });
})();
