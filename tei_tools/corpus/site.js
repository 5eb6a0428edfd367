// tei-tools edition site: the menu on narrow screens, cards for names, popovers for notes,
// and "[" / "]" for the previous and next document.
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
  // A popup shows on hover and on keyboard focus as a preview whose links are out of
  // the tab order (tabindex=-1), so that Tab walks the page, not every card.  It is
  // *opened* by ArrowDown on its name (focus moves to its first link) or by a tap on a
  // touch screen (the first tap opens it, a tap on a link inside follows that link, a
  // second tap on the name follows the name's link); only then its links take Tab.
  var open = null; // {trigger, popup, active}
  var hideTimer = null;
  var counter = 0;
  var pointer = "mouse"; // the kind of the last pointer pressed: "mouse", "touch" or "pen"
  var MARGIN = 8; // px kept free between a popup and the window's edges

  function place(popup, trigger) {
    var view = document.documentElement.clientWidth;
    var height = document.documentElement.clientHeight;
    popup.style.maxWidth = Math.min(352, view - 2 * MARGIN) + "px";
    popup.style.maxHeight = "";
    popup.style.overflowY = "";
    popup.style.left = "0px";
    popup.style.top = "0px";
    // Absolute coordinates count from the popup's offset parent: the page, or a positioned block.
    var parent = popup.offsetParent;
    var origin = { left: -window.scrollX, top: -window.scrollY };
    if (parent && parent !== document.body && parent !== document.documentElement) {
      var frame = parent.getBoundingClientRect();
      origin = { left: frame.left + parent.clientLeft, top: frame.top + parent.clientTop };
    }
    var lines = trigger.getClientRects();
    var first = lines[0] || trigger.getBoundingClientRect();
    var last = lines[lines.length - 1] || first;
    var width = popup.offsetWidth, tall = popup.offsetHeight;
    var left = Math.max(MARGIN, Math.min(first.left, view - width - MARGIN));
    var roomBelow = height - MARGIN - (last.bottom + 6), roomAbove = first.top - 6 - MARGIN;
    // Below the name when it fits, else above; when neither does, on the side with more
    // room, its height cut to that room (it scrolls), so that it never leaves the window.
    var goesBelow = tall <= roomBelow || (tall > roomAbove && roomBelow >= roomAbove);
    var room = goesBelow ? roomBelow : roomAbove;
    if (tall > room) {
      popup.style.maxHeight = Math.max(room, 0) + "px";
      popup.style.overflowY = "auto";
      tall = popup.offsetHeight;
    }
    var top = goesBelow ? last.bottom + 6 : first.top - 6 - tall;
    popup.classList.toggle("popup-above", !goesBelow);
    popup.style.left = (left - origin.left) + "px";
    popup.style.top = (top - origin.top) + "px";
  }

  function setActive(popup, active) {
    popup.querySelectorAll("a[href], button").forEach(function (element) {
      if (active) element.removeAttribute("tabindex");
      else element.setAttribute("tabindex", "-1");
    });
    popup.classList.toggle("popup-open", active);
  }

  function hide() {
    clearTimeout(hideTimer);
    if (!open) return;
    open.popup.hidden = true;
    setActive(open.popup, false);
    open.trigger.setAttribute("aria-expanded", "false");
    open = null;
  }

  function laterHide() {
    clearTimeout(hideTimer);
    if (open && open.active) return; // an opened popup stays until Escape, a tap or focus elsewhere
    hideTimer = setTimeout(hide, 250);
  }

  function show(trigger, build, active) {
    clearTimeout(hideTimer);
    if (open && open.trigger === trigger) {
      if (active && !open.active) { open.active = true; setActive(open.popup, true); }
      return open.popup;
    }
    hide();
    var popup = trigger._popup;
    if (!popup) {
      popup = build();
      if (!popup) return null;
      popup.id = "popup-" + (++counter);
      popup.hidden = true;
      // Right after the trigger, so that Tab moves from the name into an opened card's links.
      trigger.insertAdjacentElement("afterend", popup);
      popup.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      popup.addEventListener("mouseleave", laterHide);
      trigger._popup = popup;
      trigger.setAttribute("aria-controls", popup.id);
    }
    setActive(popup, !!active);
    popup.hidden = false;
    place(popup, trigger);
    trigger.setAttribute("aria-expanded", "true");
    open = { trigger: trigger, popup: popup, active: !!active };
    return popup;
  }

  function attach(trigger, build) {
    trigger.setAttribute("aria-expanded", "false");
    trigger.setAttribute("aria-keyshortcuts", "ArrowDown");
    trigger.addEventListener("mouseenter", function () {
      if (pointer === "mouse") show(trigger, build, false);
    });
    trigger.addEventListener("mouseleave", function () { if (pointer === "mouse") laterHide(); });
    trigger.addEventListener("focus", function () {
      if (quietFocus !== trigger) show(trigger, build, false);
    });
    trigger.addEventListener("pointerdown", function () {
      trigger._wasOpen = !!(open && open.trigger === trigger && open.active);
    });
    trigger.addEventListener("click", function (event) {
      if (pointer === "mouse" || trigger._wasOpen) return; // a click, or a second tap: follow
      if (show(trigger, build, true)) event.preventDefault(); // no card (a work): follow
    });
    trigger.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" || event.altKey || event.ctrlKey || event.metaKey) return;
      var popup = show(trigger, build, true);
      var target = popup && popup.querySelector("a[href], button");
      if (!target) return;
      event.preventDefault();
      target.focus();
    });
  }

  document.addEventListener("pointerdown", function (event) {
    pointer = event.pointerType || "mouse";
    if (open && !open.trigger.contains(event.target) && !open.popup.contains(event.target)) hide();
  }, true);
  document.addEventListener("focusin", function (event) {
    if (open && !open.trigger.contains(event.target) && !open.popup.contains(event.target)) hide();
  });
  window.addEventListener("resize", function () { if (open) place(open.popup, open.trigger); });
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

  // --- keys for the previous and next document ---------------------------------
  // "[" and "]" follow the page's <link rel="prev"/"next">.  Ignored while typing (in a
  // field or editable text) and with Ctrl, Alt or Meta held (AltGr, which types the
  // brackets on many layouts, is allowed), so that they clash with no browser key.
  // One-character keys can be turned off (WCAG 2.1.4): a checkbox in a document page's
  // footer, remembered for the whole site in localStorage.
  var PAGER_KEYS = "tei-tools-pager-keys";
  var pagerKeysOn = true;

  function remembered(name) {
    try { return window.localStorage.getItem(name); } catch (error) { return null; } // storage refused
  }

  function remember(name, value) {
    try { window.localStorage.setItem(name, value); } catch (error) { /* kept for this page only */ }
  }

  function pagerKeysSetting() {
    var footer = document.querySelector(".site-footer");
    if (!footer || !document.querySelector('link[rel="prev"], link[rel="next"]')) return;
    var box = document.createElement("input");
    box.type = "checkbox";
    box.id = "pager-keys";
    box.checked = pagerKeysOn;
    box.addEventListener("change", function () {
      pagerKeysOn = box.checked;
      remember(PAGER_KEYS, pagerKeysOn ? "on" : "off");
    });
    var label = document.createElement("label");
    label.htmlFor = box.id;
    label.appendChild(document.createTextNode("Keyboard shortcuts: "));
    var keys = ["[", "]"].map(function (key) {
      var element = document.createElement("kbd");
      element.textContent = key;
      return element;
    });
    label.appendChild(keys[0]);
    label.appendChild(document.createTextNode(" previous and "));
    label.appendChild(keys[1]);
    label.appendChild(document.createTextNode(" next document"));
    var setting = document.createElement("p");
    setting.className = "shortcut-setting";
    setting.appendChild(box);
    setting.appendChild(label);
    var links = footer.querySelector("nav"); // after the front matter's links
    footer.insertBefore(setting, links ? links.nextSibling : footer.firstChild);
  }

  function setUpPagerKeys() {
    pagerKeysOn = remembered(PAGER_KEYS) !== "off";
    pagerKeysSetting();
    document.addEventListener("keydown", function (event) {
      if (!pagerKeysOn) return;
      if (event.defaultPrevented || (event.key !== "[" && event.key !== "]")) return;
      var altGraph = event.getModifierState && event.getModifierState("AltGraph");
      if (event.metaKey || ((event.ctrlKey || event.altKey) && !altGraph)) return;
      var target = event.target;
      if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName || "")) return;
      var link = document.querySelector('link[rel="' + (event.key === "[" ? "prev" : "next") + '"]');
      if (!link) return;
      event.preventDefault();
      window.location.href = link.href;
    });
  }

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
      if (data.s) card.appendChild(span("card-source block", "Source: " + data.s));
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

  function setUpCards(scope) {
    (scope || document).querySelectorAll("a.entity[data-ref]").forEach(function (trigger) {
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

  function setUpNotes(scope) {
    (scope || document).querySelectorAll("a.tei-noteref[href^='#']").forEach(function (trigger) {
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

  // --- reading and diplomatic views (corpus/views.py) --------------------------
  // The diplomatic text waits in a <template>; a switch swaps it with the reading text,
  // and the reader's choice is kept for the next page.
  function setUpViews() {
    var switcher = document.querySelector(".view-switch");
    var template = document.getElementById("tei-view-diplomatic");
    if (!switcher || !template) return;
    var texts = { reading: template.previousElementSibling };
    texts.diplomatic = template.content.firstElementChild.cloneNode(true);
    setUpCards(texts.diplomatic);
    setUpNotes(texts.diplomatic);
    var shown = "reading";
    function show(view) {
      if (!texts[view] || view === shown) return;
      hide();
      texts[shown].replaceWith(texts[view]);
      shown = view;
      var article = texts[view].closest("article"); // the exporter's styles key on its class
      if (article) {
        article.classList.toggle("view-reading", view === "reading");
        article.classList.toggle("view-diplomatic", view === "diplomatic");
      }
      switcher.querySelectorAll("button").forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-view") === view));
      });
    }
    switcher.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-view]");
      if (!button) return;
      show(button.getAttribute("data-view"));
      remember("tei-tools-view", shown);
    });
    switcher.hidden = false;
    show(remembered("tei-tools-view") || "reading");
  }

  function start() {
    setUpMenu();
    setUpCards();
    setUpNotes();
    setUpCitation();
    setUpPagerKeys();
    setUpViews();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
