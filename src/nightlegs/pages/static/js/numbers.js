// nightlegs: a number read back as the person types it ("Ви ввели: феритин 18,5 мкг/л",
// or "Це не схоже на число"), in the line under the field (aria-live="polite").
// The reading rules are the server's (src/nightlegs/knowledge/numbers.py, where they
// are written down); the server stays the authority and reads the form again. Without
// JavaScript the next page reads the numbers back instead.
(function () {
  "use strict";

  var SIGNS = { "-": "-", "\u2212": "-", "\u2013": "-", "+": "" };
  var NUMERIC = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ".", ",", "-", "\u2212", "\u2013", "+"];
  var NUMBER = /^(?:[0-9.,]*[0-9](?:[0-9.,]|\s(?=[0-9]))*|[.,][0-9]+)/;
  var HEAD = /^[1-9][0-9]{0,2}$/;
  var DIGITS = /^[0-9]+$/;
  var DECIMAL_COMMA = { uk: true, ru: true };
  var MAX_LENGTH = 100;
  var WAIT_MS = 300;

  function englishThousands(body, language) {
    if (language !== "en" || body.indexOf(" ") >= 0) {
      return false;
    }
    var at = body.indexOf(",");
    var head = body.slice(0, at);
    var tail = body.slice(at + 1);
    return HEAD.test(head) && tail.length === 3 && DIGITS.test(tail);
  }

  function grouped(groups) {
    if (!HEAD.test(groups[0])) {
      return false;
    }
    for (var i = 1; i < groups.length; i++) {
      if (groups[i].length !== 3 || !DIGITS.test(groups[i])) {
        return false;
      }
    }
    return true;
  }

  // "1 234,5" as "1234.5", or null when it breaks a rule.
  function canonical(body, language) {
    body = body.replace(/\s/g, " ");
    var last = body.charAt(body.length - 1);
    if (last === "." || last === ",") {
      return null;
    }
    var marks = body.replace(/[^.,]/g, "");
    var decimal = null;
    if (marks.indexOf(".") >= 0 && marks.indexOf(",") >= 0) {
      decimal = marks.charAt(marks.length - 1);
      if (marks.split(decimal).length - 1 !== 1 || body.indexOf(" ") >= 0) {
        return null;
      }
    } else if (marks.length === 1 && !englishThousands(body, language)) {
      decimal = marks;
    } else if (marks.length && body.indexOf(" ") >= 0) {
      return null;
    }
    var whole = body;
    var fraction = "";
    if (decimal) {
      var at = body.lastIndexOf(decimal);
      whole = body.slice(0, at);
      fraction = body.slice(at + 1);
      if (!DIGITS.test(fraction)) {
        return null;
      }
    }
    var groups = whole ? whole.split(/[ .,]/) : ["0"];
    if (groups.length > 1 && !grouped(groups)) {
      return null;
    }
    if (groups.length === 1 && groups[0] && !DIGITS.test(groups[0])) {
      return null;
    }
    var digits = groups.join("") || "0";
    return fraction ? digits + "." + fraction : digits;
  }

  function numeric(char) {
    return /\s/.test(char) || NUMERIC.indexOf(char.normalize("NFKC")) >= 0;
  }

  // The number at the start of the text and the unit after it (as typed), or null.
  function readQuantity(text, language) {
    var stripped = text.trim();
    if (!stripped || stripped.length > MAX_LENGTH) {
      return null;
    }
    if (stripped.length > 1 && stripped.charAt(stripped.length - 1) === ".") {
      stripped = stripped.slice(0, -1).trim();
    }
    var end = 0;
    while (end < stripped.length && numeric(stripped.charAt(end))) {
      end += 1;
    }
    var head = stripped.slice(0, end).normalize("NFKC");
    var sign = "";
    if (head && Object.prototype.hasOwnProperty.call(SIGNS, head.charAt(0))) {
      sign = SIGNS[head.charAt(0)];
      head = head.slice(1).trimStart();
    }
    var found = NUMBER.exec(head);
    if (!found) {
      return null;
    }
    var number = canonical(found[0], language);
    if (number === null) {
      return null;
    }
    var value = Number(sign + number);
    if (!isFinite(value)) {
      return null;
    }
    var unit = (head.slice(found[0].length) + stripped.slice(end)).trim();
    return { value: value === 0 ? 0 : value, unit: unit };
  }

  // "1.23457e+6" as "1234570", "1e-7" as "0.0000001".
  function withoutExponent(text) {
    var m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
    if (!m) {
      return text;
    }
    var digits = m[2] + (m[3] || "");
    var point = 1 + Number(m[4]);
    if (point <= 0) {
      return m[1] + "0." + "0".repeat(-point) + digits;
    }
    if (point >= digits.length) {
      return m[1] + digits + "0".repeat(point - digits.length);
    }
    return m[1] + digits.slice(0, point) + "." + digits.slice(point);
  }

  // Six significant digits, the language's decimal mark, no thousands separator.
  function formatValue(value, language) {
    var text = withoutExponent(value.toPrecision(6));
    if (text.indexOf(".") >= 0) {
      text = text.replace(/0+$/, "").replace(/\.$/, "");
    }
    if (text === "-0") {
      text = "0";
    }
    return DECIMAL_COMMA[language] ? text.replace(".", ",") : text;
  }

  function unitKey(text) {
    return text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/\s/g, "")
      .replace(/\u03bc/g, "u")
      .replace(/,/g, ".")
      .replace(/\.+$/, "");
  }

  function unitShown(field) {
    var select = document.getElementById(field.id + "__unit");
    if (select && select.selectedIndex >= 0) {
      return select.options[select.selectedIndex].text;
    }
    return field.getAttribute("data-readback-unit") || "";
  }

  function readBack(field) {
    var line = document.getElementById("readback-" + field.id);
    if (!line) {
      return;
    }
    var text = field.value;
    if (!text.trim()) {
      line.textContent = "";
      return;
    }
    var language = field.getAttribute("data-lang");
    var reading = readQuantity(text, language);
    if (reading === null) {
      line.textContent = line.getAttribute("data-not-number");
      return;
    }
    var unit = unitShown(field);
    if (reading.unit) {
      var spellings = JSON.parse(field.getAttribute("data-units") || "{}");
      var key = unitKey(reading.unit);
      if (!Object.prototype.hasOwnProperty.call(spellings, key)) {
        var known = document.getElementById(field.id + "__unit");
        line.textContent = known
          ? line.getAttribute("data-unknown-unit").replace("{unit}", reading.unit)
          : line.getAttribute("data-not-number");
        return;
      }
      unit = spellings[key] || unit;
    }
    var what =
      field.getAttribute("data-readback-label") +
      field.getAttribute("data-readback-separator") +
      formatValue(reading.value, language) +
      (unit ? " " + unit : "");
    line.textContent = line.getAttribute("data-entered").replace("{what}", what);
  }

  var timers = {};

  function later(field) {
    window.clearTimeout(timers[field.id]);
    timers[field.id] = window.setTimeout(function () {
      readBack(field);
    }, WAIT_MS);
  }

  // Delegated, so that pages swapped in by htmx are read back too.
  document.addEventListener("input", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches("input[data-number]")) {
      later(target);
    }
  });
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches("select[name$='__unit']")) {
      var field = document.getElementById(target.name.slice(0, -"__unit".length));
      if (field && field.matches("input[data-number]")) {
        readBack(field);
      }
    }
  });

  window.nightlegsNumbers = { readQuantity: readQuantity, formatValue: formatValue, unitKey: unitKey };
})();
