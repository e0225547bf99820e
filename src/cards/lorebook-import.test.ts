import { describe, expect, it } from 'vitest';
import { StarlingError } from '../spec/errors.js';
import type { Lorebook } from '../spec/lorebook.js';
import { importFile, lorebookToV3Object } from './index.js';
import { sampleCard } from './test-support/fixtures.js';

const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value), 'utf8');

function book(value: unknown, fileName = 'book.json') {
  const result = importFile(json(value), fileName);
  if (result.kind !== 'lorebook') throw new Error('expected a lorebook');
  return result;
}

function failure(value: unknown): StarlingError {
  try {
    importFile(json(value), 'book.json');
  } catch (error) {
    if (StarlingError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a StarlingError');
}

const codes = (result: { warnings: { code: string }[] }): string[] =>
  result.warnings.map((warning) => warning.code);

const worldEntry = {
  uid: 12,
  key: ['tower', 'spire'],
  keysecondary: ['bell'],
  comment: 'The tower',
  content: 'The bell tower leans east.',
  constant: false,
  selective: true,
  selectiveLogic: 2,
  order: 42,
  position: 4,
  disable: true,
  depth: 3,
  role: 2,
  probability: 60,
  useProbability: true,
  caseSensitive: true,
  matchWholeWords: false,
  scanDepth: 8,
  excludeRecursion: true,
  preventRecursion: false,
  displayIndex: 5,
  groupOverride: true,
  sticky: 1,
  someFutureField: 'kept',
};

describe('SillyTavern world info', () => {
  it('maps every world-info field', () => {
    const result = book({ entries: { '12': worldEntry } }, 'Town.json');
    expect(result.format).toBe('sillytavern_world');
    expect(result.lorebook.name).toBe('Town');
    expect(result.lorebook.entries).toEqual([
      {
        id: 12,
        name: 'The tower',
        keys: ['tower', 'spire'],
        secondaryKeys: ['bell'],
        selective: true,
        selectiveLogic: 'not_any',
        content: 'The bell tower leans east.',
        enabled: false,
        constant: false,
        useRegex: false,
        caseSensitive: true,
        matchWholeWords: false,
        insertionOrder: 42,
        priority: 10,
        position: 'at_depth',
        depth: 3,
        role: 'assistant',
        probability: 60,
        useProbability: true,
        scanDepth: 8,
        preventRecursion: false,
        excludeRecursion: true,
        extensions: { display_index: 5, group_override: true, sticky: 1, someFutureField: 'kept' },
      },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('maps positions and logic codes, approximating author-note positions with a warning', () => {
    const positions = [0, 1, 2, 3, 4, 5, 6].map((position, uid) => ({
      uid,
      key: ['k'],
      content: '',
      position,
    }));
    const result = book({
      entries: Object.fromEntries(positions.map((entry) => [String(entry.uid), entry])),
    });
    expect(result.lorebook.entries.map((entry) => entry.position)).toEqual([
      'before_char',
      'after_char',
      'at_depth',
      'at_depth',
      'at_depth',
      'before_examples',
      'after_examples',
    ]);
    expect(codes(result).filter((code) => code === 'lorebook_position_approximated')).toHaveLength(2);
    const logic = [0, 1, 2, 3].map((selectiveLogic, uid) => ({ uid, key: ['k'], selectiveLogic }));
    expect(book({ entries: logic }).lorebook.entries.map((entry) => entry.selectiveLogic)).toEqual([
      'and_any',
      'not_all',
      'not_any',
      'and_all',
    ]);
  });

  it('treats /pattern/flags keys as regex keys and escapes literal neighbours', () => {
    const result = book({ entries: { a: { key: ['/dragons?/i', 'wyrm.'], content: 'x' } } });
    const [entry] = result.lorebook.entries;
    expect(entry).toMatchObject({ useRegex: true, keys: ['/dragons?/i', 'wyrm\\.'], id: 0 });
    expect(codes(result)).toContain('lorebook_mixed_regex_keys');
  });

  it('round-trips world info through lorebook_v3 without losing settings', () => {
    const first = book({ entries: { '12': worldEntry, '1': { ...worldEntry, uid: 1, position: 3 } } });
    const again = book(lorebookToV3Object(first.lorebook));
    expect(again.format).toBe('lorebook_v3');
    expect(again.lorebook).toEqual(first.lorebook);
    const exported = lorebookToV3Object(first.lorebook).data.entries as Record<string, unknown>[];
    // Integer-like keys iterate in ascending order, so uid 1 comes first.
    expect(exported[0]?.extensions).toMatchObject({ position: 3, depth: 3, role: 2, selectiveLogic: 2 });
  });
});

describe('character_book and lorebook_v3', () => {
  it('reads SillyTavern settings from entry extensions and keeps the rest', () => {
    const entry = {
      id: 3,
      keys: ['k'],
      content: 'c',
      enabled: true,
      insertion_order: 7,
      position: 'after_char',
      use_regex: true,
      extensions: {
        position: 6,
        depth: 9,
        role: 1,
        selectiveLogic: 3,
        scan_depth: 2,
        match_whole_words: true,
        group: 'g',
      },
    };
    const result = book({ name: 'Bare', entries: [entry] });
    expect(result.format).toBe('character_book');
    expect(result.lorebook.entries[0]).toMatchObject({
      position: 'after_examples',
      depth: 9,
      role: 'user',
      selectiveLogic: 'and_all',
      scanDepth: 2,
      matchWholeWords: true,
      useRegex: true,
      extensions: { group: 'g' },
    });
  });

  it('assigns ids to entries without one and replaces duplicates', () => {
    const entries = [
      { keys: ['a'], id: 1 },
      { keys: ['b'], id: 1 },
      { keys: ['c'] },
      { keys: ['d'], id: 'abc' },
    ];
    const result = book({ spec: 'lorebook_v3', data: { entries } });
    expect(result.lorebook.entries.map((entry) => entry.id)).toEqual([1, 0, 2, 3]);
    expect(codes(result)).toContain('lorebook_id_replaced');
  });

  it('round-trips a full lorebook', () => {
    const lorebook: Lorebook = sampleCard().lorebook ?? ({} as Lorebook);
    expect(book(lorebookToV3Object(lorebook)).lorebook).toEqual(lorebook);
  });

  it('lorebook_invalid with the path for wrong types', () => {
    expect(failure({ spec: 'lorebook_v3', data: { entries: 'nope' } })).toMatchObject({
      code: 'lorebook_invalid',
      message: expect.stringContaining('data.entries') as string,
    });
    expect(failure({ spec: 'lorebook_v3', data: { entries: [5] } }).message).toContain('data.entries[0]');
    expect(failure({ entries: { a: { key: ['x'], depth: 'deep' } } }).message).toContain('entries.a.depth');
    expect(failure({ spec: 'lorebook_v3', data: null }).code).toBe('lorebook_invalid');
  });

  it('card_too_large for too many entries, long content or too many keys', () => {
    const entries = Array.from({ length: 5 }, () => ({ keys: ['a'], content: 'x' }));
    const limited = (limits: Record<string, number>) => () =>
      importFile(json({ entries }), 'b.json', { limits });
    expect(limited({ maxLorebookEntries: 4 })).toThrow(expect.objectContaining({ code: 'card_too_large' }));
    expect(limited({ maxEntryContentChars: 0 })).toThrow(expect.objectContaining({ code: 'card_too_large' }));
    expect(limited({ maxKeysPerEntry: 0 })).toThrow(expect.objectContaining({ code: 'card_too_large' }));
  });
});
