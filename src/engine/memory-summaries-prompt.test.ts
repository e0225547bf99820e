// Summaries through the turn pipeline: history leaves the window, the turn job queues chunk
// summaries, roll-ups land, and later prompts carry them after the character part, unchanged from
// turn to turn until the next roll-up.
import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyCard } from '../spec/defaults.js';
import type { CharacterRecord, Store } from '../spec/store.js';
import { openSqliteStore } from '../store/index.js';
import { createChatService } from './chat-service.js';
import { configSchema } from './home.js';
import { createJobWorker, type JobHandler, type JobWorker } from './job-worker.js';
import { createMemorySpaces } from './memory-spaces.js';
import { createSummaryReader } from './memory-summary-reader.js';
import { createSummaryJobHandler, SUMMARY_JOB } from './memory-summaries.js';
import { createTurnJobHandler, createTurnMemory, FACTS_JOB, TURN_JOB } from './memory-turn.js';
import { scriptedModel } from './test-support/scripted-model.js';

describe('summaries in turns', () => {
  let store: Store;
  let worker: JobWorker;
  let character: CharacterRecord;
  let ownerId: string;
  let errors: unknown[];

  beforeEach(async () => {
    store = openSqliteStore({ path: ':memory:' });
    ownerId = (await store.users.ensureLocal()).id;
    character = await store.characters.create(ownerId, {
      ...emptyCard('Lin'),
      description: 'Lin keeps a tea house by the harbour.',
      firstMessage: 'Welcome to the tea house!',
    });
    errors = [];
  });
  afterEach(async () => {
    await worker.close();
    await store.close();
  });

  function setUp(extraction: boolean) {
    const scripted = scriptedModel('Of course, let us talk about tea.');
    let summaries = 0;
    const doGenerate = async (call: LanguageModelV3CallOptions) => {
      summaries += 1;
      const scope = call.responseFormat?.type === 'json' ? call.responseFormat.name : '';
      return {
        content: [
          { type: 'text' as const, text: JSON.stringify({ summary: `${scope} number ${summaries}` }) },
        ],
        finishReason: { unified: 'stop' as const, raw: 'stop' },
        usage: {
          inputTokens: { total: 10, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 10, text: undefined, reasoning: undefined },
        },
        warnings: [],
      };
    };
    const handle = { ...scripted.handle, model: { ...scripted.handle.model, doGenerate } };
    const spaces = createMemorySpaces(store);
    const handlers: Record<string, JobHandler> = {};
    worker = createJobWorker({
      store,
      handlers,
      baseDelayMs: 0,
      maxAttempts: 1,
      onError: (e) => errors.push(e),
    });
    const dependencies = {
      store,
      spaces,
      worker,
      userName: 'Sam',
      now: Date.now,
      extraction,
      onError: (error: unknown) => errors.push(error),
      summaries: createSummaryReader(store),
    };
    handlers[TURN_JOB] = createTurnJobHandler(dependencies);
    handlers[FACTS_JOB] = async () => undefined;
    handlers[SUMMARY_JOB] = createSummaryJobHandler({ ...dependencies, getModel: async () => handle });
    const chat = createChatService({
      store,
      config: configSchema.parse({ memoryExtraction: extraction, contextSize: 1000, replyReserve: 64 }),
      getModel: async () => handle,
      memory: createTurnMemory(dependencies),
    });
    return { chat, streams: scripted.streams };
  }

  async function talk(chat: ReturnType<typeof setUp>['chat'], turns: number) {
    const { session } = await chat.startSession(ownerId, character);
    await worker.start();
    for (let index = 0; index < turns; index++) {
      await chat.send(`Message ${index}: tell me about the tea and the boats in the harbour today.`, {
        ownerId,
        sessionId: session.id,
      });
      await worker.idle();
    }
    return session.id;
  }

  it('puts the summaries between the character and history, changing only when a roll-up lands', async () => {
    const { chat, streams } = setUp(true);
    await talk(chat, 45);
    expect(errors).toEqual([]);
    const records = (
      await store.memories.list({ ownerId, kinds: ['summary'], includeSuperseded: true })
    ).filter((record) => record.kind === 'summary');
    const subjects = records.map((record) => record.subject);
    expect(subjects.filter((subject) => subject === 'chunk').length).toBeGreaterThanOrEqual(2);
    const live = records.filter((record) => record.supersededBy === null);
    const session = live.find((record) => record.subject === 'session')!;
    const relationship = live.find((record) => record.subject === 'relationship')!;

    const last = streams.at(-1)!.prompt;
    const system = last[0]?.role === 'system' ? last[0].content : '';
    expect(system.indexOf('Lin keeps a tea house')).toBeLessThan(
      system.indexOf('Summaries of earlier conversations between Lin and User'),
    );
    expect(system).toContain(`- Their relationship so far: "${relationship.text}"`);
    expect(system).toContain(`- Earlier in this conversation: "${session.text}"`);
    expect(last[1]?.role).not.toBe('system');

    // The head of the prompt changes once per session roll-up (both summaries land in one job).
    const heads = streams.map((call) => (call.prompt[0]?.role === 'system' ? call.prompt[0].content : ''));
    const changes = heads.filter((head, index) => index > 0 && head !== heads[index - 1]).length;
    const rollups = subjects.filter((subject) => subject === 'session').length;
    expect(rollups).toBeGreaterThanOrEqual(2);
    expect(changes).toBe(rollups);
  });

  it('gives a stored OpenAI-style turn the relationship summary', async () => {
    const { chat, streams } = setUp(true);
    const sessionId = await talk(chat, 45);
    const live = (await store.memories.list({ ownerId, kinds: ['summary'], includeSuperseded: true })).filter(
      (record) => record.kind === 'summary' && record.supersededBy === null,
    );
    const relationship = live.find((record) => record.subject === 'relationship')!;
    await chat.external({
      ownerId,
      character,
      sessionId,
      messages: [{ role: 'user', content: 'And what about the boats tonight?' }],
    });
    const system = streams.at(-1)!.prompt[0];
    const text = system?.role === 'system' ? system.content : '';
    expect(text).toContain(`- Their relationship so far: "${relationship.text}"`);
    // The caller's messages carry no stored ids, so the session summary cannot be tied to them.
    expect(text).not.toContain('Earlier in this conversation');
  });

  it('writes no summaries with extraction off', async () => {
    const { chat, streams } = setUp(false);
    await talk(chat, 20);
    expect(await store.memories.list({ ownerId, kinds: ['summary'] })).toEqual([]);
    const system = streams.at(-1)!.prompt[0];
    expect(system?.role === 'system' ? system.content : '').not.toContain('Summaries of earlier');
  });
});
