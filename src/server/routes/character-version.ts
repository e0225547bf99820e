/** `GET /api/characters/{id}/versions/{version}`: one saved version, so a client can show or restore it. */
import { createRoute, z } from '@hono/zod-openapi';
import { StarlingError } from '../../spec/errors.js';
import { readableCharacter } from '../access.js';
import { callerOf, requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import { CharacterSchema } from '../schemas/characters.js';
import { errorResponses, jsonResponse } from '../schemas/common.js';
import { characterBody } from './characters.js';

const VersionParams = z.object({
  id: z.string().min(1).max(200),
  version: z.coerce.number().int().min(1),
});

const getVersion = createRoute({
  method: 'get',
  path: '/api/characters/{id}/versions/{version}',
  tags: ['characters'],
  summary: 'One saved version of a character; restore it by sending its card fields to PUT',
  middleware: [requireAuth(['read', 'chat'])],
  request: { params: VersionParams },
  responses: { 200: jsonResponse(CharacterSchema, 'That version'), ...errorResponses(400, 401, 403, 404) },
});

/** The version route. */
export function createCharacterVersionRoutes() {
  const app = createRouter();
  app.openapi(getVersion, async (c) => {
    const { store } = c.get('deps').starling;
    const { id, version } = c.req.valid('param');
    const current = await readableCharacter(store, callerOf(c).user.id, id);
    const record = await store.characters.getVersion(current.id, version);
    if (!record) throw new StarlingError('version_not_found', `character ${id} has no version ${version}`);
    return c.json(characterBody(record), 200);
  });
  return app;
}
