import { describe, expect, it } from 'vitest';
import type { LorebookEntry, SelectiveLogic } from '../spec/index.js';
import type { LoreActivationInput } from './lore-activation.js';
import { activateLore } from './lore-activation.js';
import { makeBook, makeEntry, wordCounter } from './test-support/fixtures.js';

function run(entries: LorebookEntry[], messages: string[], overrides: Partial<LoreActivationInput> = {}) {
  return activateLore({
    lorebooks: [{ id: 'b', book: makeBook(entries) }],
    messages,
    scanDepth: 2,
    recursionDepthLimit: 3,
    defaults: { caseSensitive: false, matchWholeWords: true },
    chatSeed: 1,
    turnIndex: 1,
    tokenBudget: 1000,
    countTokens: (text) => wordCounter.count(text),
    ...overrides,
  });
}

const names = (result: ReturnType<typeof run>) => result.entries.map((entry) => entry.name);

describe('activateLore', () => {
  it('fires keyed entries with a reason, in English and Chinese', () => {
    const cat = makeEntry({ name: 'Cat', keys: ['cat'] });
    const city = makeEntry({ name: '长安', keys: ['长安'], content: '长安是唐朝的都城。' });
    const result = run([cat, city], ['Is that a Cat!', '我想去长安看看']);
    expect(result.entries.map((entry) => [entry.name, entry.reason])).toEqual([
      ['Cat', 'key "cat"'],
      ['长安', 'key "长安"'],
    ]);
    expect(names(run([cat], ['concatenate']))).toEqual([]);
  });

  it('reports regex reasons', () => {
    const entry = makeEntry({ name: 'Dragon', keys: ['/dragons?/i'] });
    expect(run([entry], ['Two Dragons'])).toMatchObject({ entries: [{ reason: 'regex /dragons?/i' }] });
  });

  it('always fires constant entries and never disabled ones', () => {
    const constant = makeEntry({ name: 'Always', constant: true });
    const disabled = makeEntry({ name: 'Off', keys: ['cat'], enabled: false });
    expect(run([constant, disabled], ['cat']).entries.map((entry) => [entry.name, entry.reason])).toEqual([
      ['Always', 'constant'],
    ]);
  });

  it('lets the entry override the case-sensitivity default', () => {
    const entry = makeEntry({ name: 'Rose', keys: ['Rose'], caseSensitive: true });
    expect(names(run([entry], ['a rose']))).toEqual([]);
    expect(
      names(run([entry], ['a rose'], { defaults: { caseSensitive: true, matchWholeWords: true } })),
    ).toEqual([]);
    const loose = makeEntry({ name: 'Loose', keys: ['Rose'], caseSensitive: false });
    expect(
      names(run([loose], ['a rose'], { defaults: { caseSensitive: true, matchWholeWords: true } })),
    ).toEqual(['Loose']);
  });

  it.each<[SelectiveLogic, string, boolean]>([
    ['and_any', 'sword and shield', true],
    ['and_any', 'sword only', false],
    ['and_all', 'sword shield helm', true],
    ['and_all', 'sword shield', false],
    ['not_any', 'sword only', true],
    ['not_any', 'sword and helm', false],
    ['not_all', 'sword shield', true],
    ['not_all', 'sword shield helm', false],
  ])('applies secondary logic %s to "%s"', (selectiveLogic, text, fires) => {
    const entry = makeEntry({
      keys: ['sword'],
      secondaryKeys: ['shield', 'helm'],
      selective: true,
      selectiveLogic,
    });
    expect(run([entry], [text]).entries.length).toBe(fires ? 1 : 0);
  });

  it('applies secondary logic to Chinese keys', () => {
    const entry = makeEntry({
      keys: ['长安'],
      secondaryKeys: ['春天'],
      selective: true,
      selectiveLogic: 'and_all',
    });
    expect(run([entry], ['长安的春天很美']).entries.length).toBe(1);
    expect(run([entry], ['长安的冬天很冷']).entries.length).toBe(0);
  });

  it('ignores secondary keys unless selective', () => {
    const entry = makeEntry({
      keys: ['sword'],
      secondaryKeys: ['shield'],
      selective: false,
      selectiveLogic: 'and_all',
    });
    expect(run([entry], ['sword']).entries.length).toBe(1);
  });

  it('scans only the newest messages, with book and entry scan depth', () => {
    const entry = makeEntry({ keys: ['cat'] });
    const messages = ['cat', 'dog', 'bird'];
    expect(run([entry], messages).entries.length).toBe(0);
    expect(run([makeEntry({ keys: ['cat'], scanDepth: 3 })], messages).entries.length).toBe(1);
    const book = makeBook([makeEntry({ keys: ['cat'] })], { scanDepth: 3 });
    expect(run([], messages, { lorebooks: [{ id: 'b', book }] }).entries.length).toBe(1);
  });

  it('recurses through activated content up to the depth limit', () => {
    const chain = [
      makeEntry({ name: 'A', keys: ['alpha'], content: 'alpha leads to beta' }),
      makeEntry({ name: 'B', keys: ['beta'], content: 'beta leads to gamma' }),
      makeEntry({ name: 'C', keys: ['gamma'], content: 'gamma leads to delta' }),
      makeEntry({ name: 'D', keys: ['delta'], content: 'the end' }),
    ];
    const full = run(chain, ['tell me about alpha']);
    expect(full.entries.map((entry) => [entry.name, entry.reason])).toEqual([
      ['A', 'key "alpha"'],
      ['B', 'recursion via A'],
      ['C', 'recursion via B'],
      ['D', 'recursion via C'],
    ]);
    expect(names(run(chain, ['alpha'], { recursionDepthLimit: 1 }))).toEqual(['A', 'B']);
    expect(names(run(chain, ['alpha'], { recursionDepthLimit: 0 }))).toEqual(['A']);
  });

  it('honours preventRecursion, excludeRecursion and the book switch', () => {
    const source = makeEntry({
      name: 'A',
      keys: ['alpha'],
      content: 'mentions beta',
      preventRecursion: true,
    });
    const target = makeEntry({ name: 'B', keys: ['beta'] });
    expect(names(run([source, target], ['alpha']))).toEqual(['A']);
    const opener = makeEntry({ name: 'A', keys: ['alpha'], content: 'mentions beta' });
    const excluded = makeEntry({ name: 'B', keys: ['beta'], excludeRecursion: true });
    expect(names(run([opener, excluded], ['alpha']))).toEqual(['A']);
    expect(names(run([opener, excluded], ['alpha beta']))).toEqual(['A', 'B']);
    const book = makeBook([opener, makeEntry({ name: 'C', keys: ['beta'] })], { recursiveScanning: false });
    expect(names(run([], ['alpha'], { lorebooks: [{ id: 'b', book }] }))).toEqual(['A']);
  });

  it('fills the budget by priority, then insertion order', () => {
    const entries = [
      makeEntry({ name: 'low', keys: ['x'], priority: 1, content: 'one two three', insertionOrder: 1 }),
      makeEntry({ name: 'high', keys: ['x'], priority: 9, content: 'one two three', insertionOrder: 3 }),
      makeEntry({ name: 'mid-late', keys: ['x'], priority: 5, content: 'one two three', insertionOrder: 2 }),
      makeEntry({ name: 'mid-early', keys: ['x'], priority: 5, content: 'one two three', insertionOrder: 1 }),
    ];
    const result = run(entries, ['x'], { tokenBudget: 7 });
    expect(names(result).sort()).toEqual(['high', 'mid-early']);
    expect(result.skipped.map((entry) => [entry.name, entry.reason])).toEqual([
      ['mid-late', 'budget'],
      ['low', 'budget'],
    ]);
    expect(result.tokens).toBe(6);
  });

  it('respects a book token budget', () => {
    const book = makeBook(
      [makeEntry({ keys: ['x'], content: 'a b c' }), makeEntry({ keys: ['x'], content: 'd e f' })],
      {
        tokenBudget: 4,
      },
    );
    expect(run([], ['x'], { lorebooks: [{ id: 'b', book }] }).entries.length).toBe(1);
  });

  it('orders results by position, then insertion order', () => {
    const entries = [
      makeEntry({ name: 'depth', keys: ['x'], position: 'at_depth' }),
      makeEntry({ name: 'after2', keys: ['x'], insertionOrder: 2 }),
      makeEntry({ name: 'after1', keys: ['x'], insertionOrder: 1 }),
      makeEntry({ name: 'before', keys: ['x'], position: 'before_char' }),
    ];
    expect(names(run(entries, ['x']))).toEqual(['before', 'after1', 'after2', 'depth']);
  });

  it('rolls probability reproducibly from chat seed, turn and entry', () => {
    const entries = Array.from({ length: 40 }, () =>
      makeEntry({ keys: ['x'], useProbability: true, probability: 50 }),
    );
    const first = names(run(entries, ['x'], { chatSeed: 5, turnIndex: 3 }));
    expect(names(run(entries, ['x'], { chatSeed: 5, turnIndex: 3 }))).toEqual(first);
    expect(first.length).toBeGreaterThan(5);
    expect(first.length).toBeLessThan(35);
    expect(names(run(entries, ['x'], { chatSeed: 5, turnIndex: 4 }))).not.toEqual(first);
    const skipped = run(entries, ['x'], { chatSeed: 5, turnIndex: 3 }).skipped;
    expect(skipped.every((entry) => entry.reason === 'probability')).toBe(true);
  });

  it('guards catastrophic regexes: fast, reported, never matching', () => {
    const entry = makeEntry({ name: 'Evil', keys: ['/(a+)+$/'] });
    const started = performance.now();
    const result = run([entry], [`${'a'.repeat(5_000)}b`]);
    expect(performance.now() - started).toBeLessThan(200);
    expect(result.entries).toEqual([]);
    expect(result.warnings).toEqual([`b:${entry.id}: key "/(a+)+$/" ignored: nested quantifier`]);
  });

  it('expands macros in content before counting', () => {
    const entry = makeEntry({ keys: ['x'], content: '{{char}} knows' });
    expect(
      run([entry], ['x'], { expand: (text) => text.replace('{{char}}', 'Mira') }).entries[0]?.content,
    ).toBe('Mira knows');
  });
});
