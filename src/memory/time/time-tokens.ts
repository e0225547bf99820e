/** Time tokens for memories and questions: resolved expressions plus a marker for time talk. */
import { tokensFor } from './calendar.js';
import { asksChineseTime, chineseTimes } from './chinese-time.js';
import { asksEnglishTime, englishTimes } from './english-time.js';

/** Marks a memory that mentions a time, and a question that asks for one ("when …?"). */
export const TIME_TALK_TOKEN = '#time';

export interface TimeAnalysis {
  /** Month/year tokens the text's time expressions resolve to. */
  tokens: string[];
  /** The text mentions a time (memory) or asks for one (question). */
  timeTalk: boolean;
}

export interface TimeContext {
  /** What relative expressions are resolved against: the message's time, or "now" for a question. */
  reference: number;
  /** Minutes east of UTC for calendar boundaries. */
  offsetMinutes: number;
  /** The earliest memory's time, for "the first time we talked"; null when unknown. */
  firstTimestamp: number | null;
}

/** Resolves the time expressions of a memory or a question into index tokens. */
export function analyzeTime(text: string, context: TimeContext, question: boolean): TimeAnalysis {
  const lower = text.toLowerCase();
  const times = [
    ...englishTimes(lower, context.reference, context.offsetMinutes),
    ...chineseTimes(text, context.reference, context.offsetMinutes),
  ];
  const tokens = tokensFor(times, context.offsetMinutes, context.firstTimestamp);
  const timeTalk = question ? asksEnglishTime(lower) || asksChineseTime(text) : times.length > 0;
  return { tokens, timeTalk };
}
