/**
 * Fixed-window rate limiting in memory: at most `limit` requests per `windowMs` per key (an API key
 * id, a client address, a sign-in name). The map is bounded: when full, expired windows are swept
 * and, if still full, the oldest window is dropped, so a flood of distinct keys cannot grow memory.
 */
import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { StarlingError } from '../../spec/errors.js';
import type { AppEnv, ServerOptions } from '../env.js';

export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  /** The bucket for this request, or null to skip limiting it. */
  keyFor: (c: Context<AppEnv>) => string | null | Promise<string | null>;
  maxKeys?: number;
  now?: () => number;
}

interface Window {
  start: number;
  count: number;
}

/**
 * The client's address: the connection's peer, or with `trustProxy` the first `X-Forwarded-For`
 * hop (the client as the proxy saw it) when that is an IP address.
 */
export function clientAddress(
  c: Context<AppEnv>,
  trustProxy = c.get('deps').options.trustProxy === true,
): string {
  if (trustProxy) {
    const first = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim() ?? '';
    if (isIP(first) !== 0) return first;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not behind the Node adapter (e.g. app.request in tests): one shared bucket.
    return 'unknown';
  }
}

/** Creates a rate-limit middleware; answers 429 with Retry-After when a key is over its limit. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, Window>();
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;

  function makeRoom(time: number): void {
    for (const [key, window] of windows) {
      if (time - window.start >= options.windowMs) windows.delete(key);
    }
    const oldest = windows.keys().next();
    if (windows.size >= maxKeys && !oldest.done) windows.delete(oldest.value);
  }

  return async (c, next) => {
    const key = options.limit > 0 ? await options.keyFor(c) : null;
    if (key === null) return next();
    const time = now();
    let window = windows.get(key);
    if (!window || time - window.start >= options.windowMs) {
      if (!window && windows.size >= maxKeys) makeRoom(time);
      window = { start: time, count: 0 };
      windows.delete(key);
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > options.limit) {
      const retryAfter = Math.max(1, Math.ceil((window.start + options.windowMs - time) / 1000));
      c.header('Retry-After', String(retryAfter));
      throw new StarlingError('rate_limited', `too many requests; retry in ${retryAfter} s`, {
        details: { retryAfter },
      });
    }
    await next();
  };
}

/** A rate limiter configured from the server options of the first request it sees (one map per route group). */
export function rateLimitFromOptions(
  build: (options: ServerOptions) => RateLimitOptions,
): MiddlewareHandler<AppEnv> {
  let limiter: MiddlewareHandler<AppEnv> | undefined;
  return (c, next) => {
    limiter ??= rateLimit(build(c.get('deps').options));
    return limiter(c, next);
  };
}
