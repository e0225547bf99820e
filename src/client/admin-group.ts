/** Admin-only user management and instance settings for the typed client, on the core transport. */
import type { ClientTransport } from './more-groups.js';
import type { UserAccount } from './types.js';

/** What an admin gives to create a user. */
export interface CreateUserInput {
  name: string;
  password: string;
  role?: 'admin' | 'user';
  /** A minor's chats run under the `teen` safety policy at least. */
  minor?: boolean;
}

const id = encodeURIComponent;

/** Users (list, create, role, disable, minor, password reset, delete) and sign-up settings. */
export function adminGroup({ json }: ClientTransport) {
  const user = (userId: string, action = '') => `/api/admin/users/${id(userId)}${action}`;
  return {
    users: {
      /** Every user, oldest first. */
      list: () => json<UserAccount[]>('/api/admin/users'),
      /** Creates a user with a password; refused with `user_exists` when the name is taken. */
      create: (input: CreateUserInput) =>
        json<UserAccount>('/api/admin/users', { method: 'POST', json: input }),
      /** Makes a user admin or not; the last active admin cannot be demoted (`last_admin`). */
      setRole: (userId: string, role: 'admin' | 'user') =>
        json<UserAccount>(user(userId, '/role'), { method: 'PUT', json: { role } }),
      /** Disables (signs out, stops keys) or enables a user; not oneself, not the last admin. */
      setDisabled: (userId: string, disabled: boolean) =>
        json<UserAccount>(user(userId, disabled ? '/disable' : '/enable'), { method: 'POST' }),
      /** Marks a user as a minor or not. */
      setMinor: (userId: string, minor: boolean) =>
        json<UserAccount>(user(userId, '/minor'), { method: 'PUT', json: { minor } }),
      /** Sets a new password without the old one; ends the user's browser sessions. */
      resetPassword: (userId: string, password: string) =>
        json<{ ok: true }>(user(userId, '/password'), { method: 'POST', json: { password } }),
      /**
       * Deletes a user and everything they own. Refused for oneself (`invalid_target`), the last
       * active admin (`last_admin`) and the local user (`local_user_protected`).
       */
      remove: (userId: string) => json<{ ok: true }>(user(userId), { method: 'DELETE' }),
    },
    settings: {
      get: () => json<{ signupOpen: boolean }>('/api/admin/settings'),
      /** Opens or closes public sign-up. */
      set: (settings: { signupOpen: boolean }) =>
        json<{ signupOpen: boolean }>('/api/admin/settings', { method: 'PUT', json: settings }),
    },
  };
}
