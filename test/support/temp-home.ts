/** A fresh STARLING_HOME per test, removed afterwards. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Creates a temporary state folder and returns it with a cleanup function. */
export async function createTempHome(): Promise<{ home: string; cleanup: () => Promise<void> }> {
  const home = await mkdtemp(path.join(tmpdir(), 'starling-test-'));
  return { home, cleanup: () => rm(home, { recursive: true, force: true }) };
}

export const EXAMPLE_CARD = path.resolve(import.meta.dirname, '../../examples/lin-the-tea-keeper.json');
