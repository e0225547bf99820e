/**
 * The one place where failures become HTTP responses: StarlingError codes map to statuses, the body
 * is always `{"error": {"code", "message"}}`, and unexpected errors are logged, never shown.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { StarlingError } from '../spec/errors.js';
import type { AppEnv } from './env.js';

const exactStatus: Record<string, ContentfulStatusCode> = {
  usage: 400,
  validation_failed: 400,
  invalid_json: 400,
  message_empty: 400,
  nothing_to_regenerate: 400,
  card_too_large: 413,
  charx_zip_bomb: 413,
  payload_too_large: 413,
  request_timeout: 408,
  unauthorized: 401,
  invalid_credentials: 401,
  api_key_invalid: 401,
  forbidden: 403,
  csrf_failed: 403,
  signup_closed: 403,
  user_disabled: 403,
  scope_missing: 403,
  rate_limited: 429,
  conflict: 409,
  user_exists: 409,
  last_admin: 409,
  local_user_protected: 409,
  store_conflict: 409,
  turn_running: 409,
  import_failed: 400,
  not_ready: 503,
  model_failed: 502,
  model_timeout: 504,
  model_download_failed: 502,
};

/** The HTTP status for a StarlingError code. */
export function statusForCode(code: string): ContentfulStatusCode {
  const exact = exactStatus[code];
  if (exact !== undefined) return exact;
  if (code.endsWith('_not_found')) return 404;
  if (code.startsWith('invalid') || code.endsWith('_invalid')) return 400;
  if (code.startsWith('card_') || code.startsWith('charx_') || code.startsWith('lorebook_')) return 400;
  if (code.startsWith('model_')) return 503;
  return 500;
}

/** Builds the error body for a code and message. */
export function errorBody(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}

/** Turns a zod error into a `validation_failed` error naming the first failing field. */
export function validationError(error: ZodError, target: string): StarlingError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
  const message =
    issue?.code === 'unrecognized_keys'
      ? `${target}: unknown field(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}`
      : `${target}: ${field}: ${issue?.message ?? 'invalid'}`;
  return new StarlingError('validation_failed', message, { details: { target, field } });
}

const httpCodes: Record<number, string> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

function fromHttpException(exception: HTTPException): { error: StarlingError; status: ContentfulStatusCode } {
  const status = exception.status;
  if (status === 400 && /json/i.test(exception.message)) {
    return { error: new StarlingError('invalid_json', 'the request body is not valid JSON'), status };
  }
  if (status >= 400 && status < 500) {
    const code = httpCodes[status] ?? 'bad_request';
    return { error: new StarlingError(code, exception.message || code.replaceAll('_', ' ')), status };
  }
  return { error: new StarlingError('internal_error', exception.message), status: 500 };
}

/** Creates the app's error handler (`app.onError`). */
export function createErrorHandler() {
  return (error: Error, c: Context<AppEnv>): Response => {
    let starlingError: StarlingError | null = null;
    let status: ContentfulStatusCode = 500;
    if (StarlingError.isInstance(error)) {
      starlingError = error;
      status = statusForCode(error.code);
    } else if (error instanceof HTTPException) {
      ({ error: starlingError, status } = fromHttpException(error));
    }
    if (!starlingError || status >= 500) {
      const deps = c.get('deps');
      deps.log({
        level: 'error',
        requestId: c.get('requestId'),
        code: starlingError?.code ?? 'internal_error',
        message: error.message,
      });
    }
    if (status === 500) {
      return c.json(errorBody('internal_error', 'internal server error'), 500);
    }
    // Unread request bytes may still be arriving; do not reuse the connection.
    if (status === 413 || status === 408) c.header('Connection', 'close');
    const retryAfter = starlingError?.details?.retryAfter;
    if (typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
    return c.json(errorBody(starlingError?.code ?? 'internal_error', starlingError?.message ?? ''), status);
  };
}

/** Answers unknown paths with a 404 in the usual error shape. */
export function notFoundHandler(c: Context<AppEnv>): Response {
  return c.json(errorBody('route_not_found', `no route for ${c.req.method} ${c.req.path}`), 404);
}
