import { describe, expect, it } from 'vitest';
import type { MemoryItem } from './types.js';
import { createVectorIndex, normalizeVector } from './vector-index.js';

const item = (id: string): MemoryItem => ({
  id,
  kind: 'turn',
  text: id,
  speaker: '',
  timestamp: 0,
  sessionId: 's',
  citedMessageIds: [],
});
const vector = (...values: number[]) => Float32Array.from(values);

describe('vector index', () => {
  it('ranks by cosine similarity, whatever the vectors length', () => {
    const index = createVectorIndex(3, 1);
    expect(index.add(item('x'), vector(10, 0, 0))).toBe(true);
    expect(index.add(item('xy'), vector(1, 1, 0))).toBe(true);
    expect(index.add(item('z'), vector(0, 0, 0.1))).toBe(true);
    expect(index.size).toBe(3);
    const hits = index.search(vector(2, 0.1, 0), 2);
    expect(hits.map((hit) => hit.item.id)).toEqual(['x', 'xy']);
    expect(hits[0]!.score).toBeCloseTo(2 / Math.hypot(2, 0.1), 5);
    expect(index.search(vector(0, 0, -1), 3).map((hit) => hit.item.id)).toEqual(['xy', 'x', 'z']);
  });

  it('scores every dimension, in blocks of four and the rest', () => {
    const dimensions = 10;
    const index = createVectorIndex(dimensions);
    const made = Array.from({ length: 20 }, (_, row) =>
      Float32Array.from({ length: dimensions }, (_, column) => Math.sin(row * 7 + column * 3)),
    );
    made.forEach((values, row) => index.add(item(`v${row}`), values));
    const query = Float32Array.from({ length: dimensions }, (_, column) => Math.cos(column));
    const cosine = (values: Float32Array) => {
      let dot = 0;
      for (let at = 0; at < dimensions; at++) dot += values[at]! * query[at]!;
      return dot / (Math.hypot(...values) * Math.hypot(...query));
    };
    const expected = made
      .map((values, row) => ({ id: `v${row}`, score: cosine(values) }))
      .sort((first, second) => second.score - first.score);
    const hits = index.search(query, 20);
    expect(hits.map((hit) => hit.item.id)).toEqual(expected.map((hit) => hit.id));
    hits.forEach((hit, at) => expect(hit.score).toBeCloseTo(expected[at]!.score, 5));
  });

  it('refuses vectors of another dimension, zero and non-finite vectors', () => {
    const index = createVectorIndex(2);
    expect(index.add(item('a'), vector(1, 0, 0))).toBe(false);
    expect(index.add(item('b'), vector(0, 0))).toBe(false);
    expect(index.add(item('c'), vector(Number.NaN, 1))).toBe(false);
    expect(index.size).toBe(0);
    index.add(item('d'), vector(1, 0));
    expect(index.search(vector(1, 0, 0), 5)).toEqual([]);
    expect(index.search(vector(0, 0), 5)).toEqual([]);
    expect(index.search(vector(1, 0), 0)).toEqual([]);
  });

  it('replaces and removes, keeping the other vectors where they belong', () => {
    const index = createVectorIndex(2, 2);
    for (let angle = 0; angle < 10; angle += 1) {
      index.add(item(`m${angle}`), vector(Math.cos(angle / 5), Math.sin(angle / 5)));
    }
    index.remove(['m0', 'm3', 'missing']);
    expect(index.size).toBe(8);
    expect(index.has('m0')).toBe(false);
    expect(index.search(vector(1, 0), 1)[0]!.item.id).toBe('m1');
    expect(index.search(vector(Math.cos(9 / 5), Math.sin(9 / 5)), 1)[0]!.item.id).toBe('m9');
    index.add(item('m9'), vector(1, 0));
    expect(index.size).toBe(8);
    expect(index.search(vector(1, 0), 1)[0]!.item.id).toBe('m9');
  });

  it('normalises in place', () => {
    const values = vector(3, 4);
    expect(normalizeVector(values)).toBe(true);
    expect([...values]).toEqual([0.6000000238418579, 0.800000011920929]);
  });
});
