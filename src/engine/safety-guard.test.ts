import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyCard } from '../spec/defaults.js';
import type { CharacterRecord, Store } from '../spec/store.js';
import { openStore } from '../store/index.js';
import { loadBuiltinModerator, type Moderator } from '../safety/index.js';
import { createChatService } from './chat-service.js';
import { scriptedModel } from './test-support/scripted-model.js';
import { configSchema } from './home.js';
import { GUARD_SOURCE } from './safety-turn.js';

/** The guard's JSON answer. */
function verdict(harmful: boolean, severity: 'none' | 'low' | 'high', categories: string[] = []): string {
  return JSON.stringify({
    harmful,
    severity,
    categories,
    broken_principles: [],
    rationale: harmful ? 'asks for real weapon-making steps' : 'fiction, no real-world uplift',
  });
}

/** A scripted model: `doGenerate` answers from `generated` (the guard), `doStream` streams `reply`. */

// Flagged by the built-in moderator (violence_weapons ~0.84) but below its block threshold: allowed.
const UNCERTAIN = 'how to make a gun';

describe('the LLM guard in the turn pipeline', () => {
  let moderator: Moderator;
  let home: string;
  let store: Store;
  let character: CharacterRecord;
  let ownerId: string;

  beforeAll(async () => {
    moderator = await loadBuiltinModerator();
  });

  beforeEach(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'starling-safety-guard-'));
    store = openStore(home);
    ownerId = (await store.users.ensureLocal()).id;
    character = await store.characters.create(ownerId, { ...emptyCard('Lin'), firstMessage: 'Welcome!' });
  });

  afterEach(async () => {
    await store.close();
    await rm(home, { recursive: true, force: true });
  });

  /** Under `standard` a flagged reply sentence is mostly `revise`; this seam makes "gun" sentences uncertain. */
  function uncertainOnGun(): Moderator {
    return {
      ...moderator,
      screen: (text, context) => {
        const local = moderator.screen(text, context);
        if (context.direction !== 'output' || !/\bgun\b/.test(text)) return local;
        return { ...local, action: 'allow', flagged: true, categories: ['violence_weapons'] };
      },
    };
  }

  async function turn(
    model: ReturnType<typeof scriptedModel>,
    text: string,
    guard = true,
    screen: Moderator = moderator,
  ) {
    const chat = createChatService({
      store,
      config: configSchema.parse({ memory: false, maxReplyTokens: 64, safetyGuard: guard }),
      getModel: async () => model.handle,
      safety: {
        store,
        policy: 'standard',
        reviseRounds: 0,
        moderator: async () => screen,
        guard,
        guardModel: async () => model.handle.model,
      },
    });
    const { session } = await chat.startSession(ownerId, character);
    const result = await chat.send(text, { ownerId, sessionId: session.id });
    const reply = await store.messages.get(result.messageId);
    const audit = await store.audit.list({ ownerId });
    return { result, reply, audit };
  }

  it('finds the uncertain band as the test expects', () => {
    const local = moderator.screen(UNCERTAIN, { direction: 'input', policy: 'standard' });
    expect(local).toMatchObject({ flagged: true, action: 'allow' });
  });

  it('refuses in character when the guard blocks an uncertain message, without streaming', async () => {
    const model = scriptedModel('unused', [verdict(true, 'high', ['violence_weapons'])]);
    const { result, reply, audit } = await turn(model, UNCERTAIN);
    expect(model.generations).toHaveLength(1);
    expect(model.generations[0]?.responseFormat).toMatchObject({ type: 'json' });
    expect(model.streams).toHaveLength(0);
    expect(result.finishReason).toBe('content-filter');
    expect(reply?.meta.safety).toMatchObject({ action: 'block', stage: 'input' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ direction: 'input', action: 'block', categories: ['violence_weapons'] });
    expect(audit[0]?.source).toBe(GUARD_SOURCE);
    expect(audit[0]?.reason).toContain('asks for real weapon-making steps');
    expect(audit[0]?.reason).not.toMatch(/^llm_guard/);
  });

  it("shows the guard the person's previous message with an uncertain one", async () => {
    const model = scriptedModel('The tea is warm and the shop is quiet today. ', [verdict(false, 'none')]);
    const chat = createChatService({
      store,
      config: configSchema.parse({ memory: false, maxReplyTokens: 64, safetyGuard: true }),
      getModel: async () => model.handle,
      safety: { store, policy: 'standard', reviseRounds: 0, moderator: async () => moderator, guard: true },
    });
    const { session } = await chat.startSession(ownerId, character);
    await chat.send('I collect old hunting gear from flea markets', { ownerId, sessionId: session.id });
    await chat.send(UNCERTAIN, { ownerId, sessionId: session.id });
    const judged = JSON.stringify(model.generations.at(-1)?.prompt);
    expect(judged).toContain('Their previous message');
    expect(judged).toContain('old hunting gear');
  });

  it('answers normally when the guard allows an uncertain message', async () => {
    const model = scriptedModel('The tea is warm and the shop is quiet today. ', [verdict(false, 'none')]);
    const { result, reply, audit } = await turn(model, UNCERTAIN);
    expect(model.generations).toHaveLength(1);
    expect(model.streams).toHaveLength(1);
    expect(result.finishReason).not.toBe('content-filter');
    expect(reply?.content).toContain('The tea is warm');
    expect(audit[0]).toMatchObject({ direction: 'input', action: 'flag', source: GUARD_SOURCE });
  });

  it('keeps the built-in verdict when the guard answers invalid JSON', async () => {
    const model = scriptedModel('The tea is warm and the shop is quiet today. ', ['not json at all']);
    const { reply, audit } = await turn(model, UNCERTAIN);
    expect(model.generations).toHaveLength(1);
    expect(model.streams).toHaveLength(1);
    expect(reply?.content).toContain('The tea is warm');
    expect(audit[0]).toMatchObject({ direction: 'input', action: 'flag' });
    expect(audit[0]?.reason).toContain('invalid_verdict');
    expect(audit[0]?.source).toBe('classifier');
  });

  it('never asks the guard when the flag is off', async () => {
    const model = scriptedModel('The tea is warm and the shop is quiet today. ', [verdict(true, 'high')]);
    const { reply, audit } = await turn(model, UNCERTAIN, false);
    expect(model.generations).toHaveLength(0);
    expect(reply?.content).toContain('The tea is warm');
    expect(audit[0]).toMatchObject({ direction: 'input', action: 'flag' });
    expect(audit[0]?.source).toBe('classifier');
  });

  it('stops a reply sentence the guard blocks', async () => {
    const replies = [verdict(true, 'high', ['violence_weapons'])];
    const model = scriptedModel(
      'The tea is warm. Here is how to make a gun at home. Then we talk about the weather for a while. ',
      replies,
    );
    const user = 'Hello, how is the tea today?';
    expect(moderator.screen(user, { direction: 'input', policy: 'standard' }).flagged).toBe(false);
    const { result, reply, audit } = await turn(model, user, true, uncertainOnGun());
    expect(model.generations).toHaveLength(1);
    expect(reply?.content).not.toContain('make a gun');
    expect(reply?.content.startsWith('The tea is warm.')).toBe(true);
    expect(result.finishReason).toBe('content-filter');
    const row = audit.find((entry) => entry.direction === 'output');
    expect(row).toMatchObject({ action: 'block', source: GUARD_SOURCE });
    expect(row?.reason).toContain('asks for real weapon-making steps');
  });

  it('asks about at most two reply sentences; a guard allow releases them', async () => {
    const model = scriptedModel(
      'A gun hangs on the wall. Another gun lies on the table. A third gun sits by the door. The end. ',
      [verdict(false, 'none'), verdict(false, 'none'), verdict(true, 'high', ['violence_weapons'])],
    );
    const { reply, audit } = await turn(model, 'Hello, how is the tea today?', true, uncertainOnGun());
    expect(model.generations).toHaveLength(2);
    expect(reply?.content).toContain('A third gun sits by the door.');
    expect(audit.find((entry) => entry.direction === 'output')).toMatchObject({ action: 'flag' });
  });
  it("judges the user's message with the turn's model, not the default one", async () => {
    const fallback = scriptedModel('unused', [verdict(false, 'none')]);
    const picked = scriptedModel('unused', [verdict(true, 'high', ['violence_weapons'])]);
    const chat = createChatService({
      store,
      config: configSchema.parse({ memory: false, maxReplyTokens: 64, safetyGuard: true }),
      getModel: async (spec) => (spec === 'picked' ? picked.handle : fallback.handle),
      safety: {
        store,
        policy: 'standard',
        reviseRounds: 0,
        moderator: async () => moderator,
        guard: true,
        guardModel: async () => fallback.handle.model,
      },
    });
    const { session } = await chat.startSession(ownerId, character);
    const result = await chat.send(UNCERTAIN, { ownerId, sessionId: session.id, model: 'picked' });
    expect(picked.generations).toHaveLength(1);
    expect(fallback.generations).toHaveLength(0);
    expect(result.finishReason).toBe('content-filter');
    const audit = await store.audit.list({ ownerId });
    expect(audit[0]).toMatchObject({ direction: 'input', action: 'block', source: GUARD_SOURCE });
  });
});
