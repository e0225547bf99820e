/**
 * The UI's one connection to the server: the package's typed client in cookie mode. The CSRF token
 * from sign-in is kept in localStorage so a reload or a second tab can still write; the session
 * cookie itself is HttpOnly and never visible to scripts.
 */
import { createStarlingClient, StarlingApiError, type StarlingClient } from '../../../src/client/index.js';

const CSRF_KEY = 'starling.csrf';

/** Remembers (or forgets, with null) the CSRF token of the signed-in session. */
export function rememberCsrfToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(CSRF_KEY, token);
    else localStorage.removeItem(CSRF_KEY);
  } catch {
    // Storage can be disabled (private mode); writes then fail with csrf_failed and ask to sign in.
  }
}

function storedCsrfToken(): string | null {
  try {
    return localStorage.getItem(CSRF_KEY);
  } catch {
    return null;
  }
}

/** Creates the client for this page's origin. */
export function createApi(): StarlingClient {
  return createStarlingClient({ baseUrl: window.location.origin, csrfToken: storedCsrfToken });
}

export type Api = StarlingClient;
export { StarlingApiError };
