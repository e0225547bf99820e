/** API keys of the current user: list, create (the secret is shown once), revoke. */
import { createRoute, z } from '@hono/zod-openapi';
import { StarlingError } from '../../spec/errors.js';
import type { ApiKeyRecord } from '../../spec/store.js';
import { callerOf, requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import { ApiKeySchema, CreateApiKeySchema, CreatedApiKeySchema } from '../schemas/accounts.js';
import { IdParams, OkSchema, errorResponses, jsonBody, jsonResponse } from '../schemas/common.js';

const list = createRoute({
  method: 'get',
  path: '/api/keys',
  tags: ['keys'],
  summary: 'Your API keys (never their secrets)',
  middleware: [requireAuth(['read'])],
  responses: { 200: jsonResponse(z.array(ApiKeySchema), 'Keys'), ...errorResponses(401, 403) },
});

const create = createRoute({
  method: 'post',
  path: '/api/keys',
  tags: ['keys'],
  summary: 'Create an API key; its scopes cannot exceed your own',
  middleware: [requireAuth(['write'])],
  request: { body: jsonBody(CreateApiKeySchema) },
  responses: {
    201: jsonResponse(CreatedApiKeySchema, 'The key, shown once'),
    ...errorResponses(400, 401, 403),
  },
});

const revoke = createRoute({
  method: 'delete',
  path: '/api/keys/{id}',
  tags: ['keys'],
  summary: 'Revoke one of your API keys',
  middleware: [requireAuth(['write'])],
  request: { params: IdParams },
  responses: { 200: jsonResponse(OkSchema, 'Revoked'), ...errorResponses(401, 403, 404) },
});

function publicKey(record: ApiKeyRecord) {
  const { userId: _userId, ...rest } = record;
  return rest;
}

/** Routes under /api/keys. */
export function createKeyRoutes() {
  const app = createRouter();
  app.openapi(list, async (c) => {
    const keys = await c.get('deps').accounts.listApiKeys(callerOf(c).user.id);
    return c.json(keys.map(publicKey), 200);
  });
  app.openapi(create, async (c) => {
    const caller = callerOf(c);
    const body = c.req.valid('json');
    const scopes = body.scopes ?? caller.scopes.filter((scope) => scope !== 'admin');
    const excess = scopes.filter((scope) => !caller.scopes.includes(scope));
    if (excess.length > 0)
      throw new StarlingError('forbidden', `you cannot grant scopes you lack: ${excess.join(', ')}`);
    const { key, record } = await c
      .get('deps')
      .accounts.createApiKey(caller.user.id, { name: body.name, scopes, expiresAt: body.expiresAt ?? null });
    return c.json({ key, record: publicKey(record) }, 201);
  });
  app.openapi(revoke, async (c) => {
    const { id } = c.req.valid('param');
    const { accounts } = c.get('deps');
    const userId = callerOf(c).user.id;
    const owned = (await accounts.listApiKeys(userId)).some((key) => key.id === id);
    if (!owned) throw new StarlingError('api_key_not_found', `no API key with id ${id}`);
    await accounts.revokeApiKey(userId, id);
    return c.json({ ok: true as const }, 200);
  });
  return app;
}
