// Trunk post-build hook: make the page work under a strict Content-Security-Policy,
// say every failure, and deploy safely over a previous release.
//  1. Minify wasm-bindgen's JS glue (Trunk leaves it as written: comments,
//     JSDoc, indentation) with terser, dropping classes the wasm no longer backs.
//  2. Trunk loads the wasm from an inline <script type="module">; a strict CSP
//     (script-src 'self') forbids inline scripts, so the loader becomes a file.
//     It also says, in #fatal and to an embedding page, why the planner could not
//     start or why it stopped (a wasm trap).
//  3. Add the CSP <meta> (frame-ancestors cannot be set by <meta>, so embedding
//     stays allowed; hosts may send their own header).
//  4. List the page's fragments (the method, the sources and the published
//     checks, src/ui/generated/, copied to fragments/ by index.html's copy-dir)
//     in <meta name="fragment:NAME.LANG" content="./fragments/…"> tags: the app
//     fetches one when its panel comes near the screen (src/ui/sources.rs), so
//     their text is in no first visit (scripts/size.mjs counts the root only).
//     The site explorer's map of the EU-27 (scripts/map.mjs) is one of them,
//     fragments/map.svg, one file for both languages: fragment:map names it
//     (the explorer's module fetches it).
//  4b. Put the prerendered first screen (src/prerender.html, the app's own
//     components rendered natively by tests/prerender.rs) into index.html's
//     #prerender, and src/boot.js (which decides what of it may show) into
//     <head>: the page paints its figures before the wasm has run.
//  5. Name every asset, fragments included, by a hash of its final content
//     (nameByContent) and recompute the page's integrity attributes.
//  6. Write sw.js, a service worker that keeps this release's page with its
//     own assets and fragments for offline use (writeServiceWorker).
// Steps 5 and 6 are exported: e2e/deploy.test.js makes a second release with them.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { buildMap } from './map.mjs';
import { buildExplore } from './explore-module.mjs';

const hash = (s) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const fail = (message) => {
  throw new Error(`post-build: ${message}`);
};
const terse = async (source, what, module = true) => {
  const { code } = await minify(source, { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!code) fail(`terser produced no ${what}`);
  return code;
};

// The files a release is made of besides index.html (sw.js is not one: it is
// fetched by the browser, never by the page): the page's assets at the root,
// and the fragments its panels fetch, in FRAGMENTS (text in .html, the map in .svg).
const isAsset = (f) => /\.(js|wasm|css)$/.test(f) && f !== 'sw.js';
const FRAGMENTS = 'fragments';
const fragmentFiles = (dir) => {
  try {
    return readdirSync(join(dir, FRAGMENTS)).filter((f) => /\.(html|svg|js|wasm|css)$/.test(f)).sort().map((f) => `${FRAGMENTS}/${f}`);
  } catch {
    return [];
  }
};
/** Every file of the release in `dir` but index.html and sw.js, as paths relative to it. */
const releaseFiles = (dir) => [...readdirSync(dir).filter(isAsset), ...fragmentFiles(dir)].sort();
// An asset name: a stem, maybe Trunk's or our hash, and the kind.
const ASSET_NAME = /^(.+?)(?:-[0-9a-f]+)?(_bg\.wasm|\.js|\.css|\.html|\.svg)$/;
// How the page links its assets: relative to itself (Trunk's public_url = "./";
// minified HTML may drop attribute quotes), in href and src, and for the
// fragments in a <meta>'s content. The service worker reads pages with the
// same expression.
const ASSET_REF = /\b(?:href|src|content)=["']?\.\/([^"'\s>]+)/g;
const linkedAssets = (html) => [...new Set([...html.matchAll(ASSET_REF)].map((m) => m[1]))].sort();

/**
 * Name every asset of `dir` `<stem>-<hash of its content><kind>` and point the
 * page and the scripts at the new names.
 *
 * Why: Trunk names the glue and the wasm after the hash of cargo's wasm, before
 * wasm-bindgen, wasm-opt and this hook change them, so a release that changes
 * only the tooling would ship different bytes under the same names. Served as
 * immutable and cached by the service worker, those names would then pair a
 * page with bytes its integrity attributes refuse. Named by content, a name
 * always means the same bytes.
 *
 * A script names the files it loads (the loader names the glue and the wasm),
 * so renaming one changes the other: rename until nothing changes (the links
 * go one way, so this settles).
 */
export function nameByContent(dir) {
  const indexPath = join(dir, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  for (let round = 0; ; round++) {
    if (round > 8) fail('asset names do not settle: do two assets name each other?');
    let renamed = 0;
    for (const file of releaseFiles(dir)) {
      const [, stem, kind] = file.match(ASSET_NAME) ?? fail(`unexpected asset name ${file}`);
      const name = `${stem}-${hash(readFileSync(join(dir, file)))}${kind}`;
      if (name === file) continue;
      renameSync(join(dir, file), join(dir, name));
      // References are written './<name>' (public_url), which no other text can match.
      html = html.replaceAll(`./${file}`, `./${name}`);
      for (const script of readdirSync(dir).filter((f) => isAsset(f) && f.endsWith('.js'))) {
        const text = readFileSync(join(dir, script), 'utf8');
        if (text.includes(`./${file}`)) writeFileSync(join(dir, script), text.replaceAll(`./${file}`, `./${name}`));
      }
      renamed++;
    }
    if (!renamed) break;
  }
  // Subresource integrity follows the final bytes.
  html = html.replace(/<(?:link|script)\b[^>]*>/g, (tag) => {
    const ref = [...tag.matchAll(ASSET_REF)][0]?.[1];
    if (!ref || !/\bintegrity=/.test(tag)) return tag;
    const sri = 'sha384-' + createHash('sha384').update(readFileSync(join(dir, ref))).digest('base64');
    return tag.replace(/\bintegrity=["']?sha384-[A-Za-z0-9+/=]+["']?/, `integrity="${sri}"`);
  });
  writeFileSync(indexPath, html);
}

/**
 * Write `dir/sw.js` for the release in `dir`: its page and exactly the assets the
 * page links (a file the page does not link, or a link to a missing file, stops
 * the build: the worker could not cache what the page needs).
 *
 * The worker keeps one cache per release, named after the page's asset list, and
 * holds to one rule: a cache holds a page only together with every asset that
 * page links. Asset names are content hashes, so an asset found in any cache is
 * the right one; only the page/asset pairing can go wrong, in two ways this rule
 * excludes:
 *  - a worker must not keep another release's page: the old worker sees the new
 *    page first (network first) but lacks its assets, so kept in the old cache it
 *    would reload blank offline; a stale page met by a new worker, likewise;
 *  - a new worker caches its page with its assets at install, only if the page
 *    the server returns is its own (a deploy between fetching sw.js and the page
 *    would pair them wrongly), and fails the install otherwise: the old worker,
 *    with its own consistent cache, stays in charge.
 * Offline, a worker answers with its own release's page. On activation it keeps
 * the previous release's cache (a page of it may still be loading its assets
 * when the new worker takes over, e.g. during the deploy) and deletes older ones.
 */
export function writeServiceWorker(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const linked = linkedAssets(html);
  const files = releaseFiles(dir);
  if (linked.join('\n') !== files.join('\n')) {
    fail(`the page's assets are not the build's files:\n  linked: ${linked.join(' ')}\n  files:  ${files.join(' ')}`);
  }
  const assets = linked.map((a) => './' + a);
  const release = hash(assets.join('\n'));
  const sw = `// Generated by scripts/post-build.mjs (see writeServiceWorker there for the why).
const PREFIX = 'gigafactory-planner-';
// One cache per release, named after its page's asset list.
const CACHE = PREFIX + '${release}';
const ASSETS = ${JSON.stringify(assets)};
// The assets a page links, as the build reads them.
const linked = (html) => [...new Set([...html.matchAll(${ASSET_REF})].map((m) => './' + m[1]))].sort();
const ours = (html) => linked(html).join('\\n') === ASSETS.join('\\n');

self.addEventListener('install', (e) => {
  e.waitUntil((async () => {
    const page = await fetch('./', { cache: 'no-cache' });
    const html = page.ok ? await page.text() : '';
    if (!ours(html)) throw new Error('the page on the server is not this release');
    const assets = await Promise.all(ASSETS.map(async (a) => {
      const res = await fetch(a);
      if (!res.ok) throw new Error(a + ': ' + res.status);
      return [a, res];
    }));
    // The page last, once all of its assets are in.
    const cache = await caches.open(CACHE);
    await Promise.all(assets.map(([a, res]) => cache.put(a, res)));
    await cache.put('./', new Response(html, { headers: page.headers }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (e) => {
  e.waitUntil((async () => {
    await self.clients.claim();
    // Cache names come in creation order: the last other one is the previous release.
    const older = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
    await Promise.all(older.slice(0, -1).map((k) => caches.delete(k)));
  })());
});

// A newer copy of this release's page (same assets), e.g. after a change of the
// page alone; any other page is not ours to keep.
const keep = async (res) => {
  const html = await res.text();
  if (ours(html) && (await caches.has(CACHE))) await (await caches.open(CACHE)).put('./', new Response(html, { headers: res.headers }));
};

self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== location.origin) return;
  if (req.mode === 'navigate') {
    // The planner's own page (its directory, whatever the query): network first
    // (new releases), this release's page when offline. Other pages of the
    // directory are not the planner's to answer.
    const scope = new URL(self.registration.scope).pathname;
    if (url.pathname !== scope && url.pathname !== scope + 'index.html') return;
    e.respondWith((async () => {
      try {
        const res = await fetch(req);
        if (res.ok) e.waitUntil(keep(res.clone()).catch(() => {}));
        return res;
      } catch (err) {
        const kept = (await caches.has(CACHE)) && (await (await caches.open(CACHE)).match('./'));
        if (kept) return kept;
        throw err;
      }
    })());
  } else {
    // Assets are named by their content: any cache's copy is the right one.
    e.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
  }
});
`;
  writeFileSync(join(dir, 'sw.js'), sw);
  return { release, assets };
}

// The loader, as a module of its own (strict CSP). Trunk's loader imports the glue
// statically and awaits the wasm: if either fails (a dropped connection, a host
// whose own CSP forbids compiling wasm, a browser without WebAssembly) the page
// would stay blank, so the same steps run here inside a try.
//
// Once running, the module can still die: with panic = "abort" a panic runs the
// app's hook (src/ui/fatal.rs, which shows #fatal itself) and then traps; out of
// memory and `unreachable` trap with no hook at all. A trap surfaces as a
// WebAssembly.RuntimeError thrown out of whatever call entered the wasm: an event
// listener or timer (the window's error event), a promise job (unhandledrejection),
// or the start itself (the catch below). Each is said once: in #fatal, in the
// app's language, with its reason, and to an embedding page; the page then goes
// inert, as a dead module neither answers nor saves.
const loaderSource = (glueUrl, wasmUrl) => `
const fatal = document.getElementById('fatal');
const TEXT = {
  en: {
    start: 'The planner could not start: its WebAssembly module did not load.',
    policy: "The site's security policy must allow WebAssembly ('wasm-unsafe-eval').",
    network: 'Check the connection and reload the page.',
    stopped: 'The planner stopped. Reload the page to start again.',
  },
  fr: {
    start: "Le planificateur n'a pas pu démarrer : son module WebAssembly ne s'est pas chargé.",
    policy: "La politique de sécurité du site doit autoriser WebAssembly ('wasm-unsafe-eval').",
    network: 'Vérifiez la connexion et rechargez la page.',
    stopped: "Le planificateur s'est arrêté. Rechargez la page pour recommencer.",
  },
};
let started = false;
// The app's choice of language: before it runs, its own rule (the last valid
// lang parameter, else the browser's); once it runs, the <html lang> it sets
// (which its panic hook reads too).
const language = () => {
  try {
    if (started) return /^fr(?![a-z])/i.test(document.documentElement.lang) ? 'fr' : 'en';
    const asked = new URLSearchParams(location.search).getAll('lang').map((l) => l.trim().toLowerCase()).filter((l) => l === 'en' || l === 'fr');
    return asked.length ? asked[asked.length - 1] : /^fr(?![a-z])/i.test(navigator.language || '') ? 'fr' : 'en';
  } catch (_) {
    return 'en';
  }
};
// Say a fatal error, unless one was already said (by this loader, or by the
// panic hook, which shows #fatal without telling this loader).
let said = false;
const say = (name, lang, text, reason) => {
  if (said || (fatal && !fatal.hidden)) return;
  said = true;
  // The prerendered first screen cannot answer without the app: it goes, the banner says why.
  document.getElementById('prerender')?.remove();
  if (fatal) {
    fatal.lang = lang;
    fatal.textContent = text + ' (' + reason + ')';
    fatal.hidden = false;
  }
  try {
    if (window.parent !== window) window.parent.postMessage({ type: 'gigafactory-planner:error', version: 1, errors: [{ name, value: '', reason }] }, '*');
  } catch (_) {}
};
const isTrap = (e) => typeof WebAssembly === 'object' && e instanceof WebAssembly.RuntimeError;
const trapped = (e) => {
  if (!isTrap(e)) return;
  const lang = language();
  // The app's own words, left on #fatal when it started (a dead module cannot be asked).
  say('fatal', lang, (fatal && fatal.getAttribute('data-text-' + lang)) || TEXT[lang].stopped, String(e));
  // Nothing may look alive: the rest of the page goes inert, the banner stays in
  // sight however far the page was scrolled (CSSOM, which the CSP allows).
  for (const el of document.body ? document.body.children : []) if (el !== fatal) el.inert = true;
  if (fatal) Object.assign(fatal.style, { position: 'sticky', top: '0', zIndex: '2147483647' });
};
addEventListener('error', (e) => trapped(e.error));
addEventListener('unhandledrejection', (e) => trapped(e.reason));

try {
  const bindings = await import(${JSON.stringify(glueUrl)});
  const wasm = await bindings.default({ module_or_path: ${JSON.stringify(wasmUrl)} });
  started = true;
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (e) {
  if (isTrap(e)) {
    trapped(e);
  } else {
    const lang = language();
    const t = TEXT[lang];
    // A module the browser refuses to compile is the host's policy, not the connection.
    const compile = typeof WebAssembly === 'object' && e instanceof WebAssembly.CompileError;
    say('startup', lang, t.start + ' ' + (compile ? t.policy : t.network), String((e && e.message) || e));
  }
}

// Not when framed (an embed must not take over its host's caching), and never
// throwing: in a sandboxed iframe even reading navigator.serviceWorker throws.
try {
  if (window.self === window.top && 'serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  }
} catch (_) {}
`;

const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

async function postBuild(dir) {
  const indexPath = join(dir, 'index.html');
  let html = readFileSync(indexPath, 'utf8');

  // 1. The glue, minified (its exports and the wasm import names are kept: terser
  // renames locals only). wasm-streams (leptos → server_fn) exports three classes
  // the app never creates (no import constructs them); index.html's wasm-opt
  // removes their exports (`--remove-exports`), so drop every exported class of
  // the glue whose wasm calls all name exports the module no longer has, with its
  // finalization registry and its Symbol.dispose line.
  const glue = readdirSync(dir).find((f) => /^gigafactory-planner-[0-9a-f]+\.js$/.test(f)) ?? fail('wasm-bindgen glue not found');
  const wasmFile = readdirSync(dir).find((f) => /^gigafactory-planner-[0-9a-f]+_bg\.wasm$/.test(f)) ?? fail('wasm module not found');
  const wasmExports = new Set(WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(dir, wasmFile)))).map((e) => e.name));
  let glueSource = readFileSync(join(dir, glue), 'utf8');
  const dropped = [];
  glueSource = glueSource.replace(/^export class (\w+) \{\n[\s\S]*?\n\}\n/gm, (cls, name) => {
    const calls = [...cls.matchAll(/\bwasm\.(\w+)/g)].map((c) => c[1]);
    if (!calls.length || calls.some((c) => wasmExports.has(c))) return cls;
    dropped.push(name);
    return '';
  });
  for (const name of dropped) {
    glueSource = glueSource
      .replace(`if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;\n`, '')
      .replace(new RegExp(`^const ${name}Finalization = [^;]*;\n`, 'm'), '');
    if (new RegExp(`\\b${name}\\b`).test(glueSource)) fail(`the glue still uses ${name} after dropping it`);
  }
  writeFileSync(join(dir, glue), await terse(glueSource, 'glue'));

  // 2. The loader, in a file (named by its content in step 4).
  const inline = /<script type=["']?module["']?(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/;
  const m = html.match(inline);
  if (!m || !m[1].trim()) fail('no inline module script found in index.html:\n' + html);
  const glueUrl = m[1].match(/import init, \* as bindings from '([^']+)';/)?.[1];
  const wasmUrl = m[1].match(/module_or_path: '([^']+)'/)?.[1];
  if (!glueUrl || !wasmUrl || !m[1].includes('TrunkApplicationStarted')) fail("Trunk's loader changed; update scripts/post-build.mjs:\n" + m[1]);
  // Minified like the glue (it is part of every first visit).
  writeFileSync(join(dir, 'init.js'), await terse(loaderSource(glueUrl, wasmUrl), 'loader'));
  html = html.replace(inline, '<script type="module" src="./init.js"></script>');
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) fail('an inline script remains in index.html');

  // 3. The CSP.
  html = html.replace(/<meta charset=["']?utf-8["']?>/i, (tag) => `${tag}<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
  if (!html.includes('Content-Security-Policy')) fail('could not insert the CSP meta');
  if (!/<link[^>]*href=["']?\.\/gigafactory-planner-[0-9a-f]+\.js["']?[^>]*integrity=/.test(html)) {
    fail('no integrity attribute for the glue in index.html:\n' + html);
  }
  // Chrome ignores integrity on a preload fetched `as=fetch` (the wasm) and warns
  // about it in the console of every visit (crbug.com/981419): drop it there.
  html = html.replace(/<link(?=[^>]*\bas=["']?fetch\b)[^>]*>/g, (tag) => tag.replace(/\s+integrity=["']?sha384-[A-Za-z0-9+/=]+["']?/, ''));
  // Subresource integrity on the stylesheet needs a CORS fetch, or an iframe
  // sandboxed without allow-same-origin (an opaque origin) blocks it.
  html = html.replace(/<link(?=[^>]*\bintegrity=)(?![^>]*\bcrossorigin)([^>]*\brel=["']?stylesheet[^>]*)>/g, '<link crossorigin$1>');

  // 4. The fragments, by name and language (method.en.html: fragment:method.en),
  // and the map (no words: one file, named for each language).
  const fragments = fragmentFiles(dir).filter((f) => f.endsWith('.html'));
  if (!fragments.length) fail(`no fragments in ${FRAGMENTS}/ (index.html copies src/ui/generated there)`);
  const map = `${FRAGMENTS}/map.svg`;
  writeFileSync(join(dir, map), buildMap());
  const metas = [
    ...fragments.map((f) => [f.slice(FRAGMENTS.length + 1, -'.html'.length), f]),
    ['map', map],
    ...(await buildExplore(dir, terse)).map((f) => [`explore.${f.split('.').pop()}`, f]),
  ].map(([name, f]) => `<meta name="fragment:${name}" content="./${f}">`).join('');
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, (tag) => tag + metas);
  if (!html.includes(metas)) fail('could not insert the fragment metas');
  writeFileSync(indexPath, html);

  // 4b. The prerendered first screen, and the script that decides what of it shows.
  const source = (path) => readFileSync(resolve(import.meta.dirname, '..', path), 'utf8');
  const placeholder = /<div id=["']?prerender["']?\s*>\s*<\/div>/;
  if (!placeholder.test(html)) fail(`index.html has no empty <div id="prerender">:\n${html}`);
  html = html.replace(placeholder, () => `<div id="prerender">${source('src/prerender.html')}</div>`);
  writeFileSync(join(dir, 'boot.js'), await terse(source('src/boot.js'), 'boot script'));
  // What boot.js compares a link and a saved working copy with (src/prerender.json,
  // kept current by tests/prerender.rs), in <meta> tags it reads from <head>.
  const defaults = JSON.parse(source('src/prerender.json'));
  const attr = (v) => v.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  const defaultMetas = [
    ['default-query', defaults.query],
    ['default-scenario', JSON.stringify(defaults.scenario)],
    ['scenario-params', defaults.params.join(' ')],
    ['working-key', defaults.working_key],
  ].map(([name, content]) => `<meta name="${name}" content="${attr(content)}">`).join('');
  // Blocking, in <head>, before the stylesheet: it must run before the body is parsed.
  html = html.replace(/<link\b[^>]*rel=["']?stylesheet/, (tag) => `${defaultMetas}<script src="./boot.js" integrity="sha384-0" crossorigin></script>${tag}`);
  if (!html.includes('./boot.js')) fail('could not insert the boot script');
  writeFileSync(indexPath, html);

  // 5 and 6.
  nameByContent(dir);
  const { assets } = writeServiceWorker(dir);
  const names = assets.map((a) => a.slice(2)).join(', ');
  console.log(`post-build: ${names}, CSP meta, sw.js${dropped.length ? `, glue without ${dropped.join(', ')}` : ''}`);
}

// Run by Trunk (`node scripts/post-build.mjs`); imported by tests for the exports.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('post-build: TRUNK_STAGING_DIR is not set (run by trunk)');
    process.exit(1);
  }
  try {
    await postBuild(dir);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
