import { describe, expect, it } from 'vitest';
import { createBm25 } from './bm25.js';

const bag = (text: string) => {
  const terms = new Map<string, number>();
  for (const word of text.split(' ')) terms.set(word, (terms.get(word) ?? 0) + 1);
  return terms;
};

describe('BM25 index', () => {
  it('ranks rarer and more frequent matches higher', () => {
    const index = createBm25();
    const common = index.add(bag('tea garden tea'));
    const rare = index.add(bag('dragon tea'));
    index.add(bag('garden walk'));
    index.add(bag('garden party'));
    const hits = index.search(bag('dragon garden'), 10);
    expect(hits[0]?.doc).toBe(rare);
    expect(index.search(bag('tea'), 1)[0]?.doc).toBe(common);
  });

  it('penalises long documents for the same term frequency', () => {
    const index = createBm25();
    const short = index.add(bag('violin'));
    const long = index.add(bag('violin lesson after school on a rainy tuesday'));
    index.add(bag('cello'));
    const hits = index.search(bag('violin'), 2);
    expect(hits.map((hit) => hit.doc)).toEqual([short, long]);
  });

  it('honours query and document weights', () => {
    const index = createBm25();
    const cat = index.add(bag('cat'));
    const dog = index.add(new Map([['dog', 0.5]]));
    index.add(bag('bird'));
    expect(
      index.search(
        new Map([
          ['cat', 1],
          ['dog', 3],
        ]),
        1,
      )[0]?.doc,
    ).toBe(dog);
    expect(
      index.search(
        new Map([
          ['cat', 1],
          ['dog', 1],
        ]),
        1,
      )[0]?.doc,
    ).toBe(cat);
  });

  it('forgets removed documents, also after compaction, and keeps counts right', () => {
    const index = createBm25();
    const docs = Array.from({ length: 50 }, (_, number) => index.add(bag(`note ${number} shared`)));
    for (const doc of docs.slice(0, 40)) index.remove(doc);
    expect(index.size).toBe(10);
    const hits = index.search(bag('shared note'), 100);
    expect(hits.map((hit) => hit.doc).sort((a, b) => a - b)).toEqual(docs.slice(40));
    expect(index.search(bag('3'), 5)).toEqual([]);
    expect(index.idf('shared')).toBeGreaterThan(0);
  });

  it('grows past its initial capacity', () => {
    const index = createBm25();
    for (let number = 0; number < 3000; number += 1) index.add(bag(`word${number % 7} item${number}`));
    expect(index.search(bag('item2999'), 1)[0]?.doc).toBe(2999);
    expect(index.search(bag('word3'), 1000)).toHaveLength(429);
  });
});
