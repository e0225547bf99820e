import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyCard } from '../spec/defaults.js';
import type { Store } from '../spec/store.js';
import { openSqliteStore } from '../store/index.js';
import { loadBuiltinModerator, type Moderator, type PolicyName } from '../safety/index.js';
import { createChatService } from './chat-service.js';
import { configSchema } from './home.js';

// Greetings written for this test: one harmless, one that hands out a weapon recipe, one that
// turns sexually explicit (allowed to be shown under `standard`, flagged; withheld under `teen`).
const WELCOME = 'Welcome to the tea house, traveller. Sit, the kettle is on.';
const RECIPE = 'Here is how to make a pipe bomb at home: fill a steel pipe with black powder and seal it.';
const EXPLICIT =
  '*She undresses slowly and pulls you into bed* Tonight I will make it explicit, every detail.';

describe('character greetings are screened before a chat starts', () => {
  let moderator: Moderator;
  let store: Store;
  let ownerId: string;

  beforeAll(async () => {
    moderator = await loadBuiltinModerator();
  });

  beforeEach(async () => {
    store = openSqliteStore({ path: ':memory:' });
    ownerId = (await store.users.ensureLocal()).id;
  });

  afterEach(async () => {
    await store.close();
  });

  async function start(policy: PolicyName | null) {
    const character = await store.characters.create(ownerId, {
      ...emptyCard('Lin'),
      firstMessage: WELCOME,
      alternateGreetings: [RECIPE, EXPLICIT],
    });
    const chat = createChatService({
      store,
      config: configSchema.parse({ memory: false }),
      getModel: async () => {
        throw new Error('starting a chat opens no model');
      },
      ...(policy === null
        ? {}
        : { safety: { store, policy, reviseRounds: 0, moderator: async () => moderator } }),
    });
    const { session, messages } = await chat.startSession(ownerId, character);
    return {
      session,
      greetings: messages.map((message) => message.content),
      indexes: messages.map((message) => message.meta.greeting),
      audits: await store.audit.list(),
    };
  }

  it('withholds a greeting the policy blocks and audits it; flagged ones stay, audited', async () => {
    const { session, greetings, indexes, audits } = await start('standard');
    expect(greetings).toEqual([WELCOME, EXPLICIT]);
    expect(indexes).toEqual([0, 2]); // the card's own numbering, so swipes name the right greeting
    const withheld = audits.find((row) => row.action === 'block');
    expect(withheld).toMatchObject({ direction: 'output', sessionId: session.id, messageId: null });
    expect(withheld?.categories).toContain('violence_weapons');
    expect(withheld?.reason).toMatch(/^greeting withheld/);
    const shown = audits.find((row) => row.action === 'flag');
    expect(shown?.categories).toContain('sexual');
    expect(shown?.messageId).toBeTruthy();
    expect(audits).toHaveLength(2);
  });

  it('withholds more under teen', async () => {
    const { greetings, audits } = await start('teen');
    expect(greetings).toEqual([WELCOME]);
    expect(audits.filter((row) => row.action === 'block')).toHaveLength(2);
  });

  it('shows every greeting when no safety is configured (library use)', async () => {
    const { greetings, audits } = await start(null);
    expect(greetings).toEqual([WELCOME, RECIPE, EXPLICIT]);
    expect(audits).toHaveLength(0);
  });
});
