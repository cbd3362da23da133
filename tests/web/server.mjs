// A small static file server for the browser tests: 127.0.0.1, a random port, the page's CSP as a header (unless
// told not to, to prove the <meta> one alone is enforced), and a log of every request it receives.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json', '.json': 'application/json', '.ics': 'text/calendar',
};

export async function serve(dir, { csp = true } = {}) {
  const base = resolve(dir);
  const log = [];
  const server = createServer(async (req, res) => {
    log.push({ time: Date.now(), method: req.method, url: req.url });
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    if (!file.startsWith(base + sep)) { res.writeHead(403).end(); return; }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const headers = {
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      };
      if (csp) headers['Content-Security-Policy'] = CSP;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    log,
    close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }),
  };
}

// `node server.mjs DIR`: serve a folder by hand, with the same headers.
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await serve(process.argv[2] || 'build/dist/web');
  console.log(`serving ${process.argv[2] || 'build/dist/web'} on ${s.url}`);
}
