/* ocop-docs: follow a production job's progress (server-sent events from
   /api/v1/jobs/{id}/events). Without JavaScript the page refreshes itself instead. */
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box || box.getAttribute("data-final") === "1" || !window.EventSource) { return; }
  var texts = JSON.parse(document.getElementById("job-texts").innerHTML);
  var bar = document.getElementById("job-bar");
  function set(id, text) { var el = document.getElementById(id); if (el) { el.textContent = text; } }
  function show(d) {
    bar.value = d.percent;
    bar.textContent = d.percent + " %";
    set("job-percent", String(d.percent));
    set("job-state", texts.state[d.state] || d.state);
    set("job-phase", texts.phase[d.phase] || d.phase);
    set("job-count", texts.count.replace("{done}", d.done).replace("{total}", d.total).replace("{failed}", d.failed));
  }
  var source = new EventSource(box.getAttribute("data-events"));
  source.addEventListener("progress", function (e) { show(JSON.parse(e.data)); });
  source.addEventListener("end", function (e) {
    show(JSON.parse(e.data));
    source.close();
    window.setTimeout(function () { window.location.reload(); }, 300);
  });
})();
