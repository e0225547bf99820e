/**
 * CORS for the configured origins only. A request from an allowed origin gets the full set of CORS
 * headers (credentials included, so the origin is echoed, never `*`); any other origin gets none at
 * all, so nothing suggests it might be allowed. With no origins configured, browsers get
 * same-origin behaviour.
 */
import type { MiddlewareHandler } from 'hono';
import { cors as honoCors } from 'hono/cors';
import type { AppEnv } from '../env.js';

/** Creates the CORS middleware from the allowed origins. */
export function cors(origins: string[]): MiddlewareHandler<AppEnv> {
  if (origins.length === 0) return async (_c, next) => next();
  const allowed = new Set(origins);
  const withHeaders = honoCors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-CSRF-Token', 'X-Request-Id', 'X-Starling-Session'],
    exposeHeaders: ['X-Request-Id', 'Retry-After', 'X-Starling-Session'],
    credentials: true,
    maxAge: 600,
  });
  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (origin !== undefined && allowed.has(origin)) return withHeaders(c, next);
    await next();
    // The answer depends on the Origin header, so caches must keep the variants apart.
    c.res.headers.append('Vary', 'Origin');
  };
}
