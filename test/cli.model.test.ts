// The CLI as a newcomer uses it: the built bin, a fresh STARLING_HOME, the tiny GGUF as the model.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { createTempHome, EXAMPLE_CARD } from './support/temp-home.js';

describe('starling CLI', () => {
  let env: Record<string, string>;
  let home: string;
  let cleanup: () => Promise<void>;
  let characterId: string;

  beforeAll(async () => {
    const temp = await createTempHome();
    home = temp.home;
    cleanup = temp.cleanup;
    env = { STARLING_HOME: home, STARLING_MODEL: inject('tinyModelPath') };
    const imported = await runCli(['import', EXAMPLE_CARD, '--json'], env);
    expect(imported.code, imported.stderr).toBe(0);
    const items = JSON.parse(imported.stdout) as {
      id: string;
      name: string;
      kind: string;
      warnings: unknown[];
    }[];
    expect(items).toEqual([
      { id: expect.any(String), name: 'Lin', kind: 'character', warnings: expect.any(Array) },
    ]);
    characterId = items[0]!.id;
  });

  afterAll(() => cleanup());

  it('lists and shows characters as JSON', async () => {
    const list = await runCli(['characters', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: characterId, name: 'Lin' })]);
    const show = await runCli(['characters', 'show', 'lin', '--json'], env);
    const card = JSON.parse(show.stdout) as {
      spec: string;
      data: { name: string; character_book: { entries: unknown[] } };
    };
    expect(card.spec).toBe('chara_card_v3');
    expect(card.data.name).toBe('Lin');
    expect(card.data.character_book.entries).toHaveLength(3);
  });

  it('prints the exact prompt with token counts and fired lore', async () => {
    const result = await runCli(
      ['prompt', 'Lin', '--message', 'Is the West Market open? 西市开门了吗？', '--json'],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    const prompt = JSON.parse(result.stdout) as {
      messages: { role: string; content: string }[];
      tokens: { total: number; budget: number; counter: string; bySection: Record<string, number> };
      lore: { id: string; name: string; reason: string }[];
    };
    expect(prompt.tokens.counter).toBe('exact');
    expect(prompt.tokens.budget).toBeGreaterThan(prompt.tokens.total);
    expect(prompt.messages[0]?.role).toBe('system');
    expect(prompt.messages[0]?.content).toContain('tea house');
    expect(prompt.messages.at(-1)?.content).toContain('西市开门了吗');
    expect(prompt.lore.map((entry) => entry.name)).toContain('West Market');
  });

  it('chats one turn and stores it', async () => {
    const chat = await runCli(
      ['chat', characterId, '--message', 'Hello!', '--max-tokens', '6', '--json'],
      env,
      {
        timeoutMs: 120_000,
      },
    );
    expect(chat.code, chat.stderr).toBe(0);
    const turn = JSON.parse(chat.stdout) as {
      sessionId: string;
      messageId: string;
      text: string;
      finishReason: string;
    };
    expect(turn.finishReason).toMatch(/stop|length/);
    const show = await runCli(['sessions', 'show', turn.sessionId, '--json'], env);
    const session = JSON.parse(show.stdout) as {
      characterId: string;
      messages: { id: string; role: string; content: string }[];
    };
    expect(session.characterId).toBe(characterId);
    expect(session.messages.map((message) => message.role)).toEqual([
      'assistant',
      'assistant',
      'user',
      'assistant',
    ]);
    expect(session.messages.find((message) => message.id === turn.messageId)?.content).toBe(turn.text);
  });

  it('runs the interactive chat: messages, regenerate, swipes, history', async () => {
    const input = ['Hello Lin', '/regen', '/swipes', '/swipe 1', '/history', '/quit'].join('\n') + '\n';
    const result = await runCli(['chat', 'Lin', '--max-tokens', '4'], env, { input, timeoutMs: 120_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Lin: *Lin looks up from the kettle');
    // Two swipes listed, the second (regenerated) one marked as shown; then swipe 1 is chosen.
    expect(result.stdout).toMatch(/^1 .*\n2\* /m);
    const history = result.stdout
      .split('\n')
      .filter((line) => /^\[[0-9a-f-]{36}\] (user|assistant):/.test(line));
    expect(history.map((line) => line.split(' ')[1])).toEqual(['assistant:', 'user:', 'assistant:']);
    expect(history[1]).toContain('Hello Lin');
  });

  it('exports in every format and re-imports the same card', async () => {
    for (const format of ['png', 'json', 'charx']) {
      const file = path.join(home, `lin.${format}`);
      const exported = await runCli(['characters', 'export', 'Lin', '--format', format, '-o', file], env);
      expect(exported.code, exported.stderr).toBe(0);
      expect((await readFile(file)).length).toBeGreaterThan(100);
      const again = await runCli(['import', file, '--json'], env);
      expect(JSON.parse(again.stdout)).toEqual([expect.objectContaining({ name: 'Lin', kind: 'character' })]);
    }
  });

  it('reports failures as one error line with a code', async () => {
    const missing = await runCli(['chat', 'Nobody', '--message', 'hi'], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim()).toMatch(/^error: character_not_found: .*Nobody/);
    const usage = await runCli(['prompt', 'Lin'], env);
    expect(usage.code).not.toBe(0);
    expect(usage.stderr.trim()).toMatch(/^error: usage: .*--message/);
    const badModel = await runCli(['chat', 'Lin', '--message', 'hi', '--model', '/nope/missing.gguf'], env);
    expect(badModel.stderr.trim()).toMatch(/^error: model_file_not_found: .*missing.gguf/);
  });
});
