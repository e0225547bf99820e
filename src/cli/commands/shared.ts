/** Helpers shared by the CLI commands. */
import { createStarling, type Starling } from '../../engine/index.js';
import { StarlingError } from '../../spec/errors.js';
import type { Store, User } from '../../spec/store.js';

/** Opens Starling for the duration of `run` and always closes it; `userName` acts as that existing user. */
export async function withStarling<T>(
  run: (starling: Starling) => Promise<T>,
  options: { userName?: string } = {},
): Promise<T> {
  const starling = await createStarling({ userName: options.userName });
  try {
    return await run(starling);
  } finally {
    await starling.close();
  }
}

/** The user with this name (case-insensitive), or `user_not_found`. */
export async function requireUserByName(store: Store, name: string): Promise<User> {
  const user = await store.users.findByName(name);
  if (user === null)
    throw new StarlingError('user_not_found', `no user named "${name}"`, { details: { name } });
  return user;
}

/** Reads all of stdin as UTF-8 (for secrets passed with `--password-stdin`). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
