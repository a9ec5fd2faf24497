// InferBench report site: filter and sort the index of runs; compare any two runs' configurations.
// Loaded inline and allowed by its SHA-256 hash in each page's Content-Security-Policy. It reads the
// page's own table and its embedded JSON only; it builds text nodes (never HTML) and fetches nothing.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };

  var table = $("runs");
  if (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var text = $("filter-text"), scenario = $("filter-scenario"), problems = $("filter-problems"), count = $("shown");
    var apply = function () {
      var q = text.value.toLowerCase(), s = scenario.value, onlyProblems = problems.checked, shown = 0;
      rows.forEach(function (r) {
        var ok = (!q || r.textContent.toLowerCase().indexOf(q) >= 0)
          && (!s || r.getAttribute("data-scenario") === s)
          && (!onlyProblems || r.getAttribute("data-problems") !== "0");
        r.hidden = !ok;
        if (ok) { shown++; }
      });
      count.textContent = shown + " of " + rows.length + " runs shown";
    };
    [text, scenario, problems].forEach(function (el) {
      el.addEventListener("input", apply);
      el.addEventListener("change", apply);
    });
    Array.prototype.forEach.call(table.querySelectorAll("button[data-sort]"), function (b) {
      b.addEventListener("click", function () {
        var key = b.getAttribute("data-sort"), numeric = b.hasAttribute("data-numeric");
        var asc = b.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.querySelectorAll("button[data-sort]"), function (o) {
          o.removeAttribute("aria-sort");
        });
        b.setAttribute("aria-sort", asc ? "ascending" : "descending");
        rows.sort(function (x, y) {
          var a = x.getAttribute("data-" + key) || "", c = y.getAttribute("data-" + key) || "";
          var d = numeric ? Number(a) - Number(c) : a.localeCompare(c);
          return asc ? d : -d;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
    apply();
  }

  var data = $("site-data");
  if (data) {
    var runs = JSON.parse(data.textContent);
    var pick = function (side) {
      return { run: $("run-" + side), config: $("config-" + side) };
    };
    var sides = { a: pick("a"), b: pick("b") };
    var option = function (select, value, label) {
      var o = document.createElement("option");
      o.value = value;
      o.textContent = label;
      select.appendChild(o);
    };
    var fillConfigs = function (side) {
      var s = sides[side], run = runs[Number(s.run.value)], keep = s.config.value;
      while (s.config.firstChild) { s.config.removeChild(s.config.firstChild); }
      run.configurations.forEach(function (c, i) { option(s.config, String(i), c.label + " — " + c.status); });
      if (keep && Number(keep) < run.configurations.length) { s.config.value = keep; }
    };
    ["a", "b"].forEach(function (side) {
      runs.forEach(function (r, i) { option(sides[side].run, String(i), r.started + " · " + r.scenario + " · " + r.id); });
    });
    var ms = function (v) { return v === undefined ? "—" : (v >= 100 ? v.toFixed(0) : v.toPrecision(3)) + " ms"; };
    var stat = function (s) { return !s ? "—" : ms(s[0]) + (s.length > 2 ? " (95% CI " + ms(s[1]) + "–" + ms(s[2]) + ")" : ""); };
    var ratio = function (a, b) {
      if (!a || !b) { return "—"; }
      var text = (a[0] / b[0]).toFixed(3) + "×";
      // Bounds from the two intervals (conservative: wider than a bootstrap interval of the ratio).
      if (a.length > 2 && b.length > 2) { text += " (bounds " + (a[1] / b[2]).toFixed(3) + "–" + (a[2] / b[1]).toFixed(3) + ")"; }
      return text;
    };
    var cell = function (tr, value) { var td = document.createElement("td"); td.textContent = value; tr.appendChild(td); };
    var show = function () {
      var pickConfig = function (side) {
        var s = sides[side], run = runs[Number(s.run.value)];
        return { run: run, c: run.configurations[Number(s.config.value)] || {} };
      };
      var a = pickConfig("a"), b = pickConfig("b"), out = $("chosen");
      while (out.firstChild) { out.removeChild(out.firstChild); }
      [["Run", a.run.id, b.run.id, ""], ["Scenario", a.run.scenario, b.run.scenario, ""],
       ["Configuration", a.c.label || "—", b.c.label || "—", ""], ["Status", a.c.status || "—", b.c.status || "—", ""],
       ["Median (p50)", stat(a.c.p50), stat(b.c.p50), ratio(a.c.p50, b.c.p50)],
       ["p99", stat(a.c.p99), stat(b.c.p99), ratio(a.c.p99, b.c.p99)],
       ["Throughput", a.c.qps === undefined ? "—" : a.c.qps + " /s", b.c.qps === undefined ? "—" : b.c.qps + " /s",
        a.c.qps && b.c.qps ? (a.c.qps / b.c.qps).toFixed(3) + "×" : "—"]].forEach(function (row) {
        var tr = document.createElement("tr");
        var th = document.createElement("th");
        th.scope = "row";
        th.textContent = row[0];
        tr.appendChild(th);
        cell(tr, row[1]); cell(tr, row[2]); cell(tr, row[3]);
        out.appendChild(tr);
      });
      $("link-a").href = a.run.href;
      $("link-b").href = b.run.href;
    };
    ["a", "b"].forEach(function (side) {
      sides[side].run.addEventListener("change", function () { fillConfigs(side); show(); });
      sides[side].config.addEventListener("change", show);
    });
    // Default: the newest run against the one before it of the same scenario (or itself).
    sides.a.run.value = "0";
    var prev = 0;
    for (var i = 1; i < runs.length; i++) { if (runs[i].scenario === runs[0].scenario) { prev = i; break; } }
    sides.b.run.value = String(runs.length ? prev : 0);
    if (runs.length) { fillConfigs("a"); fillConfigs("b"); show(); }
  }
}());
