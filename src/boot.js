// Runs in <head>, before the body is parsed (a classic script: no inline
// script under the page's CSP). index.html carries a prerendered first screen
// of the default scenario in English (#prerender, see tests/prerender.rs);
// this decides whether it may show its figures until the app replaces it:
//  - embedded, or in French: the app alone (`pre-hide`), as its layout or
//    words differ;
//  - a link whose scenario parameters are not the default scenario's, or a
//    saved working copy of another scenario: labels and empty fields, but no
//    figure, value or help line (`pre-stale`), for they would be another
//    scenario's; the static page is then inert until the app takes over;
//  - otherwise the default page's figures are the page's own.
// The default scenario's link, its JSON, the names of the scenario's
// parameters and the working copy's key come from <meta> tags
// (scripts/post-build.mjs, src/prerender.json).
(function () {
  var root = document.documentElement.classList;
  var meta = function (name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.content : '';
  };
  var query = new URLSearchParams(location.search);
  var primary = function (code) { return String(code || '').trim().split(/[-_]/)[0].toLowerCase(); };
  // As the app: the last valid lang parameter, else the browser's language.
  var lang = '';
  query.getAll('lang').forEach(function (l) { if (primary(l) === 'en' || primary(l) === 'fr') lang = primary(l); });
  if (!lang) lang = primary(navigator.language) === 'fr' ? 'fr' : 'en';
  var embed = (query.get('embed') || '').trim();
  if (embed === '1' || embed === 'true' || lang === 'fr') {
    root.add('pre-hide');
    return;
  }
  var names = meta('scenario-params').split(' ');
  var defaults = new URLSearchParams(meta('default-query'));
  var linked = false;
  var other = false;
  query.forEach(function (value, key) {
    if (names.indexOf(key) < 0) return;
    linked = true;
    if (defaults.get(key) !== value) other = true;
  });
  // JSON with its keys in one order, numbers as JavaScript writes them.
  var canon = function (v) {
    if (Array.isArray(v)) return '[' + v.map(canon).join(',') + ']';
    if (v && typeof v === 'object') {
      return '{' + Object.keys(v).sort().map(function (k) { return JSON.stringify(k) + ':' + canon(v[k]); }).join(',') + '}';
    }
    return JSON.stringify(v);
  };
  if (!linked) {
    // Without scenario parameters the app opens the saved working copy.
    try {
      var saved = localStorage.getItem(meta('working-key'));
      if (saved !== null) {
        other = canon(JSON.parse(saved).payload) !== canon(JSON.parse(meta('default-scenario')));
      }
    } catch (e) {
      // Unreadable, or storage that throws (a sandboxed frame): the app will say so above the figures.
      other = true;
    }
  }
  // The static language switch marks the choice; the app applies it when it takes over (web::give_back).
  document.addEventListener('click', function (e) {
    var chosen = e.target.closest && e.target.closest('#prerender .lang-switch button');
    if (!chosen) return;
    var buttons = chosen.parentNode.querySelectorAll('button');
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute('aria-pressed', String(buttons[i] === chosen));
  });
  if (!other) return;
  root.add('pre-stale');
  // Nothing to type into or read out while it waits: the app takes over in a moment.
  document.addEventListener('DOMContentLoaded', function () {
    var pre = document.getElementById('prerender');
    if (pre) {
      pre.inert = true;
      pre.setAttribute('aria-busy', 'true');
    }
  });
})();
