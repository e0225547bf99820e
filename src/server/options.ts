/** Default server options: safe for a personal install on localhost. */
import type { ServerOptions } from './env.js';

/** The defaults, overridden by what the caller passes. */
export function defaultServerOptions(overrides: Partial<ServerOptions> = {}): ServerOptions {
  return {
    host: '127.0.0.1',
    port: 8787,
    corsOrigins: [],
    maxJsonBytes: 1_048_576,
    maxUploadBytes: 32 * 1_048_576,
    rateLimitPerKey: 600,
    rateLimitPerIp: 1200,
    secureCookies: false,
    heartbeatSeconds: 15,
    bodyTimeoutMs: 30_000,
    rateLimitWindowMs: 60_000,
    signInAttemptsPerWindow: 10,
    trustProxy: false,
    ...overrides,
  };
}
