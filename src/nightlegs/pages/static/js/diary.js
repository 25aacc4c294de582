// nightlegs: the night's entry form, a little quicker with JavaScript (it works
// without). A slider beside the severity number (the number stays the field
// that is sent); ticking a symptom clears "no symptoms" and the other way
// round; "it helped" ticks "tried". Safe to run again after an htmx swap.
(function () {
  "use strict";

  function enhance() {
    var form = document.querySelector("form[data-entry-date]");
    if (!form || form.hasAttribute("data-enhanced")) {
      return;
    }
    form.setAttribute("data-enhanced", "");
    var number = form.querySelector("input[name=severity]");
    var scale = form.querySelector("[data-scale]");
    if (number && scale) {
      var slider = document.createElement("input");
      slider.type = "range";
      slider.min = number.min || "0";
      slider.max = number.max || "10";
      slider.step = "1";
      slider.value = number.value || "0";
      slider.className = "scale__slider";
      slider.setAttribute("aria-hidden", "true");
      slider.tabIndex = -1;
      scale.insertBefore(slider, scale.firstChild);
      slider.addEventListener("input", function () {
        number.value = slider.value;
      });
      number.addEventListener("input", function () {
        slider.value = number.value || "0";
      });
    }
    form.addEventListener("change", function (event) {
      var box = event.target;
      if (!box || box.type !== "checkbox" || !box.checked) {
        return;
      }
      if (box.name === "symptoms") {
        var none = form.querySelector("input[name=no_symptoms]");
        if (none) {
          none.checked = false;
        }
      } else if (box.name === "no_symptoms") {
        form.querySelectorAll("input[name=symptoms]").forEach(function (s) {
          s.checked = false;
        });
      } else if (box.name === "helped") {
        var tried = form.querySelector("input[name=tried][value='" + box.value + "']");
        if (tried) {
          tried.checked = true;
        }
      }
    });
  }

  enhance();
  document.addEventListener("htmx:afterSettle", enhance);
})();
