/**
 * Language-aware analysis of mixed text: Han runs go to the Chinese analyser, everything else to the
 * English one. Known speaker names are taken out of the terms and reported separately, so "Caroline"
 * in "What did Caroline research?" becomes a speaker boost instead of a word that only matches turns
 * where someone says her name.
 */
import { chineseTerms } from './chinese.js';
import { englishTerm, englishWords } from './english.js';

const HAN_RUN = /\p{Script=Han}+/gu;

export interface Analysis {
  terms: string[];
  /** Known names found in the text (lowercased, as registered). */
  names: string[];
}

export interface Analyzer {
  /** Analyses a memory (`query: false`) or a question (`query: true`, framing words dropped too). */
  analyze(text: string, options: { query: boolean; names: ReadonlySet<string> }): Analysis;
}

/** Creates the mixed English/Chinese analyser; one segmenter per analyser, reused across calls. */
export function createAnalyzer(): Analyzer {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return {
    analyze(text, { query, names }) {
      const terms: string[] = [];
      const found: string[] = [];
      let last = 0;
      for (const match of text.matchAll(HAN_RUN)) {
        analyzeOther(text.slice(last, match.index), query, names, terms, found);
        for (const piece of takeNames(match[0], names, found)) terms.push(...chineseTerms(piece, segmenter));
        last = match.index + match[0].length;
      }
      analyzeOther(text.slice(last), query, names, terms, found);
      return { terms, names: found };
    },
  };
}

function analyzeOther(
  text: string,
  query: boolean,
  names: ReadonlySet<string>,
  terms: string[],
  found: string[],
): void {
  if (text.length === 0) return;
  for (const word of englishWords(text)) {
    if (names.has(word)) {
      found.push(word);
      continue;
    }
    const term = englishTerm(word, { query });
    if (term !== null) terms.push(term);
  }
}

/** Splits a Han run around known Chinese names, recording them. */
function takeNames(run: string, names: ReadonlySet<string>, found: string[]): string[] {
  let pieces = [run];
  for (const name of names) {
    if (!/\p{Script=Han}/u.test(name) || !run.includes(name)) continue;
    found.push(name);
    pieces = pieces.flatMap((piece) => piece.split(name)).filter((piece) => piece.length > 0);
  }
  return pieces;
}
