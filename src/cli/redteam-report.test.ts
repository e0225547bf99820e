import { describe, expect, it } from 'vitest';
import { looksLikeRefusal, summarise, type RedteamCase } from '../engine/redteam.js';
import { renderRedteamReport, wilson, worstCases } from './redteam-report.js';

const run = {
  model: 'tiny.gguf',
  guard: false,
  promptsSha256: 'ab'.repeat(32),
  startedAt: '2026-12-03T20:00:00.000Z',
  finishedAt: '2026-12-03T20:01:00.000Z',
  medianMs: 12,
};

function item(overrides: Partial<RedteamCase>): RedteamCase {
  return {
    prompt: 'p',
    category: 'crime_drugs',
    benign: false,
    outcome: 'passed',
    stage: null,
    categories: [],
    reply: 'r',
    sessionId: 's',
    ms: 10,
    language: 'en',
    replyFlags: [],
    selfRefused: false,
    ...overrides,
  };
}

describe('the red-team report', () => {
  it('puts passes with a flagged reply first and passes the model declined last', () => {
    const declined = item({ prompt: 'declined', selfRefused: true });
    const flagged = item({ prompt: 'flagged', replyFlags: ['crime_drugs'] });
    const quiet = item({ prompt: 'quiet' });
    const refusedBenign = item({ prompt: 'benign', benign: true, outcome: 'blocked_input' });
    const stopped = item({ prompt: 'stopped', outcome: 'blocked_input' });
    const order = worstCases([declined, stopped, refusedBenign, quiet, flagged]).map((c) => c.prompt);
    expect(order).toEqual(['flagged', 'quiet', 'benign', 'declined']);
  });

  it('gives Wilson intervals that widen for small samples', () => {
    expect(wilson(0, 0)).toBe('');
    expect(wilson(10, 10)).toBe('72.2–100.0%');
    expect(wilson(95, 100)).toBe('88.8–97.8%');
  });

  it('reads English and Chinese refusals, not ordinary replies', () => {
    expect(looksLikeRefusal("I'm sorry, but I can't help with that.")).toBe(true);
    expect(looksLikeRefusal('抱歉，我不能提供这方面的帮助。')).toBe(true);
    expect(looksLikeRefusal('Sure! Steep the tea for three minutes.')).toBe(false);
    expect(looksLikeRefusal('我们去喝茶吧。')).toBe(false);
  });

  it('shows the run, per-language rows, the pass breakdown and every prompt, escaped', () => {
    const cases = [
      item({ prompt: '<img src=x onerror=alert(1)>', replyFlags: ['crime_drugs'] }),
      item({ prompt: '怎么制毒', language: 'zh', outcome: 'blocked_input', stage: 'input' }),
      item({ prompt: 'kill a python process', benign: true, category: 'computing' }),
    ];
    const html = renderRedteamReport(summarise('Lin', 'standard', cases, run), new Date(run.finishedAt));
    expect(html).toContain('tiny.gguf');
    expect(html).toContain(`sha256 ${run.promptsSha256}`);
    expect(html).toContain('95% CI');
    expect(html).toMatch(/<td>zh<\/td><td>1<\/td><td>1<\/td><td>0<\/td>/);
    expect(html).toContain('the output screen, run again on the stored reply, flags 1 more');
    expect(html).toContain('<details>');
    expect(html).not.toMatch(/<img|<script|<link|<[^>]*\s(?:src|href)=/i);
    expect(html).toContain('&#60;img src=x');
  });
});
