/* The page images beside the text: one page at a time in OpenSeadragon (deep zoom).
   Without this script (or without OpenSeadragon) every page image is shown as a plain
   picture under the "Page images" heading; nothing here is needed to read the page.
   The current page follows the text as it scrolls; a page break's link shows its page;
   a line or note with a zone draws the zone while it has the focus or the pointer. */
(function () {
  "use strict";
  var aside = document.querySelector("aside.facsimile");
  if (!aside || typeof OpenSeadragon !== "function") return;
  var figures = Array.prototype.slice.call(aside.querySelectorAll("figure.facs-page"));
  if (!figures.length) return;
  var bySurface = {};
  figures.forEach(function (figure, index) { bySurface[figure.dataset.surface] = index; });
  var markers = Array.prototype.slice.call(document.querySelectorAll(".tei-text a.facs-link"));
  var title = (document.querySelector("h1") || {}).textContent || document.title;

  function button(label, text, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.setAttribute("aria-label", label);
    b.addEventListener("click", action);
    return b;
  }
  var controls = document.createElement("div");
  controls.className = "facs-controls";
  controls.setAttribute("role", "toolbar");
  controls.setAttribute("aria-label", "Page image");
  controls.setAttribute("aria-controls", "facs-stage");
  var previous = button("Previous page", "‹ Page", function () { show(current - 1, true); });
  var next = button("Next page", "Page ›", function () { show(current + 1, true); });
  var zoomIn = button("Zoom in", "+", function () { zoomBy(1.5); });
  var zoomOut = button("Zoom out", "−", function () { zoomBy(1 / 1.5); });
  var reset = button("Fit the page", "Fit", function () { viewer.viewport.goHome(); });
  var status = document.createElement("span");
  status.className = "facs-status";
  status.setAttribute("aria-live", "polite");
  [previous, next, zoomOut, zoomIn, reset, status].forEach(function (c) { controls.appendChild(c); });
  var stage = document.createElement("div");
  stage.className = "facs-stage";
  stage.id = "facs-stage";
  stage.setAttribute("role", "region");
  var heading = aside.querySelector(".facs-heading");
  heading.parentNode.insertBefore(controls, heading.nextSibling);
  controls.parentNode.insertBefore(stage, controls.nextSibling);

  // Shown before the viewer starts, so that it measures the room it has.
  aside.classList.add("facs-ready");
  var viewer = OpenSeadragon({
    element: stage,
    prefixUrl: "",
    showNavigationControl: false,
    // Canvas, not WebGL: a page read from disk (file://) may draw its images but not
    // upload them as WebGL textures.
    drawer: "canvas",
    crossOriginPolicy: false,
    visibilityRatio: 0.5,
    gestureSettingsMouse: { clickToZoom: false },
    maxZoomPixelRatio: 2,
  });
  var current = -1;
  var shownZone = null;

  function zoomBy(factor) {
    viewer.viewport.zoomBy(factor);
    viewer.viewport.applyConstraints();
  }
  function tileSource(figure) {
    if (figure.dataset.service) return figure.dataset.service;
    return { type: "image", url: figure.dataset.full, buildPyramid: false };
  }
  function show(index, scrollText) {
    if (index < 0 || index >= figures.length) return;
    if (index !== current) {
      current = index;
      var figure = figures[index];
      var label = "Page " + figure.dataset.label + " of " + title;
      stage.setAttribute("aria-label", label + ": image of the original, zoomable");
      var image = figure.querySelector("img");
      if (image) viewer.element.setAttribute("title", image.alt);
      viewer.open(tileSource(figure));
      status.textContent = "Page " + figure.dataset.label + " (" + (index + 1) + " of " + figures.length + ")";
      previous.disabled = index === 0;
      next.disabled = index === figures.length - 1;
      markers.forEach(function (m) {
        if (m.dataset.surface === figure.dataset.surface) m.setAttribute("aria-current", "page");
        else m.removeAttribute("aria-current");
      });
      aside.dataset.current = figure.dataset.surface;
    }
    if (scrollText) {
      var marker = markers.filter(function (m) { return m.dataset.surface === figures[index].dataset.surface; })[0];
      if (marker) {
        following = false;
        marker.scrollIntoView({ block: "start" });
        window.setTimeout(function () { following = true; }, 200);
      }
    }
  }
  // The zoom reached, and the whole page's, as data for styles and tests to read.
  function record() {
    stage.dataset.zoom = String(viewer.viewport.getZoom(true));
    stage.dataset.homeZoom = String(viewer.viewport.getHomeZoom());
  }
  viewer.addHandler("animation-finish", record);
  viewer.addHandler("open", function () {
    record();
    stage.dataset.opened = figures[current].dataset.surface;
    if (shownZone) drawZone(shownZone);
  });

  // The page whose break the reader has passed: the last one above the upper third.
  var following = true;
  var pending = false;
  function follow() {
    pending = false;
    if (!following || !markers.length) return;
    var line = window.innerHeight / 3;
    // At the foot of the document the last breaks cannot reach the upper third: any break
    // on the screen then counts, so that the last page can be followed (and jumped to).
    var root = document.documentElement;
    if (window.scrollY + window.innerHeight >= root.scrollHeight - 2) line = window.innerHeight;
    var chosen = bySurface[markers[0].dataset.surface];
    markers.forEach(function (m) {
      if (m.getBoundingClientRect().top < line) chosen = bySurface[m.dataset.surface];
    });
    if (chosen !== undefined) show(chosen, false);
  }
  window.addEventListener("scroll", function () {
    if (!pending) { pending = true; window.requestAnimationFrame(follow); }
  }, { passive: true });
  markers.forEach(function (m) {
    m.addEventListener("click", function (event) {
      event.preventDefault();
      // The break goes to the top, as a jump to an anchor would: the page followed is its own.
      show(bySurface[m.dataset.surface], true);
    });
  });

  // Zones: the region of a line or note, drawn while it has the focus or the pointer.
  var zones = {};
  figures.forEach(function (figure) {
    (figure.dataset.zones || "").split(";").forEach(function (entry) {
      var parts = entry.split(":");
      if (parts.length !== 2) return;
      var box = parts[1].split(",").map(Number);
      var aspect = Number(figure.dataset.height) / Number(figure.dataset.width);
      zones[parts[0]] = { surface: figure.dataset.surface, box: box, aspect: aspect };
    });
  });
  var overlay = document.createElement("div");
  overlay.className = "facs-zone";
  overlay.id = "facs-zone";
  function drawZone(id) {
    var zone = zones[id];
    if (!zone || figures[current].dataset.surface !== zone.surface || !viewer.world.getItemCount()) return;
    // The zone's corners are fractions of the page; OpenSeadragon's page is 1 wide.
    var b = zone.box, a = zone.aspect;
    viewer.removeOverlay(overlay);
    viewer.addOverlay({
      element: overlay,
      location: new OpenSeadragon.Rect(b[0], b[1] * a, b[2] - b[0], (b[3] - b[1]) * a),
    });
    stage.dataset.zone = id;
  }
  function showZone(element) {
    var id = (element.dataset.facs || "").replace(/^#/, "");
    if (!zones[id]) return;
    shownZone = id;
    element.classList.add("facs-zone-shown");
    var index = bySurface[zones[id].surface];
    if (index !== current) show(index, false); else drawZone(id);
  }
  function hideZone(element) {
    element.classList.remove("facs-zone-shown");
    shownZone = null;
    viewer.removeOverlay(overlay);
    delete stage.dataset.zone;
  }
  document.querySelectorAll("[data-zone-surface]").forEach(function (element) {
    element.addEventListener("focus", function () { showZone(element); });
    element.addEventListener("blur", function () { hideZone(element); });
    element.addEventListener("mouseenter", function () { showZone(element); });
    element.addEventListener("mouseleave", function () { if (document.activeElement !== element) hideZone(element); });
  });

  var start = bySurface[(location.hash || "").replace(/^#facs-/, "")];
  show(start !== undefined ? start : 0, start !== undefined);
  follow();
})();
