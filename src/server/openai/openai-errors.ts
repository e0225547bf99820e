/**
 * Errors in OpenAI's shape, `{"error": {"message", "type", "param", "code"}}`, so OpenAI clients
 * raise their usual exceptions. Statuses come from the server's one code-to-status map.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { StarlingError, toStarlingError } from '../../spec/errors.js';
import type { AppEnv } from '../env.js';
import { statusForCode } from '../errors.js';

/** OpenAI's error `type` for an HTTP status. */
export function openAIErrorType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/** The body for an error; internal failures never show their message. */
export function openAIErrorBody(error: StarlingError, status: number) {
  const internal = status === 500;
  return {
    error: {
      message: internal ? 'internal server error' : error.message,
      type: openAIErrorType(status),
      param: typeof error.details?.['field'] === 'string' ? error.details['field'] : null,
      code: internal ? 'internal_error' : error.code,
    },
  };
}

/** The status and body for anything thrown. */
export function describeFailure(error: unknown): { status: ContentfulStatusCode; error: StarlingError } {
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const code = status === 400 ? 'invalid_request' : status === 413 ? 'payload_too_large' : 'bad_request';
    return { status, error: new StarlingError(code, error.message || 'bad request', { cause: error }) };
  }
  const starlingError = toStarlingError(error);
  return { status: statusForCode(starlingError.code), error: starlingError };
}

/** The `/v1` error handler. */
export function openAIErrorHandler(error: Error, c: Context<AppEnv>): Response {
  const failure = describeFailure(error);
  if (failure.status >= 500) {
    c.get('deps').log({
      level: 'error',
      requestId: c.get('requestId'),
      code: failure.error.code,
      message: failure.error.message,
    });
  }
  return c.json(openAIErrorBody(failure.error, failure.status), failure.status);
}
