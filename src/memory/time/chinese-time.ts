/** Chinese time expressions (昨天, 上周, 上个月, 三天前, 2022年5月, 第一次聊天) resolved to times. */
import { addMonths, calendarOf, DAY_MS, type ResolvedTime } from './calendar.js';

const DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  几: 3,
  半: 1,
};
const UNIT_DAYS: Readonly<Record<string, number>> = {
  天: 1,
  日: 1,
  周: 7,
  星期: 7,
  礼拜: 7,
  月: 30,
  年: 365,
};

/** Parses 1-99 written with digits or Chinese numerals (三, 十二, 二十五). */
function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const ten = text.indexOf('十');
  if (ten < 0) return DIGITS[text] ?? 1;
  const tens = ten === 0 ? 1 : (DIGITS[text.slice(0, ten)] ?? 1);
  const ones = ten === text.length - 1 ? 0 : (DIGITS[text.slice(ten + 1)] ?? 0);
  return tens * 10 + ones;
}

const DAY_WORDS: Readonly<Record<string, number>> = {
  大前天: -3,
  前天: -2,
  昨天: -1,
  昨晚: -1,
  今天: 0,
  今晚: 0,
  明天: 1,
  后天: 2,
  上周: -7,
  上星期: -7,
  上个星期: -7,
  上礼拜: -7,
  上个礼拜: -7,
  这周: -2,
  本周: -2,
  下周: 7,
  下个星期: 7,
};
const MONTH_WORDS: Readonly<Record<string, number>> = {
  上个月: -1,
  上月: -1,
  这个月: 0,
  本月: 0,
  下个月: 1,
  下月: 1,
};
const YEAR_WORDS: Readonly<Record<string, number>> = { 前年: -2, 去年: -1, 今年: 0, 明年: 1 };
const NUMERAL = '[\\d一二两三四五六七八九十几半]+';
const MONTH_NUMERAL = '[\\d一二三四五六七八九十]+';

/** Finds Chinese time expressions and resolves them against `reference` (ms). */
export function chineseTimes(text: string, reference: number, offsetMinutes: number): ResolvedTime[] {
  const times: ResolvedTime[] = [];
  const { year, month } = calendarOf(reference, offsetMinutes);
  for (const [word, days] of Object.entries(DAY_WORDS)) {
    if (text.includes(word)) times.push({ kind: 'day', at: reference + days * DAY_MS });
  }
  for (const [word, delta] of Object.entries(MONTH_WORDS)) {
    if (text.includes(word)) times.push({ kind: 'month', ...addMonths(year, month, delta) });
  }
  for (const [word, delta] of Object.entries(YEAR_WORDS)) {
    if (text.includes(word)) times.push({ kind: 'year', year: year + delta });
  }
  for (const match of text.matchAll(new RegExp(`(${NUMERAL})个?(天|日|周|星期|礼拜|月|年)(?:以)?前`, 'g'))) {
    const count = chineseNumber(match[1] ?? '');
    if (match[2] === '年') times.push({ kind: 'year', year: year - count });
    else times.push({ kind: 'day', at: reference - count * (UNIT_DAYS[match[2] ?? '天'] ?? 1) * DAY_MS });
  }
  for (const match of text.matchAll(new RegExp(`(?:(\\d{4})年)?(${MONTH_NUMERAL})月(?!前)`, 'g'))) {
    const monthNumber = chineseNumber(match[2] ?? '');
    if (monthNumber < 1 || monthNumber > 12) continue;
    times.push({ kind: 'month', year: match[1] ? Number(match[1]) : year, month: monthNumber });
  }
  for (const match of text.matchAll(/(\d{4})年(?![\d一二两三四五六七八九十]+月)/g)) {
    times.push({ kind: 'year', year: Number(match[1]) });
  }
  if (/第一次(?:聊天|说话|见面|谈话|聊)|刚认识/.test(text)) times.push({ kind: 'first' });
  return times;
}

/** True when a Chinese question asks for a time (什么时候, 哪天, 哪一年, 多久以前). */
export function asksChineseTime(text: string): boolean {
  return /什么时候|哪天|哪一天|哪年|哪一年|几月|哪个月|多久以前|多久前|何时/.test(text);
}
