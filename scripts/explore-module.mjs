// The site explorer's WebAssembly module (explore/, issue 17): built here, by
// the release's post-build hook, into fragments/ of the release, so that the
// first visit carries none of its code; the page loads it when the explorer
// first opens (src/ui/explorer.rs), and the service worker caches it.
//
// cargo (release, wasm32) → wasm-bindgen (--target no-modules, global
// `gigafactory_explore`, the same version as the page's) → wasm-opt (binaryen
// from npm, as the page's) → terser for the glue.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
// The page's own wasm-opt passes (index.html's data-wasm-opt-params), not a copy of them.
const PAGE_WASM_OPT = (readFileSync(join(ROOT, 'index.html'), 'utf8').match(/data-wasm-opt-params="([^"]+)"/)?.[1] ?? '-Oz').split(/\s+/);
const tool = (name, ...candidates) => candidates.find((c) => existsSync(c)) ?? name;

/**
 * Build the module into `dir/fragments/explore.js` and `explore_bg.wasm`, and
 * its styles (style/explore.css) into `explore.css`;
 * `terse(source, what, module)` minifies the glue. Returns their paths
 * relative to `dir`.
 */
export async function buildExplore(dir, terse) {
  const target = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'gigafactory-explore']);
  const raw = join(target, 'wasm32-unknown-unknown', 'release', 'gigafactory_explore.wasm');
  const out = mkdtempSync(join(tmpdir(), 'explore-'));
  try {
    const bindgen = tool('wasm-bindgen', join(homedir(), '.cargo', 'bin', 'wasm-bindgen'));
    run(bindgen, [raw, '--out-dir', out, '--target', 'no-modules', '--no-modules-global', 'gigafactory_explore', '--no-typescript']);
    const wasmOpt = tool('wasm-opt', join(ROOT, 'node_modules', '.bin', 'wasm-opt'));
    run(wasmOpt, [
      join(out, 'gigafactory_explore_bg.wasm'),
      '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
      '--enable-reference-types', '--enable-multivalue',
      ...PAGE_WASM_OPT,
      '-o', join(dir, 'fragments', 'explore_bg.wasm'),
    ]);
    const glue = readFileSync(join(out, 'gigafactory_explore.js'), 'utf8');
    writeFileSync(join(dir, 'fragments', 'explore.js'), await terse(glue, 'explorer glue', false));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  // Its styles, likewise out of the first visit (comments and spacing dropped).
  const css = readFileSync(join(ROOT, 'style', 'explore.css'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};:,>])\s*/g, '$1')
    .trim();
  writeFileSync(join(dir, 'fragments', 'explore.css'), css);
  return ['fragments/explore.js', 'fragments/explore_bg.wasm', 'fragments/explore.css'];
}
