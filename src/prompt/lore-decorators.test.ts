import { describe, expect, it } from 'vitest';
import type { LorebookEntry } from '../spec/index.js';
import { activateLore } from './lore-activation.js';
import { parseDecorators } from './lore-decorators.js';
import { makeBook, makeEntry, wordCounter } from './test-support/fixtures.js';

function run(entries: LorebookEntry[], messages: string[], turnIndex = 1) {
  return activateLore({
    lorebooks: [{ id: 'b', book: makeBook(entries) }],
    messages,
    scanDepth: 2,
    recursionDepthLimit: 0,
    defaults: { caseSensitive: false, matchWholeWords: true },
    chatSeed: 1,
    turnIndex,
    tokenBudget: 1000,
    countTokens: (text) => wordCounter.count(text),
  });
}

describe('parseDecorators', () => {
  it('reads decorators and strips their lines from the content', () => {
    const parsed = parseDecorators('@@depth 2\n@@role user\n@@scan_depth 5\nThe body\n@@not a decorator');
    expect(parsed.body).toBe('The body\n@@not a decorator');
    expect(parsed.decorators).toMatchObject({ depth: 2, position: 'at_depth', role: 'user', scanDepth: 5 });
  });

  it('maps V3 positions to Starling positions', () => {
    expect(parseDecorators('@@position before_desc\nx').decorators.position).toBe('before_char');
    expect(parseDecorators('@@position after_desc\nx').decorators.position).toBe('after_char');
    expect(parseDecorators('@@position after_example\nx').decorators.position).toBe('after_examples');
  });

  it('uses a @@@ fallback only when the decorator before it failed', () => {
    const failed = parseDecorators('@@position nowhere\n@@@position before_desc\nx');
    expect(failed.decorators.position).toBe('before_char');
    expect(failed.decorators.ignored).toEqual(['@@position nowhere']);
    const understood = parseDecorators('@@position after_desc\n@@@position before_desc\nx');
    expect(understood.decorators.position).toBe('after_char');
    const unknown = parseDecorators('@@future_thing 3\n@@@depth abc\n@@@depth 7\nx');
    expect(unknown.decorators.depth).toBe(7);
    expect(unknown.body).toBe('x');
  });

  it('treats a bad argument as not understood', () => {
    const bad = parseDecorators('@@depth deep\nx').decorators;
    expect(bad.depth).toBeUndefined();
    expect(bad.ignored).toEqual(['@@depth deep']);
    expect(parseDecorators('@@role narrator\nx').decorators.role).toBeUndefined();
  });
});

describe('decorators in activation', () => {
  it('@@activate and @@constant fire without keys, with reasons', () => {
    const forced = makeEntry({ name: 'F', content: '@@activate\nforced' });
    const constant = makeEntry({ name: 'C', content: '@@constant\nalways' });
    expect(
      run([forced, constant], ['hi']).entries.map((entry) => [entry.name, entry.reason, entry.content]),
    ).toEqual([
      ['F', 'decorator @@activate', 'forced'],
      ['C', 'constant', 'always'],
    ]);
  });

  it('@@dont_activate silences even a matching entry', () => {
    expect(run([makeEntry({ keys: ['cat'], content: '@@dont_activate\nx' })], ['cat']).entries).toEqual([]);
  });

  it('@@activate_only_after and @@activate_only_every gate by turn', () => {
    const after = makeEntry({ keys: ['cat'], content: '@@activate_only_after 3\nx' });
    expect(run([after], ['cat'], 2).entries.length).toBe(0);
    expect(run([after], ['cat'], 3).entries.length).toBe(1);
    const every = makeEntry({ keys: ['cat'], content: '@@activate_only_every 2\nx' });
    expect([1, 2, 3, 4].map((turn) => run([every], ['cat'], turn).entries.length)).toEqual([0, 1, 0, 1]);
  });

  it('@@exclude_keys and @@additional_keys refine the match, also in Chinese', () => {
    const exclude = makeEntry({ keys: ['长安'], content: '@@exclude_keys 战争, war\nx' });
    expect(run([exclude], ['长安很繁华']).entries.length).toBe(1);
    expect(run([exclude], ['长安的战争']).entries.length).toBe(0);
    expect(run([exclude], ['长安 at war']).entries.length).toBe(0);
    const additional = makeEntry({ keys: ['cat'], content: '@@additional_keys black,white\nx' });
    expect(run([additional], ['a cat']).entries.length).toBe(0);
    expect(run([additional], ['a black cat']).entries.length).toBe(1);
  });

  it('@@scan_depth widens the scan for one entry', () => {
    const entry = makeEntry({ keys: ['cat'], content: '@@scan_depth 4\nx' });
    expect(run([entry], ['cat', 'a', 'b', 'c']).entries.length).toBe(1);
    expect(run([makeEntry({ keys: ['cat'] })], ['cat', 'a', 'b', 'c']).entries.length).toBe(0);
  });

  it('@@depth, @@role and @@position set the placement', () => {
    const entry = makeEntry({ keys: ['cat'], content: '@@depth 1\n@@role assistant\nx' });
    expect(run([entry], ['cat']).entries[0]).toMatchObject({
      position: 'at_depth',
      depth: 1,
      role: 'assistant',
    });
    const positioned = makeEntry({ keys: ['cat'], content: '@@position before_desc\nx' });
    expect(run([positioned], ['cat']).entries[0]?.position).toBe('before_char');
  });

  it('reports decorators it did not understand', () => {
    const entry = makeEntry({ keys: ['cat'], content: '@@sparkle\nx' });
    expect(run([entry], ['cat']).warnings).toEqual([`b:${entry.id}: decorator "@@sparkle" not understood`]);
  });
});
