/** Sign-up, sign-in (cookie + CSRF token), sign-out and the current caller. */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { User } from '../../spec/store.js';
import type { AppEnv } from '../env.js';
import { SESSION_COOKIE, callerOf, requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import { CredentialsSchema, LoginResultSchema, MeSchema } from '../schemas/accounts.js';
import { OkSchema, errorResponses, jsonBody, jsonResponse } from '../schemas/common.js';

const anyScope = requireAuth(['read', 'write', 'chat', 'admin']);

const signup = createRoute({
  method: 'post',
  path: '/api/auth/signup',
  tags: ['auth'],
  summary: 'Create an account (the first one is admin; later ones only while sign-up is open) and sign in',
  request: { body: jsonBody(CredentialsSchema) },
  responses: { 201: jsonResponse(LoginResultSchema, 'Signed up and in'), ...errorResponses(400, 403, 409) },
});

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Sign in: sets the HttpOnly session cookie and returns the CSRF token for writes',
  request: { body: jsonBody(CredentialsSchema) },
  responses: { 200: jsonResponse(LoginResultSchema, 'Signed in'), ...errorResponses(400, 401, 403) },
});

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'Sign out (ends the cookie session)',
  middleware: [anyScope],
  responses: { 200: jsonResponse(OkSchema, 'Signed out'), ...errorResponses(401, 403) },
});

const me = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['auth'],
  summary: 'The current user and how they authenticated',
  middleware: [anyScope],
  responses: { 200: jsonResponse(MeSchema, 'The caller'), ...errorResponses(401) },
});

async function signIn(c: Context<AppEnv>, user: User) {
  const { accounts, options } = c.get('deps');
  const session = await accounts.createSession(user.id);
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: options.secureCookies,
    path: '/',
    expires: new Date(session.expiresAt),
  });
  return { user, csrfToken: session.csrfToken };
}

/** Routes under /api/auth and /api/me. */
export function createAuthRoutes() {
  const app = createRouter();
  app.openapi(signup, async (c) => {
    const { accounts } = c.get('deps');
    const user = await accounts.signUp(c.req.valid('json'));
    return c.json(await signIn(c, user), 201);
  });
  app.openapi(login, async (c) => {
    const { name, password } = c.req.valid('json');
    const user = await c.get('deps').accounts.verifyPassword(name, password);
    return c.json(await signIn(c, user), 200);
  });
  app.openapi(logout, async (c) => {
    const token = c.get('authSessionToken');
    if (callerOf(c).via === 'cookie' && token) await c.get('deps').accounts.endSession(token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(me, (c) => {
    const caller = callerOf(c);
    return c.json({ user: caller.user, via: caller.via, scopes: caller.scopes }, 200);
  });
  return app;
}
