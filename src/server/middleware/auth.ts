/**
 * Authentication and authorization. `authenticate()` identifies the caller from a Bearer API key
 * (`sk-star-…`) or the `starling_session` cookie; a presented key that does not resolve is refused
 * (401), a cookie that does not resolve leaves the request anonymous. `requireAuth(scopes)` guards a
 * route: a caller (401), the CSRF header for cookie callers on writes (403) and one of the scopes (403).
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { StarlingError } from '../../spec/errors.js';
import type { ApiKeyScope, User } from '../../spec/store.js';
import type { AppEnv, Caller } from '../env.js';

export const SESSION_COOKIE = 'starling_session';
export const CSRF_HEADER = 'X-CSRF-Token';
const API_KEY_PREFIX = 'sk-star-';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function cookieScopes(user: User): ApiKeyScope[] {
  return user.role === 'admin' ? ['read', 'write', 'chat', 'admin'] : ['read', 'write', 'chat'];
}

function invalidKey(): StarlingError {
  return new StarlingError('api_key_invalid', 'the API key is invalid, expired or revoked');
}

/** Resolves the caller, if any, and stores it (with the cookie session's CSRF token) on the context. */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { accounts } = c.get('deps');
    const authorization = c.req.header('Authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      const key = match?.[1];
      if (!key || !key.startsWith(API_KEY_PREFIX)) throw invalidKey();
      const resolved = await accounts.resolveApiKey(key);
      if (!resolved || resolved.user.disabled) throw invalidKey();
      const { user, key: record } = resolved;
      if (record.revokedAt !== null || (record.expiresAt !== null && record.expiresAt <= Date.now())) {
        throw invalidKey();
      }
      const scopes = record.scopes.filter((scope) => scope !== 'admin' || user.role === 'admin');
      c.set('caller', { user, via: 'api-key', scopes, apiKeyId: record.id });
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const session = await accounts.resolveSession(token);
      if (session && !session.user.disabled) {
        const caller: Caller = {
          user: session.user,
          via: 'cookie',
          scopes: cookieScopes(session.user),
          apiKeyId: null,
        };
        c.set('caller', caller);
        c.set('csrfToken', session.csrfToken);
        c.set('authSessionToken', token);
      }
    }
    await next();
  };
}

/** Guards a route: the caller must be signed in, pass CSRF on writes and hold one of `scopes`. */
export function requireAuth(scopes: ApiKeyScope[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    if (!caller)
      throw new StarlingError('unauthorized', 'sign in or send an API key (Authorization: Bearer sk-star-…)');
    if (caller.via === 'cookie' && unsafeMethods.has(c.req.method)) {
      const sent = c.req.header(CSRF_HEADER);
      if (!sent || sent !== c.get('csrfToken')) {
        throw new StarlingError('csrf_failed', `send the session's CSRF token in the ${CSRF_HEADER} header`);
      }
    }
    if (!scopes.some((scope) => caller.scopes.includes(scope))) {
      throw new StarlingError('scope_missing', `this needs one of the scopes: ${scopes.join(', ')}`);
    }
    if (scopes.every((scope) => scope === 'admin') && caller.user.role !== 'admin') {
      throw new StarlingError('forbidden', 'only an admin may do this');
    }
    await next();
  };
}

/** The authenticated caller; call only behind `requireAuth`. */
export function callerOf(c: { get(key: 'caller'): Caller | undefined }): Caller {
  const caller = c.get('caller');
  if (!caller) throw new StarlingError('unauthorized', 'not signed in');
  return caller;
}
