/**
 * Model-written summaries as pure planning (no store, no model): which messages form a chunk, the
 * stable ids that make a retried job idempotent, what a roll-up still has to fold in, and the
 * conversation's language. Three scopes, all `kind: 'summary'` memories told apart by `subject`:
 * `chunk` (a run of messages that left the history window), `session` (one live record per chat)
 * and `relationship` (one live record per person and character, `sessionId` null).
 */
import { createHash } from 'node:crypto';

export type SummaryScope = 'chunk' | 'session' | 'relationship';

export const SUMMARY_LIMITS = {
  /** Messages per chunk: chunk boundaries lie every this many messages from the branch's root. */
  chunkMessages: 16,
  /** Characters of one message quoted to the model. */
  messageChars: 1200,
  /** Longest summary accepted, per scope (characters). */
  maxChars: { chunk: 1200, session: 2000, relationship: 1600 } satisfies Record<SummaryScope, number>,
  /** Chunk (or session) summaries folded into one roll-up call; more are folded in several calls. */
  foldBatch: 6,
  maxOutputTokens: 1500,
};

/** The part of a message that planning needs. */
export interface ChunkMessage {
  id: string;
}

/**
 * Splits a branch (root first) into complete chunks of `size` messages counted from the root, so
 * boundaries depend only on the branch, never on when a job ran; a trailing partial chunk waits.
 */
export function planChunks<T extends ChunkMessage>(
  branch: readonly T[],
  size = SUMMARY_LIMITS.chunkMessages,
): T[][] {
  const chunks: T[][] = [];
  const step = Math.max(1, Math.floor(size));
  for (let start = 0; start + step <= branch.length; start += step)
    chunks.push(branch.slice(start, start + step));
  return chunks;
}

function digest(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** The id of a chunk's summary: the same messages always give the same id (idempotent retries). */
export function chunkSummaryId(sessionId: string, messageIds: readonly string[]): string {
  return `summary-chunk-${digest([sessionId, ...messageIds])}`;
}

/** The id of a roll-up: derived from what it replaces and what it cites, so a rerun collides. */
export function rollupSummaryId(
  scope: 'session' | 'relationship',
  replaces: string | null,
  citedMessageIds: readonly string[],
): string {
  return `summary-${scope}-${digest([scope, replaces ?? '', ...citedMessageIds])}`;
}

/** A summary record as the roll-up planner sees it. */
export interface SummaryItem {
  id: string;
  /** Empty once forgotten. */
  text: string;
  citedMessageIds: string[];
  createdAt: number;
}

/**
 * The newest record of a scope that nothing supersedes (live or forgotten). A forgotten one still
 * says what it covered, so a roll-up does not bring back what the person asked to forget.
 */
export function latestSummary<T extends SummaryItem>(records: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const record of records) {
    if (
      latest === undefined ||
      record.createdAt > latest.createdAt ||
      (record.createdAt === latest.createdAt && record.id > latest.id)
    )
      latest = record;
  }
  return latest;
}

/**
 * A roll-up cites the last message of each chunk (or session) it covers, not every message: the
 * covered messages are a prefix of one branch, so deleting any of them deletes that last message
 * too (a subtree goes with its root), and the record citing it goes with it. The list stays small.
 */
export function coveredBy(rollup: Pick<SummaryItem, 'citedMessageIds'> | undefined): Set<string> {
  return new Set(rollup?.citedMessageIds ?? []);
}

/** The last cited message of a summary (its newest covered message), or undefined. */
export function lastCited(summary: Pick<SummaryItem, 'citedMessageIds'>): string | undefined {
  return summary.citedMessageIds.at(-1);
}

/** Scripts whose presence names the language to write in; anything else: "the conversation's". */
const SCRIPTS: { pattern: RegExp; language: string; native: string }[] = [
  { pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu, language: 'Japanese', native: '日本語' },
  { pattern: /\p{Script=Hangul}/gu, language: 'Korean', native: '한국어' },
  { pattern: /\p{Script=Han}/gu, language: 'Chinese', native: '中文' },
  { pattern: /\p{Script=Cyrillic}/gu, language: 'Russian', native: 'русский' },
  { pattern: /\p{Script=Arabic}/gu, language: 'Arabic', native: 'العربية' },
];

/** The language the texts are mostly written in, when a script gives it away; undefined otherwise. */
export function conversationLanguage(
  texts: readonly string[],
): { language: string; native: string } | undefined {
  const text = texts.join('\n');
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters === 0) return undefined;
  for (const script of SCRIPTS) {
    const count = (text.match(script.pattern) ?? []).length;
    // Japanese mixes kana with Han: any real share of kana means Japanese, not Chinese.
    const threshold = script.language === 'Japanese' ? 0.1 : 0.3;
    if (count / letters >= threshold) return { language: script.language, native: script.native };
  }
  return undefined;
}
