/** Calendar helpers: resolved times and the month/year tokens they index as. */

export const DAY_MS = 86_400_000;

/** A time an expression points at, at the precision it has. */
export type ResolvedTime =
  | { kind: 'day'; at: number }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'year'; year: number }
  /** "the first time we talked": the earliest memory, known only to the index. */
  | { kind: 'first' };

/** Month number (1-12) for an English month name or its three-letter abbreviation. */
export function monthNumber(name: string): number | null {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 || (name.length > 3 && !MONTH_NAMES.includes(name.toLowerCase())) ? null : index + 1;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'sept',
];

/** Calendar year and month (1-12) of a timestamp in a zone given as minutes east of UTC. */
export function calendarOf(timestamp: number, offsetMinutes: number): { year: number; month: number } {
  const date = new Date(timestamp + offsetMinutes * 60_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** Shifts a calendar month by `delta` months. */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The index token of a month: `#m2023-05`. */
export function monthToken(year: number, month: number): string {
  return `#m${year}-${String(month).padStart(2, '0')}`;
}

/** The index token of a year: `#y2023`. */
export function yearToken(year: number): string {
  return `#y${year}`;
}

/** Tokens for resolved times: a day or month gives its month and year; a year gives the year. */
export function tokensFor(
  times: readonly ResolvedTime[],
  offsetMinutes: number,
  firstTimestamp: number | null,
): string[] {
  const tokens = new Set<string>();
  for (const time of times) {
    let resolved: ResolvedTime = time;
    if (resolved.kind === 'first') {
      if (firstTimestamp === null) continue;
      resolved = { kind: 'day', at: firstTimestamp };
    }
    if (resolved.kind === 'day') {
      const { year, month } = calendarOf(resolved.at, offsetMinutes);
      resolved = { kind: 'month', year, month };
    }
    if (resolved.kind === 'month') tokens.add(monthToken(resolved.year, resolved.month));
    tokens.add(yearToken(resolved.year));
  }
  return [...tokens];
}
