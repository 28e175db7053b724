// annals: the pages read without this script; it only lets the day and the year slider update the
// page in place, without a reload.
(function () {
  "use strict";
  var results = document.getElementById("day-results");
  var slider = document.getElementById("year");
  var at = document.getElementById("at");
  if (!results || !slider || !at) return;
  var out = document.getElementById("year-out");
  var knownInput = document.querySelector('#day-form input[name="known"]');
  var timer = null, pending = null;

  function pad(n, w) { n = String(Math.abs(n)); while (n.length < w) n = "0" + n; return n; }
  function lastDay(y, m) { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }

  function load(day) {
    var params = new URLSearchParams({ at: day });
    if (knownInput && knownInput.value) params.set("known", knownInput.value);
    var url = "/?" + params.toString();
    if (pending) pending.abort();
    pending = new AbortController();
    results.setAttribute("aria-busy", "true");
    fetch(url, { signal: pending.signal }).then(function (r) { return r.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var fresh = doc.getElementById("day-results");
      var title = doc.getElementById("day-title");
      if (fresh) results.innerHTML = fresh.innerHTML;
      if (title) document.getElementById("day-title").innerHTML = title.innerHTML;
      document.title = doc.title;
      var md = doc.querySelector('#year-form input[name="md"]');
      var mine = document.querySelector('#year-form input[name="md"]');
      if (md && mine) mine.value = md.value;
      document.querySelectorAll('input[name="at"][type="hidden"]').forEach(function (i) { i.value = day; });
      history.replaceState(null, "", url);
      results.removeAttribute("aria-busy");
    }).catch(function () { results.removeAttribute("aria-busy"); });
  }

  slider.addEventListener("input", function () {
    var y = parseInt(slider.value, 10);
    if (out) out.textContent = y;
    var parts = (at.value || "").split("-");
    var m = parseInt(parts[1], 10) || 7, d = parseInt(parts[2], 10) || 1;
    d = Math.min(d, lastDay(y, m));
    var day = (y < 0 ? "-" : "") + pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2);
    at.value = day;
    clearTimeout(timer);
    timer = setTimeout(function () { load(day); }, 150);
  });
  at.addEventListener("change", function () {
    if (!at.value) return;
    var y = parseInt(at.value, 10);
    if (!isNaN(y)) { slider.value = y; if (out) out.textContent = y; }
    load(at.value);
  });
})();
