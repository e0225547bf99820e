// The memory tools on the embedded provider: the tiny random-weights model behind a chat wrapper
// whose function-call prefix is what it says anyway, so node-llama-cpp parses real calls (names and
// parameters under the schema grammar). The reply loop runs `remember` through the registry into the
// store (added, then repeats merge), stops after its rounds, and ends in text.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMemorySpaces } from '../src/engine/memory-spaces.js';
import { generateReply } from '../src/engine/generate.js';
import { rememberTool } from '../src/engine/tools/memory-tools.js';
import { createToolRegistry } from '../src/engine/tools/tool-registry.js';
import { turnTools } from '../src/engine/tools/turn-tools.js';
import { triggerModel } from '../src/models/llama/test-support/trigger-model.js';
import type { ChatModelHandle } from '../src/spec/model.js';
import { seedCharacter } from '../src/store/contract-support.js';
import { openSqliteStore } from '../src/store/index.js';

let handle: ChatModelHandle;

beforeAll(async () => {
  handle = await triggerModel(inject('tinyModelPath'));
});
afterAll(async () => {
  await handle.dispose();
});

describe('memory tools on the embedded model', () => {
  it('remembers through a parsed function call, then answers in text after the last round', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    const { user, character } = await seedCharacter(store);
    const { session } = await store.sessions.create({
      ownerId: user.id,
      characterId: character.id,
      characterVersion: 1,
    });
    // Only `remember` is offered, so the call the model makes is one the test can check in the store.
    const registry = createToolRegistry([
      rememberTool({ store, spaces: createMemorySpaces(store), userName: 'Ada' }),
    ]);
    const tools = turnTools({
      registry,
      handle,
      enabled: true,
      context: {
        ownerId: user.id,
        characterId: character.id,
        sessionId: session.id,
        messageId: 'msg-1',
        now: 0,
      },
    });
    const deltas: string[] = [];
    const outcome = await generateReply({
      handle,
      messages: [
        { role: 'system', content: 'You are Lin.', sections: [] },
        { role: 'user', content: 'My cat is Miso.', sections: [] },
      ],
      maxOutputTokens: 200,
      sessionKey: session.id,
      temperature: 0,
      onDelta: (delta) => deltas.push(delta),
      tools,
    });
    expect(outcome.error).toBeNull();
    const calls = outcome.toolCalls ?? [];
    // The tiny model keeps calling: three rounds run, the fourth is offered no functions and ends in text.
    expect(calls.map((call) => call.round)).toEqual([0, 1, 2]);
    expect(calls.every((call) => call.name === 'remember')).toBe(true);
    expect(calls[0]).toMatchObject({ ok: true, summary: { action: 'added' } });
    expect(outcome.text.length).toBeGreaterThan(0);
    expect(deltas.join('')).toBe(outcome.text);
    const live = await store.memories.list({
      ownerId: user.id,
      characterId: character.id,
      kinds: ['fact'],
      includeSuperseded: false,
    });
    expect(live).toHaveLength(1);
    expect(live[0]?.citedMessageIds).toEqual(['msg-1']);
    await store.close();
  });
});
