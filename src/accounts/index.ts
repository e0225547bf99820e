/**
 * The accounts module: users, passwords (scrypt), browser sessions and API keys over the `Store`
 * contract. Depends only on `src/spec`; the server and the CLI build it with `createAccounts(store)`.
 */
export { createAccounts, DEFAULT_SESSION_TTL_MS, SIGNUP_OPEN_SETTING } from './accounts.js';
export type { Accounts, AccountsOptions } from './accounts.js';
export { DEFAULT_API_KEY_SCOPES } from './api-keys.js';
export { DEFAULT_SCRYPT_COST, hashPassword, verifyPasswordHash } from './password-hash.js';
export { API_KEY_PREFIX } from './secrets.js';
export { API_KEY_SCOPES, checkScopes, checkUserName } from './validation.js';
