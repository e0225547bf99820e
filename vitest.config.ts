// Two projects: fast unit tests in parallel, and model-backed tests (real llama.cpp on the generated
// tiny GGUF) in one fork, since a random-weights model is CPU-heavy and the machine has 2 cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.model.test.ts', 'node_modules/**'],
          pool: 'forks',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'model',
          include: ['src/**/*.model.test.ts', 'test/**/*.model.test.ts'],
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          globalSetup: ['test/support/tiny-model-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
