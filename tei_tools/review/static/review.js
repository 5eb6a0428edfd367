// tei-tools review: the document view's keyboard, side panel and actions.
// Plain JavaScript, no build step. Document text is only ever set with textContent;
// the HTML of a block comes from the server, escaped by lxml.
"use strict";

(function () {
  const token = document.querySelector('meta[name="review-token"]').content;
  const doc = document.getElementById("doc");
  const message = document.getElementById("message");

  function say(text, kind) {
    message.textContent = text;
    message.className = kind || "error";
    message.hidden = !text;
  }

  if (!doc) return; // the queue page needs no script

  const stem = doc.dataset.stem;
  const textBox = document.getElementById("text");
  const panel = {
    none: document.getElementById("none-selected"),
    box: document.getElementById("selected"),
    text: document.getElementById("sel-text"),
    type: document.getElementById("sel-type"),
    status: document.getElementById("sel-status"),
    ref: document.getElementById("sel-ref"),
    findings: document.getElementById("sel-findings"),
  };
  const everywhere = document.getElementById("everywhere");
  let selected = null;

  const marks = () => Array.from(textBox.querySelectorAll(".mark"));

  function status(mark) {
    return ["linked", "unlinked", "dated", "undated"].find((s) => mark.classList.contains(s)) || "";
  }

  function select(mark, focus = true) {
    if (selected) selected.classList.remove("selected");
    selected = mark;
    if (!mark) {
      panel.box.hidden = true;
      panel.none.hidden = false;
      return;
    }
    mark.classList.add("selected");
    if (focus) mark.focus();
    panel.none.hidden = true;
    panel.box.hidden = false;
    const isDate = mark.dataset.type === "date";
    panel.box.classList.toggle("is-date", isDate);
    panel.text.textContent = mark.textContent;
    panel.type.textContent = mark.dataset.type;
    panel.status.textContent = status(mark) + (mark.dataset.resp ? " · decided (" + mark.dataset.resp + ")" : "");
    if (isDate) panel.ref.textContent = [mark.dataset.when, mark.dataset.whenCustom, mark.dataset.calendar].filter(Boolean).join(" · ") || "no value";
    else panel.ref.textContent = mark.dataset.ref || "—";
    if (mark.dataset.ref && !isDate) describeEntry(mark, mark.dataset.ref);
    panel.findings.textContent = mark.dataset.findings || "—";
    document.getElementById("extent").value = mark.textContent;
    document.getElementById("new-type").value = isDate ? "persName" : mark.dataset.type;
    document.getElementById("new-entry-type").value = isDate ? "persName" : mark.dataset.type;
    document.getElementById("new-names").value = mark.dataset.suggest || mark.textContent;
    document.getElementById("date-value").value = mark.dataset.whenCustom || mark.dataset.when || "";
    document.getElementById("date-calendar").value = (mark.dataset.calendar || "").includes("julian") ? "julian" : "gregorian";
    document.getElementById("link-query").value = "";
    document.getElementById("link-hits").replaceChildren();
    if (mark.dataset.candidates) showHits("refs=" + encodeURIComponent(mark.dataset.candidates.split(" ").join(",")));
    history.replaceState(null, "", "#m-" + mark.dataset.s);
  }

  async function describeEntry(mark, ref) {
    // The register entry's label, life dates and identifiers, fetched when the mark is selected.
    const response = await fetch("/api/registers?refs=" + encodeURIComponent(ref), { credentials: "same-origin" });
    const hit = (await response.json()).hits[0];
    if (!hit || selected !== mark) return;
    const life = hit.birth || hit.death ? " (" + (hit.birth || "?") + "–" + (hit.death || "?") + ")" : "";
    panel.ref.textContent = [hit.ref + " · " + hit.label + life, hit.wikidata, hit.viaf].filter(Boolean).join(" · ");
  }

  function markAtOrAfter(offset) {
    const all = marks();
    return all.find((m) => Number(m.dataset.s) >= Number(offset)) || all[all.length - 1] || null;
  }

  function step(delta, onlyPending) {
    const all = marks().filter((m) => !onlyPending || m.classList.contains("pending"));
    if (!all.length) return;
    let index = selected ? all.findIndex((m) => Number(m.dataset.s) >= Number(selected.dataset.s)) : -1;
    if (selected && all[index] === selected) index += delta;
    else if (index < 0) index = delta > 0 ? 0 : all.length - 1;
    else if (delta < 0) index -= 1;
    select(all[(index + all.length) % all.length]);
  }

  async function post(path, body) {
    body.version = doc.dataset.version;
    let response;
    try {
      response = await fetch("/api/doc/" + encodeURIComponent(stem) + path, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Review-Token": token },
        body: JSON.stringify(body),
        credentials: "same-origin",
      });
    } catch (error) {
      say("The review server does not answer: " + error);
      return null;
    }
    const answer = await response.json();
    if (!response.ok) {
      say(answer.error + (answer.conflict ? " Reload the page (F5) to see the current decisions." : ""));
      return null;
    }
    say("");
    doc.dataset.version = answer.version;
    document.getElementById("doc-progress").textContent = answer.reviewed + " of " + answer.total + " reviewed";
    const at = selected ? selected.dataset.s : null;
    if (answer.reload) {
      location.hash = at ? "m-" + at : "";
      location.reload();
      return answer;
    }
    for (const [index, html] of Object.entries(answer.blocks || {})) {
      const old = textBox.querySelector('.blk[data-b="' + index + '"]');
      const template = document.createElement("template");
      template.innerHTML = html; // server-rendered by lxml: escaped
      old.replaceWith(template.content.firstElementChild);
    }
    // The selection stays where the editor was: on the same mark, or, when the decision
    // removed it, on the mark that now stands there (never back at the first mark).
    select(at !== null ? markAtOrAfter(at) : null);
    return answer;
  }

  function decide(action, extra = {}) {
    if (!selected) return say("Select a mark first.");
    return post("/decide", {
      action,
      start: Number(selected.dataset.s),
      end: Number(selected.dataset.e),
      everywhere: everywhere.checked,
      ...extra,
    });
  }

  document.getElementById("do-accept").addEventListener("click", () => decide("accept"));
  document.getElementById("do-reject").addEventListener("click", () => decide("reject"));
  document.getElementById("do-undo").addEventListener("click", () => post("/undo", { start: selected ? Number(selected.dataset.s) : -1 }));
  document.getElementById("form-type").addEventListener("submit", (e) => {
    e.preventDefault();
    decide("retype", { new_type: document.getElementById("new-type").value });
  });
  document.getElementById("form-extent").addEventListener("submit", (e) => {
    e.preventDefault();
    decide("extent", { extent: document.getElementById("extent").value });
  });
  document.getElementById("form-date").addEventListener("submit", (e) => {
    e.preventDefault();
    decide("date", {
      value: document.getElementById("date-value").value.trim(),
      calendar: document.getElementById("date-calendar").value,
    });
  });
  document.getElementById("form-create").addEventListener("submit", (e) => {
    e.preventDefault();
    if (!selected) return say("Select a mark first.");
    const wikidata = document.getElementById("new-wikidata").value.trim();
    if (wikidata && !/^Q[1-9][0-9]*$/.test(wikidata)) return say("A Wikidata identifier is Q followed by digits, e.g. Q1394.");
    post("/entry", {
      start: Number(selected.dataset.s),
      end: Number(selected.dataset.e),
      everywhere: everywhere.checked,
      type: document.getElementById("new-entry-type").value,
      names: document.getElementById("new-names").value.split("\n").map((s) => s.trim()).filter(Boolean),
      birth: document.getElementById("new-birth").value.trim(),
      death: document.getElementById("new-death").value.trim(),
      wikidata,
    });
  });
  // Enter on a drop-down submits its form, so that every action is a few keys away.
  for (const select of document.querySelectorAll("#panel form select")) {
    select.addEventListener("keydown", (e) => {
      if (e.key === "Enter") { e.preventDefault(); select.form.requestSubmit(); }
    });
  }
  for (const button of document.querySelectorAll("button.ack")) {
    button.addEventListener("click", () => post("/decide", { action: "accept", start: -1, end: -1, text: button.dataset.text }).then((a) => a && location.reload()));
  }

  // Search as you type over every name form of the registers.
  const query = document.getElementById("link-query");
  const hits = document.getElementById("link-hits");
  let pending = null;
  query.addEventListener("input", () => {
    clearTimeout(pending);
    pending = setTimeout(search, 120);
  });
  function search() {
    const q = query.value.trim();
    if (!q) return hits.replaceChildren();
    return showHits("q=" + encodeURIComponent(q));
  }
  async function showHits(parameters) {
    const response = await fetch("/api/registers?" + parameters, { credentials: "same-origin" });
    const answer = await response.json();
    hits.replaceChildren(...answer.hits.map(hitItem));
    query.setAttribute("aria-expanded", answer.hits.length ? "true" : "false");
  }
  function hitItem(hit) {
    const item = document.createElement("li");
    item.setAttribute("role", "option");
    item.tabIndex = -1;
    item.dataset.ref = hit.ref;
    const label = document.createElement("strong");
    label.textContent = hit.label;
    const life = hit.birth || hit.death ? " (" + (hit.birth || "?") + "–" + (hit.death || "?") + ")" : "";
    const ids = [hit.ref, hit.wikidata, hit.viaf].filter(Boolean).join(" · ");
    const details = document.createElement("span");
    details.textContent = life + " · " + hit.kind + " · " + ids;
    const forms = document.createElement("small");
    forms.textContent = hit.names.join("; ");
    item.append(label, details, document.createElement("br"), forms);
    item.addEventListener("click", () => decide("link", { ref: hit.ref }));
    item.addEventListener("keydown", (e) => {
      if (e.key === "Enter") { e.preventDefault(); decide("link", { ref: hit.ref }); }
      else if (e.key === "ArrowDown" && item.nextElementSibling) { e.preventDefault(); item.nextElementSibling.focus(); }
      else if (e.key === "ArrowUp") { e.preventDefault(); (item.previousElementSibling || query).focus(); }
    });
    return item;
  }
  query.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && hits.firstElementChild) { e.preventDefault(); hits.firstElementChild.focus(); }
    if (e.key === "Enter") { e.preventDefault(); if (hits.firstElementChild) decide("link", { ref: hits.firstElementChild.dataset.ref }); }
  });

  textBox.addEventListener("click", (e) => {
    const mark = e.target.closest(".mark");
    if (mark) select(mark);
  });

  const keys = {
    j: () => step(1, false),
    k: () => step(-1, false),
    n: () => step(1, true),
    a: () => decide("accept"),
    r: () => decide("reject"),
    u: () => document.getElementById("do-undo").click(),
    g: () => { everywhere.checked = !everywhere.checked; },
    t: () => document.getElementById("new-type").focus(),
    e: () => document.getElementById("extent").focus(),
    l: () => query.focus(),
    d: () => document.getElementById("date-value").focus(),
    c: () => { document.getElementById("create").open = true; document.getElementById("new-names").focus(); },
  };
  // One-key shortcuts can be turned off (WCAG 2.1.4): a speech-input user's words
  // must not fire them.  The choice is remembered in this browser.
  const shortcuts = document.getElementById("shortcuts");
  const SHORTCUTS_KEY = "tei-tools-review-shortcuts";
  function storedShortcuts() {
    try { return localStorage.getItem(SHORTCUTS_KEY) !== "off"; } catch (error) { return true; }
  }
  shortcuts.checked = storedShortcuts();
  shortcuts.addEventListener("change", () => {
    try { localStorage.setItem(SHORTCUTS_KEY, shortcuts.checked ? "on" : "off"); } catch (error) { /* private mode: this page only */ }
  });

  document.addEventListener("keydown", (e) => {
    const typing = e.target.closest("input, textarea, select");
    if (e.key === "Escape") {
      if (typing) e.target.blur();
      if (selected) selected.focus();
      return;
    }
    if (!shortcuts.checked) return;
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    const run = keys[e.key];
    if (run) { e.preventDefault(); run(); }
  });

  const start = location.hash.startsWith("#m-") ? markAtOrAfter(location.hash.slice(3)) : null;
  if (start) { select(start); start.scrollIntoView({ block: "center" }); }
})();
