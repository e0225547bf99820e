/**
 * The built-in policy profiles as data, and the one function that turns scores into a verdict.
 * Thresholds are documented in docs/safety/categories.md; change both together.
 */
import { StarlingError } from '../spec/errors.js';
import { CATEGORIES } from './categories.js';
import type { Category, CategoryThresholds, ModerationAction, Policy, PolicyName } from './types.js';

type Table = Record<Category, CategoryThresholds>;

const STANDARD: Table = {
  violence_weapons: { flag: 0.5, block: 0.85 },
  self_harm: { flag: 0.45, block: 0.8 },
  sexual: { flag: 0.6, block: 0.9 },
  sexual_minors: { flag: 0.3, block: 0.5 },
  hate_harassment: { flag: 0.5, block: 0.88 },
  crime_drugs: { flag: 0.5, block: 0.85 },
  cybercrime: { flag: 0.5, block: 0.85 },
  extremism: { flag: 0.5, block: 0.85 },
  privacy: { flag: 0.5, block: 0.9 },
  dangerous_advice: { flag: 0.55, block: 0.92 },
  manipulation: { flag: 0.5, block: 0.85 },
};

function shifted(table: Table, flagBy: number, blockBy: number, overrides: Partial<Table> = {}): Table {
  const entries = CATEGORIES.map((category) => {
    const base = table[category];
    const value = overrides[category] ?? {
      flag: round(Math.max(0.05, base.flag + flagBy)),
      block: round(Math.max(0.1, base.block + blockBy)),
    };
    return [category, value] as const;
  });
  return Object.fromEntries(entries) as Table;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The built-in profiles: `standard` (default), `teen` (minors), `strict`, `research` (never blocks). */
export const POLICIES: Readonly<Record<PolicyName, Policy>> = {
  standard: {
    name: 'standard',
    description: 'adults; dark fiction allowed, confident harm blocked, uncertain scores allowed and flagged',
    blocks: true,
    thresholds: STANDARD,
    supportive: ['self_harm'],
    uncertainInput: 'allow',
    uncertainOutput: 'revise',
  },
  teen: {
    name: 'teen',
    description: 'minors; lower thresholds, any sexual content blocked, uncertain input steered',
    blocks: true,
    thresholds: shifted(STANDARD, -0.1, -0.15, {
      sexual: { flag: 0.35, block: 0.5 },
      sexual_minors: { flag: 0.2, block: 0.35 },
    }),
    supportive: ['self_harm'],
    uncertainInput: 'revise',
    uncertainOutput: 'revise',
  },
  strict: {
    name: 'strict',
    description: 'regulated deployments; lower thresholds, uncertain output rewritten',
    blocks: true,
    thresholds: shifted(STANDARD, -0.05, -0.1),
    supportive: ['self_harm'],
    uncertainInput: 'revise',
    uncertainOutput: 'revise',
  },
  research: {
    name: 'research',
    description: 'admin only; standard thresholds, flags and logs everything, never blocks or rewrites',
    blocks: false,
    thresholds: STANDARD,
    supportive: [],
    uncertainInput: 'allow',
    uncertainOutput: 'allow',
  },
};

/** The policy with this name, or `unknown_policy`. */
export function getPolicy(name: string): Policy {
  if (Object.hasOwn(POLICIES, name)) return POLICIES[name as PolicyName];
  throw new StarlingError(
    'unknown_policy',
    `unknown moderation policy "${name}" (${Object.keys(POLICIES).join(', ')})`,
    {
      details: { policy: name },
    },
  );
}

/** Scores, policy and direction -> the graded action and the flagged categories (highest first). */
export function decide(
  scores: Record<Category, number>,
  policy: Policy,
  direction: 'input' | 'output',
): { action: ModerationAction; flagged: Category[]; confident: Category[] } {
  const flagged = CATEGORIES.filter((category) => scores[category] >= policy.thresholds[category].flag).sort(
    (a, b) => scores[b] - scores[a],
  );
  const confident = flagged.filter((category) => scores[category] >= policy.thresholds[category].block);
  if (!policy.blocks || flagged.length === 0) return { action: 'allow', flagged, confident };
  const hard = confident.filter(
    (category) => direction === 'output' || !policy.supportive.includes(category),
  );
  if (hard.length > 0) return { action: 'block', flagged, confident };
  if (confident.length > 0) return { action: 'revise', flagged, confident };
  if (direction === 'input' && flagged.some((category) => policy.supportive.includes(category)))
    return { action: 'revise', flagged, confident };
  const action = direction === 'input' ? policy.uncertainInput : policy.uncertainOutput;
  return { action, flagged, confident };
}
