// Progressive enhancement only: times in the viewer's zone, live countdowns,
// and sections marked data-refresh reloaded from the same page while open.
(function () {
  function fmt(d) {
    return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  }
  function countdown(ms) {
    var past = ms < 0; ms = Math.abs(ms);
    var h = Math.floor(ms / 3600000), m = Math.floor((ms % 3600000) / 60000);
    var d = Math.floor(h / 24); h = h % 24;
    var s = (d ? d + 'd ' : '') + h + 'h ' + m + 'm';
    return past ? 'overdue by ' + s : 'in ' + s;
  }
  function update() {
    document.querySelectorAll('time[datetime]').forEach(function (t) {
      var d = new Date(t.getAttribute('datetime'));
      if (isNaN(d)) return;
      var text = fmt(d);
      if (t.hasAttribute('data-countdown')) {
        var left = d.getTime() - Date.now();
        text += ' (' + countdown(left) + ')';
        t.classList.toggle('overdue', left < 0);
      }
      t.textContent = text;
      t.title = t.getAttribute('datetime');
    });
  }
  // Replaces each [data-refresh] section with its fresh copy, so delivery progress moves without a reload
  // (which would throw away a half-filled form). Stops quietly when the session has ended.
  function refresh() {
    var sections = document.querySelectorAll('[data-refresh][id]');
    if (!sections.length || document.hidden) return;
    fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html' }, redirect: 'manual' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        sections.forEach(function (el) {
          var next = fresh.getElementById(el.id);
          if (next && !el.contains(document.activeElement)) el.replaceWith(document.importNode(next, true));
        });
        update();
      })
      .catch(function () {});
  }
  // A box that ticks every box of its name shown (after an alert storm, a list of incidents to triage at
  // once); without script it stays hidden and each box is ticked by hand.
  function tickAll() {
    document.querySelectorAll('input[data-tick-all]').forEach(function (all) {
      var name = all.getAttribute('data-tick-all');
      all.hidden = false;
      all.addEventListener('change', function () {
        document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (box) {
          box.checked = all.checked;
        });
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    update();
    tickAll();
    setInterval(update, 30000);
    setInterval(refresh, 15000);
  });
})();
