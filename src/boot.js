// Runs in <head>, before the body is parsed (a classic script: no inline
// script under the page's CSP). index.html carries a prerendered first screen
// of the default scenario in English (#prerender, see tests/prerender.rs);
// this decides whether it may show its figures until the app replaces it:
//  - embedded, or in French: the app alone (`pre-hide`), as its layout or
//    words differ;
//  - a link with parameters, or a saved working copy: labels and layout, but
//    no figure, value or help line (`pre-stale`), for they may be another
//    scenario's;
//  - otherwise the default page's figures are the page's own.
(function () {
  var root = document.documentElement.classList;
  var query = new URLSearchParams(location.search);
  var primary = function (code) { return String(code || '').split(/[-_]/)[0].toLowerCase(); };
  var lang = primary(query.get('lang'));
  if (lang !== 'en' && lang !== 'fr') lang = primary(navigator.language) === 'fr' ? 'fr' : 'en';
  var embed = query.get('embed');
  if (embed === '1' || embed === 'true' || lang === 'fr') {
    root.add('pre-hide');
    return;
  }
  var scenario = false;
  query.forEach(function (_, key) { if (key !== 'lang' && key !== 'v') scenario = true; });
  var saved = true;
  try {
    saved = localStorage.getItem('gigafactory-planner.working') !== null;
  } catch (e) {
    // Storage that throws (a sandboxed frame): nothing is known, so nothing is shown.
  }
  if (scenario || saved) root.add('pre-stale');
})();
