/**
 * One structured log record per request: method, path (no query string, which may carry tokens),
 * status, duration, request id and user id. Headers and bodies are never logged.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';

/** Creates the access-log middleware. */
export function accessLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    c.get('deps').log({
      level: 'info',
      msg: 'request',
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      requestId: c.get('requestId'),
      userId: c.get('caller')?.user.id ?? null,
    });
  };
}
