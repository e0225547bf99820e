/**
 * Deleting a user from the server: the accounts service checks and deletes (one store transaction),
 * then the user's running turns are stopped and the engine forgets what it cached for them.
 */
import type { Context } from 'hono';
import type { AppEnv } from './env.js';

/** Runs `remove` (which checks policy and deletes), then clears the user's in-process state. */
export async function deleteUserEverywhere(
  c: Context<AppEnv>,
  userId: string,
  remove: () => Promise<void>,
): Promise<void> {
  const { starling } = c.get('deps');
  // Read first: afterwards the characters are gone, and other people's indexes on them with them.
  const characters = await starling.store.characters.list({ ownerId: userId });
  await remove();
  c.get('turns').abortOwner(userId);
  starling.forgetUser(
    userId,
    characters.map((character) => character.id),
  );
}
