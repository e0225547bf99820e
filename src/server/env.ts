/**
 * What every request handler can rely on: the composed services (`deps`) and, after the auth
 * middleware, the caller. Route modules type their Hono instances with `AppEnv`.
 */
import type { ApiKeyScope, User } from '../spec/store.js';
import type { Starling } from '../engine/index.js';
import type { Accounts } from '../accounts/index.js';
import type { TurnRegistry } from './turn-registry.js';

export interface ServerOptions {
  host: string;
  port: number;
  /** Origins allowed by CORS; empty: same-origin only. */
  corsOrigins: string[];
  /** Largest JSON body in bytes. */
  maxJsonBytes: number;
  /** Largest upload (card import) in bytes. */
  maxUploadBytes: number;
  /** Requests per minute per API key / per IP. */
  rateLimitPerKey: number;
  rateLimitPerIp: number;
  /** Mark the session cookie Secure (behind HTTPS). */
  secureCookies: boolean;
  /** Seconds between SSE heartbeats. */
  heartbeatSeconds: number;
  /** Longest time to receive a request body (slow uploads get 408); default 30 s. */
  bodyTimeoutMs?: number;
  /** Rate-limit window; default one minute. */
  rateLimitWindowMs?: number;
  /** Sign-in attempts per window for one client address and user name (and password changes per user); default 10. */
  signInAttemptsPerWindow?: number;
  /**
   * Behind a reverse proxy: take the client address from the first `X-Forwarded-For` hop. Off by
   * default, since without a proxy that rewrites the header any client could pick its own address.
   */
  trustProxy?: boolean;
}

export interface ServerDependencies {
  starling: Starling;
  accounts: Accounts;
  options: ServerOptions;
  /** Structured log sink (one JSON object per line); never receives secrets. */
  log: (record: Record<string, unknown>) => void;
}

export interface Caller {
  user: User;
  /** How the caller authenticated; cookie callers must send the CSRF header on writes. */
  via: 'api-key' | 'cookie';
  scopes: ApiKeyScope[];
  apiKeyId: string | null;
}

export interface AppEnv {
  Variables: {
    deps: ServerDependencies;
    requestId: string;
    /** Set by the auth middleware; absent for anonymous requests. */
    caller?: Caller;
    /** Running turns, so abort and shutdown can reach them. */
    turns: TurnRegistry;
    /** The cookie session's CSRF token and raw token (cookie callers only). */
    csrfToken?: string;
    authSessionToken?: string;
  };
}
