/** Looks up the user a credential is being issued to, refusing unknown and disabled ones. */
import { StarlingError } from '../spec/errors.js';
import type { Store, User } from '../spec/store.js';

/** The user with this id, or `user_not_found` / `user_disabled`. */
export async function requireActiveUser(store: Store, userId: string): Promise<User> {
  const user = await store.users.get(userId);
  if (user === null) {
    throw new StarlingError('user_not_found', `user ${userId} not found`, { details: { id: userId } });
  }
  if (user.disabled) throw new StarlingError('user_disabled', `user "${user.name}" is disabled`);
  return user;
}
