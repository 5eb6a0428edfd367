// tei-tools site search: Pagefind when it loads (over HTTP), else the built-in index,
// a <script> file that also works when the site is opened from disk (file://).
// Built-in index: every word of the query must occur in a document; the last
// word may be a prefix, so results appear while typing.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
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
      return {
        name: "built-in",
        search: function (query) {
          var list = words(query);
          if (!list.length) return Promise.resolve([]);
          var hits = null;
          list.forEach(function (word, i) {
            var docs = new Set(postingsFor(word, i === list.length - 1));
            hits = hits === null ? docs : new Set(Array.from(hits).filter(function (n) { return docs.has(n); }));
          });
          var found = Array.from(hits).map(function (n) {
            var doc = index.docs[n];
            return { href: doc[0], title: doc[1], date: doc[2] };
          }).sort(function (a, b) { return a.href < b.href ? -1 : a.href > b.href ? 1 : 0; });
          return Promise.resolve(found);
        }
      };
    });
  }

  function pagefindBackend() {
    var base = window.location.pathname.replace(/[^/]*$/, "");
    return import(new URL("pagefind/pagefind.js", window.location.href).href).then(function (pagefind) {
      return Promise.resolve(pagefind.options ? pagefind.options({ baseUrl: base }) : null).then(function () {
        return {
          name: "Pagefind",
          search: function (query) {
            return pagefind.search(query).then(function (found) {
              return Promise.all(found.results.slice(0, 50).map(function (r) { return r.data(); }));
            }).then(function (pages) {
              return pages.map(function (page) {
                return { href: page.url, title: (page.meta && page.meta.title) || page.url, excerpt: page.excerpt };
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

  var latest = 0;
  function show(query) {
    var ticket = ++latest;
    if (!query.trim()) { results.textContent = ""; status.textContent = ""; return; }
    status.textContent = "Searching…";
    chooseBackend().then(function (engine) {
      return engine.search(query).then(function (hits) {
        if (ticket !== latest) return;
        results.textContent = "";
        status.textContent = hits.length + " document" + (hits.length === 1 ? "" : "s") + " found";
        results.setAttribute("data-engine", engine.name);
        hits.slice(0, 200).forEach(function (hit) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = hit.href;
          link.textContent = hit.title;
          item.appendChild(link);
          if (hit.date) item.appendChild(document.createTextNode(" — " + hit.date));
          if (hit.excerpt) item.appendChild(excerptNode(hit.excerpt));
          results.appendChild(item);
        });
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
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; show(initial); }
})();
