import { describe, expect, it } from 'vitest';
import type { MacroContext } from './macros.js';
import { expandMacros, expandNameMacros } from './macros.js';

const now = new Date(Date.UTC(2025, 0, 15, 14, 5));
const base: MacroContext = { char: 'Mira', user: 'Ann', now, chatSeed: 7, timeZone: 'UTC' };

describe('expandMacros', () => {
  it('expands names case-insensitively and keeps unknown macros', () => {
    expect(expandMacros('{{char}} greets {{USER}}; {{ Char }} {{unknown}}', base)).toBe(
      'Mira greets Ann; Mira {{unknown}}',
    );
  });

  it('replaces {{original}} and defaults it to empty', () => {
    expect(expandMacros('A {{original}} B', { ...base, original: 'default' })).toBe('A default B');
    expect(expandMacros('A{{original}}B', base)).toBe('AB');
  });

  it('does not re-expand macro output, so content cannot smuggle macros', () => {
    const context = { ...base, original: '{{char}}', variables: { mood: '{{user}}' } };
    expect(expandMacros('{{original}} {{mood}}', context)).toBe('{{char}} {{user}}');
  });

  it('picks among options with both random syntaxes', () => {
    const first = { ...base, random: () => 0 };
    const last = { ...base, random: () => 0.99 };
    expect(expandMacros('{{random::red::green::blue}}', first)).toBe('red');
    expect(expandMacros('{{random::red::green::blue}}', last)).toBe('blue');
    expect(expandMacros('{{random:red,green}}', last)).toBe('green');
  });

  it('makes {{pick}} stable per chat and position', () => {
    const text = '{{pick::a::b::c::d::e::f::g::h}}';
    const once = expandMacros(text, base);
    for (let turn = 0; turn < 5; turn++)
      expect(expandMacros(text, { ...base, random: Math.random })).toBe(once);
    const seeds = new Set(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((chatSeed) => expandMacros(text, { ...base, chatSeed })),
    );
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('rolls dice within bounds and refuses absurd ones', () => {
    expect(expandMacros('{{roll:2d6}}', { ...base, random: () => 0 })).toBe('2');
    expect(expandMacros('{{roll:2d6}}', { ...base, random: () => 0.999 })).toBe('12');
    expect(expandMacros('{{roll:d20}}', { ...base, random: () => 0.5 })).toBe('11');
    expect(expandMacros('{{roll:1000d6}}', base)).toBe('{{roll:1000d6}}');
    expect(expandMacros('{{roll:2d0}}', base)).toBe('{{roll:2d0}}');
  });

  it('formats time, date and weekday', () => {
    expect(expandMacros('{{time}}|{{date}}|{{weekday}}', base)).toBe('2:05 PM|January 15, 2025|Wednesday');
    expect(expandMacros('{{weekday}}', { ...base, locale: 'zh-CN' })).toBe('星期三');
  });

  it('describes idle time in words', () => {
    const at = (minutes: number) => ({ ...base, lastUserMessageAt: now.getTime() - minutes * 60_000 });
    expect(expandMacros('{{idle_duration}}', base)).toBe('just now');
    expect(expandMacros('{{idle_duration}}', at(1))).toBe('1 minute');
    expect(expandMacros('{{idle_duration}}', at(135))).toBe('2 hours');
    expect(expandMacros('{{idle_duration}}', at(60 * 24 * 3))).toBe('3 days');
  });

  it('removes comments and applies {{trim}}', () => {
    expect(expandMacros('a {{// note for authors}}b', base)).toBe('a b');
    expect(expandMacros('line one\n\n{{trim}}\n\nline two', base)).toBe('line oneline two');
  });

  it('reads variables, case-insensitively, also via getvar', () => {
    const context = { ...base, variables: { Affinity: '12' } };
    expect(expandMacros('{{affinity}} {{getvar::Affinity}}', context)).toBe('12 12');
  });

  it('handles Chinese text around macros', () => {
    expect(expandMacros('{{user}}，欢迎来到长安。我是{{char}}。', base)).toBe(
      'Ann，欢迎来到长安。我是Mira。',
    );
  });
});

describe('expandNameMacros', () => {
  it('expands only names', () => {
    expect(expandNameMacros('{{char}} {{user}} {{time}}', 'Mira', 'Ann')).toBe('Mira Ann {{time}}');
  });
});
