import { describe, expect, it } from 'vitest';
import { createFusedRetriever, reciprocalRankFusion, RRF_CONSTANT } from './fusion.js';
import type { MemoryItem, Retriever, ScoredItem } from './types.js';

const item = (id: string): MemoryItem => ({
  id,
  kind: 'turn',
  text: id,
  speaker: '',
  timestamp: 0,
  sessionId: 's',
  citedMessageIds: [],
});
const ranking = (...ids: string[]): ScoredItem[] =>
  ids.map((id, index) => ({ item: item(id), score: 10 - index }));

describe('reciprocal rank fusion', () => {
  it('sums 1 / (60 + rank) over the lists', () => {
    const fused = reciprocalRankFusion([ranking('a', 'b', 'c'), ranking('c', 'a')]);
    expect(fused.map((hit) => hit.item.id)).toEqual(['a', 'c', 'b']);
    expect(fused[0]?.score).toBeCloseTo(1 / (RRF_CONSTANT + 1) + 1 / (RRF_CONSTANT + 2));
  });

  it('ignores the scale of the scores and applies list weights and k', () => {
    const vector: ScoredItem[] = [{ item: item('z'), score: 0.001 }];
    const fused = reciprocalRankFusion([ranking('a'), vector], { weights: [1, 2], k: 1 });
    expect(fused.map((hit) => hit.item.id)).toEqual(['z']);
  });

  it('fuses retrievers, asking each for a deeper list', async () => {
    const asked: number[] = [];
    const fixed = (name: string, ids: string[]): Retriever => ({
      name,
      retrieve: (query) => {
        asked.push(query.k);
        return Promise.resolve(ranking(...ids));
      },
    });
    const fused = createFusedRetriever([fixed('bm25', ['a', 'b']), fixed('vector', ['b', 'c'])], {
      depth: 20,
    });
    const hits = await fused.retrieve({ text: 'q', k: 2 });
    expect(fused.name).toBe('rrf(bm25,vector)');
    expect(asked).toEqual([20, 20]);
    expect(hits.map((hit) => hit.item.id)).toEqual(['b', 'a']);
  });
});
