/* pressroom: the header search box, answered by Pagefind (a static, chunked index that the
   pressroom MkDocs plugin writes after every build): a query downloads a few hundred KB of
   the index, not all of it.
   Results are drawn with Material's own classes so the box looks like Material's. What a
   reader finds: articles, and the pages of people, organisations and places (each listed
   first for its exact name); a match inside a quote links to the quote and names who said
   it. Filters narrow the results by speaker, year, publisher and tag; the arrow keys move
   through the results and Enter opens one, as in Material; a near miss of a known name is
   answered with "Did you mean ...?". Every text from the index is set as text, never HTML
   (but Pagefind's <mark> around the matches in an excerpt). */
(function () {
  "use strict";
  var root = document.querySelector("[data-pr-search]");
  if (!root) return;
  var input = root.querySelector("[data-pr-search-query]");
  var output = root.querySelector("[data-pr-search-result]");
  var meta = output.querySelector(".md-search-result__meta");
  var list = output.querySelector(".md-search-result__list");
  var panel = root.querySelector("[data-pr-search-filters]");
  var toggle = document.getElementById("__search");
  var config = JSON.parse((document.getElementById("__config") || {}).textContent || "{}");
  var base = new URL(config.base || ".", location.href).href.replace(/\/?$/, "/");
  var engine = null;
  var names = null;
  var serial = 0;
  // the filters shown, in this order, with their labels (Pagefind filters of the pages)
  var FILTERS = [["speaker", "Speaker"], ["year", "Year"], ["publisher", "Publisher"], ["tag", "Tag"]];
  var KINDS = { people: "Person", organizations: "Organisation", places: "Place" };

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
      // a failed start is tried again on the next call (a live preview writes its index
      // after a rebuild), whoever called first: a query or the filters
      var started = engine;
      started.catch(function () { if (engine === started) engine = null; });
    }
    return engine;
  }

  // The filters' values (every filter chunk of every part: ~45 KB at 10,000 articles) are
  // not needed to answer a query, so they are fetched when no query is waiting: when the
  // engine is ready and the reader has typed nothing yet, or else once the results are shown.
  var filling = null;
  var searching = 0;
  function loadFilters() {
    if (!filling && !searching && panel) {
      filling = load()
        .then(function (pf) { return pf.filters(); })
        .then(fill, function () { filling = null; });
    }
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

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // -- filters ------------------------------------------------------------------------------
  function fill(values) {
    if (!panel) return;
    panel.replaceChildren();
    FILTERS.forEach(function (f) {
      var counts = values[f[0]] || {};
      var keys = Object.keys(counts).sort(f[0] === "year" ? function (a, b) { return b.localeCompare(a); } : undefined);
      if (!keys.length) return;
      var label = el("label", "pr-search-filter");
      label.appendChild(el("span", "", f[1]));
      var select = el("select");
      select.name = f[0];
      select.appendChild(el("option", "", "Any"));
      select.options[0].value = "";
      keys.forEach(function (k) {
        var option = el("option", "", k + " (" + counts[k] + ")");
        option.value = k;
        select.appendChild(option);
      });
      select.addEventListener("change", run);
      label.appendChild(select);
      panel.appendChild(label);
    });
    panel.hidden = !panel.childElementCount;
  }

  function chosen() {
    var filters = {};
    (panel ? panel.querySelectorAll("select") : []).forEach(function (s) { if (s.value) filters[s.name] = s.value; });
    return filters;
  }

  // -- one result -----------------------------------------------------------------------------
  function words(text) { return String(text || "").split(/\s+/).filter(Boolean).length; }

  // The quote a match falls in: the one holding most of the result's matched words.
  function quoteHit(data) {
    var best = null, most = 0;
    (data.anchors || []).forEach(function (a) {
      if (a.element !== "mark" || !/^q\d+$/.test(a.id)) return;
      var end = a.location + words(a.text);
      var n = (data.locations || []).filter(function (l) { return l >= a.location && l < end; }).length;
      if (n > most) { best = a; most = n; }
    });
    return best;
  }

  // The section of a letter page (a person, organisation or place) that the query matched.
  function sectionHit(data) {
    var subs = (data.sub_results || []).filter(function (s) { return s.url.indexOf("#") > 0; });
    subs.sort(function (a, b) { return (b.locations || []).length - (a.locations || []).length; });
    return subs[0] || null;
  }

  function describe(data) {
    var kind = data.meta && data.meta.kind;
    var shown = { url: data.url, title: (data.meta && data.meta.title) || data.url, label: "", quote: null };
    if (kind === "person" || kind === "names") {
      shown.label = KINDS[data.url.replace(/^\/+/, "").split("/")[0]] || "";
      var section = kind === "names" ? sectionHit(data) : null;
      if (section) { shown.url = section.url; shown.title = section.title; }
    } else {
      var q = quoteHit(data);
      if (q) {
        var speakers = {};
        try { speakers = JSON.parse((data.meta && data.meta.speakers) || "{}"); } catch (e) { speakers = {}; }
        shown.url = data.url.split("#")[0] + "#" + q.id;
        shown.quote = { text: q.text, speaker: speakers[q.id] || "speaker unknown" };
      }
    }
    return shown;
  }

  function item(data) {
    var shown = describe(data);
    var li = el("li", "md-search-result__item");
    var a = el("a", "md-search-result__link");
    a.href = new URL(shown.url, base).href;
    var art = el("article", "md-search-result__article md-typeset");
    var h = el("h1");
    if (shown.label) h.appendChild(el("span", "pr-search-kind", shown.label));
    h.appendChild(document.createTextNode(shown.title));
    art.appendChild(h);
    if (shown.quote) {
      var p = el("p", "pr-search-quote");
      p.appendChild(el("q", "", clip(shown.quote.text.replace(/^["“]|["”]$/g, ""), 40)));
      p.appendChild(document.createTextNode(" — "));
      p.appendChild(el("strong", "pr-search-speaker", shown.quote.speaker));
      art.appendChild(p);
    }
    var excerpt = el("p");
    // Pagefind's excerpt is escaped text with <mark> around the matches: keep only those.
    excerpt.innerHTML = String(data.excerpt || "").replace(/<(?!\/?mark>)[^>]*>/g, "");
    art.appendChild(excerpt);
    a.appendChild(art);
    li.appendChild(a);
    return li;
  }

  function clip(text, n) {
    var w = text.split(/\s+/);
    return w.length <= n ? text : w.slice(0, n).join(" ") + " …";
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
    var li = el("li", "pr-search-more");
    var button = el("button", "md-button", "Show " + Math.min(left, PAGE) + " more (" + left + " not shown)");
    button.type = "button";
    button.addEventListener("click", function () {
      button.disabled = true;
      show(results, from, mine).then(function () { li.remove(); }).catch(unavailable);
    });
    li.appendChild(button);
    return li;
  }

  // -- "did you mean": the known name nearest a query that found little ---------------------
  // Edit distance (insertions, deletions, substitutions, swaps of two neighbours).
  function distance(a, b) {
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) { d.push([i]); }
    for (j = 1; j <= b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  }

  // The closest name to the query, within about one typo in four letters: the whole name
  // ("Tan Kefie" -> Tan Kefei), or, with ``byWord``, one of its words ("elison" -> Keith
  // Ellison); null when the query is a name or none is close.
  function nearest(query, known, byWord) {
    var q = query.toLowerCase(), best = null, bestD = Math.max(1, Math.floor(q.length / 4)) + 1;
    for (var i = 0; i < known.length; i++) {
      var name = known[i].name, whole = name.toLowerCase();
      if (whole === q) return null;
      var d = Math.abs(whole.length - q.length) < bestD ? distance(q, whole) : bestD;
      if (byWord) {
        whole.split(/\s+/).forEach(function (w) {
          if (w.length > 2 && Math.abs(w.length - q.length) < bestD) d = Math.min(d, w === q ? 0 : distance(q, w));
        });
      }
      if (d > 0 && d < bestD) { best = name; bestD = d; }
    }
    return best;
  }

  // Only a query that found next to nothing is offered a name (data/names.json is fetched
  // then, once): a near miss of several words ("Tan Kefie") already finds the person by the
  // words it has right.
  function suggest(query, mine) {
    if (!names) {
      names = fetch(base + "data/names.json")
        .then(function (r) { return r.ok ? r.json() : { names: [] }; })
        .then(function (data) { return data.names || []; })
        .catch(function () { names = null; return []; });
    }
    return names.then(function (known) {
      var name = nearest(query, known, true);
      if (!name || mine !== serial) return;
      var p = el("p", "pr-search-suggest", "Did you mean ");
      var button = el("button", "pr-search-suggestion", name);
      button.type = "button";
      button.addEventListener("click", function () { input.value = name; run(); input.focus(); });
      p.appendChild(button);
      p.appendChild(document.createTextNode("?"));
      meta.appendChild(p);
    });
  }

  // -- searching ----------------------------------------------------------------------------
  function run() {
    var query = input.value.trim();
    var filters = chosen();
    var mine = ++serial;
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren(); say(root.dataset.placeholder || "Type to start searching"); return;
    }
    searching++;
    load().then(function (pf) {
      if (query) pf.preload(query, { filters: filters });  // fetch the index chunks while the typing goes on
      return pf.debouncedSearch(query || null, { filters: filters }, 60);
    }).then(function (search) {
      if (!search || mine !== serial) return null;
      var n = search.results.length;
      say(n === 0 ? "No matching documents" : n === 1 ? "1 matching document" : n + " matching documents");
      if (query && n < 3) suggest(query, mine);
      return show(search.results, 0, mine);
    }).catch(unavailable).then(function () { searching--; loadFilters(); });
  }

  // -- keyboard: as in Material, the arrows move through the results, Enter opens one --------
  function links() { return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link")); }

  function keys(e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp" && e.key !== "Enter") return;
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (e.key === "Enter") {
      if (document.activeElement === input && all.length) { e.preventDefault(); all[0].click(); }
      return;  // (on a result, Enter follows its link)
    }
    if (at < 0 && document.activeElement !== input) return;
    e.preventDefault();
    var next = e.key === "ArrowDown" ? at + 1 : at - 1;
    if (next < 0) input.focus();
    else if (next < all.length) all[next].focus();
  }

  input.addEventListener("focus", function () { if (toggle) toggle.checked = true; load().then(loadFilters, function () {}); });
  // the engine (a small script and its WebAssembly) loads when a reader heads for the box
  input.addEventListener("pointerenter", load);
  input.addEventListener("input", run);
  root.addEventListener("keydown", keys);
  root.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); });
  root.querySelector("form").addEventListener("reset", function () { setTimeout(run, 0); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && toggle && toggle.checked) { toggle.checked = false; input.blur(); }
    if ((e.key === "/" || e.key === "s") && document.activeElement === document.body) { e.preventDefault(); input.focus(); }
  });
})();
