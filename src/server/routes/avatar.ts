/**
 * `GET /api/characters/{id}/avatar`: the card's stored avatar image, or a generated placeholder (an
 * SVG with the name's initial on a colour derived from the id). Only raster images recognised by
 * their magic bytes are served as stored; anything else gets the placeholder, so a card cannot put an
 * SVG or HTML document with script on this origin.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { readableCharacter } from '../access.js';
import { callerOf, requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import { IdParams, errorResponses } from '../schemas/common.js';

const avatar = createRoute({
  method: 'get',
  path: '/api/characters/{id}/avatar',
  tags: ['characters'],
  summary: 'The character’s avatar image (PNG, JPEG, WebP or GIF), or a generated SVG placeholder',
  middleware: [requireAuth(['read', 'chat'])],
  request: { params: IdParams },
  responses: {
    200: {
      description: 'The image',
      content: {
        'image/png': { schema: z.string().openapi({ format: 'binary' }) },
        'image/svg+xml': { schema: z.string() },
      },
    },
    ...errorResponses(401, 403, 404),
  },
});

/** The image type of `bytes` by its signature, or null when it is not a raster image we serve. */
export function rasterType(bytes: Uint8Array): string | null {
  const starts = (...signature: number[]) => signature.every((value, index) => bytes[index] === value);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) return 'image/webp';
  return null;
}

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** A placeholder avatar: the name's first letter on a calm colour picked from the id. */
export function placeholderSvg(id: string, name: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  const initial = (Array.from(name.trim())[0] ?? '?')
    .toUpperCase()
    .replace(/[&<>"]/g, (c) => xmlEntities[c] ?? c);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">',
    `<rect width="128" height="128" fill="hsl(${hue} 45% 58%)"/>`,
    '<text x="64" y="64" dy=".35em" text-anchor="middle" font-family="system-ui, sans-serif" ',
    `font-size="60" font-weight="600" fill="#fff">${initial}</text></svg>`,
  ].join('');
}

/** The avatar route. */
export function createAvatarRoutes() {
  const app = createRouter();
  app.openapi(avatar, async (c) => {
    const { store } = c.get('deps').starling;
    const record = await readableCharacter(store, callerOf(c).user.id, c.req.valid('param').id);
    const bytes = (await store.characters.getAssets(record.id)).get('avatar');
    // Private to the caller; revalidated so an edit shows at once.
    c.header('Cache-Control', 'private, no-cache');
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    const type = bytes ? rasterType(bytes) : null;
    if (bytes && type) {
      c.header('Content-Type', type);
      return c.body(new Uint8Array(bytes), 200);
    }
    c.header('Content-Type', 'image/svg+xml');
    return c.body(placeholderSvg(record.id, record.card.name), 200);
  });
  return app;
}
