/** How memories and questions become weighted term bags for the BM25 index. */
import type { Analyzer } from './analysis/analyze.js';
import { calendarOf, monthToken } from './time/calendar.js';
import { analyzeTime, TIME_TALK_TOKEN, type TimeContext } from './time/time-tokens.js';
import type { MemoryItem } from './types.js';

export type TermBag = Map<string, number>;

/** Adds `weight` for every term (repeated terms add up). */
export function addTerms(bag: TermBag, terms: Iterable<string>, weight: number): TermBag {
  for (const term of terms) bag.set(term, (bag.get(term) ?? 0) + weight);
  return bag;
}

/** Adds a whole bag scaled by `weight`. */
export function addBag(bag: TermBag, other: ReadonlyMap<string, number>, weight: number): TermBag {
  for (const [term, value] of other) bag.set(term, (bag.get(term) ?? 0) + value * weight);
  return bag;
}

/** A memory's own terms: its words and the times it mentions, resolved against when it was said. */
export function itemTerms(
  item: MemoryItem,
  analyzer: Analyzer,
  names: ReadonlySet<string>,
  time: Omit<TimeContext, 'reference'>,
): TermBag {
  const bag = addTerms(new Map(), analyzer.analyze(item.text, { query: false, names }).terms, 1);
  const times = analyzeTime(item.text, { ...time, reference: item.timestamp }, false);
  addTerms(bag, times.tokens, 1);
  if (times.timeTalk) addTerms(bag, [TIME_TALK_TOKEN], 1);
  return bag;
}

/** The month a memory was made, as a token. */
export function dateToken(timestamp: number, offsetMinutes: number): string {
  const { year, month } = calendarOf(timestamp, offsetMinutes);
  return monthToken(year, month);
}

export interface QueryTerms {
  bag: TermBag;
  names: string[];
}

/** A question's terms (framing words dropped), the known names it mentions, and its time tokens. */
export function queryTerms(
  text: string,
  analyzer: Analyzer,
  names: ReadonlySet<string>,
  time: TimeContext,
  timeTalkWeight: number,
): QueryTerms {
  const analysis = analyzer.analyze(text, { query: true, names });
  const bag = addTerms(new Map(), analysis.terms, 1);
  const times = analyzeTime(text, time, true);
  addTerms(bag, times.tokens, 1);
  if (times.timeTalk && timeTalkWeight > 0) addTerms(bag, [TIME_TALK_TOKEN], timeTalkWeight);
  return { bag, names: analysis.names };
}

/** True for the index's own tokens (time, markers), which feedback never adds to a query. */
export function isSpecialToken(term: string): boolean {
  return term.startsWith('#');
}
