import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CharacterCard } from '../spec/character.js';
import { emptyCard } from '../spec/defaults.js';
import type { ChatModelHandle } from '../spec/model.js';
import type { CharacterRecord, Store } from '../spec/store.js';
import { openStore } from '../store/index.js';
import { configSchema } from './home.js';
import { externalSessionTitle, runExternalTurn, type ExternalTurnDependencies } from './external-turn.js';

/** A scripted model: records each prompt, streams `reply` word by word, or fails before any text. */
function scriptedModel(reply: string, options: { fail?: boolean } = {}) {
  const calls: LanguageModelV3CallOptions[] = [];
  const model: LanguageModelV3 = {
    specificationVersion: 'v3',
    provider: 'test',
    modelId: 'scripted',
    supportedUrls: {},
    doGenerate: () => Promise.reject(new Error('not used')),
    doStream: async (call) => {
      calls.push(call);
      if (options.fail) throw new Error('backend down');
      const words = reply.split(/(?<= )/);
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        start(controller) {
          for (const word of words) controller.enqueue({ type: 'text-delta', id: 't', delta: word });
          controller.enqueue({
            type: 'finish',
            finishReason: { unified: 'stop', raw: 'stop' },
            usage: {
              inputTokens: { total: 42, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
              outputTokens: { total: words.length, text: undefined, reasoning: undefined },
            },
          });
          controller.close();
        },
      });
      return { stream };
    },
  };
  const handle: ChatModelHandle = {
    name: 'scripted',
    model,
    tokenCounter: { count: (text) => Math.ceil(text.length / 4), messageOverhead: 4, kind: 'estimate' },
    contextSize: 4096,
    dispose: async () => undefined,
  };
  return { handle, calls };
}

function card(overrides: Partial<CharacterCard> = {}): CharacterCard {
  return {
    ...emptyCard('Lin'),
    description: 'A tea keeper in the West Market.',
    personality: 'calm',
    firstMessage: 'Welcome!',
    postHistoryInstructions: 'Stay in character.',
    ...overrides,
  };
}

function promptText(call: LanguageModelV3CallOptions | undefined): string {
  return JSON.stringify(call?.prompt ?? []);
}

describe('runExternalTurn', () => {
  let home: string;
  let store: Store;
  let character: CharacterRecord;
  let ownerId: string;

  beforeEach(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'starling-external-'));
    store = openStore(home);
    ownerId = (await store.users.ensureLocal()).id;
    character = await store.characters.create(ownerId, card());
  });

  afterEach(async () => {
    await store.close();
    await rm(home, { recursive: true, force: true });
  });

  function dependencies(handle: ChatModelHandle): ExternalTurnDependencies {
    return { store, config: configSchema.parse({}), getModel: async () => handle };
  }

  it('keeps the character definition and adds leading system messages after the history', async () => {
    const { handle, calls } = scriptedModel('Hello traveller.');
    const deltas: string[] = [];
    const result = await runExternalTurn(dependencies(handle), {
      ownerId,
      character,
      messages: [
        { role: 'system', content: 'Answer in one sentence.' },
        { role: 'user', content: 'Hi Lin' },
      ],
      onDelta: (delta) => deltas.push(delta),
    });
    expect(result).toMatchObject({ sessionId: null, text: 'Hello traveller.', promptTokens: 42 });
    expect(deltas.join('')).toBe('Hello traveller.');
    const prompt = calls[0]?.prompt ?? [];
    const first = JSON.stringify(prompt[0]);
    expect(first).toContain('A tea keeper in the West Market.');
    expect(first).not.toContain('Answer in one sentence.');
    const last = JSON.stringify(prompt.at(-1));
    expect(last).toContain('Stay in character.');
    expect(last).toContain('Answer in one sentence.');
    expect(promptText(calls[0])).toContain('Hi Lin');
  });

  it('stores the user message and the reply in a keyed session, reusing it on the next call', async () => {
    const { handle } = scriptedModel('Tea?');
    const first = await runExternalTurn(dependencies(handle), {
      ownerId,
      character,
      sessionKey: 'player-1',
      messages: [{ role: 'user', content: 'One' }],
    });
    const second = await runExternalTurn(dependencies(handle), {
      ownerId,
      character,
      sessionKey: 'player-1',
      messages: [
        { role: 'user', content: 'One' },
        { role: 'assistant', content: 'Tea?' },
        { role: 'user', content: 'Two' },
      ],
    });
    expect(second.sessionId).toBe(first.sessionId);
    const session = await store.sessions.get(first.sessionId ?? '');
    expect(session?.title).toBe(externalSessionTitle('player-1'));
    const path = await store.messages.path(session?.headId ?? '');
    expect(path.map((message) => [message.role, message.content])).toEqual([
      ['user', 'One'],
      ['assistant', 'Tea?'],
      ['user', 'Two'],
      ['assistant', 'Tea?'],
    ]);
  });

  it('keeps the user message when the model fails before any text', async () => {
    const { handle } = scriptedModel('', { fail: true });
    const { session } = await store.sessions.create({
      ownerId,
      characterId: character.id,
      characterVersion: 1,
      roots: [],
    });
    await expect(
      runExternalTurn(dependencies(handle), {
        ownerId,
        character,
        sessionId: session.id,
        messages: [{ role: 'user', content: 'Are you there?' }],
      }),
    ).rejects.toMatchObject({ code: 'model_failed' });
    const tree = await store.messages.tree(session.id);
    expect(tree.map((message) => [message.role, message.content])).toEqual([['user', 'Are you there?']]);
  });

  it("refuses another user's session and a conversation without turns", async () => {
    const { handle } = scriptedModel('x');
    const { session } = await store.sessions.create({
      ownerId,
      characterId: character.id,
      characterVersion: 1,
      roots: [],
    });
    await expect(
      runExternalTurn(dependencies(handle), {
        ownerId: 'someone-else',
        character,
        sessionId: session.id,
        messages: [{ role: 'user', content: 'hi' }],
      }),
    ).rejects.toMatchObject({ code: 'session_not_found' });
    await expect(
      runExternalTurn(dependencies(handle), {
        ownerId,
        character,
        messages: [{ role: 'system', content: 'only instructions' }],
      }),
    ).rejects.toMatchObject({ code: 'messages_invalid' });
  });
});
