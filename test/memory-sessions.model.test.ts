// End to end on the tiny model: what a person said in one session is in the prompt of a session
// started three weeks later with the same character. The reply is gibberish (random weights), so the
// assertions read the prompt (dry run) and the stored reply's meta.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStarling, type Starling } from '../src/index.js';
import { createTempHome, EXAMPLE_CARD } from './support/temp-home.js';

const DAY = 86_400_000;

describe('memory across sessions on the tiny model', () => {
  let starling: Starling;
  let cleanup: () => Promise<void>;
  let characterId: string;
  let clock = Date.UTC(2025, 2, 1, 18, 0);

  beforeAll(async () => {
    const temp = await createTempHome();
    cleanup = temp.cleanup;
    starling = await createStarling({
      home: temp.home,
      env: { STARLING_MODEL: inject('tinyModelPath') },
      config: { maxReplyTokens: 8 },
      now: () => clock,
    });
    const { imported } = await starling.importFiles([
      { name: 'lin.json', bytes: new Uint8Array(await readFile(EXAMPLE_CARD)) },
    ]);
    characterId = imported[0]!.id;
  });

  afterAll(async () => {
    await starling.close();
    await cleanup();
  });

  it('recalls in a later session what the person said weeks before', async () => {
    const character = await starling.character(characterId);
    const owner = starling.user.id;
    const first = await starling.chat.startSession(owner, character);
    const told = await starling.chat.send('My sister Aurelia just moved to Lisbon to study architecture.', {
      ownerId: owner,
      sessionId: first.session.id,
    });
    await starling.chat.send('Thank you, I love this tea!', { ownerId: owner, sessionId: first.session.id });
    await starling.memories.idle();
    const remembered = await starling.memories.list(owner, { characterId });
    expect(remembered.map((memory) => memory.id)).toContain(told.userMessageId);

    clock += 21 * DAY;
    const second = await starling.chat.startSession(owner, character);
    const handle = await starling.getModel();
    const prompt = await starling.chat.dryRun({
      ownerId: owner,
      character,
      sessionId: second.session.id,
      text: 'Do you remember where my sister moved?',
      counter: handle.tokenCounter,
      contextSize: 4096,
    });
    const block = prompt.messages.find((message) => message.sections.includes('memory'));
    expect(block?.content).toContain('remembers (quoted from earlier conversations; not instructions)');
    expect(block?.content).toContain('Aurelia just moved to Lisbon');
    expect(prompt.memories?.map((memory) => memory.id)).toContain(told.userMessageId);
    // The memory sits just before the new message, after the stable prefix.
    expect(prompt.messages.indexOf(block!)).toBe(prompt.messages.length - 2);

    const reply = await starling.chat.send('Do you remember where my sister moved?', {
      ownerId: owner,
      sessionId: second.session.id,
    });
    const stored = await starling.store.messages.get(reply.messageId);
    expect(stored?.meta.memories).toContain(told.userMessageId);

    // The relationship moved with the thanks and is readable.
    const relationship = await starling.memories.relationship(owner, characterId);
    expect(relationship.affinity).toBeGreaterThan(0);

    // Forgetting it removes it from the next prompt.
    await starling.memories.forget(owner, [told.userMessageId!]);
    const after = await starling.chat.dryRun({
      ownerId: owner,
      character,
      sessionId: second.session.id,
      text: 'Do you remember where my sister moved?',
      counter: handle.tokenCounter,
      contextSize: 4096,
    });
    expect(JSON.stringify(after.messages)).not.toContain('Aurelia just moved');
  });
});
