// tei-tools' built-in site search: every word of the query must occur in a
// document; the last word may be a prefix, so results appear while typing.
(function () {
  "use strict";
  var index = window.TEI_TOOLS_SEARCH || { docs: [], terms: {} };
  var terms = Object.keys(index.terms);

  function words(text) {
    return (text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) || []).filter(function (w) {
      return w.length > 1;
    });
  }

  function postingsFor(word, prefix) {
    if (!prefix) return index.terms[word] || [];
    var found = new Set();
    terms.forEach(function (term) {
      if (term.startsWith(word)) index.terms[term].forEach(function (n) { found.add(n); });
    });
    return Array.from(found);
  }

  function search(query) {
    var list = words(query);
    if (!list.length) return [];
    var hits = null;
    list.forEach(function (word, i) {
      var docs = new Set(postingsFor(word, i === list.length - 1));
      hits = hits === null ? docs : new Set(Array.from(hits).filter(function (n) { return docs.has(n); }));
    });
    return Array.from(hits).sort(function (a, b) { return a - b; });
  }

  function show(query) {
    var results = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var hits = search(query);
    results.textContent = "";
    status.textContent = query.trim() ? hits.length + " document(s) found" : "";
    hits.slice(0, 200).forEach(function (n) {
      var doc = index.docs[n];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = doc[0];
      link.textContent = doc[1];
      item.appendChild(link);
      if (doc[2]) item.appendChild(document.createTextNode(" — " + doc[2]));
      results.appendChild(item);
    });
  }

  var input = document.getElementById("search-input");
  document.getElementById("search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
  });
  input.addEventListener("input", function () { show(input.value); });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; show(initial); }
})();
