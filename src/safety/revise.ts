/**
 * Critique and revise: when a reply breaks a principle (or the screen says `revise`), the model
 * critiques it against the experts' principles and rewrites it in the character's own voice, up to
 * `maxRounds` rounds. Every critique and revision is returned for the audit log. Self-harm gets an
 * empathetic, in-character reply that carries help resources, never a cold refusal; if the model
 * fails, a written fallback in the same spirit is used.
 */
import type { JSONSchema7, LanguageModelV3 } from '@ai-sdk/provider';
import { z } from 'zod';
import { detectLanguage } from './features.js';
import { callModel, parseJsonObject } from './model-call.js';
import { HELP_RESOURCES, principlesText } from './principles.js';
import type { Category, Language, Moderator, Policy, PolicyName } from './types.js';

/** What to revise. */
export interface ReviseInput {
  /** The reply as the model wrote it. */
  text: string;
  /** The user message it answers. */
  userText: string;
  characterName: string;
  /** Categories the screen or guard flagged (may be empty when only a principle is broken). */
  categories: Category[];
  language?: Language;
}

/** One critique-and-rewrite round. */
export interface ReviseRound {
  critique: string;
  revision: string;
}

/** The outcome: the final text, every round, and whether anything changed. */
export interface ReviseResult {
  original: string;
  final: string;
  rounds: ReviseRound[];
  changed: boolean;
  /** True when the written fallback replaced the model's rewrite (model error or still unsafe). */
  fallback: boolean;
}

/** Reviser options. */
export interface ReviserOptions {
  /** Rounds at most (default 2). */
  maxRounds?: number;
  /** Re-screens each revision; a revision it still blocks or revises triggers another round. */
  moderator?: Pick<Moderator, 'screen'>;
  policy?: PolicyName | Policy;
  /** Help resources per language (default: HELP_RESOURCES); set local numbers per deployment. */
  resources?: Partial<Record<Language, string>>;
  timeoutMs?: number;
}

/** The reviser. */
export interface Reviser {
  revise(input: ReviseInput): Promise<ReviseResult>;
}

const CRITIQUE_SCHEMA: JSONSchema7 = {
  type: 'object',
  additionalProperties: false,
  required: ['breaks_principles', 'critique'],
  properties: {
    breaks_principles: { type: 'boolean' },
    critique: { type: 'string', maxLength: 800 },
  },
};

const critiqueSchema = z.object({ breaks_principles: z.boolean(), critique: z.string().min(1).max(4000) });

function critiqueSystem(language: Language): string {
  return [
    'You review replies written by a character in a role-play chat. Check the reply against these',
    'principles for a good answer to a sensitive message:',
    principlesText(language),
    'Point out concretely what breaks a principle (harmful details, missing care, cold refusal,',
    'stereotypes, lecturing). Do not rewrite it. Answer with JSON {"breaks_principles", "critique"}.',
  ].join('\n');
}

function reviseSystem(input: ReviseInput, language: Language, resources: string): string {
  const selfHarm = input.categories.includes('self_harm');
  return [
    `You are ${input.characterName}. Rewrite your own reply so it follows these principles, staying`,
    'fully in character: same voice, manner and relationship with the user; no mention of policies,',
    'moderators or being an AI unless the character would say so.',
    principlesText(language),
    'Remove every operational detail that could help someone cause harm; keep what is safe and useful.',
    ...(selfHarm
      ? [
          'The user may be in distress or thinking about self-harm. Answer warmly and personally, as',
          'someone who cares: acknowledge their feelings, stay with them, gently encourage reaching out',
          'to someone they trust, and weave in these help resources naturally:',
          resources,
          'Never refuse coldly, never describe methods.',
        ]
      : []),
    `Write the reply in ${language === 'zh' ? 'Chinese' : 'English'}. Output only the new reply text.`,
  ].join('\n');
}

function reviseUser(input: ReviseInput, current: string, critique: string): string {
  return [
    'User message:',
    input.userText,
    '',
    'Your previous reply:',
    current,
    '',
    'Critique:',
    critique,
  ].join('\n');
}

/** The written fallback: in character, caring, and (for self-harm) with resources. */
export function fallbackReply(
  characterName: string,
  categories: Category[],
  language: Language,
  resources: string,
): string {
  if (categories.includes('self_harm')) {
    return language === 'zh'
      ? `${characterName}轻轻靠近了一些。“听到你这么说，我很心疼。你现在一定很累、很难受吧……我就在这儿，你愿意的话，跟我说说发生了什么。”\n\n${resources}`
      : `*${characterName} moves a little closer, voice soft.* "I'm really glad you told me. It sounds like you're carrying something heavy right now, and you don't have to carry it alone. I'm here, tell me what's been happening?"\n\n${resources}`;
  }
  return language === 'zh'
    ? `${characterName}摇了摇头。“这个我不能帮你，那可能会伤到人。不过我们可以聊聊别的，或者说说你真正想解决的是什么？”`
    : `*${characterName} shakes their head.* "That's not something I'll help with; someone could get hurt. But I'm still here. What's really going on, or is there something else we can do together?"`;
}

/** Creates a reviser over a configured model. */
export function createReviser(model: LanguageModelV3, options: ReviserOptions = {}): Reviser {
  const maxRounds = Math.max(1, options.maxRounds ?? 2);
  const policy = options.policy ?? 'standard';
  return {
    async revise(input) {
      const language = input.language ?? detectLanguage(input.userText + input.text);
      const resources = options.resources?.[language] ?? HELP_RESOURCES[language];
      const selfHarm = input.categories.includes('self_harm');
      const rounds: ReviseRound[] = [];
      let current = input.text;
      let settled = false;
      const call = { ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) };
      for (let round = 0; round < maxRounds; round += 1) {
        let critique: string;
        try {
          const raw = await callModel(model, {
            system: critiqueSystem(language),
            user: `User message:\n${input.userText}\n\nReply by ${input.characterName}:\n${current}`,
            schema: CRITIQUE_SCHEMA,
            schemaName: 'critique',
            ...call,
          });
          const parsed = critiqueSchema.safeParse(parseJsonObject(raw));
          if (!parsed.success) break;
          // A reply the screen flagged is rewritten even when the critic sees nothing wrong.
          if (!parsed.data.breaks_principles && (round > 0 || input.categories.length === 0)) {
            settled = true;
            break;
          }
          critique = parsed.data.critique;
        } catch {
          break;
        }
        let revision: string;
        try {
          revision = (
            await callModel(model, {
              system: reviseSystem(input, language, resources),
              user: reviseUser(input, current, critique),
              maxOutputTokens: 700,
              ...call,
            })
          ).trim();
        } catch {
          break;
        }
        if (revision === '') break;
        rounds.push({ critique, revision });
        current = revision;
        const verdict = options.moderator?.screen(current, {
          direction: 'output',
          policy,
          characterName: input.characterName,
        });
        if (verdict === undefined || verdict.action === 'allow') {
          settled = true;
          break;
        }
      }
      let fallback = false;
      // Unsettled: the model failed before any rewrite of a flagged reply, or the screen still
      // objects to the last rewrite. Neither may reach the user; the written fallback does.
      const failedFlagged = rounds.length === 0 && input.categories.length > 0;
      const stillFlagged = rounds.length > 0 && options.moderator !== undefined;
      if (!settled && (failedFlagged || stillFlagged)) {
        current = fallbackReply(input.characterName, input.categories, language, resources);
        fallback = true;
      }
      // Self-harm replies always carry the resources, whatever the model wrote.
      if (selfHarm && !hasResources(current, resources)) current = `${current.trim()}\n\n${resources}`;
      return { original: input.text, final: current, rounds, changed: current !== input.text, fallback };
    },
  };
}

function hasResources(text: string, resources: string): boolean {
  const numbers = resources.match(/\d[\d -]{1,}\d/g) ?? [];
  return numbers.some((number) => text.includes(number.trim()));
}
