/** Admin-only: list users, disable or enable them, open or close sign-up. */
import { createRoute, z } from '@hono/zod-openapi';
import { StarlingError } from '../../spec/errors.js';
import { callerOf, requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import { SettingsSchema, UserSchema } from '../schemas/accounts.js';
import { IdParams, errorResponses, jsonBody, jsonResponse } from '../schemas/common.js';

const adminOnly = requireAuth(['admin']);

const listUsers = createRoute({
  method: 'get',
  path: '/api/admin/users',
  tags: ['admin'],
  summary: 'All users',
  middleware: [adminOnly],
  responses: { 200: jsonResponse(z.array(UserSchema), 'Users'), ...errorResponses(401, 403) },
});

function toggleRoute(action: 'disable' | 'enable') {
  return createRoute({
    method: 'post',
    path: `/api/admin/users/{id}/${action}`,
    tags: ['admin'],
    summary: action === 'disable' ? 'Disable a user (signs them out, stops their keys)' : 'Enable a user',
    middleware: [adminOnly],
    request: { params: IdParams },
    responses: { 200: jsonResponse(UserSchema, 'The user'), ...errorResponses(400, 401, 403, 404) },
  });
}

const getSettings = createRoute({
  method: 'get',
  path: '/api/admin/settings',
  tags: ['admin'],
  summary: 'Instance settings',
  middleware: [adminOnly],
  responses: { 200: jsonResponse(SettingsSchema, 'Settings'), ...errorResponses(401, 403) },
});

const putSettings = createRoute({
  method: 'put',
  path: '/api/admin/settings',
  tags: ['admin'],
  summary: 'Change instance settings (open or close sign-up)',
  middleware: [adminOnly],
  request: { body: jsonBody(SettingsSchema) },
  responses: { 200: jsonResponse(SettingsSchema, 'Settings'), ...errorResponses(400, 401, 403) },
});

/** Routes under /api/admin. */
export function createAdminRoutes() {
  const app = createRouter();
  app.openapi(listUsers, async (c) => c.json(await c.get('deps').accounts.listUsers(), 200));
  for (const action of ['disable', 'enable'] as const) {
    app.openapi(toggleRoute(action), async (c) => {
      const { id } = c.req.valid('param');
      const { accounts } = c.get('deps');
      if (action === 'disable' && id === callerOf(c).user.id) {
        throw new StarlingError('invalid_target', 'an admin cannot disable their own account');
      }
      const exists = (await accounts.listUsers()).some((user) => user.id === id);
      if (!exists) throw new StarlingError('user_not_found', `no user with id ${id}`);
      await accounts.setDisabled(id, action === 'disable');
      const user = (await accounts.listUsers()).find((candidate) => candidate.id === id);
      if (!user) throw new StarlingError('user_not_found', `no user with id ${id}`);
      return c.json(user, 200);
    });
  }
  app.openapi(getSettings, async (c) =>
    c.json({ signupOpen: await c.get('deps').accounts.isSignupOpen() }, 200),
  );
  app.openapi(putSettings, async (c) => {
    const { accounts } = c.get('deps');
    await accounts.setSignupOpen(c.req.valid('json').signupOpen);
    return c.json({ signupOpen: await accounts.isSignupOpen() }, 200);
  });
  return app;
}
