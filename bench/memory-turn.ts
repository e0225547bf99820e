/**
 * The latency memory adds to a chat turn, with 10,000 stored memories for one (user, character): the
 * same prompt is assembled (`chat.dryRun`, everything a turn does before the model) by a Starling
 * with memory on and one with memory off over the same store; the difference is recall (index
 * catch-up, BM25 search, the store check of the hits), the relationship read and the memory block.
 * The first recall builds the index from the store and is reported separately.
 * Run: node --import tsx bench/memory-turn.ts   (MEMORIES=10000 TURNS=500)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStarling } from '../src/index.js';
import type { MemoryDraft } from '../src/spec/memory-store.js';
import { emptyCard } from '../src/spec/index.js';
import type { TokenCounter } from '../src/spec/tokens.js';
import { ms, quantile } from './support/stats.js';

const MEMORIES = Number(process.env.MEMORIES ?? 10_000);
const TURNS = Number(process.env.TURNS ?? 500);
const TOPICS = ['tea', 'harbour', 'sister', 'lisbon', 'exam', 'garden', 'violin', 'rain', 'market', 'cat'];
const FILLER = [
  'the',
  'i',
  'you',
  'we',
  'really',
  'think',
  'went',
  'today',
  'maybe',
  'again',
  'with',
  'about',
];
const counter: TokenCounter = {
  kind: 'estimate',
  messageOverhead: 3,
  count: (text) => Math.ceil(text.length / 4),
};

function sentence(index: number): string {
  const words: string[] = [];
  for (let position = 0; position < 14; position++) {
    const pick = (index * 7919 + position * 104_729) % 997;
    words.push(
      pick % 3 === 0
        ? `${TOPICS[pick % TOPICS.length]}${pick % 40}`
        : (FILLER[pick % FILLER.length] ?? 'the'),
    );
  }
  return words.join(' ');
}

const home = await mkdtemp(path.join(tmpdir(), 'starling-bench-'));
try {
  const withMemory = await createStarling({ home, env: {} });
  const owner = withMemory.user.id;
  const character = await withMemory.store.characters.create(owner, {
    ...emptyCard('Lin'),
    description: 'A tea keeper.',
  });
  const { session } = await withMemory.chat.startSession(owner, character);
  const start = Date.UTC(2024, 0, 1);
  const drafts: MemoryDraft[] = Array.from({ length: MEMORIES }, (_, index) => ({
    ownerId: owner,
    characterId: character.id,
    sessionId: session.id,
    kind: 'turn',
    text: sentence(index),
    speaker: index % 2 === 0 ? 'User' : 'Lin',
    timestamp: start + index * 60_000,
  }));
  await withMemory.store.memories.add(drafts);
  const withoutMemory = await createStarling({ home, env: {}, config: { memory: false } });

  const input = (text: string) => ({
    ownerId: owner,
    character,
    sessionId: session.id,
    text,
    counter,
    contextSize: 8192,
  });
  const coldStart = performance.now();
  await withMemory.chat.dryRun(input('warm up'));
  const cold = performance.now() - coldStart;

  const timings = { on: [] as number[], off: [] as number[] };
  for (let turn = 0; turn < TURNS; turn++) {
    const text = `do you remember ${sentence(turn * 13 + 5)
      .split(' ')
      .slice(0, 6)
      .join(' ')}?`;
    for (const [key, starling] of [
      ['on', withMemory],
      ['off', withoutMemory],
    ] as const) {
      const begin = performance.now();
      await starling.chat.dryRun(input(text));
      timings[key].push(performance.now() - begin);
    }
  }
  const added = timings.on.map((value, index) => value - (timings.off[index] ?? 0));
  console.log(`memory on a chat turn: ${MEMORIES} memories for the pair, ${TURNS} turns`);
  console.log(`  first turn (index built from the store): ${ms(cold)}`);
  console.log(
    `  prompt with memory    median ${ms(quantile(timings.on, 0.5))}  p99 ${ms(quantile(timings.on, 0.99))}`,
  );
  console.log(
    `  prompt without memory median ${ms(quantile(timings.off, 0.5))}  p99 ${ms(quantile(timings.off, 0.99))}`,
  );
  console.log(`  added by memory       median ${ms(quantile(added, 0.5))}  p99 ${ms(quantile(added, 0.99))}`);
  await withoutMemory.close();
  await withMemory.close();
} finally {
  await rm(home, { recursive: true, force: true });
}
