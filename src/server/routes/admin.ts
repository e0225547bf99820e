/**
 * Admin-only: list users, disable or enable them, change their role, reset their password, open or
 * close sign-up. The last active admin cannot be disabled or demoted (409 `last_admin`).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { StarlingError } from '../../spec/errors.js';
import type { User } from '../../spec/store.js';
import type { AppEnv } from '../env.js';
import { callerOf, requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import { ResetPasswordSchema, RoleSchema, SettingsSchema, UserSchema } from '../schemas/accounts.js';
import {
  ErrorSchema,
  IdParams,
  OkSchema,
  errorResponses,
  jsonBody,
  jsonResponse,
} from '../schemas/common.js';

const adminOnly = requireAuth(['admin']);
const lastAdmin = jsonResponse(
  ErrorSchema,
  '`last_admin`: the last active admin cannot be disabled or demoted',
);

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
    responses: {
      200: jsonResponse(UserSchema, 'The user'),
      409: lastAdmin,
      ...errorResponses(400, 401, 403, 404),
    },
  });
}

const setRole = createRoute({
  method: 'put',
  path: '/api/admin/users/{id}/role',
  tags: ['admin'],
  summary: 'Make a user admin or a normal user (the last active admin cannot be demoted)',
  middleware: [adminOnly],
  request: { params: IdParams, body: jsonBody(RoleSchema) },
  responses: {
    200: jsonResponse(UserSchema, 'The user'),
    409: lastAdmin,
    ...errorResponses(400, 401, 403, 404),
  },
});

const resetPassword = createRoute({
  method: 'post',
  path: '/api/admin/users/{id}/password',
  tags: ['admin'],
  summary: "Set a user's password without the old one; ends their browser sessions (API keys stay)",
  middleware: [adminOnly],
  request: { params: IdParams, body: jsonBody(ResetPasswordSchema) },
  responses: { 200: jsonResponse(OkSchema, 'Reset'), ...errorResponses(400, 401, 403, 404) },
});

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

async function userById(c: Context<AppEnv>, id: string): Promise<User> {
  const user = (await c.get('deps').accounts.listUsers()).find((candidate) => candidate.id === id);
  if (!user) throw new StarlingError('user_not_found', `no user with id ${id}`);
  return user;
}

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
      await accounts.setDisabled((await userById(c, id)).id, action === 'disable');
      return c.json(await userById(c, id), 200);
    });
  }
  app.openapi(setRole, async (c) => {
    const { id } = c.req.valid('param');
    const { role } = c.req.valid('json');
    return c.json(await c.get('deps').accounts.setRole(id, role), 200);
  });
  app.openapi(resetPassword, async (c) => {
    const { id } = c.req.valid('param');
    await c.get('deps').accounts.resetPassword(id, c.req.valid('json').password);
    return c.json({ ok: true as const }, 200);
  });
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
