/**
 * Chinese analysis: dictionary words from `Intl.Segmenter` (ICU) plus overlapping character bigrams,
 * so a word the segmenter splits differently in the question and in the memory still matches.
 */
import { CHINESE_STOP_WORDS } from './stop-words.js';

/** Index terms for a run of Han characters: segmenter words (not stop words) and character bigrams. */
export function chineseTerms(run: string, segmenter: Intl.Segmenter): string[] {
  const terms: string[] = [];
  for (const segment of segmenter.segment(run)) {
    if (segment.isWordLike !== true || CHINESE_STOP_WORDS.has(segment.segment)) continue;
    terms.push(segment.segment);
  }
  const characters = Array.from(run);
  if (characters.length === 1 && !CHINESE_STOP_WORDS.has(run)) terms.push(run);
  for (let index = 0; index + 1 < characters.length; index += 1) {
    const bigram = `${characters[index]}${characters[index + 1]}`;
    // A two-character word is also its own bigram; it then counts twice on both sides alike.
    if (!CHINESE_STOP_WORDS.has(bigram)) terms.push(bigram);
  }
  return terms;
}
