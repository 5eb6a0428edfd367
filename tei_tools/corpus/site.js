// tei-tools edition site: the menu on narrow screens, cards for names, popovers for notes.
// Everything here only adds to pages that already read well without it: names link
// to their index entries and note markers to the notes at the end of the text.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var base = root.getAttribute("data-root") || "";

  // --- the menu ---------------------------------------------------------------
  function setUpMenu() {
    var toggle = document.querySelector(".menu-toggle");
    if (!toggle) return;
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", open ? "false" : "true");
    });
  }

  // --- popups shared by cards and notes --------------------------------------
  var open = null; // {trigger, popup}
  var hideTimer = null;
  var counter = 0;

  function place(popup, trigger) {
    var box = trigger.getBoundingClientRect();
    var width = Math.min(352, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    popup.style.left = left + "px";
    popup.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    if (!open) return;
    open.popup.hidden = true;
    open.trigger.setAttribute("aria-expanded", "false");
    open = null;
  }

  function laterHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function show(trigger, build) {
    clearTimeout(hideTimer);
    if (open && open.trigger === trigger) return;
    hide();
    var popup = trigger._popup;
    if (!popup) {
      popup = build();
      if (!popup) return;
      popup.id = "popup-" + (++counter);
      popup.hidden = true;
      // Right after the trigger, so that Tab moves from the name into the card's links.
      trigger.insertAdjacentElement("afterend", popup);
      popup.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      popup.addEventListener("mouseleave", laterHide);
      trigger._popup = popup;
      trigger.setAttribute("aria-controls", popup.id);
    }
    popup.hidden = false;
    place(popup, trigger);
    trigger.setAttribute("aria-expanded", "true");
    open = { trigger: trigger, popup: popup };
  }

  function attach(trigger, build) {
    trigger.setAttribute("aria-expanded", "false");
    trigger.addEventListener("mouseenter", function () { show(trigger, build); });
    trigger.addEventListener("mouseleave", laterHide);
    trigger.addEventListener("focus", function () {
      if (quietFocus !== trigger) show(trigger, build);
    });
  }

  document.addEventListener("focusin", function (event) {
    if (open && !open.trigger.contains(event.target) && !open.popup.contains(event.target)) hide();
  });
  var quietFocus = null; // the trigger getting focus back after Escape: no popup for it
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open) {
      var trigger = open.trigger;
      var inside = open.popup.contains(document.activeElement);
      hide();
      if (inside) { // back to the name, without opening its card again
        quietFocus = trigger;
        trigger.focus({ preventScroll: true });
        quietFocus = null;
      }
    }
  });

  function span(className, text) {
    var element = document.createElement("span");
    element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  function link(href, text) {
    var element = document.createElement("a");
    element.href = href;
    element.textContent = text;
    return element;
  }

  // --- cards for names --------------------------------------------------------
  function cardBuilder(ref) {
    return function () {
      var data = (window.TEI_TOOLS_CARDS || {})[ref];
      if (!data) return null;
      var card = span("popup card");
      card.setAttribute("role", "group");
      card.setAttribute("aria-label", "About " + data.n);
      card.appendChild(span("card-name block", data.n));
      if (data.l) {
        var life = span("card-life block", data.l);
        if (data.lf) life.textContent = data.l + " (" + data.lf + ")";
        card.appendChild(life);
      }
      if (data.r) card.appendChild(span("card-role block", data.r));
      if (data.m) card.appendChild(span("card-modern block", "Today: " + data.m));
      var here = window.location.pathname.split("/").pop();
      var others = (data.d || []).filter(function (doc) { return doc[0].split("/").pop() !== here; });
      if (others.length) {
        var total = data.c - 1; // this page names the entry too
        card.appendChild(span("card-docs block", "Also named in " + total + " other document" + (total === 1 ? "" : "s") + ":"));
        var list = document.createElement("ul");
        others.slice(0, 5).forEach(function (doc) {
          var item = document.createElement("li");
          item.appendChild(link(base + doc[0], doc[1]));
          if (doc[2]) item.appendChild(document.createTextNode(" (" + doc[2] + ")"));
          list.appendChild(item);
        });
        card.appendChild(list);
      }
      var links = span("card-links block");
      links.appendChild(link(base + data.i, "Index entry"));
      if (data.w) links.appendChild(link(data.w, "Wikidata"));
      card.appendChild(links);
      return card;
    };
  }

  function setUpCards() {
    document.querySelectorAll("a.entity[data-ref]").forEach(function (trigger) {
      attach(trigger, cardBuilder(trigger.getAttribute("data-ref")));
    });
  }

  // --- popovers for notes -----------------------------------------------------
  function noteBuilder(trigger) {
    return function () {
      var id = decodeURIComponent((trigger.getAttribute("href") || "").slice(1));
      var note = id && document.getElementById(id);
      if (!note) return null;
      var popup = span("popup note-popup");
      popup.setAttribute("role", "note");
      popup.setAttribute("aria-label", "Note " + trigger.textContent.trim());
      Array.prototype.forEach.call(note.childNodes, function (child) {
        if (child.nodeType === 1 && child.classList.contains("tei-backlink")) return;
        var copy = child.cloneNode(true);
        if (copy.nodeType === 1) {
          copy.removeAttribute("id");
          copy.querySelectorAll("[id]").forEach(function (e) { e.removeAttribute("id"); });
          if (/^(P|DIV|UL|OL|BLOCKQUOTE)$/.test(copy.tagName)) {
            var wrapper = span("block");
            while (copy.firstChild) wrapper.appendChild(copy.firstChild);
            copy = wrapper;
          }
        }
        popup.appendChild(copy);
      });
      return popup;
    };
  }

  function setUpNotes() {
    document.querySelectorAll("a.tei-noteref[href^='#']").forEach(function (trigger) {
      attach(trigger, noteBuilder(trigger));
    });
  }

  // --- the citation line gets the page's full address --------------------------
  function setUpCitation() {
    var url = document.querySelector(".cite-url");
    if (url && /^https?:$/.test(window.location.protocol)) {
      url.textContent = window.location.href.split("#")[0];
    }
  }

  function start() {
    setUpMenu();
    setUpCards();
    setUpNotes();
    setUpCitation();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
