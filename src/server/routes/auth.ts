/**
 * Sign-up, sign-in (cookie + CSRF token), sign-out, the current caller and their password change.
 * Sign-in attempts are limited per client address and user name, password changes per user, so a
 * password cannot be guessed at the speed of the general rate limit.
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { User } from '../../spec/store.js';
import type { AppEnv } from '../env.js';
import { SESSION_COOKIE, callerOf, requireAuth } from '../middleware/auth.js';
import { clientAddress, rateLimitFromOptions } from '../middleware/rate-limit.js';
import { createRouter } from '../router.js';
import {
  AuthStatusSchema,
  ChangePasswordSchema,
  CredentialsSchema,
  DeleteAccountSchema,
  LoginResultSchema,
  MeSchema,
  PasswordChangedSchema,
} from '../schemas/accounts.js';
import { ErrorSchema, OkSchema, errorResponses, jsonBody, jsonResponse } from '../schemas/common.js';
import { deleteUserEverywhere } from '../user-deletion.js';

const anyScope = requireAuth(['read', 'write', 'chat', 'admin']);

const signup = createRoute({
  method: 'post',
  path: '/api/auth/signup',
  tags: ['auth'],
  summary: 'Create an account (the first one is admin; later ones only while sign-up is open) and sign in',
  request: { body: jsonBody(CredentialsSchema) },
  responses: { 201: jsonResponse(LoginResultSchema, 'Signed up and in'), ...errorResponses(400, 403, 409) },
});

/** The user name a sign-in request is for, folded like stored names; '' when the body has none. */
async function signInName(c: Context<AppEnv>): Promise<string> {
  const body: unknown = await c.req.json().catch(() => null);
  const name = typeof body === 'object' && body !== null && 'name' in body ? body.name : '';
  return typeof name === 'string' ? name.normalize('NFC').toLowerCase().slice(0, 100) : '';
}

function attemptLimit(keyFor: (c: Context<AppEnv>) => Promise<string> | string) {
  return rateLimitFromOptions((options) => ({
    limit: options.signInAttemptsPerWindow ?? 10,
    windowMs: options.rateLimitWindowMs ?? 60_000,
    keyFor,
  }));
}

// Built per app (the limiters hold state), so these two are functions.
function loginRoute() {
  return createRoute({
    method: 'post',
    path: '/api/auth/login',
    tags: ['auth'],
    summary: 'Sign in: sets the HttpOnly session cookie and returns the CSRF token for writes',
    middleware: [attemptLimit(async (c) => `signin:${clientAddress(c)}:${await signInName(c)}`)],
    request: { body: jsonBody(CredentialsSchema) },
    responses: { 200: jsonResponse(LoginResultSchema, 'Signed in'), ...errorResponses(400, 401, 403, 429) },
  });
}

function changePasswordRoute() {
  return createRoute({
    method: 'post',
    path: '/api/me/password',
    tags: ['auth'],
    summary: 'Change your password (needs the current one); ends your other sessions and renews this one',
    middleware: [requireAuth(['write']), attemptLimit((c) => `password:${callerOf(c).user.id}`)],
    request: { body: jsonBody(ChangePasswordSchema) },
    responses: {
      200: jsonResponse(PasswordChangedSchema, 'Changed'),
      ...errorResponses(400, 401, 403, 429),
    },
  });
}

function deleteAccountRoute() {
  return createRoute({
    method: 'delete',
    path: '/api/me',
    tags: ['auth'],
    summary: 'Delete your own account and everything you own (needs your password); signs you out for good',
    middleware: [requireAuth(['write']), attemptLimit((c) => `password:${callerOf(c).user.id}`)],
    request: { body: jsonBody(DeleteAccountSchema) },
    responses: {
      200: jsonResponse(OkSchema, 'Deleted'),
      409: jsonResponse(ErrorSchema, '`last_admin` or `local_user_protected`'),
      ...errorResponses(400, 401, 403, 429),
    },
  });
}

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

// Anonymous on purpose: the sign-in page must know whether to offer first-run setup before anyone
// can sign in. It answers two booleans and nothing else (no names, no counts).
const status = createRoute({
  method: 'get',
  path: '/api/auth/status',
  tags: ['auth'],
  summary: 'Anonymous: whether the instance still needs its admin account, and whether sign-up is open',
  responses: { 200: jsonResponse(AuthStatusSchema, 'The sign-in options') },
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
  app.openapi(loginRoute(), async (c) => {
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
  app.openapi(changePasswordRoute(), async (c) => {
    const caller = callerOf(c);
    await c.get('deps').accounts.changePassword(caller.user.id, c.req.valid('json'));
    // Every session of the user has ended; a browser caller continues in a fresh one.
    if (caller.via !== 'cookie') return c.json({ ok: true as const, csrfToken: null }, 200);
    const { csrfToken } = await signIn(c, caller.user);
    return c.json({ ok: true as const, csrfToken }, 200);
  });
  app.openapi(deleteAccountRoute(), async (c) => {
    const caller = callerOf(c);
    const { password } = c.req.valid('json');
    await deleteUserEverywhere(c, caller.user.id, () =>
      c.get('deps').accounts.deleteOwnAccount(caller.user.id, password),
    );
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(status, async (c) => {
    const { accounts } = c.get('deps');
    const needsSetup = await accounts.needsSetup();
    // During setup the first sign-up is always allowed, whatever the setting says.
    const signupOpen = needsSetup || (await accounts.isSignupOpen());
    return c.json({ needsSetup, signupOpen }, 200);
  });
  app.openapi(me, (c) => {
    const caller = callerOf(c);
    const body = { user: caller.user, via: caller.via, scopes: caller.scopes };
    // Only the cookie session has a CSRF token; handing it back here lets the page keep it in
    // memory (no localStorage copy) and still write after a reload or in a second tab. Only this
    // origin and configured CORS origins can read the answer, the same as the sign-in answer.
    const csrfToken = c.get('csrfToken');
    return c.json(caller.via === 'cookie' && csrfToken ? { ...body, csrfToken } : body, 200);
  });
  return app;
}
