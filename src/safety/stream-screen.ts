/**
 * Output screening while a reply streams: text deltas are cut into sentences behind a small
 * look-ahead buffer and each sentence is screened before it is released, so nothing reaches the
 * caller unscreened. Pure (no I/O, no timers): the engine feeds model deltas in and forwards what
 * comes out.
 *
 * Sentence ends: `.`, `!`, `?` followed by whitespace (so "3.14" and "e.g" do not cut), Chinese
 * `。！？` at once, and newlines; closing quotes/brackets after an end stay with their sentence. A
 * buffer that reaches `maxBuffer` characters without an end is cut at the last space or comma (or
 * hard at the limit, never inside a surrogate pair). Byte deltas are decoded in streaming mode, so a
 * multibyte character split across two chunks is never garbled.
 */
import { zeroScores } from './categories.js';
import type { ModerationVerdict, Moderator, ScreenContext } from './types.js';

/** Default largest stretch of text held back before it is screened anyway. */
export const DEFAULT_MAX_BUFFER = 200;

const CLOSERS = new Set(['"', "'", ')', ']', '}', '”', '’', '」', '』', '）', '》', '】']);
const WHITESPACE = /\s/;

/** Cuts a growing text into sentences; `push` returns the complete ones, `flush` the remainder. */
export interface SentenceBuffer {
  push(text: string): string[];
  flush(): string;
  /** Characters currently held back. */
  readonly pending: number;
}

/** Index just past the first sentence end in `text`, or -1 when none is certain yet. */
function sentenceEnd(text: string, final: boolean): number {
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    if (char === '\n') return index + 1;
    const wide = char === '。' || char === '！' || char === '？';
    if (!wide && char !== '.' && char !== '!' && char !== '?') continue;
    let end = index + 1;
    while (end < text.length && CLOSERS.has(text[end] ?? '')) end += 1;
    if (wide) return end;
    // Also runs of "?!" or "...": the end is after the last mark.
    while (end < text.length && '.!?'.includes(text[end] ?? '')) end += 1;
    while (end < text.length && CLOSERS.has(text[end] ?? '')) end += 1;
    if (end >= text.length) return final ? end : -1;
    if (WHITESPACE.test(text[end] ?? '')) return end;
    index = end - 1;
  }
  return -1;
}

/** Where to cut an over-long buffer: after the last space/comma in the second half, else the limit. */
function forcedCut(text: string, limit: number): number {
  for (let index = Math.min(limit, text.length) - 1; index >= limit / 2; index -= 1) {
    const char = text[index] ?? '';
    if (char === ' ' || char === ',' || char === '，' || char === '、' || char === ';' || char === '；')
      return index + 1;
  }
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** A sentence buffer with at most `maxBuffer` characters held back. */
export function createSentenceBuffer(maxBuffer = DEFAULT_MAX_BUFFER): SentenceBuffer {
  let buffer = '';
  return {
    push(text) {
      buffer += text;
      const out: string[] = [];
      for (;;) {
        const end = sentenceEnd(buffer, false);
        if (end > 0 && end <= maxBuffer) {
          out.push(buffer.slice(0, end));
          buffer = buffer.slice(end);
          continue;
        }
        if (buffer.length < maxBuffer) break;
        const cut = forcedCut(buffer, maxBuffer);
        out.push(buffer.slice(0, cut));
        buffer = buffer.slice(cut);
      }
      return out;
    },
    flush() {
      const rest = buffer;
      buffer = '';
      return rest;
    },
    get pending() {
      return buffer.length;
    },
  };
}

/** Options for {@link screenStream}. */
export interface StreamScreenOptions {
  moderator: Pick<Moderator, 'screen'>;
  /** Usually `{direction: 'output', policy, characterName}`. */
  context: ScreenContext;
  /** Largest stretch held back without a sentence end (default 200 characters). */
  maxBuffer?: number;
  /**
   * Already released text screened together with each new sentence (default 1 sentence), so a
   * harmful instruction split over two sentences is still seen as one.
   */
  contextSentences?: number;
}

/** What the screen yields: a released sentence, or the stop (block) / hand-over (revise) report. */
export type StreamScreenEvent =
  | { type: 'text'; text: string; verdict: ModerationVerdict }
  | { type: 'block' | 'revise'; text: string; verdict: ModerationVerdict };

interface Stopped {
  status: 'blocked' | 'revise';
  verdict: ModerationVerdict;
  withheld: string;
}

/** The generator's return value: what was released, what was held back, and the deciding verdict. */
export interface StreamScreenResult {
  status: 'complete' | 'blocked' | 'revise';
  /** Text the caller received. */
  released: string;
  /** Text screened but not released: the flagged sentence (and, on revise, everything after it). */
  withheld: string;
  /** The verdict that stopped the stream; null when it completed. */
  verdict: ModerationVerdict | null;
  sentences: number;
}

/**
 * Screens a stream of text deltas sentence by sentence. Yields `text` events for released
 * sentences. On `block` it yields one `block` event and stops reading the source (its iterator is
 * closed). On `revise` it yields one `revise` event, then reads the rest of the reply without
 * releasing it, so the engine can hand the whole original (`released + withheld`) to the reviser.
 */
export async function* screenStream(
  deltas: AsyncIterable<string | Uint8Array>,
  options: StreamScreenOptions,
): AsyncGenerator<StreamScreenEvent, StreamScreenResult, undefined> {
  const buffer = createSentenceBuffer(options.maxBuffer ?? DEFAULT_MAX_BUFFER);
  const decoder = new TextDecoder('utf-8');
  const keep = options.contextSentences ?? 1;
  const recent: string[] = [];
  let released = '';
  let sentences = 0;
  // Set inside the helpers below; typed by cast so control flow does not narrow it to null.
  let stopped = null as Stopped | null;

  function judge(sentence: string): StreamScreenEvent {
    sentences += 1;
    const window = keep > 0 ? recent.join('') + sentence : sentence;
    const verdict = options.moderator.screen(window, options.context);
    if (verdict.action === 'allow') {
      recent.push(sentence);
      if (recent.length > keep) recent.shift();
      released += sentence;
      return { type: 'text', text: sentence, verdict };
    }
    return { type: verdict.action, text: sentence, verdict };
  }

  function* process(pieces: string[]): Generator<StreamScreenEvent> {
    for (const piece of pieces) {
      if (stopped !== null) {
        stopped.withheld += piece;
        continue;
      }
      if (piece.trim() === '') {
        // Whitespace only: nothing to screen, release as is.
        released += piece;
        yield { type: 'text', text: piece, verdict: ALLOW_EMPTY };
        continue;
      }
      const event = judge(piece);
      if (event.type !== 'text')
        stopped = {
          status: event.type === 'block' ? 'blocked' : 'revise',
          verdict: event.verdict,
          withheld: piece,
        };
      yield event;
      if (stopped?.status === 'blocked') return;
    }
  }

  const iterator = deltas[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) break;
      const text = typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true });
      yield* process(buffer.push(text));
      if (stopped?.status === 'blocked') break;
    }
    if (stopped?.status !== 'blocked') {
      const tail = decoder.decode() + buffer.flush();
      if (tail !== '') yield* process([tail]);
    }
  } finally {
    if (stopped?.status === 'blocked') await iterator.return?.();
  }
  if (stopped === null) return { status: 'complete', released, withheld: '', verdict: null, sentences };
  return {
    status: stopped.status,
    released,
    withheld: stopped.withheld,
    verdict: stopped.verdict,
    sentences,
  };
}

const ALLOW_EMPTY: ModerationVerdict = {
  action: 'allow',
  flagged: false,
  categories: [],
  scores: zeroScores(),
  reason: 'allow: whitespace only',
};
