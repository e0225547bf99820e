import { describe, expect, it } from 'vitest';
import { StarlingError } from '../spec/errors.js';
import { importFile, type ImportResult } from './index.js';

const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value), 'utf8');

function character(value: unknown) {
  const result: ImportResult = importFile(json(value), 'card.json');
  if (result.kind !== 'character') throw new Error('expected a character');
  return result;
}

function failure(value: unknown): StarlingError {
  try {
    importFile(typeof value === 'string' ? Buffer.from(value) : json(value), 'card.json');
  } catch (error) {
    if (StarlingError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a StarlingError');
}

const codes = (result: { warnings: { code: string }[] }): string[] =>
  result.warnings.map((warning) => warning.code);

const fullV2Data = {
  name: 'Orrin',
  description: 'A ferryman.',
  personality: 'quiet',
  scenario: 'a foggy river',
  first_mes: 'Fare, please.',
  mes_example: '<START>\n{{char}}: Fare.',
  creator_notes: '',
  system_prompt: '',
  post_history_instructions: '',
  alternate_greetings: [],
  tags: [],
  creator: '',
  character_version: '',
  extensions: {},
};

describe('JSON card import', () => {
  it('reads a complete V2 card without warnings', () => {
    const result = character({ spec: 'chara_card_v2', spec_version: '2.0', data: fullV2Data });
    expect(result).toMatchObject({ format: 'json', spec: 'v2', warnings: [] });
    expect(result.card.exampleDialogues).toBe('<START>\n{{char}}: Fare.');
    expect(result.assets.size).toBe(0);
  });

  it('reads V3-only fields', () => {
    const result = character({
      spec: 'chara_card_v3',
      spec_version: '3.0',
      data: {
        ...fullV2Data,
        group_only_greetings: ['All aboard.'],
        nickname: 'Orr',
        creator_notes_multilingual: { fr: 'Un passeur.' },
        source: ['https://example.invalid'],
        assets: [{ type: 'icon', uri: 'ccdefault:', name: 'main', ext: 'png' }],
        creation_date: 1_700_000_000,
        modification_date: 1_700_000_000_000,
      },
    });
    expect(result.spec).toBe('v3');
    expect(result.card).toMatchObject({
      nickname: 'Orr',
      groupOnlyGreetings: ['All aboard.'],
      creatorNotesMultilingual: { fr: 'Un passeur.' },
      creationDate: 1_700_000_000,
      modificationDate: 1_700_000_000,
    });
    expect(codes(result)).toEqual(['card_value_adjusted']);
  });

  it('reads a V1 card and its pre-V1 aliases', () => {
    const result = character({
      char_name: 'Old',
      char_persona: 'persona',
      char_greeting: 'hey',
      talkativeness: '0.3',
    });
    expect(result.spec).toBe('v1');
    expect(result.card).toMatchObject({ name: 'Old', description: 'persona', firstMessage: 'hey' });
    expect(result.card.extensions).toEqual({ talkativeness: '0.3' });
  });

  it('tolerates real-world sloppiness with warnings', () => {
    const result = character({
      spec: 'chara_card_v2',
      data: {
        name: '',
        first_mes: 42,
        alternate_greetings: 'only one',
        tags: 'a, b ,,c',
        character_book: null,
        creator_notes: null,
        extensions: { world: 'Somewhere', 'x-app': { deep: [1, { x: 2 }] } },
      },
    });
    expect(result.card).toMatchObject({
      name: '',
      firstMessage: '42',
      alternateGreetings: ['only one'],
      tags: ['a', 'b', 'c'],
      lorebook: null,
      extensions: { world: 'Somewhere', 'x-app': { deep: [1, { x: 2 }] } },
    });
    expect(codes(result)).toEqual(
      expect.arrayContaining([
        'card_spec_version',
        'card_missing_fields',
        'card_empty_name',
        'card_coerced_type',
        'card_null_field',
      ]),
    );
    const paths = result.warnings.map((warning) => warning.path);
    expect(paths).toEqual(
      expect.arrayContaining(['data.alternate_greetings', 'data.tags', 'data.character_book']),
    );
  });

  it('reads numbers given as strings in the lorebook', () => {
    const result = character({
      spec: 'chara_card_v2',
      spec_version: '2.0',
      data: {
        ...fullV2Data,
        character_book: {
          entries: [{ keys: ['k'], content: 'c', insertion_order: '5', id: '9', enabled: 'true' }],
        },
      },
    });
    expect(result.card.lorebook?.entries[0]).toMatchObject({ insertionOrder: 5, id: 9, enabled: true });
  });

  it('reads a card with data but no spec as V2', () => {
    const result = character({ data: { name: 'Nameless spec' } });
    expect(result.spec).toBe('v2');
    expect(codes(result)).toContain('card_spec_missing');
  });

  it('drops a UTF-8 BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json({ name: 'Bom' })]);
    const result = importFile(bytes, 'bom.json');
    expect(result.kind === 'character' && result.card.name).toBe('Bom');
  });
});

describe('JSON card errors', () => {
  it('card_invalid names the field path', () => {
    const error = failure({ spec: 'chara_card_v2', data: { name: 'x', description: { nested: true } } });
    expect(error.code).toBe('card_invalid');
    expect(error.message).toContain('data.description');
    expect(
      failure({ spec: 'chara_card_v2', data: { name: 'x', alternate_greetings: ['a', {}] } }).message,
    ).toContain('data.alternate_greetings[1]');
    const book = { entries: [{ keys: { a: 1 }, content: '' }] };
    const bookError = failure({ spec: 'chara_card_v3', data: { name: 'x', character_book: book } });
    expect(bookError.code).toBe('card_invalid');
    expect(bookError.message).toContain('data.character_book.entries[0].keys');
    expect(failure({ spec: 'chara_card_v2', data: 'nope' }).message).toContain('data');
    expect(failure({ spec: 'chara_card_v2', data: { name: 'x', extensions: [1] } }).message).toContain(
      'data.extensions',
    );
  });

  it('rejects an object without any card field, and an unknown spec', () => {
    expect(failure({ hello: 'world' }).code).toBe('card_invalid');
    expect(failure({ spec: 'chara_card_v9', data: { name: 'x' } }).code).toBe('card_invalid');
    expect(failure([1, 2, 3]).code).toBe('card_invalid');
  });

  it('card_bad_json for syntax errors, card_too_large for deep nesting and size', () => {
    expect(failure('{"name": ').code).toBe('card_bad_json');
    const deep = `{"name":"x","extensions":{"a":${'['.repeat(500)}${']'.repeat(500)}}}`;
    expect(failure(deep).code).toBe('card_too_large');
    expect(() =>
      importFile(json({ name: 'x'.repeat(1000) }), 'a.json', { limits: { maxCardJsonBytes: 100 } }),
    ).toThrow(expect.objectContaining({ code: 'card_too_large' }));
  });

  it('brackets inside strings do not count as nesting', () => {
    const result = character({ name: '['.repeat(500), description: '\\"{{'.repeat(200) });
    expect(result.card.name).toHaveLength(500);
  });

  it('keeps __proto__ keys as plain data', () => {
    const text = '{"name":"x","extensions":{"__proto__":{"polluted":true}}}';
    const result = importFile(Buffer.from(text), 'p.json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.kind === 'character' && Object.keys(result.card.extensions)).toEqual(['__proto__']);
  });
});
