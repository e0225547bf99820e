/**
 * Admin-only: list and create users, disable or enable them, change their role, mark minors, reset their
 * password, delete them with everything they own, open or close sign-up. The last active admin cannot
 * be disabled, demoted or deleted (409 `last_admin`), nor the local user deleted.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { StarlingError } from '../../spec/errors.js';
import type { User } from '../../spec/store.js';
import type { AppEnv } from '../env.js';
import { callerOf, requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import {
  CreateUserSchema,
  MinorSchema,
  ResetPasswordSchema,
  RoleSchema,
  SettingsSchema,
  UserSchema,
} from '../schemas/accounts.js';
import { deleteUserEverywhere } from '../user-deletion.js';
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

const createUser = createRoute({
  method: 'post',
  path: '/api/admin/users',
  tags: ['admin'],
  summary: 'Create a user with a password (role `user` and not a minor unless given)',
  middleware: [adminOnly],
  request: { body: jsonBody(CreateUserSchema) },
  responses: {
    201: jsonResponse(UserSchema, 'The new user'),
    409: jsonResponse(ErrorSchema, '`user_exists`: the name is taken (case-insensitive)'),
    ...errorResponses(400, 401, 403),
  },
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

const setMinor = createRoute({
  method: 'put',
  path: '/api/admin/users/{id}/minor',
  tags: ['admin'],
  summary: "Mark a user as a minor or not (a minor's turns run under the teen policy at least)",
  middleware: [adminOnly],
  request: { params: IdParams, body: jsonBody(MinorSchema) },
  responses: { 200: jsonResponse(UserSchema, 'The user'), ...errorResponses(400, 401, 403, 404) },
});

const deleteUser = createRoute({
  method: 'delete',
  path: '/api/admin/users/{id}',
  tags: ['admin'],
  summary:
    'Delete a user and everything they own (characters, chats, memories, keys); audit rows stay without text',
  middleware: [adminOnly],
  request: { params: IdParams },
  responses: {
    200: jsonResponse(OkSchema, 'Deleted'),
    409: jsonResponse(ErrorSchema, '`last_admin` or `local_user_protected`'),
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
  app.openapi(createUser, async (c) =>
    c.json(await c.get('deps').accounts.createUser(c.req.valid('json')), 201),
  );
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
  app.openapi(setMinor, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await c.get('deps').accounts.setMinor(id, c.req.valid('json').minor), 200);
  });
  app.openapi(deleteUser, async (c) => {
    const { id } = c.req.valid('param');
    if (id === callerOf(c).user.id) {
      throw new StarlingError('invalid_target', 'delete your own account with DELETE /api/me');
    }
    await deleteUserEverywhere(c, id, () => c.get('deps').accounts.deleteUser(id));
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(resetPassword, async (c) => {
    const { id } = c.req.valid('param');
    // Resetting one's own password here would skip the current-password check and end the
    // caller's own session mid-page; /api/me/password does both properly.
    if (id === callerOf(c).user.id) {
      throw new StarlingError('invalid_target', 'change your own password with POST /api/me/password');
    }
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
