// A newcomer's first run without any model: Starling says exactly what to do instead of failing obscurely.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { createTempHome, EXAMPLE_CARD } from './support/temp-home.js';

describe('first run without a model', () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const temp = await createTempHome();
    cleanup = temp.cleanup;
    env = { STARLING_HOME: temp.home, STARLING_MODEL: '' };
    expect((await runCli(['import', EXAMPLE_CARD], env)).code).toBe(0);
  });

  afterAll(() => cleanup());

  it('tells how to pull the default model or point to an endpoint', async () => {
    const result = await runCli(['chat', 'Lin', '--message', 'hi'], env);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: model_not_downloaded: .*starling models pull qwen2\.5-1\.5b-instruct/);
    expect(lines[0]).toMatch(/models add/);
    // Nothing was half-created: no session exists.
    const sessions = await runCli(['sessions', 'list', '--json'], env);
    expect(JSON.parse(sessions.stdout)).toEqual([]);
  });

  it('still shows the prompt, with estimated token counts', async () => {
    const result = await runCli(['prompt', 'Lin', '--message', 'What about the curfew?', '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/estimates/);
    const prompt = JSON.parse(result.stdout) as { tokens: { counter: string }; lore: { name: string }[] };
    expect(prompt.tokens.counter).toBe('estimate');
    expect(prompt.lore.map((entry) => entry.name)).toContain('Curfew');
  });
});
