// tei-tools site search: Pagefind when it loads (over HTTP), else the built-in index,
// a <script> file that also works when the site is opened from disk (file://).
// Built-in index: every word of the query must occur in a document; the last
// word may be a prefix, so results appear while typing.  Filters (year, type,
// person, place: one value each, all must hold) narrow either engine alike, and
// both show a hit the same way: title, date, an excerpt of the text, words marked.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var backend = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(script);
    });
  }

  function words(text) {
    return (text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) || []).filter(function (w) {
      return w.length > 1;
    });
  }

  // The built-in index comes in shards (script files); merged here into one.
  function loadBuiltinIndex() {
    return loadScript(form.getAttribute("data-index")).then(function () {
      var shards = (window.TEI_TOOLS_SEARCH || { shards: [] }).shards;
      return Promise.all(shards.map(loadScript));
    }).then(function () {
      var index = { docs: [], terms: {} };
      (window.TEI_TOOLS_SEARCH_SHARDS || []).forEach(function (shard) {
        var offset = index.docs.length;
        shard.docs.forEach(function (doc) { index.docs.push(doc); });
        Object.keys(shard.terms).forEach(function (term) {
          var list = index.terms[term] || (index.terms[term] = []);
          shard.terms[term].forEach(function (n) { list.push(n + offset); });
        });
      });
      return index;
    });
  }

  // A hit as both engines give it: the document, its date, an excerpt with the found words marked.
  // Pagefind's excerpt is escaped HTML with <mark>s; the built-in one is a list of [text, marked].

  function builtinBackend() {
    return loadBuiltinIndex().then(function (index) {
      var terms = Object.keys(index.terms);
      function postingsFor(word, prefix) {
        if (!prefix) return index.terms[word] || [];
        var found = new Set();
        terms.forEach(function (term) {
          if (term.startsWith(word)) index.terms[term].forEach(function (n) { found.add(n); });
        });
        return Array.from(found);
      }
      function passes(doc, filters) {
        var values = doc[4] || {};
        return Object.keys(filters).every(function (key) {
          return (values[key] || []).indexOf(filters[key]) >= 0;
        });
      }
      return {
        name: "built-in",
        search: function (query, filters) {
          var list = words(query);
          var hits = null;
          list.forEach(function (word, i) {
            var docs = new Set(postingsFor(word, i === list.length - 1));
            hits = hits === null ? docs : new Set(Array.from(hits).filter(function (n) { return docs.has(n); }));
          });
          var numbers = hits === null ? index.docs.map(function (_, n) { return n; }) : Array.from(hits);
          var found = numbers.filter(function (n) { return passes(index.docs[n], filters); }).map(function (n) {
            var doc = index.docs[n];
            var excerpt = builtinExcerpt(doc[3] || "", list);
            return { href: doc[0], title: doc[1], date: doc[2], parts: excerpt.parts, score: excerpt.hits };
          }).sort(function (a, b) {
            return b.score - a.score || (a.href < b.href ? -1 : a.href > b.href ? 1 : 0);
          });
          return Promise.resolve(found);
        }
      };
    });
  }

  // About thirty words around the first hit, as Pagefind shows them; every found word marked.
  var EXCERPT_WORDS = 30;
  function builtinExcerpt(text, list) {
    var tokens = text.split(/(\s+)/);
    var wordsAt = [];
    tokens.forEach(function (token, i) { if (token && !/^\s+$/.test(token)) wordsAt.push(i); });
    function matches(token) {
      var found = words(token);
      return found.some(function (word) {
        return list.some(function (wanted, i) {
          return i === list.length - 1 ? word.startsWith(wanted) : word === wanted;
        });
      });
    }
    var first = -1, hits = 0;
    wordsAt.forEach(function (at, n) {
      if (list.length && matches(tokens[at])) { hits++; if (first < 0) first = n; }
    });
    var begin = Math.max(0, first < 0 ? 0 : first - 8);
    var finish = Math.min(wordsAt.length, begin + EXCERPT_WORDS);
    var parts = [];
    for (var n = begin; n < finish; n++) {
      var token = tokens[wordsAt[n]];
      if (n > begin) parts.push([" ", false]);
      parts.push([token, list.length > 0 && matches(token)]);
    }
    if (begin > 0) parts.unshift(["… ", false]);
    if (finish < wordsAt.length) parts.push([" …", false]);
    return { parts: parts, hits: hits };
  }

  function pagefindBackend() {
    var base = window.location.pathname.replace(/[^/]*$/, "");
    return import(new URL("pagefind/pagefind.js", window.location.href).href).then(function (pagefind) {
      return Promise.resolve(pagefind.options ? pagefind.options({ baseUrl: base }) : null).then(function () {
        return {
          name: "Pagefind",
          search: function (query, filters) {
            return pagefind.search(query.trim() ? query : null, { filters: filters }).then(function (found) {
              return Promise.all(found.results.slice(0, 200).map(function (r) { return r.data(); }));
            }).then(function (pages) {
              return pages.map(function (page) {
                var meta = page.meta || {};
                return { href: page.url, title: meta.title || page.url, date: meta.date || "", excerpt: page.excerpt };
              });
            });
          }
        };
      });
    });
  }

  function chooseBackend() {
    if (!backend) {
      // From disk the browser refuses import() outright: don't try, and log no error.
      var usable = form.getAttribute("data-pagefind") === "current" && window.location.protocol !== "file:";
      var wanted = usable ? pagefindBackend() : Promise.reject(new Error("no Pagefind"));
      backend = wanted.catch(function () { return builtinBackend(); });
    }
    return backend;
  }

  function excerptNode(html) {
    // Pagefind's excerpt is escaped text with <mark> around the hits: keep only those marks.
    var holder = document.createElement("span");
    holder.className = "excerpt";
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    Array.prototype.forEach.call(parsed.childNodes, function (node) {
      if (node.nodeType === 3) holder.appendChild(document.createTextNode(node.textContent));
      else if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        holder.appendChild(mark);
      } else holder.appendChild(document.createTextNode(node.textContent));
    });
    return holder;
  }

  function chosenFilters() {
    var chosen = {};
    selects.forEach(function (select) { if (select.value) chosen[select.name] = select.value; });
    return chosen;
  }

  // The address keeps the query and the filters, so that a search can be linked and reloaded.
  function remember(query, filters) {
    var params = new URLSearchParams();
    if (query.trim()) params.set("q", query);
    Object.keys(filters).forEach(function (key) { params.set(key, filters[key]); });
    var text = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (text ? "?" + text : ""));
  }

  function resultItem(hit) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = hit.href;
    link.textContent = hit.title;
    item.appendChild(link);
    if (hit.date) {
      var date = document.createElement("span");
      date.className = "result-date";
      date.textContent = hit.date;
      item.appendChild(date);
    }
    var excerpt = hit.excerpt ? excerptNode(hit.excerpt) : document.createElement("span");
    excerpt.className = "excerpt";
    (hit.parts || []).forEach(function (part) {
      if (!part[1]) { excerpt.appendChild(document.createTextNode(part[0])); return; }
      var mark = document.createElement("mark");
      mark.textContent = part[0];
      excerpt.appendChild(mark);
    });
    if (excerpt.textContent) item.appendChild(excerpt);
    return item;
  }

  var latest = 0;
  function show(query) {
    var ticket = ++latest;
    var filters = chosenFilters();
    remember(query, filters);
    if (!query.trim() && !Object.keys(filters).length) { results.textContent = ""; status.textContent = ""; return; }
    status.textContent = "Searching…";
    chooseBackend().then(function (engine) {
      return engine.search(query, filters).then(function (hits) {
        if (ticket !== latest) return;
        results.textContent = "";
        status.textContent = hits.length + " document" + (hits.length === 1 ? "" : "s") + " found";
        results.setAttribute("data-engine", engine.name);
        hits.slice(0, 200).forEach(function (hit) { results.appendChild(resultItem(hit)); });
      });
    }).catch(function (error) {
      if (ticket === latest) status.textContent = "Search failed: " + error.message;
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
  });
  input.addEventListener("input", function () { show(input.value); });
  selects.forEach(function (select) {
    select.addEventListener("change", function () { show(input.value); });
  });
  var params = new URLSearchParams(window.location.search);
  selects.forEach(function (select) {
    var wanted = params.get(select.name);
    if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
      select.value = wanted;
    }
  });
  var initial = params.get("q") || "";
  input.value = initial;
  if (initial || Object.keys(chosenFilters()).length) show(initial);
})();
