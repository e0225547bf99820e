/** English time expressions ("yesterday", "last month", "3 weeks ago", "in May 2022") resolved to times. */
import { addMonths, calendarOf, DAY_MS, monthNumber, type ResolvedTime } from './calendar.js';

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  couple: 2,
  few: 3,
  several: 3,
};
const UNIT_DAYS: Readonly<Record<string, number>> = { day: 1, week: 7, month: 30, year: 365 };
const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';

interface Rule {
  pattern: RegExp;
  resolve(match: RegExpMatchArray, reference: number, offset: number): ResolvedTime[];
}

const day = (at: number): ResolvedTime[] => [{ kind: 'day', at }];
const monthFrom = (reference: number, offset: number, delta: number): ResolvedTime[] => {
  const { year, month } = calendarOf(reference, offset);
  return [{ kind: 'month', ...addMonths(year, month, delta) }];
};
const yearFrom = (reference: number, offset: number, delta: number): ResolvedTime[] => [
  { kind: 'year', year: calendarOf(reference, offset).year + delta },
];

const RULES: readonly Rule[] = [
  { pattern: /\byesterday\b/g, resolve: (_, reference) => day(reference - DAY_MS) },
  {
    pattern: /\b(?:today|tonight|this (?:morning|afternoon|evening))\b/g,
    resolve: (_, reference) => day(reference),
  },
  { pattern: /\btomorrow\b/g, resolve: (_, reference) => day(reference + DAY_MS) },
  {
    pattern: new RegExp(`\\b(?:last|past) (?:week|weekend|${WEEKDAY})\\b|\\ba week ago\\b`, 'g'),
    resolve: (_, reference) => day(reference - 7 * DAY_MS),
  },
  {
    pattern: new RegExp(`\\b(?:this (?:week|weekend|${WEEKDAY})|the other day)\\b`, 'g'),
    resolve: (_, reference) => day(reference - 2 * DAY_MS),
  },
  { pattern: /\bnext (?:week|weekend)\b/g, resolve: (_, reference) => day(reference + 7 * DAY_MS) },
  {
    pattern: /\b(?:last|past) month\b/g,
    resolve: (_, reference, offset) => monthFrom(reference, offset, -1),
  },
  { pattern: /\bthis month\b/g, resolve: (_, reference, offset) => monthFrom(reference, offset, 0) },
  { pattern: /\bnext month\b/g, resolve: (_, reference, offset) => monthFrom(reference, offset, 1) },
  { pattern: /\blast year\b/g, resolve: (_, reference, offset) => yearFrom(reference, offset, -1) },
  { pattern: /\bthis year\b/g, resolve: (_, reference, offset) => yearFrom(reference, offset, 0) },
  { pattern: /\bnext year\b/g, resolve: (_, reference, offset) => yearFrom(reference, offset, 1) },
  {
    pattern:
      /\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|(?:a )?couple(?: of)?|(?:a )?few|several) (day|week|month|year)s? ago\b/g,
    resolve: (match, reference, offset) => {
      const count = Number(match[1]) || (NUMBER_WORDS[(match[1] ?? '').replace(/^a |\s*of$/g, '')] ?? 1);
      // "Two years ago" names a year, not a month.
      if (match[2] === 'year') return yearFrom(reference, offset, -count);
      return day(reference - count * (UNIT_DAYS[match[2] ?? 'day'] ?? 1) * DAY_MS);
    },
  },
  {
    pattern: new RegExp(
      `\\b(${MONTH})(?: (\\d{1,2})(?:st|nd|rd|th)?)?,? (\\d{4})\\b|\\b(\\d{1,2}) (${MONTH}),? (\\d{4})\\b`,
      'g',
    ),
    resolve: (match) => {
      const month = monthNumber(match[1] ?? match[5] ?? '');
      const year = Number(match[3] ?? match[6]);
      return month === null ? [] : [{ kind: 'month', year, month }];
    },
  },
  {
    // A month without a year ("in May", "on 8 May"): the one of the reference year.
    pattern: new RegExp(
      `\\b(?:in|on|since|during|of|early|late|mid) (?:\\d{1,2} )?(${MONTH})\\b(?!,? \\d{4})`,
      'g',
    ),
    resolve: (match, reference, offset) => {
      const month = monthNumber(match[1] ?? '');
      return month === null ? [] : [{ kind: 'month', year: calendarOf(reference, offset).year, month }];
    },
  },
  {
    pattern: /\b(?:in|of|since|during|around|year) ((?:19|20)\d{2})\b/g,
    resolve: (match) => [{ kind: 'year', year: Number(match[1]) }],
  },
  {
    pattern:
      /\b(?:the )?first time (?:we|i|you) (?:talked|spoke|met|chatted)\b|\bwhen we (?:first )?(?:met|started talking)\b/g,
    resolve: () => [{ kind: 'first' }],
  },
];

/** Finds English time expressions in lowercased text and resolves them against `reference` (ms). */
export function englishTimes(text: string, reference: number, offsetMinutes: number): ResolvedTime[] {
  const times: ResolvedTime[] = [];
  for (const rule of RULES) {
    for (const match of text.matchAll(rule.pattern))
      times.push(...rule.resolve(match, reference, offsetMinutes));
  }
  return times;
}

/** True when an English question asks for a time ("when", "what year", "how long ago"). */
export function asksEnglishTime(text: string): boolean {
  return /\b(?:when|what (?:date|day|year|month|time)|which (?:year|month|day)|how long ago)\b/.test(text);
}
