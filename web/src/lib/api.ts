/**
 * The UI's one connection to the server: the package's typed client in cookie mode. The session
 * cookie is HttpOnly and never visible to scripts; the CSRF token for writes lives only in this
 * module's memory. It comes from sign-in, and on every page load from `GET /api/me`, so a reload or
 * a second tab can write without the token ever being written to storage.
 */
import { createStarlingClient, StarlingApiError, type StarlingClient } from '../../../src/client/index.js';

// Where earlier versions of the UI kept the token; removed so no copy outlives the session.
const LEGACY_CSRF_KEY = 'starling.csrf';

let csrfToken: string | null = null;

/** Keeps (or forgets, with null) the CSRF token of the signed-in session, in memory only. */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

function forgetLegacyCopy(): void {
  try {
    localStorage.removeItem(LEGACY_CSRF_KEY);
  } catch {
    // Storage can be disabled (private mode); then there is no copy to remove either.
  }
}

/** Creates the client for this page's origin. */
export function createApi(): StarlingClient {
  forgetLegacyCopy();
  return createStarlingClient({ baseUrl: window.location.origin, csrfToken: () => csrfToken });
}

export type Api = StarlingClient;
export { StarlingApiError };
