import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './analyze.js';
import { stemEnglish } from './stem.js';

const analyzer = createAnalyzer();
const none = new Set<string>();

describe('English analysis', () => {
  it('lowercases, drops stop words, contractions and possessives, and stems', () => {
    const { terms } = analyzer.analyze("I'm painting Melanie's horses; we didn't go camping!", {
      query: false,
      names: none,
    });
    expect(terms).toEqual(['paint', 'melani', 'hors', 'go', 'camp']);
  });

  it('maps inflections and irregular forms onto one key', () => {
    expect(stemEnglish('painted')).toBe(stemEnglish('paintings'));
    expect(stemEnglish('running')).toBe(stemEnglish('runs'));
    expect(stemEnglish('making')).toBe(stemEnglish('make'));
    expect(stemEnglish('went')).toBe('go');
    expect(stemEnglish('studies')).toBe(stemEnglish('study'));
    expect(stemEnglish('thing')).toBe('thing');
  });

  it('drops question framing words only from queries', () => {
    const text = 'What kind of music would she likely enjoy?';
    expect(analyzer.analyze(text, { query: true, names: none }).terms).toEqual(['music', 'enjoy']);
    expect(analyzer.analyze(text, { query: false, names: none }).terms).toContain('kind');
  });

  it('maps chat spellings onto the words questions use', () => {
    const terms = analyzer.analyze('my bday pics w/ mom', { query: false, names: none }).terms;
    expect(terms).toEqual(['birthday', 'pictur', 'mother']);
  });

  it('takes known names out of the terms and reports them', () => {
    const result = analyzer.analyze('What did Caroline research?', {
      query: true,
      names: new Set(['caroline']),
    });
    expect(result).toEqual({ terms: ['research'], names: ['caroline'] });
  });
});

describe('Chinese and mixed analysis', () => {
  it('emits segmenter words and character bigrams without particles', () => {
    const { terms } = analyzer.analyze('我去了北京看长城', { query: false, names: none });
    expect(terms).toContain('北京');
    expect(terms).toContain('长城');
    expect(terms).toContain('京看'); // a bigram across a word boundary
    expect(terms).not.toContain('了');
  });

  it('matches a word however the segmenter splits it, through shared bigrams', () => {
    const memory = new Set(analyzer.analyze('我特别喜欢吃火锅', { query: false, names: none }).terms);
    const question = analyzer.analyze('她喜欢火锅吗', { query: true, names: none }).terms;
    expect(question.filter((term) => memory.has(term))).toEqual(expect.arrayContaining(['喜欢', '火锅']));
  });

  it('handles mixed English and Chinese in one text', () => {
    const { terms } = analyzer.analyze('周末去 hiking 了, 在 Yosemite', { query: false, names: none });
    expect(terms).toEqual(expect.arrayContaining(['周末', 'hik', 'yosemit']));
  });

  it('takes Chinese names out of Han runs', () => {
    const result = analyzer.analyze('小明喜欢画画', { query: true, names: new Set(['小明']) });
    expect(result.names).toEqual(['小明']);
    expect(result.terms).not.toContain('小明');
    expect(result.terms).toContain('喜欢');
  });
});
