// Keyboard: "/" focuses the first filter box; "j"/"k" step through highlighted claims in the reader.
document.addEventListener("keydown", function (ev) {
  if (ev.target && (ev.target.tagName === "INPUT" || ev.target.tagName === "SELECT")) return;
  if (ev.key === "/") {
    var box = document.querySelector(".filters input");
    if (box) { ev.preventDefault(); box.focus(); }
  }
  if (ev.key === "j" || ev.key === "k") {
    var anchors = Array.prototype.slice.call(document.querySelectorAll("a.anchor[id^='claim-']"));
    if (!anchors.length) return;
    var current = anchors.findIndex(function (a) { return "#" + a.id === location.hash; });
    var next = ev.key === "j" ? Math.min(current + 1, anchors.length - 1) : Math.max(current - 1, 0);
    location.hash = anchors[next].id;
  }
});

// The record an URL points at (#claim-3, #at-120): mark the first highlighted span after its anchor.
function markTarget() {
  document.querySelectorAll(".target").forEach(function (el) { el.classList.remove("target"); });
  if (!location.hash) return;
  var el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  while (el && el.tagName !== "SPAN") el = el.nextElementSibling;
  if (el) { el.classList.add("target"); el.scrollIntoView({block: "center"}); }
}
window.addEventListener("hashchange", markTarget);
document.addEventListener("DOMContentLoaded", markTarget);

// Charts and the map: Vega-Lite specs in JSON data blocks, drawn with the vendored Vega (AST interpreter,
// so no eval: the Content-Security-Policy allows no unsafe-eval). The server-rendered SVG stays if Vega fails.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof vegaEmbed === "undefined") return;
  document.querySelectorAll(".vl[data-spec]").forEach(function (el) {
    var block = document.getElementById(el.getAttribute("data-spec"));
    if (!block) return;
    var spec = JSON.parse(block.textContent);
    var holder = document.createElement("div");
    holder.className = "vl-chart";
    var options = {
      ast: true, actions: false, renderer: "svg", defaultStyle: false, tooltip: {disableDefaultStyle: true}
    };
    vegaEmbed(holder, spec, options).then(function () {
      el.replaceChildren(holder);
      el.setAttribute("data-rendered", "vega");
    }).catch(function (err) { el.setAttribute("data-error", String(err)); });
  });
});

document.documentElement.setAttribute("data-ready", "1");  // the handlers above are in place
