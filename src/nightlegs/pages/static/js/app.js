// nightlegs: progressive enhancement only. htmx (vendored) boosts links and
// forms; after each swap, move the keyboard and screen-reader focus to what is
// new on the page (the question's legend, an error summary or the heading).
(function () {
  "use strict";

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
