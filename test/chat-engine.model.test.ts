// End to end through the real engine: import a card, chat on the generated tiny GGUF with the real
// llama.cpp, and check what the store holds afterwards.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStarling, type Starling } from '../src/index.js';
import { createTempHome, EXAMPLE_CARD } from './support/temp-home.js';

describe('chat engine on the tiny model', () => {
  let starling: Starling;
  let cleanup: () => Promise<void>;
  let characterId: string;

  beforeAll(async () => {
    const temp = await createTempHome();
    cleanup = temp.cleanup;
    starling = await createStarling({
      home: temp.home,
      env: { STARLING_MODEL: inject('tinyModelPath') },
      config: { maxReplyTokens: 8 },
    });
    const { imported, failed } = await starling.importFiles([
      { name: 'lin.json', bytes: new Uint8Array(await readFile(EXAMPLE_CARD)) },
    ]);
    expect(failed).toEqual([]);
    characterId = imported[0]!.id;
  });

  afterAll(async () => {
    await starling.close();
    await cleanup();
  });

  async function newSession() {
    const character = await starling.character(characterId);
    return starling.chat.startSession(starling.user.id, character);
  }

  it('stores the greeting, the user message and the streamed reply', async () => {
    const { session, messages: roots } = await newSession();
    expect(roots.map((root) => root.content)).toEqual([
      expect.stringContaining('Welcome, User!'),
      expect.stringContaining('Oh, User.'),
    ]);
    const deltas: string[] = [];
    const result = await starling.chat.send('Tell me about the West Market.', {
      ownerId: starling.user.id,
      sessionId: session.id,
      onEvent: (event) => event.type === 'text-delta' && deltas.push(event.delta),
    });
    expect(result.text).toBe(deltas.join(''));
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(result.usage.inputTokens).toBeGreaterThan(100);

    const stored = await starling.store.sessions.get(session.id);
    expect(stored?.headId).toBe(result.messageId);
    const path = await starling.store.messages.path(result.messageId);
    expect(path.map((message) => message.role)).toEqual(['assistant', 'user', 'assistant']);
    expect(path[1]?.content).toBe('Tell me about the West Market.');
    expect(path[2]).toMatchObject({ content: result.text, status: 'complete' });
    // The lorebook entry keyed "West Market" fired for this turn.
    expect(path[2]?.meta.lore).toContain('card:1');
  });

  it('keeps the partial reply, marked incomplete, when the turn is aborted', async () => {
    const { session } = await newSession();
    const controller = new AbortController();
    const result = await starling.chat.send('Hello there', {
      ownerId: starling.user.id,
      sessionId: session.id,
      maxOutputTokens: 64,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'text-delta') controller.abort();
      },
    });
    expect(result.finishReason).toBe('abort');
    const reply = await starling.store.messages.get(result.messageId);
    expect(reply).toMatchObject({ status: 'incomplete', content: result.text });
    expect(result.text.length).toBeGreaterThan(0);
  });

  it('regenerates into swipes, switches between them, branches and deletes', async () => {
    const { session } = await newSession();
    const owner = starling.user.id;
    const first = await starling.chat.send('What tea do you have?', {
      ownerId: owner,
      sessionId: session.id,
    });
    const second = await starling.chat.regenerate({ ownerId: owner, sessionId: session.id });
    expect(second.messageId).not.toBe(first.messageId);
    expect(second.userMessageId).toBeNull();

    const swipes = await starling.chat.swipes(owner, session.id, second.messageId);
    expect(swipes.map((swipe) => swipe.id)).toEqual([first.messageId, second.messageId]);
    expect((await starling.store.sessions.get(session.id))?.headId).toBe(second.messageId);

    await starling.chat.selectSwipe(owner, session.id, first.messageId);
    expect((await starling.store.sessions.get(session.id))?.headId).toBe(first.messageId);

    await starling.chat.editMessage(owner, session.id, first.messageId, 'Guzhu tea, of course.');
    expect((await starling.store.messages.get(first.messageId))?.content).toBe('Guzhu tea, of course.');

    // Branch from the greeting: the next message starts a second branch beside the first user message.
    const [greeting] = await starling.store.messages.roots(session.id);
    await starling.chat.branch(owner, session.id, greeting!.id);
    const branched = await starling.chat.send('Is it raining?', { ownerId: owner, sessionId: session.id });
    const children = await starling.store.messages.children(greeting!.id);
    expect(children).toHaveLength(2);
    expect(children[1]?.id).toBe(branched.userMessageId);

    const removed = await starling.chat.deleteMessage(owner, session.id, children[0]!.id);
    expect(removed).toBe(3); // the first user message and its two swipes
    expect(await starling.store.messages.get(first.messageId)).toBeNull();
    expect((await starling.store.sessions.get(session.id))?.headId).toBe(branched.messageId);
  });
});
