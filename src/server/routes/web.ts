/**
 * The built web UI (`vite build` → `dist/web`): hashed files under `/assets/` with a year-long
 * immutable cache, and `index.html` (never cached) for `/` and every client-side route. Nothing else
 * is served from disk: names are matched against a strict pattern and resolved inside the assets
 * folder, so `..` and encoded separators cannot reach other files.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';

const here = path.dirname(fileURLToPath(import.meta.url));

// Built server: dist/server/routes → dist/web. Source run (tsx, vitest): src/server/routes → dist/web.
const candidates = [path.resolve(here, '../../web'), path.resolve(here, '../../../dist/web')];

const assetName = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}$/;

const mediaTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The folder holding the built UI, or null when it has not been built. */
export function findWebRoot(): string | null {
  return candidates.find((folder) => existsSync(path.join(folder, 'index.html'))) ?? null;
}

const notBuilt =
  'The Starling web UI has not been built. Run `npm run build` in the checkout; the API is at /api.\n';

/** Routes that serve the UI; mount after the API so /api and /v1 keep their own 404s. */
export function createWebRoutes(root: string | null = findWebRoot()) {
  const app = new Hono<AppEnv>();

  app.get('/assets/:name', async (c, next) => {
    const name = c.req.param('name');
    const extension = path.extname(name);
    const type = mediaTypes[extension];
    if (!root || !assetName.test(name) || name.includes('..') || !type) return next();
    const assets = path.join(root, 'assets');
    const file = path.join(assets, name);
    if (path.dirname(file) !== assets) return next();
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return next();
    c.header('Content-Type', type);
    // Vite puts a content hash in every asset name, so a name never changes meaning.
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(new Uint8Array(await readFile(file)), 200);
  });

  app.get('*', async (c, next) => {
    const requestPath = c.req.path;
    if (requestPath.startsWith('/api/') || requestPath.startsWith('/v1/') || requestPath === '/api') {
      return next();
    }
    if (requestPath.startsWith('/assets/')) return next();
    c.header('Cache-Control', 'no-cache');
    if (!root) return c.text(notBuilt, 503);
    // Read per request (it is small): a rebuild while the server runs is picked up at once.
    return c.html(await readFile(path.join(root, 'index.html'), 'utf8'), 200);
  });
  return app;
}
