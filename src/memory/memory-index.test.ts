import { describe, expect, it } from 'vitest';
import { createMemoryIndex } from './memory-index.js';
import type { MemoryItem } from './types.js';

const DAY = 86_400_000;
const start = Date.UTC(2024, 2, 10, 18, 0);
let clock = 0;
const turn = (
  id: string,
  speaker: string,
  text: string,
  sessionId = 's1',
  timestamp = start + clock++ * 60_000,
): MemoryItem => ({
  id,
  kind: 'turn',
  text,
  speaker,
  timestamp,
  sessionId,
  citedMessageIds: [],
});
const ids = (hits: { item: MemoryItem }[]) => hits.map((hit) => hit.item.id);
const filler = (prefix: string, count: number, sessionId: string) =>
  Array.from({ length: count }, (_, index) =>
    turn(
      `${prefix}${index}`,
      index % 2 ? 'Ana' : 'Ben',
      `small talk number ${index} about weather`,
      sessionId,
    ),
  );

describe('memory index', () => {
  it('finds a short answer through the question before it', () => {
    const index = createMemoryIndex();
    index.add(filler('f', 10, 's0'));
    index.add([turn('q', 'Ben', 'What are your cats called?'), turn('a', 'Ana', 'Luna and Oliver!')]);
    expect(ids(index.search({ text: 'What are the names of the cats?', k: 2 }))).toContain('a');
  });

  it('boosts memories said by the named speaker', () => {
    const index = createMemoryIndex();
    index.add(filler('f', 6, 's0'));
    index.add([
      turn('ana', 'Ana', 'I love pottery classes', 's2'),
      turn('ben', 'Ben', 'I love pottery classes', 's3'),
    ]);
    expect(ids(index.search({ text: 'Does Ben like pottery?', k: 1 }))).toEqual(['ben']);
    expect(ids(index.search({ text: 'Does Ana like pottery?', k: 1 }))).toEqual(['ana']);
    expect(ids(index.search({ text: 'who likes pottery?', speaker: 'Ben', k: 1 }))).toEqual(['ben']);
  });

  it('adds turns one by one and removes them, re-indexing what used them as context', () => {
    const index = createMemoryIndex();
    index.add(filler('f', 6, 's0'));
    index.add([turn('q', 'Ben', 'Which volcano did you climb?')]);
    index.add([turn('a', 'Ana', 'Mount Etna, it was amazing')]);
    index.add([turn('b', 'Ben', 'Wow')]);
    expect(index.size).toBe(9);
    expect(ids(index.search({ text: 'volcano', k: 3 }))).toEqual(expect.arrayContaining(['q', 'a', 'b']));
    index.remove(['q']);
    expect(index.size).toBe(8);
    // Nothing of the forgotten turn lingers in the context of the turns after it.
    expect(index.search({ text: 'volcano', k: 5 })).toEqual([]);
    expect(ids(index.search({ text: 'Etna', k: 5 }))).toEqual(expect.arrayContaining(['a', 'b']));
    index.remove(['a', 'b', 'missing']);
    expect(index.search({ text: 'Etna', k: 5 })).toEqual([]);
  });

  it('replaces an item added again with the same id', () => {
    const index = createMemoryIndex();
    index.add([turn('x', 'Ana', 'I play the violin')]);
    index.add([turn('x', 'Ana', 'I play the cello')]);
    expect(index.size).toBe(1);
    expect(index.search({ text: 'violin', k: 1 })).toEqual([]);
    expect(ids(index.search({ text: 'cello', k: 1 }))).toEqual(['x']);
  });

  it('maps time expressions in questions and memories onto the same months', () => {
    const index = createMemoryIndex();
    const march = Date.UTC(2024, 2, 12);
    const may = Date.UTC(2024, 4, 20);
    index.add([
      turn('m1', 'Ana', 'We went hiking yesterday', 'march', march),
      turn('m2', 'Ana', 'We went hiking again', 'may', may),
    ]);
    expect(ids(index.search({ text: 'Where did we go hiking in March?', k: 1 }))).toEqual(['m1']);
    expect(ids(index.search({ text: 'hiking last week', now: may + 5 * DAY, k: 1 }))).toEqual(['m2']);
    expect(ids(index.search({ text: 'what hiking did we do the first time we talked', k: 1 }))).toEqual([
      'm1',
    ]);
    expect(ids(index.search({ text: '上个月去徒步了吗 hiking', now: Date.UTC(2024, 3, 20), k: 1 }))).toEqual([
      'm1',
    ]);
  });

  it('indexes Chinese memories', () => {
    const index = createMemoryIndex();
    index.add([
      turn('z1', '小明', '我上周末和朋友去吃了火锅', 'zh'),
      turn('z2', '小红', '我喜欢看电影', 'zh'),
      turn('z3', '小明', '今天天气不错', 'zh'),
    ]);
    expect(ids(index.search({ text: '小明吃了什么火锅？', k: 1 }))).toEqual(['z1']);
    expect(ids(index.search({ text: '谁喜欢电影', k: 1 }))).toEqual(['z2']);
  });

  it('returns summaries and facts with the messages they cite', () => {
    const index = createMemoryIndex();
    index.add([
      turn('t1', 'Ana', 'small talk'),
      {
        id: 'fact1',
        kind: 'fact',
        text: 'Ana is allergic to peanuts',
        speaker: 'Ana',
        timestamp: start,
        sessionId: 's1',
        citedMessageIds: ['t9'],
        importance: 0.9,
      },
    ]);
    const [hit] = index.search({ text: 'allergies peanut', k: 1 });
    expect(hit?.item.citedMessageIds).toEqual(['t9']);
  });

  it('applies recency and importance only when weighted', () => {
    const make = (recencyWeight: number, importanceWeight: number) => {
      const index = createMemoryIndex({ recencyWeight, importanceWeight, sessionWeight: 0 });
      index.add([
        { ...turn('old', 'Ana', 'coffee order latte', 'a', start), importance: 1 },
        { ...turn('new', 'Ana', 'coffee order latte', 'b', start + 300 * DAY), importance: 0 },
        turn('other', 'Ana', 'tea', 'c', start),
      ]);
      return ids(index.search({ text: 'coffee', k: 1 }));
    };
    expect(make(0.5, 0)).toEqual(['new']);
    expect(make(0, 0.5)).toEqual(['old']);
  });

  it('searches 5,000 memories without scanning them all', () => {
    const index = createMemoryIndex();
    index.add(
      Array.from({ length: 5000 }, (_, number) =>
        turn(`n${number}`, 'Ana', `note ${number} topic${number % 50}`, `s${number % 100}`),
      ),
    );
    const started = performance.now();
    const hits = index.search({ text: 'topic7 note', k: 10 });
    expect(performance.now() - started).toBeLessThan(200);
    expect(hits).toHaveLength(10);
  });
});
