import { describe, expect, it } from 'vitest';
import { createBuiltinModerator } from '../src/safety/moderator.js';
import {
  createSentenceBuffer,
  screenStream,
  type StreamScreenEvent,
  type StreamScreenResult,
} from '../src/safety/stream-screen.js';
import type { ModerationVerdict, Moderator, ScreenContext } from '../src/safety/types.js';
import { zeroScores } from '../src/safety/categories.js';

const context: ScreenContext = { direction: 'output', policy: 'standard' };

async function* scripted(deltas: (string | Uint8Array)[], seen?: { read: number; closed: boolean }) {
  try {
    for (const delta of deltas) {
      if (seen) seen.read += 1;
      yield delta;
    }
  } finally {
    if (seen) seen.closed = true;
  }
}

/** A moderator that blocks or revises texts containing a marker word, and records what it saw. */
function markerModerator(): Pick<Moderator, 'screen'> & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    screen(text): ModerationVerdict {
      seen.push(text);
      const action = text.includes('BLOCKME') ? 'block' : text.includes('REVISEME') ? 'revise' : 'allow';
      return {
        action,
        flagged: action !== 'allow',
        categories: action === 'allow' ? [] : ['violence_weapons'],
        scores: zeroScores(),
        reason: action,
      };
    },
  };
}

async function run(
  deltas: (string | Uint8Array)[],
  moderator: Pick<Moderator, 'screen'>,
  options: { maxBuffer?: number; contextSentences?: number } = {},
  seen?: { read: number; closed: boolean },
): Promise<{ events: StreamScreenEvent[]; result: StreamScreenResult }> {
  const events: StreamScreenEvent[] = [];
  const generator = screenStream(scripted(deltas, seen), { moderator, context, ...options });
  for (;;) {
    const next = await generator.next();
    if (next.done === true) return { events, result: next.value };
    events.push(next.value);
  }
}

describe('sentence buffer', () => {
  it('cuts English and Chinese sentence ends and newlines, holding a trailing "." for look-ahead', () => {
    const buffer = createSentenceBuffer();
    expect(buffer.push('Hello there. How are')).toEqual(['Hello there.']);
    expect(buffer.push(' you? 我很好。你呢！还')).toEqual([' How are you?', ' 我很好。', '你呢！']);
    expect(buffer.push('有\nnext')).toEqual(['还有\n']);
    expect(buffer.push(' line ends here.')).toEqual([]);
    expect(buffer.flush()).toBe('next line ends here.');
  });

  it('does not cut decimals or abbreviations without a following space, and keeps closing quotes', () => {
    const buffer = createSentenceBuffer();
    expect(buffer.push('Pi is 3.14 and e.g. this. "Wow!" she said?! Yes.')).toEqual([
      'Pi is 3.14 and e.g.',
      ' this.',
      ' "Wow!"',
      ' she said?!',
    ]);
    expect(buffer.push('」 ok')).toEqual([' Yes.」']);
  });

  it('cuts a very long sentence at a space near the limit and never holds more than maxBuffer', () => {
    const buffer = createSentenceBuffer(50);
    const out = buffer.push('word '.repeat(30));
    expect(out.length).toBeGreaterThanOrEqual(2);
    for (const piece of out) expect(piece.length).toBeLessThanOrEqual(50);
    expect(buffer.pending).toBeLessThan(50);
    expect(out.join('') + buffer.flush()).toBe('word '.repeat(30));
  });

  it('hard-cuts text with no spaces without splitting a surrogate pair', () => {
    const buffer = createSentenceBuffer(9);
    const text = 'ab😀😀😀😀😀😀';
    const out = buffer.push(text);
    for (const piece of out) expect(piece).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/u);
    expect(out.join('') + buffer.flush()).toBe(text);
  });
});

describe('screenStream', () => {
  it('releases nothing before it is screened, sentence by sentence', async () => {
    const moderator = markerModerator();
    const { events, result } = await run(['The sun', ' is up. Birds', ' sing! 你好', '。 Bye'], moderator, {
      contextSentences: 0,
    });
    expect(events.map((event) => event.text)).toEqual(['The sun is up.', ' Birds sing!', ' 你好。', ' Bye']);
    expect(moderator.seen).toEqual(['The sun is up.', ' Birds sing!', ' 你好。', ' Bye']);
    expect(result).toMatchObject({ status: 'complete', released: 'The sun is up. Birds sing! 你好。 Bye' });
  });

  it('decodes multibyte characters split across byte chunks', async () => {
    const bytes = new TextEncoder().encode('我很好。谢谢！');
    const chunks = [bytes.slice(0, 2), bytes.slice(2, 7), bytes.slice(7, 13), bytes.slice(13)];
    const { events, result } = await run(chunks, markerModerator());
    expect(events.map((event) => event.text)).toEqual(['我很好。', '谢谢！']);
    expect(result.released).toBe('我很好。谢谢！');
  });

  it('screens a reply with no sentence end at all when the stream finishes', async () => {
    const { events, result } = await run(['no ', 'punctuation ', 'here'], markerModerator());
    expect(events.map((event) => event.text)).toEqual(['no punctuation here']);
    expect(result.status).toBe('complete');
  });

  it('on block, stops mid-reply, closes the source and reports what was held back', async () => {
    const seen = { read: 0, closed: false };
    const { events, result } = await run(
      ['Sure. ', 'Here is how: BLOCKME step one. ', 'Step two. ', 'Step three.'],
      markerModerator(),
      {},
      seen,
    );
    expect(events.map((event) => event.type)).toEqual(['text', 'block']);
    expect(result.status).toBe('blocked');
    expect(result.released).toBe('Sure.');
    expect(result.released).not.toContain('BLOCKME');
    expect(seen.closed).toBe(true);
    expect(seen.read).toBeLessThan(4);
  });

  it('on revise, reports and withholds the rest for the reviser', async () => {
    const { events, result } = await run(
      ['Fine. Then REVISEME here. ', 'More text. ', 'End'],
      markerModerator(),
    );
    expect(events.map((event) => event.type)).toEqual(['text', 'revise']);
    expect(result.status).toBe('revise');
    expect(result.released).toBe('Fine.');
    expect(result.released + result.withheld).toBe('Fine. Then REVISEME here. More text. End');
  });

  it('catches a harmful sentence in the middle of a long streamed reply with the built-in rules', async () => {
    const moderator = createBuiltinModerator({ weights: null });
    const reply =
      '*leans closer* You want to know my secrets? Fine. Here is how to make a pipe bomb at home: ' +
      'take a steel pipe and end caps. Then fill it. That is all.';
    const deltas = reply.match(/.{1,7}/gsu) ?? [];
    const { events, result } = await run(deltas, moderator);
    expect(result.status).toBe('blocked');
    expect(result.released).not.toMatch(/pipe bomb/);
    expect(events.at(-1)?.verdict.categories).toContain('violence_weapons');
  });

  it('costs well under 0.1 ms per sentence beyond the moderator itself', async () => {
    const moderator: Pick<Moderator, 'screen'> = {
      screen: () => ({ action: 'allow', flagged: false, categories: [], scores: zeroScores(), reason: '' }),
    };
    const sentence = 'This is a perfectly ordinary sentence about the weather today. ';
    const deltas = (sentence.repeat(2000).match(/.{1,5}/gsu) ?? []) as string[];
    const started = performance.now();
    const { result } = await run(deltas, moderator);
    const perSentence = (performance.now() - started) / result.sentences;
    expect(result.sentences).toBe(2000);
    expect(perSentence).toBeLessThan(0.1);
  });
});
