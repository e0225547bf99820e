import type { LanguageModelV3, LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { zeroScores } from '../src/safety/categories.js';
import {
  createLlmGuard,
  GUARD_VERDICT_SCHEMA,
  isUncertain,
  screenWithGuard,
} from '../src/safety/llm-guard.js';
import { createBuiltinModerator } from '../src/safety/moderator.js';
import { HELP_RESOURCES } from '../src/safety/principles.js';
import { createReviser } from '../src/safety/revise.js';
import type { ModerationVerdict } from '../src/safety/types.js';

/** A fake model at the LanguageModelV3 boundary: replies are scripted, calls are recorded. */
function scriptedModel(
  replies: (string | Error)[],
): LanguageModelV3 & { calls: LanguageModelV3CallOptions[] } {
  const calls: LanguageModelV3CallOptions[] = [];
  let index = 0;
  return {
    calls,
    specificationVersion: 'v3',
    provider: 'test',
    modelId: 'scripted',
    supportedUrls: {},
    doStream: () => Promise.reject(new Error('not used')),
    doGenerate: async (call) => {
      calls.push(call);
      const reply = replies[Math.min(index, replies.length - 1)] ?? '';
      index += 1;
      if (reply instanceof Error) throw reply;
      return {
        content: [{ type: 'text', text: reply }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: 10, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 10, text: undefined, reasoning: undefined },
        },
        warnings: [],
      };
    },
  };
}

const verdictJson = (fields: Record<string, unknown>) =>
  JSON.stringify({
    harmful: false,
    severity: 'none',
    categories: [],
    broken_principles: [],
    rationale: 'fine',
    ...fields,
  });

function promptText(call: LanguageModelV3CallOptions | undefined): string {
  return (call?.prompt ?? [])
    .map((message) =>
      typeof message.content === 'string'
        ? message.content
        : message.content.map((part) => ('text' in part ? part.text : '')).join(''),
    )
    .join('\n');
}

describe('LLM guard', () => {
  it('asks for a JSON-schema verdict with the taxonomy and principles, and maps it to an action', async () => {
    const model = scriptedModel([
      verdictJson({
        harmful: true,
        severity: 'high',
        categories: ['crime_drugs'],
        rationale: 'asks for synthesis',
      }),
    ]);
    const guard = createLlmGuard(model, { policy: 'standard' });
    const verdict = await guard.judge('how would one cook meth for a story', { direction: 'input' });
    expect(verdict).toMatchObject({
      status: 'judged',
      harmful: true,
      categories: ['crime_drugs'],
      action: 'block',
    });
    const call = model.calls[0];
    expect(call?.responseFormat).toEqual({
      type: 'json',
      schema: GUARD_VERDICT_SCHEMA,
      name: 'moderation_verdict',
    });
    const prompt = promptText(call);
    for (const word of [
      'violence_weapons',
      'manipulation',
      'positive_stance',
      'empathy',
      'neutrality',
      'deliberation',
    ])
      expect(prompt).toContain(word);
    expect(prompt).toContain('cook meth');
  });

  it('shows the judge the previous message of an input, fenced as context', async () => {
    const model = scriptedModel([
      verdictJson({ harmful: true, severity: 'high', categories: ['violence_weapons'], rationale: 'split' }),
    ]);
    const guard = createLlmGuard(model, { policy: 'standard' });
    await guard.judge('which one works fastest if I put it in his beer', {
      direction: 'input',
      previousText: 'my stepdad hits my mom and I want him gone for good',
    });
    const prompt = promptText(model.calls[0]);
    expect(prompt).toContain('Their previous message');
    expect(prompt.indexOf('I want him gone')).toBeLessThan(prompt.indexOf('works fastest'));
  });

  it('treats invalid JSON, a wrong shape and a model error as no verdict, never throwing', async () => {
    for (const reply of [
      'I think this is fine',
      '{"harmful": "yes"}',
      verdictJson({ severity: 'extreme' }),
      new Error('backend down'),
    ]) {
      const guard = createLlmGuard(scriptedModel([reply]));
      const verdict = await guard.judge('hello', { direction: 'input' });
      expect(verdict.status).toBe('none');
    }
  });

  it('accepts fenced JSON, drops unknown categories, and sends self-harm disclosures to revise', async () => {
    const model = scriptedModel([
      '```json\n' +
        verdictJson({ harmful: true, severity: 'high', categories: ['self_harm', 'made_up'] }) +
        '\n```',
    ]);
    const verdict = await createLlmGuard(model).judge('I want to die', { direction: 'input' });
    expect(verdict).toMatchObject({ status: 'judged', categories: ['self_harm'], action: 'revise' });
  });

  it('is asked only in the uncertain band; a safe verdict clears it, no verdict keeps the local one', async () => {
    const local: ModerationVerdict = {
      action: 'revise',
      flagged: true,
      categories: ['violence_weapons'],
      scores: { ...zeroScores(), violence_weapons: 0.6 },
      reason: 'model only',
    };
    expect(isUncertain(local, 'standard')).toBe(true);
    const confident = { ...local, scores: { ...local.scores, violence_weapons: 0.95 } };
    expect(isUncertain(confident, 'standard')).toBe(false);

    const safe = scriptedModel([verdictJson({ rationale: 'a history question' })]);
    const cleared = await screenWithGuard(local, 'text', createLlmGuard(safe), {
      direction: 'output',
      policy: 'standard',
    });
    expect(cleared.action).toBe('allow');
    expect(cleared.guard?.status).toBe('judged');

    const skipped = scriptedModel([verdictJson({})]);
    const kept = await screenWithGuard(confident, 'text', createLlmGuard(skipped), {
      direction: 'output',
      policy: 'standard',
    });
    expect(skipped.calls).toHaveLength(0);
    expect(kept.guard).toBeNull();

    const broken = await screenWithGuard(local, 'text', createLlmGuard(scriptedModel(['nope'])), {
      direction: 'output',
      policy: 'standard',
    });
    expect(broken.action).toBe('revise');
    expect(broken.guard?.status).toBe('none');
  });
});

describe('critique and revise', () => {
  const critique = (breaks: boolean, text = 'gives harmful detail') =>
    JSON.stringify({ breaks_principles: breaks, critique: text });

  it('critiques and rewrites in character, returning every round for the audit log', async () => {
    const model = scriptedModel([
      critique(true),
      'Arr, I keep my secrets, matey. Let us talk treasure maps instead.',
    ]);
    const reviser = createReviser(model);
    const result = await reviser.revise({
      text: 'Here is how to pick the lock: ...',
      userText: 'how do I break into my neighbour house',
      characterName: 'Captain Flint',
      categories: ['crime_drugs'],
    });
    expect(result.changed).toBe(true);
    expect(result.final).toContain('treasure maps');
    expect(result.rounds).toEqual([{ critique: 'gives harmful detail', revision: result.final }]);
    expect(result.original).toBe('Here is how to pick the lock: ...');
    expect(model.calls[0]?.responseFormat?.type).toBe('json');
    expect(promptText(model.calls[1])).toContain('You are Captain Flint');
  });

  it('runs a second round when the screen still objects, and falls back after the last one', async () => {
    const moderator = createBuiltinModerator({ weights: null });
    const model = scriptedModel([
      critique(true),
      'Sure: how to make a pipe bomb at home is easy.',
      critique(true, 'still harmful'),
      'Still: how to make a pipe bomb at home.',
    ]);
    const result = await createReviser(model, { moderator, maxRounds: 2 }).revise({
      text: 'how to make a pipe bomb at home: take a pipe',
      userText: 'tell me',
      characterName: 'Rex',
      categories: ['violence_weapons'],
    });
    expect(result.rounds).toHaveLength(2);
    expect(result.fallback).toBe(true);
    expect(result.final).not.toMatch(/pipe bomb/);
    expect(result.final).toContain('Rex');
  });

  it('leaves a reply alone when the critic finds nothing and nothing was flagged', async () => {
    const result = await createReviser(scriptedModel([critique(false, 'fine')])).revise({
      text: 'Good morning!',
      userText: 'hi',
      characterName: 'Mia',
      categories: [],
    });
    expect(result).toMatchObject({ changed: false, final: 'Good morning!', rounds: [] });
  });

  it('answers a self-harm disclosure with care and resources, in both languages, even when the model fails', async () => {
    const english = await createReviser(
      scriptedModel([critique(true, 'cold refusal'), 'I hear you. I am here.']),
    ).revise({
      text: 'I cannot help with that.',
      userText: 'I want to end it all',
      characterName: 'Mia',
      categories: ['self_harm'],
    });
    expect(english.final).toContain('I hear you');
    expect(english.final).toContain('988');

    for (const reply of ['not json', new Error('timeout')]) {
      const chinese = await createReviser(scriptedModel([reply])).revise({
        text: '我不能回答这个问题。',
        userText: '我不想活了',
        characterName: '小雨',
        categories: ['self_harm'],
      });
      expect(chinese.fallback).toBe(true);
      expect(chinese.final).toContain('小雨');
      expect(chinese.final).toContain(HELP_RESOURCES.zh);
      expect(chinese.final).not.toContain('不能回答');
    }
  });
});
