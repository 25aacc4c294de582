// nightlegs: progressive enhancement only. htmx (vendored) boosts links and
// forms; after each swap, move the keyboard and screen-reader focus to what is
// new on the page (the question's legend, an error summary or the heading).
(function () {
  "use strict";

  // Each step of the interview has its own address, and the pages keep no copy of
  // themselves (historyCacheSize 0, answers are not left in the browser). On Back and
  // Forward the browser loads the address again, as without JavaScript: the server
  // answers with the whole page of that step (or redirects to where the person now
  // stands), so the address bar and the page always agree.
  if (window.htmx) {
    window.htmx.config.refreshOnHistoryMiss = true;
  }

  function focusNew() {
    var target = document.querySelector("[data-focus]") || document.querySelector("main h1");
    if (!target) {
      return;
    }
    if (!target.hasAttribute("tabindex")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus({ preventScroll: false });
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail && event.detail.boosted) {
      focusNew();
    }
  });
})();
