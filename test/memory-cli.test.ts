// `starling memory list|show|edit|forget|export` against a home with one remembered turn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStarling } from '../src/index.js';
import { emptyCard } from '../src/spec/index.js';
import { runCli } from './support/run-cli.js';
import { createTempHome } from './support/temp-home.js';

describe('starling memory', () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let memoryId = '';

  beforeAll(async () => {
    const temp = await createTempHome();
    cleanup = temp.cleanup;
    env = { STARLING_HOME: temp.home, STARLING_MODEL: '' };
    const starling = await createStarling({ home: temp.home, env: {} });
    const character = await starling.store.characters.create(starling.user.id, emptyCard('Lin'));
    const { session } = await starling.chat.startSession(starling.user.id, character);
    const [added] = await starling.store.memories.add([
      {
        ownerId: starling.user.id,
        characterId: character.id,
        sessionId: session.id,
        kind: 'fact',
        text: 'Prefers green tea',
        timestamp: Date.UTC(2025, 0, 2),
      },
    ]);
    memoryId = added!.id;
    await starling.close();
  });
  afterAll(async () => cleanup());

  it('lists, shows, edits, exports and forgets', async () => {
    const list = await runCli(['memory', 'list', '--character', 'Lin', '--json'], env);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject([{ id: memoryId, text: 'Prefers green tea' }]);
    const show = await runCli(['memory', 'show', memoryId], env);
    expect(show.stdout).toContain('text: Prefers green tea');
    const edit = await runCli(['memory', 'edit', memoryId, 'Prefers oolong', '--json'], env);
    expect(JSON.parse(edit.stdout)).toMatchObject({ text: 'Prefers oolong' });
    const exported = await runCli(['memory', 'export'], env);
    expect(JSON.parse(exported.stdout)).toMatchObject({
      format: 'starling-memory-export',
      memories: [{ id: memoryId, text: 'Prefers oolong' }],
    });
    const forget = await runCli(['memory', 'forget', memoryId], env);
    expect(forget.stdout).toContain('forgot 1 memory');
    const again = await runCli(['memory', 'show', memoryId], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('error: memory_not_found');
    const search = await runCli(['memory', 'list', '--search', 'oolong'], env);
    expect(search.stdout).toContain('nothing remembered yet');
  });
});
