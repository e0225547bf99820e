/** Helpers shared by the CLI commands. */
import { createStarling, type Starling } from '../../engine/index.js';

/** Opens Starling for the duration of `run` and always closes it. */
export async function withStarling<T>(run: (starling: Starling) => Promise<T>): Promise<T> {
  const starling = await createStarling();
  try {
    return await run(starling);
  } finally {
    await starling.close();
  }
}
