import { describe, expect, it } from 'vitest';
import { createMemoryIndex } from './memory-index.js';
import type { MemoryItem } from './types.js';
import { fuseRankings, hybridSearch } from './vector-fusion.js';
import { createVectorIndex } from './vector-index.js';

const DAY = 86_400_000;
const turn = (id: string, text: string, extra: Partial<MemoryItem> = {}): MemoryItem => ({
  id,
  kind: 'turn',
  text,
  speaker: 'Ana',
  timestamp: Date.UTC(2024, 0, 1),
  sessionId: 's1',
  citedMessageIds: [],
  ...extra,
});
const noPriors = { recencyWeight: 0, recencyHalfLifeMs: 30 * DAY, importanceWeight: 0 };

describe('hybrid search', () => {
  const items = [
    turn('m1', 'I adopted a cat called Miso last spring.'),
    turn('m2', 'Work has been busy with the quarterly report.'),
    turn('m3', 'I finally told my parents that I am transgender.'),
    turn('m4', 'We had pizza after the football game.'),
  ];
  // Toy vectors: m3 is about identity, and so is the question; no word of the question is in m3.
  const vectors: Record<string, number[]> = {
    m1: [1, 0, 0],
    m2: [0, 1, 0],
    m3: [0, 0, 1],
    m4: [0.7, 0.7, 0],
  };

  it('recalls a memory only the vector side finds, and keeps what BM25 finds', () => {
    const index = createMemoryIndex();
    index.add(items);
    const space = createVectorIndex(3);
    for (const item of items) space.add(item, Float32Array.from(vectors[item.id]!));
    const question = { text: 'What did Ana say about her gender identity and her cat?', k: 2 };
    expect(index.search(question).map((hit) => hit.item.id)).not.toContain('m3');
    const hits = hybridSearch(index, space, Float32Array.from([0.1, 0, 1]), question, noPriors);
    expect(hits.map((hit) => hit.item.id).sort()).toEqual(['m1', 'm3']);
  });

  it('applies importance and recency once, after fusing', () => {
    const old = turn('old', 'x', { timestamp: 0 });
    const recent = turn('new', 'y', { timestamp: 60 * DAY });
    const important = turn('big', 'z', { timestamp: 0, importance: 1 });
    const lexical = [
      { item: old, score: 3 },
      { item: recent, score: 2 },
      { item: important, score: 1 },
    ];
    const semantic = [
      { item: old, score: 0.9 },
      { item: recent, score: 0.8 },
      { item: important, score: 0.7 },
    ];
    const now = 60 * DAY;
    expect(fuseRankings(lexical, semantic, { k: 3, now }, noPriors).map((hit) => hit.item.id)).toEqual([
      'old',
      'new',
      'big',
    ]);
    const withRecency = { ...noPriors, recencyWeight: 1 };
    expect(fuseRankings(lexical, semantic, { k: 1, now }, withRecency)[0]!.item.id).toBe('new');
    const withImportance = { ...noPriors, importanceWeight: 1 };
    expect(fuseRankings(lexical, semantic, { k: 1, now }, withImportance)[0]!.item.id).toBe('big');
    expect(fuseRankings([], [], { k: 3, now }, noPriors)).toEqual([]);
  });

  it('asks BM25 for its ranking without the priors', () => {
    const index = createMemoryIndex({ importanceWeight: 5 });
    index.add([turn('plain', 'cat cat cat'), turn('fact', 'cat', { kind: 'fact', importance: 1 })]);
    expect(index.search({ text: 'cat', k: 1 })[0]!.item.id).toBe('fact');
    expect(index.search({ text: 'cat', k: 1, priors: false })[0]!.item.id).toBe('plain');
  });
});
