/**
 * Vitest globalSetup for the `model` project: writes the random-weights tiny GGUF once per run into
 * a temp folder, provides its path as `tinyModelPath` (also `STARLING_TEST_MODEL`), removes it after.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { writeTinyModel } from '../../scripts/tiny-model/write-tiny-model.js';

declare module 'vitest' {
  export interface ProvidedContext {
    tinyModelPath: string;
  }
}

/** Writes the tiny model and returns the teardown that deletes it. */
export default async function setup({ provide }: Pick<TestProject, 'provide'>): Promise<() => Promise<void>> {
  const directory = await mkdtemp(join(tmpdir(), 'starling-tiny-model-'));
  const { path } = await writeTinyModel(join(directory, 'tiny.gguf'), { context: 8192 });
  provide('tinyModelPath', path);
  process.env['STARLING_TEST_MODEL'] = path;
  return async () => {
    await rm(directory, { recursive: true, force: true });
  };
}
