"use strict";
(function () {
  // Figure panel: hover or focus a mark to see it, click or Enter to pin it (and take its permanent link).
  var panel = document.getElementById("details");
  if (panel) {
    var pinned = null;
    var markOf = function (node) { return node && node.closest ? node.closest("mark.fig") : null; };
    var place = function (mark) {
      var box = mark.getBoundingClientRect();
      var width = document.documentElement.clientWidth;
      panel.style.top = (window.scrollY + box.bottom + 6) + "px";
      panel.style.left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + width - panel.offsetWidth - 8)) + "px";
    };
    // A mark inside others (the inputs inside a derived figure's words) shows the enclosing figures too.
    var show = function (mark) {
      var parts = [];
      for (var m = mark; m; m = markOf(m.parentNode)) {
        var store = document.getElementById("d-" + m.getAttribute("data-detail"));
        if (store) { parts.push((parts.length ? "<hr><p class=\"muted\">within the words of:</p>" : "") + store.innerHTML); }
      }
      if (!parts.length) { return; }
      panel.innerHTML = parts.join("");
      panel.hidden = false;
      place(mark);
    };
    var hide = function () { if (pinned) { show(pinned); } else { panel.hidden = true; } };
    var pin = function (mark) {
      if (pinned) { pinned.classList.remove("pinned"); }
      pinned = mark;
      mark.classList.add("pinned");
      panel.classList.add("pinned");
      show(mark);
      var id = mark.id || mark.getAttribute("data-detail");
      if (window.history && window.history.replaceState) { window.history.replaceState(null, "", "#" + id); }
    };
    var unpin = function () {
      if (pinned) { pinned.classList.remove("pinned"); }
      pinned = null;
      panel.classList.remove("pinned");
      panel.hidden = true;
    };
    document.addEventListener("mouseover", function (event) { var m = markOf(event.target); if (m && !pinned) { show(m); } });
    document.addEventListener("mouseout", function (event) { if (markOf(event.target) && !markOf(event.relatedTarget)) { hide(); } });
    document.addEventListener("focusin", function (event) { var m = markOf(event.target); if (m && !pinned) { show(m); } });
    document.addEventListener("focusout", function (event) { if (markOf(event.target)) { hide(); } });
    document.addEventListener("click", function (event) {
      var m = markOf(event.target);
      if (m) { event.stopPropagation(); pin(m); }
      else if (!panel.contains(event.target)) { unpin(); }
    });
    document.addEventListener("keydown", function (event) {
      var m = markOf(event.target);
      if (m && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); pin(m); }
      if (event.key === "Escape") { unpin(); }
    });
    // A permanent link pins its mark, whether it opens the page or follows a link within it.
    var follow = function () {
      var target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
      if (markOf(target)) { pin(target); target.scrollIntoView({ block: "center" }); }
    };
    window.addEventListener("hashchange", follow);
    follow();
  }

  // Tables: filter by the selects and the search box, sort by a column header; all in the page.
  Array.prototype.forEach.call(document.querySelectorAll("[data-filtered-table]"), function (table) {
    var form = document.getElementById(table.getAttribute("data-filtered-table"));
    var body = table.tBodies[0];
    var count = form ? form.querySelector("[data-count]") : null;
    var apply = function () {
      var shown = 0;
      var selects = form ? form.querySelectorAll("select[data-filter]") : [];
      var search = form ? form.querySelector("input[type=search]") : null;
      var words = search ? search.value.trim().toLowerCase() : "";
      Array.prototype.forEach.call(body.rows, function (row) {
        var keep = Array.prototype.every.call(selects, function (select) {
          return !select.value || row.getAttribute("data-" + select.getAttribute("data-filter")) === select.value;
        }) && (!words || row.textContent.toLowerCase().indexOf(words) >= 0);
        row.hidden = !keep;
        if (keep) { shown += 1; }
      });
      if (count) { count.textContent = shown + " of " + body.rows.length + " rows shown"; }
    };
    if (form) { form.addEventListener("input", apply); form.addEventListener("change", apply); form.addEventListener("submit", function (e) { e.preventDefault(); }); }
    Array.prototype.forEach.call(table.querySelectorAll("th button[data-column]"), function (button) {
      button.addEventListener("click", function () {
        var th = button.parentNode;
        var column = Number(button.getAttribute("data-column"));
        var numeric = button.getAttribute("data-type") === "number";
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.querySelectorAll("th[aria-sort]"), function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var key = function (row) {
          var cell = row.cells[column];
          var text = cell.getAttribute("data-sort") || cell.textContent.trim();
          return numeric ? (text === "" ? -Infinity : Number(text)) : text;
        };
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var order = numeric ? x - y : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    apply();
  });
}());
