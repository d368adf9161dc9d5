/* pressroom: the header search box, answered by Pagefind (a static, chunked index that the
   pressroom MkDocs plugin writes after every build): a query downloads a few hundred KB of
   the index, not all of it.
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
        // search on the page's own thread: Pagefind's web worker is another 41 KB to
        // download before the first results, and a query's work here is a few milliseconds
        return pf.options({ noWorker: true })
          .then(function () { return pf.init(); })
          .then(function () { return mergeParts(pf); })
          .then(function () { return pf; });
      });
    }
    return engine;
  }

  // A large archive's index comes in parts (pressroom's search.py): the first at pagefind/,
  // the others listed in pagefind/pressroom-parts.json, merged in with Pagefind's mergeIndex.
  function mergeParts(pf) {
    return fetch(base + "pagefind/pressroom-parts.json")
      .then(function (r) { return r.ok ? r.json() : {}; }, function () { return {}; })
      .then(function (list) {
        return Promise.all((list.parts || []).map(function (part) {
          return pf.mergeIndex(base + "pagefind/" + encodeURIComponent(part) + "/");
        }));
      });
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

  // Results are shown ten at a time: each costs a download of its excerpt (a fragment).
  var PAGE = 10;

  function unavailable() {
    engine = null;  // tried again on the next query (a live preview writes its index after a rebuild)
    say(location.protocol === "file:"
      ? "Search needs the site served over HTTP, not opened as a file: run make view."
      : "Search is not available here: the site has no pagefind/ index (build it with make site).");
  }

  // The next results of a search, after those shown; a button offers the rest.
  function show(results, from, mine) {
    return Promise.all(results.slice(from, from + PAGE).map(function (r) { return r.data(); })).then(function (rows) {
      if (mine !== serial) return;
      var items = rows.map(item);
      if (from === 0) list.replaceChildren.apply(list, items);
      else items.forEach(function (li) { list.appendChild(li); });
      var left = results.length - from - rows.length;
      if (left > 0) list.appendChild(more(results, from + rows.length, left, mine));
    });
  }

  function more(results, from, left, mine) {
    var li = document.createElement("li");
    li.className = "pr-search-more";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = "Show " + Math.min(left, PAGE) + " more (" + left + " not shown)";
    button.addEventListener("click", function () {
      button.disabled = true;
      show(results, from, mine).then(function () { li.remove(); }).catch(unavailable);
    });
    li.appendChild(button);
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
      return show(search.results, 0, mine);
    }).catch(unavailable);
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
