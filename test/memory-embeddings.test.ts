// Hybrid memory recall through the engine, without a chat model: the `memory.embed` job stores
// vectors from a configured embedder (a local OpenAI-compatible `/embeddings` server, or one passed
// in), recall fuses them with BM25, forgetting removes the vector, and a slow or broken embedder
// leaves recall to BM25 without failing anything.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStarling, type Starling } from '../src/index.js';
import type { Embedder } from '../src/spec/embedder.js';
import { emptyCard } from '../src/spec/index.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from './support/run-cli.js';
import { createTempHome } from './support/temp-home.js';

/** A toy "semantic" embedder: one dimension per concept, so paraphrases share a direction. */
const CONCEPTS = [
  ['cat', 'kitten', 'pet', 'pets', 'dog', 'puppy', 'animal'],
  ['tea', 'jasmine', 'oolong', 'drink', 'coffee'],
  ['lisbon', 'moved', 'city', 'live', 'lives', 'living', 'travel'],
];
function toyVector(text: string): number[] {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  return [...CONCEPTS.map((group) => words.filter((word) => group.includes(word)).length), 0.01];
}
const toyEmbedder = (overrides: Partial<Embedder> = {}): Embedder => ({
  id: 'toy',
  name: 'toy',
  embed: async (texts) => texts.map((text) => Float32Array.from(toyVector(text))),
  dispose: async () => undefined,
  ...overrides,
});

let server: http.Server;
let baseUrl = '';
let embedCalls = 0;
beforeAll(async () => {
  server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      embedCalls += 1;
      const { input } = JSON.parse(raw) as { input: string[] };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ data: input.map((text, index) => ({ index, embedding: toyVector(text) })) }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('hybrid memory recall in the engine', () => {
  const opened: Starling[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const starling of opened.splice(0)) await starling.close();
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function open(
    options: { home?: string; embedder?: Embedder; config?: Record<string, unknown> } = {},
  ) {
    let home = options.home;
    if (home === undefined) {
      const temp = await createTempHome();
      cleanups.push(temp.cleanup);
      home = temp.home;
    }
    const starling = await createStarling({
      home,
      env: {},
      ...(options.embedder ? { embedder: options.embedder } : {}),
      config: options.config ?? {},
    });
    opened.push(starling);
    return { starling, home };
  }

  /** Stores one exchange in a new session and runs the memory jobs it queues. */
  async function chat(starling: Starling, characterId: string, text: string, reply: string) {
    const character = await starling.character(characterId);
    const { session } = await starling.chat.startSession(starling.user.id, character);
    const stored = await starling.store.messages.append(
      session.id,
      [
        { id: `${session.id}-u`, parentId: session.headId, role: 'user', content: text },
        { id: `${session.id}-a`, parentId: `${session.id}-u`, role: 'assistant', content: reply },
      ],
      { head: 'last' },
    );
    await starling.store.jobs.enqueue({
      kind: 'memory.turn',
      payload: {
        ownerId: starling.user.id,
        characterId,
        sessionId: session.id,
        messageIds: stored.map((message) => message.id),
      },
      idempotencyKey: `test:${session.id}`,
    });
    await starling.memories.idle();
    return stored;
  }

  async function seed(starling: Starling) {
    const character = await starling.store.characters.create(starling.user.id, emptyCard('Lin'));
    const [kitten] = await chat(starling, character.id, 'I adopted a kitten called Miso.', 'Adorable!');
    await chat(starling, character.id, 'My sister moved to Lisbon.', 'Exciting news.');
    return { character, kittenId: kitten!.id };
  }

  it('recalls a memory only the vectors find, through a configured /embeddings endpoint', async () => {
    const { starling, home } = await open();
    await starling.store.models.upsert({
      name: 'embed',
      provider: 'custom',
      model: 'toy',
      baseUrl,
      apiKeyEnv: null,
      contextSize: null,
      options: {},
    });
    // Without an embedder, no word of the question is in the memory: BM25 recalls nothing of it.
    const { character, kittenId } = await seed(starling);
    const question = 'Do I have any pets?';
    const plain = await starling.memories.recall(starling.user.id, character.id, question);
    expect(plain.map((memory) => memory.id)).not.toContain(kittenId);
    await starling.close();
    opened.length = 0;

    const { starling: hybrid } = await open({ home, config: { embedder: 'embed' } });
    expect(hybrid.memoryStatus().embedder).toBe('embed');
    // The next turn's embed job also embeds the history from before the embedder was set.
    await chat(hybrid, character.id, 'What should we drink?', 'Jasmine tea, of course.');
    const embedded = await hybrid.store.embeddings.list({
      ownerId: hybrid.user.id,
      characterId: character.id,
      embedderId: `openai-compatible:${baseUrl}/embeddings:toy`,
    });
    expect(embedded).toHaveLength(6);
    expect(embedCalls).toBeGreaterThan(0);
    const recalled = await hybrid.memories.recall(hybrid.user.id, character.id, question, 3);
    expect(recalled[0]?.id).toBe(kittenId);
    expect(hybrid.memoryStatus().recentErrors).toEqual([]);
  });

  it('keeps a memory in vector recall when only its importance is edited', async () => {
    const { starling } = await open({ embedder: toyEmbedder() });
    const { character, kittenId } = await seed(starling);
    const recallFirst = async () =>
      (await starling.memories.recall(starling.user.id, character.id, 'my pets?'))[0]?.id;
    expect(await recallFirst()).toBe(kittenId);
    await starling.memories.edit(starling.user.id, kittenId, { importance: 0.9 });
    // The stored vector stays (same text) and so does the one the warm process holds.
    expect(await recallFirst()).toBe(kittenId);
  });

  it('forgetting a memory removes its vector and it is never recalled again', async () => {
    const { starling } = await open({ embedder: toyEmbedder() });
    const { character, kittenId } = await seed(starling);
    const space = { ownerId: starling.user.id, characterId: character.id, embedderId: 'toy' };
    expect((await starling.store.embeddings.list(space)).map((row) => row.memoryId)).toContain(kittenId);
    expect((await starling.memories.recall(starling.user.id, character.id, 'my pets?'))[0]?.id).toBe(
      kittenId,
    );

    await starling.memories.forget(starling.user.id, [kittenId]);
    expect((await starling.store.embeddings.list(space)).map((row) => row.memoryId)).not.toContain(kittenId);
    const after = await starling.memories.recall(starling.user.id, character.id, 'my pets?');
    expect(after.map((memory) => memory.id)).not.toContain(kittenId);

    // An edited memory loses its old vector; the next embed job embeds the new text.
    const [sister] = (await starling.memories.list(starling.user.id, { characterId: character.id })).filter(
      (memory) => memory.text.includes('Lisbon'),
    );
    await starling.memories.edit(starling.user.id, sister!.id, { text: 'My sister has a puppy now.' });
    expect((await starling.store.embeddings.list(space)).map((row) => row.memoryId)).not.toContain(
      sister!.id,
    );
    await chat(starling, character.id, 'Hello again.', 'Hi!');
    expect((await starling.store.embeddings.list(space)).map((row) => row.memoryId)).toContain(sister!.id);
    expect((await starling.memories.recall(starling.user.id, character.id, 'any pets?'))[0]?.id).toBe(
      sister!.id,
    );
  });

  it('a hanging or failing embedder leaves recall to BM25 and memories to the turn job', async () => {
    // Never answers, but gives up when cancelled (as both real embedders do), so close() returns.
    const hanging = toyEmbedder({
      embed: (texts, options) =>
        new Promise<Float32Array[]>((resolve, reject) =>
          options?.signal?.addEventListener('abort', () => reject(new Error('cancelled'))),
        ),
    });
    const { starling } = await open({ embedder: hanging });
    const character = await starling.store.characters.create(starling.user.id, emptyCard('Lin'));
    const owner = starling.user.id;
    // The embed job never finishes here, so the turn job is run without waiting for idle().
    const sessionStarted = await starling.chat.startSession(owner, await starling.character(character.id));
    await starling.store.messages.append(
      sessionStarted.session.id,
      [
        {
          id: 'u1',
          parentId: sessionStarted.session.headId,
          role: 'user',
          content: 'My kitten is called Miso.',
        },
      ],
      { head: 'last' },
    );
    await starling.store.jobs.enqueue({
      kind: 'memory.turn',
      payload: {
        ownerId: owner,
        characterId: character.id,
        sessionId: sessionStarted.session.id,
        messageIds: ['u1'],
      },
      idempotencyKey: 'test:hang',
    });
    await waitFor(async () => (await starling.store.memories.get('u1')) !== null, starling);
    const started = performance.now();
    const recalled = await starling.memories.recall(owner, character.id, 'What is my kitten called?');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(recalled.map((memory) => memory.id)).toEqual(['u1']);
    expect(
      starling
        .memoryStatus()
        .recentErrors.some((error) => (error as { code?: string }).code === 'embedder_timeout'),
    ).toBe(true);

    const failing = toyEmbedder({ embed: () => Promise.reject(new Error('embedding server down')) });
    const second = await open({ embedder: failing });
    const other = await second.starling.store.characters.create(second.starling.user.id, emptyCard('Ada'));
    const [message] = await chat(second.starling, other.id, 'My kitten is called Miso.', 'Cute.');
    const memories = await second.starling.memories.list(second.starling.user.id, { characterId: other.id });
    expect(memories).toHaveLength(2);
    const hits = await second.starling.memories.recall(second.starling.user.id, other.id, 'kitten called?');
    expect(hits[0]?.id).toBe(message!.id);
    const errors = second.starling.memoryStatus().recentErrors.map((error) => String(error));
    expect(errors.some((error) => error.includes('embedding server down'))).toBe(true);
  });
});

describe('starling models add --embedder', () => {
  it('stores the endpoint with its dimensions and names it the embedder in config.json', async () => {
    const { home, cleanup } = await createTempHome();
    try {
      const env = { STARLING_HOME: home };
      const args = ['models', 'add', 'embed', '--provider', 'openai', '--model', 'text-embedding-3-small'];
      const added = await runCli([...args, '--dimensions', '512', '--embedder'], env);
      expect(added.code, added.stderr).toBe(0);
      expect(added.stderr).toContain('added model embed (embedder)');
      const config = JSON.parse(await readFile(path.join(home, 'config.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(config['embedder']).toBe('embed');
      const starling = await createStarling({ home, env: {} });
      try {
        expect((await starling.store.models.get('embed'))?.options).toEqual({ dimensions: 512 });
        expect(starling.memoryStatus().embedder).toBe('embed');
      } finally {
        await starling.close();
      }
    } finally {
      await cleanup();
    }
  });
});

/** Polls until `ready`: the worker finds jobs nobody poked it about on its own (every 2 s). */
async function waitFor(ready: () => Promise<boolean>, starling: Starling): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`not ready after 5 s (${starling.home})`);
}
