// nightlegs: the diary's pages, a little quicker with JavaScript (they work
// without). The night's form: a slider beside the severity number (the number
// stays the field that is sent); ticking a symptom clears "no symptoms" and the
// other way round; "it helped" ticks "tried". The recovery code and a new share
// link: "copy" buttons ([data-copy]) and "print" ([data-action=print-code]),
// hidden until this script shows them. Safe to run again after an htmx swap.
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

  function say(button, text) {
    var status = document.getElementById(button.getAttribute("aria-describedby") || "");
    if (status) {
      status.textContent = text;
    }
  }

  // Without the asynchronous clipboard (an http page, an old browser): select the
  // text in a field and copy the selection.
  function copyBySelection(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "visually-hidden";
    document.body.appendChild(field);
    field.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false;
    }
    document.body.removeChild(field);
    return done;
  }

  function copy(button) {
    var text = button.getAttribute("data-copy") || "";
    var copied = button.getAttribute("data-copied") || "";
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () {
          say(button, copied);
        },
        function () {
          if (copyBySelection(text)) {
            say(button, copied);
          }
        }
      );
    } else if (copyBySelection(text)) {
      say(button, copied);
    }
  }

  function keepers() {
    document.querySelectorAll("[data-copy]:not([data-enhanced])").forEach(function (button) {
      button.setAttribute("data-enhanced", "");
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(button);
      });
    });
    document
      .querySelectorAll("[data-action=print-code]:not([data-enhanced])")
      .forEach(function (button) {
        button.setAttribute("data-enhanced", "");
        button.hidden = false;
        button.addEventListener("click", function () {
          window.print();
        });
      });
  }

  function all() {
    enhance();
    keepers();
  }

  all();
  document.addEventListener("htmx:afterSettle", all);
})();
