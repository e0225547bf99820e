import { describe, expect, it } from 'vitest';
import { chunkSummaryId, conversationLanguage, planChunks, rollupSummaryId } from './summaries.js';
import { summaryAnswer } from './summaries-prompts.js';

describe('summary planning', () => {
  it('cuts complete chunks from the root, so boundaries never depend on when a job ran', () => {
    const branch = Array.from({ length: 37 }, (_, index) => ({ id: `m${index}` }));
    expect(planChunks(branch, 16).map((chunk) => chunk.map((message) => message.id)[0])).toEqual([
      'm0',
      'm16',
    ]);
    expect(planChunks(branch.slice(0, 33), 16)).toEqual(planChunks(branch, 16));
    expect(planChunks(branch.slice(0, 15), 16)).toEqual([]);
  });

  it('gives stable ids: the same messages, the same id', () => {
    expect(chunkSummaryId('s', ['a', 'b'])).toBe(chunkSummaryId('s', ['a', 'b']));
    expect(chunkSummaryId('s', ['a', 'b'])).not.toBe(chunkSummaryId('s', ['a', 'c']));
    expect(rollupSummaryId('session', null, ['a'])).not.toBe(rollupSummaryId('relationship', null, ['a']));
  });

  it('names the language by its script', () => {
    expect(conversationLanguage(['我妹妹下个月要去里斯本。', 'ok'])?.language).toBe('Chinese');
    expect(conversationLanguage(['明日は東京に行きます。'])?.language).toBe('Japanese');
    expect(conversationLanguage(['Привет, как дела?'])?.language).toBe('Russian');
    expect(conversationLanguage(['Hello there', 'Bonjour'])).toBeUndefined();
  });

  it('accepts only a non-empty, bounded summary and nothing else', () => {
    const chunk = summaryAnswer('chunk');
    expect(chunk.parse({ summary: '  Sam  told Lin\n\n\n\nabout tea. ' })).toEqual({
      summary: 'Sam told Lin\n\nabout tea.',
    });
    expect(chunk.safeParse({ summary: '' }).success).toBe(false);
    expect(chunk.safeParse({ summary: 'x'.repeat(1201) }).success).toBe(false);
    expect(chunk.safeParse({ summary: 'ok', note: 'extra' }).success).toBe(false);
    expect(chunk.safeParse(null).success).toBe(false);
  });
});
