// Trunk post-build hook: make the page work under a strict Content-Security-Policy
// and offline after the first visit.
//  1. Trunk loads the wasm from an inline <script type="module">; a strict CSP
//     (script-src 'self') forbids inline scripts, so move it into a hashed file.
//  2. Add the CSP <meta> (frame-ancestors cannot be set by <meta>, so embedding
//     stays allowed; hosts may send their own header).
//  3. Write sw.js, a service worker that precaches this build's hashed assets.
//  4. Minify wasm-bindgen's JS glue (Trunk leaves it as written: comments,
//     JSDoc, indentation) with terser, and update its integrity hash.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run by trunk)');
  process.exit(1);
}
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const hash = (s) => createHash('sha256').update(s).digest('hex').slice(0, 16);

// Minified HTML may drop attribute quotes.
const inline = /<script type=["']?module["']?(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/;
const m = html.match(inline);
if (!m || !m[1].trim()) {
  console.error('post-build: no inline module script found in index.html:\n' + html);
  process.exit(1);
}
// Not when framed (an embed must not take over its host's caching), and never
// throwing: in a sandboxed iframe even reading navigator.serviceWorker throws.
const register = `
try {
  if (window.self === window.top && 'serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  }
} catch (_) {}
`;
// Trunk's loader imports the glue statically and awaits the wasm: if either
// fails (a dropped connection, a host whose own CSP forbids compiling wasm, a
// browser without WebAssembly) the page would stay blank. The same steps run
// here inside a try, and a failure is said in #fatal (unless a panic already
// said what happened) and told to an embedding page.
const glueUrl = m[1].match(/import init, \* as bindings from '([^']+)';/)?.[1];
const wasmUrl = m[1].match(/module_or_path: '([^']+)'/)?.[1];
if (!glueUrl || !wasmUrl || !m[1].includes('TrunkApplicationStarted')) {
  console.error("post-build: Trunk's loader changed; update scripts/post-build.mjs:\n" + m[1]);
  process.exit(1);
}
const loader = `try {
  const bindings = await import(${JSON.stringify(glueUrl)});
  const wasm = await bindings.default({ module_or_path: ${JSON.stringify(wasmUrl)} });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (e) {
  const reason = String((e && e.message) || e);
  const fatal = document.getElementById('fatal');
  if (fatal && fatal.hidden) {
    // The app's choice of language: the last valid lang parameter, else the browser's.
    let lang = 'en';
    try {
      const asked = new URLSearchParams(location.search).getAll('lang').map((l) => l.trim().toLowerCase()).filter((l) => l === 'en' || l === 'fr');
      lang = asked.length ? asked[asked.length - 1] : /^fr(?![a-z])/i.test(navigator.language || '') ? 'fr' : 'en';
    } catch (_) {}
    // A module the browser refuses to compile is the host's policy, not the connection.
    const compile = typeof WebAssembly === 'object' && e instanceof WebAssembly.CompileError;
    const text = {
      en: ['The planner could not start: its WebAssembly module did not load. ', compile ? "The site's security policy must allow WebAssembly ('wasm-unsafe-eval'). " : 'Check the connection and reload the page. '],
      fr: ["Le planificateur n'a pas pu démarrer : son module WebAssembly ne s'est pas chargé. ", compile ? "La politique de sécurité du site doit autoriser WebAssembly ('wasm-unsafe-eval'). " : 'Vérifiez la connexion et rechargez la page. '],
    }[lang];
    fatal.lang = lang;
    fatal.textContent = text.join('') + '(' + reason + ')';
    fatal.hidden = false;
  }
  try {
    if (window.parent !== window) window.parent.postMessage({ type: 'gigafactory-planner:error', version: 1, errors: [{ name: 'startup', value: '', reason }] }, '*');
  } catch (_) {}
}`;
// Minified like the glue below (it is part of every first visit).
const init = (await minify(`${loader}\n${register}`, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } })).code;
if (!init) {
  console.error('post-build: terser produced no loader');
  process.exit(1);
}
const initName = `init-${hash(init)}.js`;
writeFileSync(join(dir, initName), init);
html = html.replace(inline, `<script type="module" src="./${initName}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('post-build: an inline script remains in index.html');
  process.exit(1);
}

const csp = [
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
html = html.replace(/<meta charset=["']?utf-8["']?>/i, (tag) => `${tag}<meta http-equiv="Content-Security-Policy" content="${csp}">`);
if (!html.includes('Content-Security-Policy')) {
  console.error('post-build: could not insert the CSP meta');
  process.exit(1);
}
// The glue: minified in place (its exports and the wasm import names are kept:
// terser renames locals only), then its SRI hash is recomputed.
const glue = readdirSync(dir).find((f) => /^gigafactory-planner-[0-9a-f]+\.js$/.test(f));
if (!glue) {
  console.error('post-build: wasm-bindgen glue not found');
  process.exit(1);
}
let glueSource = readFileSync(join(dir, glue), 'utf8');
// wasm-streams (leptos → server_fn) exports three classes the app never creates
// (no import constructs them); index.html's wasm-opt removes their exports
// (`--remove-exports`), so drop every exported class of the glue whose wasm
// calls all name exports the module no longer has, with its finalization
// registry and its Symbol.dispose line.
const wasmFile = readdirSync(dir).find((f) => /^gigafactory-planner-[0-9a-f]+_bg\.wasm$/.test(f));
if (!wasmFile) {
  console.error('post-build: wasm module not found');
  process.exit(1);
}
const wasmExports = new Set(WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(dir, wasmFile)))).map((e) => e.name));
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
  if (new RegExp(`\\b${name}\\b`).test(glueSource)) {
    console.error(`post-build: the glue still uses ${name} after dropping it`);
    process.exit(1);
  }
}
const minified = await minify(glueSource, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
if (!minified.code) {
  console.error('post-build: terser produced no code');
  process.exit(1);
}
writeFileSync(join(dir, glue), minified.code);
const sri = 'sha384-' + createHash('sha384').update(minified.code).digest('base64');
const glueLink = new RegExp(`(<link[^>]*href=["']?(?:\\.?/)?${glue.replace('.', '\\.')}["']?[^>]*integrity=)["']?sha384-[A-Za-z0-9+/=]+["']?`);
if (!glueLink.test(html)) {
  console.error('post-build: no integrity attribute for the glue in index.html:\n' + html);
  process.exit(1);
}
html = html.replace(glueLink, `$1${sri}`);

// Chrome ignores integrity on a preload fetched `as=fetch` (the wasm) and warns
// about it in the console of every visit (crbug.com/981419): drop it there.
html = html.replace(/<link(?=[^>]*\bas=["']?fetch\b)[^>]*>/g, (tag) => tag.replace(/\s+integrity=["']?sha384-[A-Za-z0-9+/=]+["']?/, ''));
// Subresource integrity on the stylesheet needs a CORS fetch, or an iframe
// sandboxed without allow-same-origin (an opaque origin) blocks it.
html = html.replace(/<link(?=[^>]*\bintegrity=)(?![^>]*\bcrossorigin)([^>]*\brel=["']?stylesheet[^>]*)>/g, '<link crossorigin$1>');
writeFileSync(indexPath, html);

// The service worker: cache-first for hashed assets, network-first for the page.
const assets = readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f) && f !== 'sw.js');
const version = hash(assets.sort().join('|') + html);
const sw = `// Generated by scripts/post-build.mjs: precaches build ${version}.
const CACHE = 'gigafactory-planner-${version}';
const ASSETS = ${JSON.stringify(['./', ...assets.map((a) => './' + a)])};
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('gigafactory-planner-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== location.origin) return;
  if (req.mode === 'navigate') {
    // The planner's own page (its directory, whatever the query): network first
    // (new releases), kept only when it came back whole, and the kept page when
    // offline. Other pages of the directory are not the planner's to answer.
    const scope = new URL(self.registration.scope).pathname;
    if (url.pathname !== scope && url.pathname !== scope + 'index.html') return;
    e.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put('./', copy));
          }
          return res;
        })
        .catch(() => caches.match('./').then((hit) => hit || Response.error())),
    );
  } else {
    // Hashed assets never change: cache first.
    e.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
  }
});
`;
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`post-build: ${initName}, CSP meta, sw.js (${assets.length} assets)${dropped.length ? `, glue without ${dropped.join(", ")}` : ""}`);
