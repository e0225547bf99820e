/**
 * The one error base. Every failure Starling reports carries a stable, machine-readable `code`
 * (snake_case, documented where it is thrown), a human message that says what is wrong and where,
 * and the underlying `cause`. The CLI prints `error: <code>: <message>`; the server maps codes to
 * HTTP statuses.
 */
const marker = Symbol.for('starling.error');

export interface StarlingErrorOptions {
  cause?: unknown;
  /** Structured context (file, field, limit …) for logs and API bodies. Never secrets. */
  details?: Record<string, unknown>;
}

export class StarlingError extends Error {
  readonly [marker] = true;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, options: StarlingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StarlingError';
    this.code = code;
    this.details = options.details;
  }

  /** True for any StarlingError, also across duplicated module instances. */
  static isInstance(value: unknown): value is StarlingError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}

/** Wraps anything thrown into a StarlingError, keeping Starling's own errors as they are. */
export function toStarlingError(value: unknown, fallbackCode = 'internal_error'): StarlingError {
  if (StarlingError.isInstance(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new StarlingError(fallbackCode, message, { cause: value });
}
