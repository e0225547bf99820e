/**
 * Accounts: sign-up and sign-in, browser sessions and API keys over the `Store` contract. Secrets
 * are stored only as hashes; the raw session token and API key leave this module once, on creation.
 */
import { StarlingError } from '../spec/errors.js';
import type { ApiKeyRecord, ApiKeyScope, Store, User, UserRole } from '../spec/store.js';
import { requireActiveUser } from './active-user.js';
import { createApiKeys } from './api-keys.js';
import { createAuthSessions } from './auth-sessions.js';
import { DEFAULT_SCRYPT_COST, hashPassword, verifyPasswordHash } from './password-hash.js';
import { randomSecret } from './secrets.js';
import { checkPassword, checkUserName, PASSWORD_MAX_LENGTH } from './validation.js';

/** The setting that lets people sign up after the first account; absent means closed. */
export const SIGNUP_OPEN_SETTING = 'signup_open';
/** How long a browser session lasts by default: 30 days. */
export const DEFAULT_SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** What the server and the CLI use to manage people and their credentials. */
export interface Accounts {
  /** Public sign-up: the first account becomes admin; later ones only while sign-up is open (else StarlingError 'signup_closed'). */
  signUp(input: { name: string; password: string }): Promise<User>;
  /** Admin/CLI: create a user directly. password optional (a user without a password can only use API keys). */
  createUser(input: { name: string; password?: string; role?: UserRole; minor?: boolean }): Promise<User>;
  /** Checks a name+password; throws 'invalid_credentials' (same error for unknown name and wrong password, constant-ish time) or 'user_disabled'. */
  verifyPassword(name: string, password: string): Promise<User>;
  /** Cookie session: returns the raw token (to set in an HttpOnly cookie) and a CSRF token; stores only the token's hash. */
  createSession(userId: string): Promise<{ token: string; csrfToken: string; expiresAt: number }>;
  /** The user and CSRF token for a raw session token, or null if unknown/expired/user disabled. */
  resolveSession(token: string): Promise<{ user: User; csrfToken: string; sessionId: string } | null>;
  /** Ends the session of a raw token; unknown tokens are ignored. */
  endSession(token: string): Promise<void>;
  /** Creates an API key: returns the full key ONCE (format `sk-star-<random>`), and the record; stores only a hash. */
  createApiKey(
    userId: string,
    input: { name: string; scopes?: ApiKeyScope[]; expiresAt?: number | null },
  ): Promise<{ key: string; record: ApiKeyRecord }>;
  /** The user and key for a raw key, or null if malformed/unknown/revoked/expired/user disabled; updates lastUsedAt. */
  resolveApiKey(key: string): Promise<{ user: User; key: ApiKeyRecord } | null>;
  /** The user's keys, revoked and expired ones included, oldest first. */
  listApiKeys(userId: string): Promise<ApiKeyRecord[]>;
  /** Revokes a key of this user; 'api_key_not_found' if it is not theirs. */
  revokeApiKey(userId: string, keyId: string): Promise<void>;
  /** Every user, oldest first. */
  listUsers(): Promise<User[]>;
  /** Disables or enables a user; disabling also ends their browser sessions. The last active admin cannot be disabled ('last_admin'). */
  setDisabled(userId: string, disabled: boolean): Promise<void>;
  /** Makes a user admin or not; the last active admin cannot be demoted ('last_admin'). */
  setRole(userId: string, role: UserRole): Promise<User>;
  /** The user's own change: checks the current password ('current_password_invalid'), sets the new one and ends all their browser sessions. */
  changePassword(userId: string, input: { currentPassword: string; newPassword: string }): Promise<void>;
  /** Admin/CLI: sets a new password without the old one and ends the user's browser sessions. */
  resetPassword(userId: string, password: string): Promise<void>;
  /** Marks a user as a minor (their turns run under `teen` at least) or not. */
  setMinor(userId: string, minor: boolean): Promise<User>;
  /**
   * Admin/CLI: deletes a user and everything they own (see `UserStore.delete`). Refuses the last
   * active admin ('last_admin') and the local user of a personal install ('local_user_protected').
   */
  deleteUser(userId: string): Promise<void>;
  /** The user's own deletion: checks their password ('current_password_invalid'), then as `deleteUser`. */
  deleteOwnAccount(userId: string, password: string): Promise<void>;
  /** Whether nobody can sign in yet (no user has a password), so the next sign-up becomes the admin. */
  needsSetup(): Promise<boolean>;
  /** Whether people other than the first may sign up. */
  isSignupOpen(): Promise<boolean>;
  /** Opens or closes public sign-up. */
  setSignupOpen(open: boolean): Promise<void>;
}

export interface AccountsOptions {
  /** Clock in Unix milliseconds; injectable for tests. */
  now?: () => number;
  /** Browser-session lifetime; default 30 days. */
  sessionTtlMs?: number;
  /** scrypt's N for new password hashes (a power of two); default 2^15. Tests pass less. */
  scryptCost?: number;
}

/** Builds the accounts service over a store. */
export function createAccounts(store: Store, options: AccountsOptions = {}): Accounts {
  const now = options.now ?? Date.now;
  const scryptCost = options.scryptCost ?? DEFAULT_SCRYPT_COST;
  const sessions = createAuthSessions(store, now, options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS);
  const apiKeys = createApiKeys(store, now);
  // Checked against when the name is unknown, so a miss costs the same scrypt run as a wrong password.
  let decoyHash: Promise<string> | undefined;

  // "First" means nobody can sign in yet: no user has a password. The passwordless local user of a
  // personal install (and key-only users) do not count, so the first person to sign up on an
  // instance that was used from the CLI still becomes its admin.
  async function isFirstAccount(): Promise<boolean> {
    if ((await store.users.count()) === 0) return true;
    for (const user of await store.users.list()) {
      if ((await store.users.passwordHash(user.id)) !== null) return false;
    }
    return true;
  }

  async function isSignupOpen(): Promise<boolean> {
    return (await store.settings.get(SIGNUP_OPEN_SETTING)) === true;
  }

  async function createUser(input: {
    name: string;
    password?: string;
    role?: UserRole;
    minor?: boolean;
  }): Promise<User> {
    const name = checkUserName(input.name);
    if (input.password !== undefined) checkPassword(input.password);
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password, scryptCost);
    return store.users.create({
      name,
      role: input.role ?? 'user',
      passwordHash,
      minor: input.minor === true,
    });
  }

  async function existingUser(userId: string): Promise<User> {
    const user = await store.users.get(userId);
    if (user === null)
      throw new StarlingError('user_not_found', `user ${userId} not found`, { details: { id: userId } });
    return user;
  }
  // An instance without an admin who can sign in can only be repaired from the CLI, so nothing
  // else may get it there. Like "first account", only admins with a password count: the
  // passwordless local user of a personal install cannot sign in. Two admins removing each other at
  // the same instant could still both pass the check.
  async function canSignIn(user: User): Promise<boolean> {
    return user.role === 'admin' && !user.disabled && (await store.users.passwordHash(user.id)) !== null;
  }
  async function keepAnActiveAdmin(user: User): Promise<void> {
    if (!(await canSignIn(user))) return;
    for (const other of await store.users.list()) {
      if (other.id !== user.id && (await canSignIn(other))) return;
    }
    throw new StarlingError(
      'last_admin',
      `"${user.name}" is the last active admin; make another user admin first`,
      { details: { id: user.id } },
    );
  }
  /** Throws 'current_password_invalid' unless `password` is the user's; same time either way. */
  async function checkCurrentPassword(user: User, password: string): Promise<void> {
    const wrong = new StarlingError('current_password_invalid', 'the current password is wrong');
    if (password.length > PASSWORD_MAX_LENGTH * 4) throw wrong;
    const stored = await store.users.passwordHash(user.id);
    decoyHash ??= hashPassword(randomSecret(), scryptCost);
    const matches = await verifyPasswordHash(password, stored ?? (await decoyHash));
    if (stored === null || !matches) throw wrong;
  }
  async function deleteUser(userId: string): Promise<void> {
    const user = await existingUser(userId);
    // ensureLocal would only make a new, empty one; the personal install's owner is kept.
    if (user.local) {
      throw new StarlingError(
        'local_user_protected',
        `"${user.name}" is the local user of this install and cannot be deleted`,
        { details: { id: user.id } },
      );
    }
    await keepAnActiveAdmin(user);
    await store.users.delete(user.id);
  }
  async function setPassword(userId: string, password: string): Promise<void> {
    checkPassword(password);
    await store.users.setPasswordHash(userId, await hashPassword(password, scryptCost));
    // Whoever knew the old password may hold a session; none survives the change.
    await store.authSessions.deleteForUser(userId);
  }
  return {
    async signUp(input) {
      checkUserName(input.name);
      checkPassword(input.password);
      const first = await isFirstAccount();
      if (!first && !(await isSignupOpen())) {
        throw new StarlingError(
          'signup_closed',
          'sign-up is closed on this instance; ask an admin for an account',
        );
      }
      return createUser({ ...input, role: first ? 'admin' : 'user' });
    },
    createUser,
    async verifyPassword(name, password) {
      const invalid = new StarlingError('invalid_credentials', 'wrong user name or password');
      // Far longer than any valid password: refuse before spending scrypt time on it.
      if (password.length > PASSWORD_MAX_LENGTH * 4) throw invalid;
      const user = await store.users.findByName(name);
      const stored = user === null ? null : await store.users.passwordHash(user.id);
      decoyHash ??= hashPassword(randomSecret(), scryptCost);
      const matches = await verifyPasswordHash(password, stored ?? (await decoyHash));
      if (user === null || stored === null || !matches) throw invalid;
      // Only someone who knows the password learns that the account is disabled.
      if (user.disabled) throw new StarlingError('user_disabled', `user "${user.name}" is disabled`);
      return user;
    },
    createSession: sessions.create,
    resolveSession: sessions.resolve,
    endSession: sessions.end,
    createApiKey: apiKeys.create,
    resolveApiKey: apiKeys.resolve,
    listApiKeys: (userId) => store.apiKeys.list(userId),
    revokeApiKey: apiKeys.revoke,
    listUsers: () => store.users.list(),
    async setDisabled(userId, disabled) {
      if (disabled) await keepAnActiveAdmin(await existingUser(userId));
      await store.users.setDisabled(userId, disabled);
      if (disabled) await store.authSessions.deleteForUser(userId);
    },
    async setRole(userId, role) {
      const user = await existingUser(userId);
      if (role !== 'admin') await keepAnActiveAdmin(user);
      await store.users.setRole(userId, role);
      return { ...user, role };
    },
    async changePassword(userId, { currentPassword, newPassword }) {
      const user = await requireActiveUser(store, userId);
      await checkCurrentPassword(user, currentPassword);
      await setPassword(user.id, newPassword);
    },
    async resetPassword(userId, password) {
      await setPassword((await existingUser(userId)).id, password);
    },
    async setMinor(userId, minor) {
      const user = await existingUser(userId);
      await store.users.setMinor(user.id, minor);
      return { ...user, minor };
    },
    deleteUser,
    async deleteOwnAccount(userId, password) {
      const user = await requireActiveUser(store, userId);
      await checkCurrentPassword(user, password);
      await deleteUser(user.id);
    },
    needsSetup: isFirstAccount,
    isSignupOpen,
    async setSignupOpen(open) {
      await store.settings.set(SIGNUP_OPEN_SETTING, open);
    },
  };
}
