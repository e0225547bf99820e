// `starling eval memory --embedder` and `config.embedder` with the tiny random-weights GGUF as the
// embedding model. Its vectors are noise, so only the plumbing, the report's shape and the unchanged
// BM25 figures are checked: quality cannot be measured without real embedding weights.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStarling } from '../src/index.js';
import {
  evaluateConversations,
  evaluateConversationsWithEmbedder,
  readLocomoFile,
} from '../src/memory/index.js';
import { loadLlamaEmbedder } from '../src/models/index.js';
import type { Embedder } from '../src/spec/embedder.js';
import { emptyCard } from '../src/spec/index.js';
import { runCli } from './support/run-cli.js';

const modelPath = inject('tinyModelPath');
const LOCOMO = path.resolve(import.meta.dirname, '../../shared/corpora/memory/locomo/conversations/26.json');

const conversation = {
  speaker_a: 'Ana',
  speaker_b: 'Ben',
  session_1: [
    { speaker: 'Ana', dia_id: 'D1:1', text: 'I adopted a cat called Miso' },
    { speaker: 'Ben', dia_id: 'D1:2', text: 'What a lovely name for a cat' },
    { speaker: 'Ana', dia_id: 'D1:3', text: 'We went hiking near the lake on Sunday' },
  ],
  session_1_date_time: '1:56 pm on 8 May, 2023',
  qa: [
    { question: 'What is the cat called?', answer: 'Miso', evidence: ['D1:1'], category: 4 },
    { question: 'Where did Ana go hiking?', answer: 'the lake', evidence: ['D1:3'], category: 4 },
  ],
};

describe('memory eval with an embedder (tiny GGUF)', () => {
  let folder: string;
  let embedder: Embedder;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'starling-eval-embed-'));
    embedder = await loadLlamaEmbedder({ modelPath, threads: 1, contextSize: 256 });
  });
  afterAll(async () => {
    await embedder.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('reports BM25 as before and hybrid figures beside it', async () => {
    const conversations = existsSync(LOCOMO) ? readLocomoFile(LOCOMO) : [];
    const file = path.join(folder, 'small.json');
    await writeFile(file, JSON.stringify(conversation));
    conversations.push(...readLocomoFile(file));
    const plain = evaluateConversations(conversations, { k: 10 });
    const report = await evaluateConversationsWithEmbedder(conversations, { k: 10, embedder });
    expect(report.recallAtK).toBe(plain.recallAtK);
    expect(report.baseline).toEqual(plain.baseline);
    expect(report.hybrid.questions).toBe(plain.questions);
    expect(report.hybrid.embedder.id).toBe(embedder.id);
    expect(report.hybrid.recallAtK).toBeGreaterThanOrEqual(0);
    expect(report.hybrid.recallAtK).toBeLessThanOrEqual(1);
    expect(Object.keys(report.hybrid.byCategory)).toEqual(Object.keys(plain.byCategory));
    expect(report.hybrid.msPerQuery).toBeGreaterThan(0);
    expect(report.hybrid.embedMsPerMemory).toBeGreaterThan(0);
  });

  it('takes --embedder <gguf> on the command line', async () => {
    const file = path.join(folder, 'cli.json');
    await writeFile(file, JSON.stringify(conversation));
    const env = { STARLING_HOME: path.join(folder, 'home') };
    const json = await runCli(['eval', 'memory', file, '--embedder', modelPath, '--json'], env, {
      timeoutMs: 120_000,
    });
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as { recallAtK: number; hybrid: { questions: number } };
    expect(report.recallAtK).toBe(1);
    expect(report.hybrid.questions).toBe(2);
    const text = await runCli(['eval', 'memory', file, '--embedder', modelPath], env, { timeoutMs: 120_000 });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('hybrid: BM25 fused (RRF)');
    const missing = await runCli(['eval', 'memory', file, '--embedder', 'no-such-model'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('model_not_found');
  });
});

describe('memory eval answering with a chat model (tiny GGUF)', () => {
  it('takes --model <gguf> and reports answer accuracy beside recall', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'starling-eval-answer-'));
    try {
      const file = path.join(folder, 'answers.json');
      await writeFile(file, JSON.stringify(conversation));
      const env = { STARLING_HOME: path.join(folder, 'home') };
      const args = ['eval', 'memory', file, '--model', modelPath, '--answer-limit', '1'];
      const json = await runCli([...args, '--json'], env, { timeoutMs: 180_000 });
      expect(json.code, json.stderr).toBe(0);
      const report = JSON.parse(json.stdout) as {
        recallAtK: number;
        answers: { model: string; questions: number; meanF1: number; msPerAnswer: number };
      };
      expect(report.recallAtK).toBe(1);
      expect(report.answers.questions).toBe(1);
      expect(report.answers.meanF1).toBeGreaterThanOrEqual(0);
      expect(report.answers.meanF1).toBeLessThanOrEqual(1);
      expect(report.answers.msPerAnswer).toBeGreaterThan(0);
      const text = await runCli(args, env, { timeoutMs: 180_000 });
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toContain('token F1 (answerable)');
      const bad = await runCli([...args.slice(0, -1), '0'], env);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/^error: \S+: .*--answer-limit/m);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('config.embedder naming a GGUF', () => {
  it('embeds turn memories in the background and recalls through the fused path', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'starling-embed-home-'));
    const starling = await createStarling({ home, env: {}, config: { embedder: modelPath } });
    try {
      const owner = starling.user.id;
      const character = await starling.store.characters.create(owner, emptyCard('Lin'));
      const { session } = await starling.chat.startSession(owner, character);
      const stored = await starling.store.messages.append(
        session.id,
        [
          { id: 'u1', parentId: session.headId, role: 'user', content: 'My kitten is called Miso.' },
          { id: 'a1', parentId: 'u1', role: 'assistant', content: 'What a sweet name.' },
        ],
        { head: 'last' },
      );
      await starling.store.jobs.enqueue({
        kind: 'memory.turn',
        payload: {
          ownerId: owner,
          characterId: character.id,
          sessionId: session.id,
          messageIds: ['u1', 'a1'],
        },
        idempotencyKey: 'test:gguf',
      });
      await starling.memories.idle();
      const vectors = await starling.store.embeddings.list({
        ownerId: owner,
        characterId: character.id,
        embedderId: `llama:${path.basename(modelPath)}:${(await stat(modelPath)).size}`,
      });
      expect(vectors.map((vector) => vector.memoryId).sort()).toEqual(['a1', 'u1']);
      const recalled = await starling.memories.recall(owner, character.id, 'What is my kitten called?');
      expect(recalled.map((memory) => memory.id)).toContain(stored[0]!.id);
      expect(starling.memoryStatus().embedder).toBe(modelPath);
    } finally {
      await starling.close();
      await rm(home, { recursive: true, force: true });
    }
  });
});
