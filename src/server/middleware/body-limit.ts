/**
 * Request body limits. A declared Content-Length over the limit is refused before reading anything;
 * otherwise the body is read here, at most `limit` bytes and within `timeoutMs` (a slow-loris upload
 * gets 408), and handed on as a buffered body, so no handler ever buffers more than the limit.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { StarlingError } from '../../spec/errors.js';
import type { AppEnv } from '../env.js';

export interface BodyLimitOptions {
  /** The byte limit for this request (uploads and JSON differ). */
  limitFor: (c: Context<AppEnv>) => number;
  /** Longest time to receive the whole body. */
  timeoutMs: number;
}

function tooLarge(limit: number): StarlingError {
  return new StarlingError('payload_too_large', `the request body is larger than ${limit} bytes`, {
    details: { limit },
  });
}

async function readBounded(
  body: ReadableStream<Uint8Array>,
  limit: number,
  timeoutMs: number,
): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new StarlingError('request_timeout', `the request body did not arrive within ${timeoutMs} ms`),
        ),
      timeoutMs,
    );
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), timeout]);
      if (done) break;
      total += value.byteLength;
      if (total > limit) throw tooLarge(limit);
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks, total);
}

/** Creates the body-limit middleware. */
export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const request = c.req.raw;
    if (request.method === 'GET' || request.method === 'HEAD' || request.body === null) return next();
    const limit = options.limitFor(c);
    const declared = Number(request.headers.get('Content-Length') ?? 'NaN');
    if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
    const bytes = await readBounded(request.body, limit, options.timeoutMs);
    c.req.raw = new Request(request, { body: bytes });
    await next();
  };
}
