// Tulip admin: small enhancements; every page works without this file.
(function () {
  "use strict";
  var root = document.documentElement;
  var saved = null;
  try { saved = localStorage.getItem("tulip-admin-theme"); } catch (e) { /* storage off */ }
  if (saved === "light" || saved === "dark") root.setAttribute("data-theme", saved);

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (t.matches && t.matches("[data-theme-toggle]")) {
      var dark = root.getAttribute("data-theme") === "dark" ||
        (!root.getAttribute("data-theme") && window.matchMedia("(prefers-color-scheme: dark)").matches);
      var next = dark ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem("tulip-admin-theme", next); } catch (e) { /* storage off */ }
    }
  });

  document.addEventListener("change", function (ev) {
    var t = ev.target;
    if (t.matches && t.matches("[data-select-all]")) {
      var form = t.closest("form");
      form.querySelectorAll("input[name=ids]").forEach(function (box) { box.checked = t.checked; });
    }
  });

  // JSON textareas: mark at once when the text is not valid JSON (the server says why on save)
  document.addEventListener("input", function (ev) {
    var t = ev.target;
    if (!t.matches || !t.matches("textarea[data-json]")) return;
    var ok = true;
    if (t.value.trim() !== "") { try { JSON.parse(t.value); } catch (e) { ok = false; } }
    t.setAttribute("aria-invalid", ok ? "false" : "true");

  });
})();
