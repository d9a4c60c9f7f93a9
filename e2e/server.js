// A static server for dist/ on loopback, on a port the system picks (port 0),
// so a shared machine's busy ports never collide with the tests.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

// Every response allows any origin to read it: a sandboxed iframe without
// allow-same-origin has an opaque origin, so its module script and wasm
// fetches are CORS requests (a static host serving the embed must do the same).
const CORS = { 'access-control-allow-origin': '*' };

/**
 * Serve `root` (`$DIST`, else dist/). Options:
 * - `extraRoutes`: { '/path': [contentType, body, status = 200] } served from
 *   memory, looked up at each request (the caller may change the object later);
 * - `extraFiles`: { '/path': '/absolute/file/path' } served from disk (read at
 *   each request, content type from the extension), e.g. docs/embed-example.html;
 * - `base`: the directory the build is served from, as a host may publish it
 *   below its root ('/tools/planner/'); `url` then points there, and the paths
 *   above are taken below it. Without its trailing slash the directory
 *   redirects to it, as static hosts do.
 * The returned `setRoot(dir)` serves another directory from then on, as a deploy
 * replaces a host's files (e2e/deploy.test.js).
 */
export async function serve(
  root = process.env.DIST || resolve(import.meta.dirname, '..', 'dist'),
  { extraRoutes = {}, extraFiles = {}, base = '/' } = {},
) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (base !== '/') {
        if (url.pathname === base.slice(0, -1)) {
          res.writeHead(301, { location: base + url.search, ...CORS });
          res.end();
          return;
        }
        if (!url.pathname.startsWith(base)) throw new Error('outside the base directory');
        url.pathname = url.pathname.slice(base.length - 1);
      }
      if (extraRoutes[url.pathname]) {
        const [type, body, status = 200] = extraRoutes[url.pathname];
        res.writeHead(status, { 'content-type': type, ...CORS });
        res.end(body);
        return;
      }
      if (extraFiles[url.pathname]) {
        const body = await readFile(extraFiles[url.pathname]);
        res.writeHead(200, {
          'content-type': TYPES[extname(extraFiles[url.pathname])] || 'application/octet-stream',
          'cache-control': 'no-cache',
          ...CORS,
        });
        res.end(body);
        return;
      }
      let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
      if (path.endsWith('/')) path += 'index.html';
      let file = join(root, path);
      if (!file.startsWith(root)) throw new Error('outside root');
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      } catch {
        file = join(root, 'index.html');
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache',
        ...CORS,
      });
      res.end(body);
    } catch {
      res.writeHead(404, CORS);
      res.end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base === '/' ? '' : base}`,
    close: () => new Promise((ok) => server.close(ok)),
    setRoot: (dir) => { root = resolve(dir); },
  };
}

// `node e2e/server.js [port]`: serve dist/ by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await serve();
  console.log(`serving dist/ at ${s.url}`);
}
