// Size report of the release build in dist/: raw, gzip -9 and brotli -11 per
// asset kind and in total. `--budget BYTES` fails when the gzip total of a
// first visit exceeds BYTES.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.env.DIST || resolve(import.meta.dirname, '..', 'dist');
const budgetArg = process.argv.indexOf('--budget');
const budget = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : null;

let files;
try {
  files = readdirSync(dist).filter((f) => ['.wasm', '.js', '.css', '.html'].includes(extname(f)) && f !== 'sw.js');
} catch {
  console.error('dist/ is missing: run `make build` first');
  process.exit(2);
}
const kinds = { '.wasm': 'wasm', '.js': 'js', '.css': 'css', '.html': 'html' };
const rows = {};
for (const f of files) {
  const body = readFileSync(join(dist, f));
  const k = kinds[extname(f)];
  const r = (rows[k] ??= { raw: 0, gzip: 0, brotli: 0 });
  r.raw += body.length;
  r.gzip += gzipSync(body, { level: 9 }).length;
  r.brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}
const total = { raw: 0, gzip: 0, brotli: 0 };
const fmt = (n) => n.toLocaleString('en-GB').padStart(10);
console.log('asset        raw       gzip     brotli');
for (const k of ['html', 'js', 'wasm', 'css']) {
  const r = rows[k];
  if (!r) continue;
  for (const key of Object.keys(total)) total[key] += r[key];
  console.log(`${k.padEnd(6)} ${fmt(r.raw)} ${fmt(r.gzip)} ${fmt(r.brotli)}`);
}
console.log(`${'total'.padEnd(6)} ${fmt(total.raw)} ${fmt(total.gzip)} ${fmt(total.brotli)}`);
if (budget !== null) {
  const ok = total.gzip <= budget;
  console.log(`size budget: first visit ${total.gzip.toLocaleString('en-GB')} B gzip <= ${budget.toLocaleString('en-GB')} B: ${ok ? 'PASS' : 'FAIL'}`);
  if (!ok) process.exit(1);
}
