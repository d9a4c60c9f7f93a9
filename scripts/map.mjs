// The site explorer's map of the EU-27, built at release time from world-atlas
// (Natural Earth 1:50m admin-0 countries, public domain) into one SVG fragment:
//
//   <svg xmlns=… viewBox="0 0 W H" class="map-svg">
//     <g class="map-ctx" aria-hidden="true"><path d="…"/>…</g>   neighbours, grey context
//     <path data-country="AT" d="…"/>…                            the 27 member states, by code
//   </svg>
//
// scripts/post-build.mjs ships it as fragments/map-<hash>.svg, named by
// <meta name="fragment:map.en"> and <meta name="fragment:map.fr">; the app
// inserts it and colours each [data-country] path. Each member state is ONE
// path: its islands are subpaths, and a tiny state (Malta, Luxembourg, any
// drawn under TINY px²) also gets a small circle as a subpath, to be clickable.
//
// How: decode the TopoJSON (quantized, delta-encoded arcs); project every arc
// with the Lambert azimuthal equal-area projection of EPSG:3035 (GRS80, centre
// 10°E 52°N); simplify each arc once (Douglas–Peucker in px, so neighbours keep
// a common border); build the rings; clip them to the view (Sutherland–Hodgman
// against a rectangle a little larger than the viewBox, so the cuts lie outside
// it); drop rings under MIN_AREA px² (a member state keeps its largest ring).
// The view is the box of the member states' European parts (the polygons lying
// in lon −25…45, lat 34…72) plus a margin: overseas parts (French Guiana,
// Réunion, the Canaries, the Azores, Madeira…) and Svalbard fall outside it.
// Output is deterministic: same input, same bytes.
//
// Run alone, it prints the SVG: node scripts/map.mjs > map.svg
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The EU-27 by ISO 3166-1 numeric id (world-atlas's feature ids). */
export const EU = {
  '040': 'AT', '056': 'BE', '100': 'BG', '191': 'HR', '196': 'CY', '203': 'CZ', '208': 'DK', '233': 'EE', '246': 'FI',
  '250': 'FR', '276': 'DE', '300': 'GR', '348': 'HU', '372': 'IE', '380': 'IT', '428': 'LV', '440': 'LT', '442': 'LU',
  '470': 'MT', '528': 'NL', '616': 'PL', '620': 'PT', '642': 'RO', '703': 'SK', '705': 'SI', '724': 'ES', '752': 'SE',
};
// Natural Earth draws these apart from the member state whose territory they
// are: Åland (Finland), and the north of Cyprus, EU territory where the acquis
// is suspended (Protocol 10 of the 2003 Act of Accession); merged into it, the
// island is one shape, as the EU's own maps draw it.
const PART_OF = { 'Åland': '246', 'N. Cyprus': '196' };

export const WIDTH = 1000; // px, the viewBox's width
const MARGIN = 8; // px of sea around the member states
const TOLERANCE = 0.6; // px, Douglas–Peucker
const MIN_AREA = 1; // px²: smaller rings go (but a member state's largest)
const TINY = 40; // px²: a member state drawn smaller gets a circle too
const ALWAYS_CIRCLED = ['MT', 'LU'];
const CIRCLE_R = 5; // px
// Where a member state's polygon must lie to set the view (its European parts).
const EUROPE = { lon: [-25, 45], lat: [34, 72] };
// Polygons wholly outside this box are never projected (far from the view, and
// near the projection's antipode, 170°W 52°S).
const NEAR = { lon: [-60, 100], lat: [15, 89] };

// --- EPSG:3035: Lambert azimuthal equal-area on GRS80, 10°E 52°N (Snyder, USGS PP 1395, §24) ---
const RAD = Math.PI / 180;
const A = 6378137;
const E2 = 0.00669438002290;
const E = Math.sqrt(E2);
const q = (phi) => {
  const s = Math.sin(phi);
  return (1 - E2) * (s / (1 - E2 * s * s) - (1 / (2 * E)) * Math.log((1 - E * s) / (1 + E * s)));
};
const QP = q(Math.PI / 2);
const RQ = A * Math.sqrt(QP / 2);
const PHI1 = 52 * RAD;
const LAM0 = 10 * RAD;
const BETA1 = Math.asin(q(PHI1) / QP);
const D = (A * Math.cos(PHI1)) / Math.sqrt(1 - E2 * Math.sin(PHI1) ** 2) / (RQ * Math.cos(BETA1));
/** [lon, lat] in degrees → [x, y] in metres (y north). */
export function laea([lon, lat]) {
  const beta = Math.asin(Math.max(-1, Math.min(1, q(lat * RAD) / QP)));
  const dl = lon * RAD - LAM0;
  const B = RQ * Math.sqrt(2 / (1 + Math.sin(BETA1) * Math.sin(beta) + Math.cos(BETA1) * Math.cos(beta) * Math.cos(dl)));
  return [B * D * Math.cos(beta) * Math.sin(dl), (B / D) * (Math.cos(BETA1) * Math.sin(beta) - Math.sin(BETA1) * Math.cos(beta) * Math.cos(dl))];
}

// --- geometry in px ---
/** Twice the signed area (shoelace; positive = clockwise on screen, y down). */
const area2 = (ring) => {
  let s = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) s += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return s;
};

/** Douglas–Peucker of an open polyline (its ends kept), iterative. */
function simplify(pts, tol) {
  const n = pts.length;
  if (n <= 2) return pts;
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const stack = [[0, n - 1]];
  const t2 = tol * tol;
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = pts[a];
    const dx = pts[b][0] - ax, dy = pts[b][1] - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1, far = 0;
    for (let i = a + 1; i < b; i++) {
      const px = pts[i][0] - ax, py = pts[i][1] - ay;
      let d2;
      if (len2 === 0) d2 = px * px + py * py;
      else {
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        d2 = (px - t * dx) ** 2 + (py - t * dy) ** 2;
      }
      if (d2 > far) (far = d2), (worst = i);
    }
    if (worst >= 0 && far > t2) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

/** Sutherland–Hodgman: `ring` clipped to the rectangle [x0, x1] × [y0, y1]. */
function clip(ring, [x0, y0, x1, y1]) {
  const edges = [
    [(p) => p[0] >= x0, (a, b) => [x0, a[1] + ((b[1] - a[1]) * (x0 - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= x1, (a, b) => [x1, a[1] + ((b[1] - a[1]) * (x1 - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= y0, (a, b) => [a[0] + ((b[0] - a[0]) * (y0 - a[1])) / (b[1] - a[1]), y0]],
    [(p) => p[1] <= y1, (a, b) => [a[0] + ((b[0] - a[0]) * (y1 - a[1])) / (b[1] - a[1]), y1]],
  ];
  let out = ring;
  for (const [inside, cut] of edges) {
    if (!out.length) break;
    const src = out;
    out = [];
    for (let i = 0; i < src.length; i++) {
      const cur = src[i], prev = src[(i + src.length - 1) % src.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cut(prev, cur));
    }
  }
  return out;
}

/** A ring in px rounded to tenths of a px (integers), without repeated points. */
function tenths(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x * 10), Math.round(y * 10)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  return out;
}

// --- path data: rings in tenths of a px, relative, with the fewest separators ---
const num = (t) => {
  const neg = t < 0, a = Math.abs(t);
  const whole = Math.floor(a / 10), frac = a % 10;
  return (neg ? '-' : '') + (frac ? `${whole || ''}.${frac}` : `${whole}`);
};
/** Numbers (tenths) joined as SVG path data allows: no space before a '-', nor before a '.' after a fraction. */
function join(nums) {
  let s = '', prevFrac = false;
  for (const t of nums) {
    const tok = num(t);
    if (s && !(tok[0] === '-' || (tok[0] === '.' && prevFrac))) s += ' ';
    s += tok;
    prevFrac = tok.includes('.');
  }
  return s;
}
/**
 * `d` for `rings` (each a subpath: `m` to its start, relative to the previous
 * subpath's start, then implicit relative line-tos, then `z`), and a circle of
 * `circle.r` px at `circle.c` (tenths) in the direction `circle.sweep`.
 */
function pathData(rings, circle) {
  let d = '', at = [0, 0];
  for (const ring of rings) {
    const nums = [ring[0][0] - at[0], ring[0][1] - at[1]];
    for (let i = 1; i < ring.length; i++) nums.push(ring[i][0] - ring[i - 1][0], ring[i][1] - ring[i - 1][1]);
    d += `m${join(nums)}z`;
    at = ring[0];
  }
  if (circle) {
    const r = circle.r * 10, [cx, cy] = circle.c, f = circle.sweep;
    d += `m${join([cx - r - at[0], cy - at[1]])}a${join([r, r, 0, 10, f * 10, 2 * r, 0])}a${join([r, r, 0, 10, f * 10, -2 * r, 0])}z`;
  }
  return d;
}

// --- the map ---
/** The world-atlas 2.0.2 countries-50m topology. */
function atlas() {
  const require = createRequire(import.meta.url);
  let path;
  try {
    path = require.resolve('world-atlas/countries-50m.json');
  } catch {
    throw new Error('map: the npm package world-atlas is missing: run `make setup` (npm ci)');
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Merge polygons (arrays of rings of arc indices) into polygons-as-rings, dissolving the arcs they share. */
function dissolve(polygons, arcEnds) {
  const rings = polygons.flat();
  const used = new Map();
  for (const ring of rings) for (const a of ring) used.set(a < 0 ? ~a : a, (used.get(a < 0 ? ~a : a) ?? 0) + 1);
  const left = rings.flat().filter((a) => used.get(a < 0 ? ~a : a) === 1);
  if (left.length === rings.flat().length) return rings;
  // Stitch what is left end to start (quantized ends are exact).
  const key = (p) => `${p[0]},${p[1]}`;
  const ends = (a) => (a < 0 ? [...arcEnds[~a]].reverse() : arcEnds[a]);
  const from = new Map();
  for (const a of left) from.set(key(ends(a)[0]), [...(from.get(key(ends(a)[0])) ?? []), a]);
  const out = [], done = new Set();
  for (const a of left) {
    if (done.has(a)) continue;
    const ring = [];
    for (let cur = a; cur !== undefined && !done.has(cur); ) {
      done.add(cur);
      ring.push(cur);
      cur = (from.get(key(ends(cur)[1])) ?? []).find((b) => !done.has(b));
    }
    out.push(ring);
  }
  return out;
}

/** The map as an SVG string. */
export function buildMap(topology = atlas()) {
  const { scale: [sx, sy], translate: [tx, ty] } = topology.transform;
  // Arcs in degrees (delta-decoded), their quantized ends, and lazily in metres.
  const quantized = topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => [(x += dx), (y += dy)]);
  });
  const arcEnds = quantized.map((a) => [a[0], a[a.length - 1]]);
  const degrees = quantized.map((a) => a.map(([x, y]) => [x * sx + tx, y * sy + ty]));
  const metres = new Map();
  const arcMetres = (i) => metres.get(i) ?? metres.set(i, degrees[i].map(laea)).get(i);
  const ringDegrees = (ring) => ring.flatMap((a) => (a < 0 ? [...degrees[~a]].reverse() : degrees[a]));
  const within = (ring, box) => ringDegrees(ring).every(([lon, lat]) => lon >= box.lon[0] && lon <= box.lon[1] && lat >= box.lat[0] && lat <= box.lat[1]);
  const touches = (ring, box) => ringDegrees(ring).some(([lon, lat]) => lon >= box.lon[0] && lon <= box.lon[1] && lat >= box.lat[0] && lat <= box.lat[1]);

  // Countries: key (EU code, or the context country's id or name) → polygons (rings of arc indices).
  const countries = new Map();
  for (const g of topology.objects.countries.geometries) {
    const polys = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
    const owner = PART_OF[g.properties?.name] ?? g.id;
    const key = EU[owner] ?? `~${g.properties?.name ?? g.id}`;
    const near = polys.filter((p) => touches(p[0], NEAR) || within(p[0], NEAR));
    if (near.length) countries.set(key, [...(countries.get(key) ?? []), ...near]);
  }
  for (const code of Object.values(EU)) if (!countries.has(code)) throw new Error(`map: no geometry for ${code}`);
  // Member states' shared borders (Cyprus and its north) dissolve; rings stay rings of arcs.
  for (const [key, polys] of countries) countries.set(key, dissolve(polys, arcEnds).map((r) => [r]));

  // The view: the member states' European polygons, in metres, plus the margin.
  let [bx0, by0, bx1, by1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const code of Object.values(EU)) {
    for (const [outer] of countries.get(code)) {
      if (!within(outer, EUROPE)) continue;
      for (const a of outer) for (const [x, y] of arcMetres(a < 0 ? ~a : a)) {
        bx0 = Math.min(bx0, x), bx1 = Math.max(bx1, x), by0 = Math.min(by0, y), by1 = Math.max(by1, y);
      }
    }
  }
  const k = (WIDTH - 2 * MARGIN) / (bx1 - bx0); // px per metre
  const HEIGHT = Math.ceil((by1 - by0) * k + 2 * MARGIN);
  const px = ([x, y]) => [(x - bx0) * k + MARGIN, (by1 - y) * k + MARGIN];
  // Cuts 2 px outside the viewBox: no clipped edge shows.
  const CLIP = [-2, -2, WIDTH + 2, HEIGHT + 2];

  const simplified = new Map();
  const arcPx = (i) => simplified.get(i) ?? simplified.set(i, simplify(arcMetres(i).map(px), TOLERANCE)).get(i);
  const ringPx = (ring) => {
    const pts = [];
    for (const a of ring) {
      const p = a < 0 ? [...arcPx(~a)].reverse() : arcPx(a);
      pts.push(...(pts.length ? p.slice(1) : p));
    }
    return pts;
  };
  const drawn = (rings) => rings.map(ringPx).map((r) => tenths(clip(r, CLIP))).filter((r) => r.length >= 3);

  const eu = [], ctx = [];
  for (const [key, polys] of [...countries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const rings = drawn(polys.flat());
    // Areas in px² (tenths²/100).
    const sized = rings.map((r) => ({ r, a: area2(r) / 200 }));
    const largest = sized.reduce((m, s) => (!m || Math.abs(s.a) > Math.abs(m.a) ? s : m), null);
    const kept = sized.filter((s) => Math.abs(s.a) >= MIN_AREA || (!key.startsWith('~') && s === largest));
    if (key.startsWith('~')) {
      if (kept.length) ctx.push(pathData(kept.map((s) => s.r)));
      continue;
    }
    if (!largest) throw new Error(`map: ${key} is not in view`);
    const total = kept.reduce((s, x) => s + x.a, 0);
    let circle = null;
    if (ALWAYS_CIRCLED.includes(key) || Math.abs(total) < TINY) {
      // At the centroid of what is drawn, turning as the largest ring turns (nonzero fill: it adds, never cuts).
      let cx = 0, cy = 0, a = 0;
      for (const { r } of kept) {
        for (let i = 0, n = r.length, j = n - 1; i < n; j = i++) {
          const c = r[j][0] * r[i][1] - r[i][0] * r[j][1];
          (a += c), (cx += (r[j][0] + r[i][0]) * c), (cy += (r[j][1] + r[i][1]) * c);
        }
      }
      circle = { r: CIRCLE_R, c: [Math.round(cx / (3 * a)), Math.round(cy / (3 * a))], sweep: largest.a > 0 ? 1 : 0 };
    }
    eu.push(`<path data-country="${key}" d="${pathData(kept.map((s) => s.r), circle)}"/>`);
  }
  if (eu.length !== 27) throw new Error(`map: ${eu.length} member states drawn, not 27`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" class="map-svg">` +
    `<g class="map-ctx" aria-hidden="true">${ctx.map((d) => `<path d="${d}"/>`).join('')}</g>` +
    eu.join('') +
    `</svg>\n`
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(buildMap());
}
