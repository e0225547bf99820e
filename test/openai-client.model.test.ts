// The official `openai` package against a running Starling server on the generated tiny GGUF (real
// llama.cpp): list characters as models, chat streaming and not, with usage; the `user` field ties
// requests to one stored session.
import { readFile } from 'node:fs/promises';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccounts } from '../src/accounts/index.js';
import { createStarling, importFiles, type Starling } from '../src/engine/index.js';
import { defaultServerOptions, startServer, type RunningServer } from '../src/server/index.js';
import { createTempHome, EXAMPLE_CARD } from './support/temp-home.js';

describe('the openai client against a Starling server', () => {
  let starling: Starling;
  let server: RunningServer;
  let openai: OpenAI;
  let userId: string;
  let characterId: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const temp = await createTempHome();
    cleanup = temp.cleanup;
    starling = await createStarling({
      home: temp.home,
      env: { STARLING_MODEL: inject('tinyModelPath') },
      config: { maxReplyTokens: 8 },
    });
    const accounts = createAccounts(starling.store, { scryptCost: 1024 });
    const user = await accounts.signUp({ name: 'developer', password: 'correct horse battery staple' });
    userId = user.id;
    const { key } = await accounts.createApiKey(user.id, { name: 'openai-test' });
    const card = new Uint8Array(await readFile(EXAMPLE_CARD));
    const { imported } = await importFiles(starling.store, user.id, [{ name: 'lin.json', bytes: card }]);
    characterId = imported.find((item) => item.kind === 'character')?.id ?? '';
    server = await startServer({
      starling,
      accounts,
      log: () => undefined,
      options: defaultServerOptions({ port: 0 }),
    });
    openai = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: key, maxRetries: 0 });
  });

  afterAll(async () => {
    await server.close();
    await starling.close();
    await cleanup();
  });

  it('lists the characters as models', async () => {
    const page = await openai.models.list();
    expect(page.data).toEqual([
      expect.objectContaining({ id: characterId, object: 'model', owned_by: 'developer' }),
    ]);
  });

  it('answers without streaming, with usage', async () => {
    const completion = await openai.chat.completions.create({
      model: 'lin',
      messages: [{ role: 'user', content: 'Tell me about the West Market.' }],
      max_tokens: 6,
    });
    const choice = completion.choices[0];
    expect(choice?.message.role).toBe('assistant');
    expect(choice?.message.content?.length).toBeGreaterThan(0);
    expect(['stop', 'length']).toContain(choice?.finish_reason);
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(100);
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    expect(completion.usage?.total_tokens).toBe(
      (completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0),
    );
  });

  it('streams chunks ending with usage', async () => {
    const stream = await openai.chat.completions.create({
      model: characterId,
      messages: [
        { role: 'system', content: 'Answer briefly.' },
        { role: 'user', content: 'Hello!' },
      ],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks += 1;
      text += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(chunks).toBeGreaterThan(2);
    expect(text.length).toBeGreaterThan(0);
    expect(usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('ties two requests with the same `user` to one stored session', async () => {
    const first = await openai.chat.completions.create({
      model: 'lin',
      user: 'player-7',
      messages: [{ role: 'user', content: 'First question' }],
    });
    const reply = first.choices[0]?.message.content ?? '';
    await openai.chat.completions.create({
      model: 'lin',
      user: 'player-7',
      messages: [
        { role: 'user', content: 'First question' },
        { role: 'assistant', content: reply },
        { role: 'user', content: 'Second question' },
      ],
    });
    const sessions = await starling.store.sessions.list({ ownerId: userId, characterId });
    const tied = sessions.filter((session) => session.title === 'openai:player-7');
    expect(tied).toHaveLength(1);
    const path = await starling.store.messages.path(tied[0]?.headId ?? '');
    expect(path.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(path[0]?.content).toBe('First question');
    expect(path[2]?.content).toBe('Second question');
  });
});
