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
