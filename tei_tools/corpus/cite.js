"use strict";
// The reader's access date in each "cite this page" line (tei_tools/corpus/citation.py):
// the build cannot write it, since the same collection must give the same bytes.
// Chicago writes "March 5, 2027", MLA "5 Mar. 2027"; the months are English, as the line is.
(function () {
  // Filled in from tei_tools/data/calendars/months.toml when the site is built.
  var long = MONTH_NAMES;
  var short = MONTH_CITATION_NAMES;
  var today = new Date();
  var lines = document.querySelectorAll(".cite-line");
  for (var i = 0; i < lines.length; i++) {
    var slot = lines[i].querySelector(".cite-accessed");
    if (!slot) continue;
    slot.textContent = lines[i].getAttribute("data-style") === "mla"
      ? today.getDate() + " " + short[today.getMonth()] + " " + today.getFullYear()
      : long[today.getMonth()] + " " + today.getDate() + ", " + today.getFullYear();
  }
})();
