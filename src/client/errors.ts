/** The error every failed client call throws: the HTTP status and the server's stable error code. */
export class StarlingApiError extends Error {
  /** HTTP status; 0 when the server could not be reached or the stream broke. */
  readonly status: number;
  /** The server's snake_case code, e.g. `session_not_found`, `rate_limited`, `model_failed`. */
  readonly code: string;

  constructor(status: number, code: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StarlingApiError';
    this.status = status;
    this.code = code;
  }
}

/** Reads `{error: {code, message}}` from a failed response into a StarlingApiError. */
export async function errorFromResponse(response: Response): Promise<StarlingApiError> {
  const text = await response.text().catch(() => '');
  let code = `http_${response.status}`;
  let message = text.slice(0, 500) || response.statusText || `HTTP ${response.status}`;
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not JSON (a proxy's page, say): keep the status-derived code and the text.
  }
  return new StarlingApiError(response.status, code, message);
}
