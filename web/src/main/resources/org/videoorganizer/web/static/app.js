// The page's only script: live numbers on the overview (polls /api/overview with the session
// cookie) and a confirmation before undo. Values are set with textContent, never as HTML.
(function () {
  'use strict';
  function pick(obj, path) {
    return path.split('.').reduce(function (o, k) { return o == null ? undefined : o[k]; }, obj);
  }
  function refresh(section) {
    fetch(section.getAttribute('data-live'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (data) {
        section.querySelectorAll('[data-k]').forEach(function (el) {
          var v = pick(data, el.getAttribute('data-k'));
          el.textContent = v == null ? '0' : String(v);
        });
        section.setAttribute('data-updated', new Date().toISOString());
      })
      .catch(function () { section.setAttribute('data-stale', 'true'); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var live = document.querySelector('[data-live]');
    if (live) {
      setInterval(function () { refresh(live); }, 5000);
    }
    document.querySelectorAll('form[action="/api/controls/undo"]').forEach(function (f) {
      f.addEventListener('submit', function (e) {
        if (!window.confirm('Put this video back where it came from?')) { e.preventDefault(); }
      });
    });
  });
})();
