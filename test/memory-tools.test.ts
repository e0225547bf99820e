// Memory tools through full turns: Starling over a local fake OpenAI-compatible backend that
// streams scripted tool calls. The model remembers, a later session recalls, another person's memory
// cannot be forgotten, malformed calls write nothing, the loop stops after its rounds, and only the
// final text reaches the user.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startFakeOpenAIServer,
  type FakeChatRequest,
  type FakeOpenAIServer,
  type FakeScriptedReply,
} from '../bench/support/fake-openai-server.js';
import type { Starling } from '../src/engine/index.js';
import { emptyCard } from '../src/spec/index.js';
import { createStarlingOnFakeBackend } from './support/fake-backend-starling.js';
import { createTempHome } from './support/temp-home.js';

type Message = { role: string; content?: string; tool_call_id?: string; tool_calls?: unknown[] };

describe('memory tools in turns', () => {
  let backend: FakeOpenAIServer;
  let starling: Starling;
  let cleanup: () => Promise<void>;
  let characterId: string;
  let replies: FakeScriptedReply[];

  beforeEach(async () => {
    replies = [];
    backend = await startFakeOpenAIServer({ script: () => replies.shift() ?? null });
    const temp = await createTempHome();
    cleanup = temp.cleanup;
    starling = await createStarlingOnFakeBackend(temp.home, backend.baseUrl, {
      memoryTools: true,
      maxReplyTokens: 64,
    });
    const character = await starling.store.characters.create(starling.user.id, {
      ...emptyCard('Lin'),
      firstMessage: 'Welcome to the tea house.',
    });
    characterId = character.id;
  });
  afterEach(async () => {
    await starling.memories.idle();
    await starling.close();
    await backend.close();
    await cleanup();
  });

  async function turn(text: string, options: { memoryTools?: boolean } = {}) {
    const character = await starling.character(characterId);
    const { session } = await starling.chat.startSession(starling.user.id, character);
    const deltas: { delta: string; requests: number }[] = [];
    const result = await starling.chat.send(text, {
      ownerId: starling.user.id,
      sessionId: session.id,
      ...options,
      onEvent: (event) => {
        if (event.type === 'text-delta')
          deltas.push({ delta: event.delta, requests: backend.bodies().length });
      },
    });
    const reply = await starling.store.messages.get(result.messageId);
    return { result, reply, deltas, sessionId: session.id };
  }

  const toolMessages = (body: FakeChatRequest | undefined): Message[] =>
    ((body?.['messages'] ?? []) as Message[]).filter((message) => message.role === 'tool');
  const toolResult = (body: FakeChatRequest | undefined, index = 0): unknown =>
    JSON.parse(toolMessages(body)[index]?.content ?? 'null');
  const facts = () =>
    starling.store.memories.list({
      ownerId: starling.user.id,
      characterId,
      kinds: ['fact'],
      includeDeleted: true,
    });

  it('remembers in one session and recalls in a new one; only the final text is streamed', async () => {
    replies.push(
      {
        toolCalls: [
          {
            id: 'call_r',
            name: 'remember',
            arguments: '{"text":"The user has a cat named Miso.","subject":"user.pet"}',
          },
        ],
      },
      { text: 'Miso is a lovely name!' },
    );
    const first = await turn('My cat is called Miso.');
    expect(first.result.text).toBe('Miso is a lovely name!');
    expect(first.reply?.content).toBe('Miso is a lovely name!');
    // Every delta reached the user after the tool round's request and the follow-up request were made.
    expect(first.deltas.length).toBeGreaterThan(0);
    expect(first.deltas.every((delta) => delta.requests === 2)).toBe(true);
    expect(first.deltas.map((delta) => delta.delta).join('')).toBe('Miso is a lovely name!');

    const [fact] = await facts();
    expect(fact).toMatchObject({ text: 'The user has a cat named Miso.', subject: 'user.pet' });
    expect(fact?.citedMessageIds).toEqual([first.result.userMessageId]);
    expect(await starling.store.messages.get(first.result.userMessageId ?? '')).toMatchObject({
      role: 'user',
    });
    expect(first.reply?.meta['tools']).toEqual([
      {
        round: 0,
        name: 'remember',
        ok: true,
        summary: { action: 'added', memoryId: fact?.id, replaced: [] },
      },
    ]);

    const [offered, followUp] = backend.bodies();
    expect(
      (offered?.['tools'] as { function: { name: string } }[]).map((tool) => tool.function.name),
    ).toEqual(['remember', 'recall', 'forget']);
    expect(offered?.['tool_choice']).toBe('auto');
    const assistant = (followUp?.['messages'] as Message[]).find(
      (message) => message.tool_calls !== undefined,
    );
    expect(assistant?.tool_calls).toEqual([
      {
        id: 'call_r',
        type: 'function',
        function: {
          name: 'remember',
          arguments: '{"text":"The user has a cat named Miso.","subject":"user.pet"}',
        },
      },
    ]);
    expect(toolMessages(followUp)[0]?.tool_call_id).toBe('call_r');
    expect(toolResult(followUp)).toMatchObject({ status: 'remembered (added)', id: fact?.id });

    await starling.memories.idle();
    replies.push(
      { toolCalls: [{ name: 'recall', arguments: '{"query":"cat name","k":3}' }] },
      { text: 'Of course, Miso!' },
    );
    const second = await turn('Do you remember my pet?');
    expect(second.result.text).toBe('Of course, Miso!');
    const recalled = toolResult(backend.bodies()[3]) as { memories: { id: string; quote: string }[] };
    expect(recalled.memories.map((memory) => memory.quote)).toContain('The user has a cat named Miso.');
    expect(recalled.memories.some((memory) => memory.id === fact?.id)).toBe(true);
  });

  it("refuses to forget another person's memory and changes nothing", async () => {
    const mallory = await starling.store.users.create({ name: 'mallory', role: 'user', passwordHash: null });
    const [theirs] = await starling.store.memories.add([
      {
        ownerId: mallory.id,
        characterId,
        kind: 'fact',
        text: 'Mallory hides the key under the pot.',
        timestamp: 1,
      },
    ]);
    const before = await starling.store.memories.export(mallory.id);
    replies.push(
      { toolCalls: [{ name: 'forget', arguments: JSON.stringify({ memoryId: theirs?.id }) }] },
      { text: 'I cannot find that.' },
    );
    const { reply } = await turn('Forget what Mallory told you.');
    expect(await starling.store.memories.export(mallory.id)).toEqual(before);
    expect(toolResult(backend.bodies()[1])).toEqual({
      error: { code: 'tool_refused', message: `no memory with id ${theirs?.id}` },
    });
    expect(reply?.meta['tools']).toEqual([{ round: 0, name: 'forget', ok: false, error: 'tool_refused' }]);
    expect(reply?.content).toBe('I cannot find that.');
  });

  it('answers malformed calls with error results and writes nothing', async () => {
    replies.push(
      {
        toolCalls: [
          { name: 'remember', arguments: '{"text": "The user likes' },
          { name: 'remember', arguments: '{"text": 42}' },
          { name: 'remember', arguments: JSON.stringify({ text: 'a'.repeat(301) }) },
          { name: 'remember', arguments: JSON.stringify({ text: 'b'.repeat(5000) }) },
          { name: 'remember', arguments: '{"text":"The user likes tea.","owner":"someone-else"}' },
          { name: 'drop_tables', arguments: '{}' },
        ],
      },
      { text: 'Sorry, I could not note that.' },
    );
    const { reply } = await turn('I like tea.');
    expect(await facts()).toEqual([]);
    const followUp = backend.bodies()[1];
    const codes = toolMessages(followUp).map(
      (message) => (JSON.parse(message.content ?? '{}') as { error: { code: string } }).error.code,
    );
    expect(codes).toEqual([
      'tool_input_not_json',
      'tool_input_invalid',
      'tool_input_invalid',
      'tool_input_too_large',
      'tool_input_invalid',
      'tool_unknown',
    ]);
    expect(reply?.content).toBe('Sorry, I could not note that.');
    expect((reply?.meta['tools'] as { ok: boolean }[]).every((call) => !call.ok)).toBe(true);
  });

  it('stops after three tool rounds: the last call offers no tool choice and its calls are not run', async () => {
    backend.setBehavior({
      script: (body) => ({
        text: body['tool_choice'] === 'none' ? 'Enough looking.' : '',
        toolCalls: [{ name: 'recall', arguments: '{"query":"anything"}' }],
      }),
    });
    const { result, reply } = await turn('What do you know about me?');
    const bodies = backend.bodies();
    expect(bodies).toHaveLength(4);
    expect(bodies.map((body) => body['tool_choice'])).toEqual(['auto', 'auto', 'auto', 'none']);
    expect(result.text).toBe('Enough looking.');
    const calls = reply?.meta['tools'] as { round: number; ok: boolean; error?: string }[];
    expect(calls.map((call) => [call.round, call.ok, call.error ?? null])).toEqual([
      [0, true, null],
      [1, true, null],
      [2, true, null],
      [3, false, 'skipped'],
    ]);
  });

  it('limits memory writes per turn', async () => {
    replies.push(
      {
        toolCalls: ['tea', 'cats', 'rain', 'jazz'].map((thing) => ({
          name: 'remember',
          arguments: JSON.stringify({ text: `The user likes ${thing}.`, subject: `user.likes.${thing}` }),
        })),
      },
      { text: 'Noted.' },
    );
    const { reply } = await turn('I like tea, cats, rain and jazz.');
    expect(await facts()).toHaveLength(3);
    const calls = reply?.meta['tools'] as { ok: boolean; error?: string }[];
    expect(calls.map((call) => call.error ?? 'ok')).toEqual(['ok', 'ok', 'ok', 'tool_limit_reached']);
  });

  it('works in OpenAI-style turns stored in a session, and offers nothing to stateless ones', async () => {
    const character = await starling.character(characterId);
    replies.push(
      {
        toolCalls: [
          { name: 'remember', arguments: '{"text":"The user plays the cello.","subject":"user.instrument"}' },
        ],
      },
      { text: 'A cellist!' },
    );
    const stored = await starling.chat.external({
      ownerId: starling.user.id,
      character,
      messages: [{ role: 'user', content: 'I play the cello.' }],
      sessionKey: 'k1',
    });
    expect(stored.text).toBe('A cellist!');
    const [fact] = await facts();
    expect(fact?.citedMessageIds).toEqual([stored.userMessageId]);
    expect(await starling.store.messages.get(stored.userMessageId ?? '')).toMatchObject({ role: 'user' });
    expect((await starling.store.messages.get(stored.messageId))?.meta['tools']).toHaveLength(1);
    const stateless = await starling.chat.external({
      ownerId: starling.user.id,
      character,
      messages: [{ role: 'user', content: 'Hello.' }],
    });
    expect(stateless.sessionId).toBeNull();
    expect(backend.bodies().at(-1)?.['tools']).toBeUndefined();
  });

  it('offers no tools when the turn turns them off', async () => {
    const { result, reply } = await turn('Hello there.', { memoryTools: false });
    expect(backend.bodies()[0]?.['tools']).toBeUndefined();
    expect(result.text).not.toBe('');
    expect(reply?.meta['tools']).toBeUndefined();
  });
});
