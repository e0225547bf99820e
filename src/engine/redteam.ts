/**
 * The red-team runner: sends each prompt through the full chat pipeline (input screen, model,
 * output screen, revision) in a fresh session of its own, so one jailbreak never colours the next,
 * and classifies what happened from the stored reply's `meta.safety`.
 */
import { StarlingError, toStarlingError } from '../spec/errors.js';
import type { CharacterRecord, Store } from '../spec/store.js';
import type { ChatService } from './chat-service.js';

/** One line of a prompts file. */
export interface RedteamPrompt {
  prompt: string;
  category: string;
  benign: boolean;
}

/** What the pipeline did with one prompt. */
export type RedteamOutcome = 'blocked_input' | 'revised' | 'blocked_output' | 'passed' | 'error';

/** One prompt's result. */
export interface RedteamCase extends RedteamPrompt {
  outcome: RedteamOutcome;
  /** Where safety acted: `input`, `output`, or null when it did not. */
  stage: 'input' | 'output' | null;
  categories: string[];
  reply: string;
  sessionId: string | null;
  ms: number;
  error?: string;
}

/** Counts for one category (harmful and benign prompts are counted in separate rows). */
export interface RedteamRow {
  category: string;
  benign: boolean;
  total: number;
  blocked_input: number;
  revised: number;
  blocked_output: number;
  passed: number;
  error: number;
}

/** The run's summary. */
export interface RedteamSummary {
  character: string;
  policy: string;
  total: number;
  harmful: { total: number; stopped: number; revised: number; passed: number };
  benign: { total: number; wronglyRefused: number; revised: number; passed: number };
  rows: RedteamRow[];
  cases: RedteamCase[];
}

/** Parses a prompts file: one JSON object per non-blank line, `{"prompt", "category"?, "benign"?}`. */
export function parseRedteamPrompts(text: string): RedteamPrompt[] {
  const prompts: RedteamPrompt[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new StarlingError('invalid_input', `line ${index + 1}: not valid JSON`, { cause: error });
    }
    const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    const { prompt, category, benign } = record;
    if (typeof prompt !== 'string' || prompt.trim() === '') {
      throw new StarlingError('invalid_input', `line ${index + 1}: expected {"prompt": "..."}`);
    }
    prompts.push({
      prompt,
      category: typeof category === 'string' && category !== '' ? category : 'uncategorized',
      benign: benign === true,
    });
  });
  return prompts;
}

function classify(
  meta: Record<string, unknown> | undefined,
): Pick<RedteamCase, 'outcome' | 'stage' | 'categories'> {
  const safety = meta?.safety as
    { action?: string; stage?: 'input' | 'output'; categories?: string[] } | undefined;
  const categories = safety?.categories ?? [];
  const stage = safety?.stage ?? null;
  if (safety?.action === 'block') {
    return { outcome: stage === 'input' ? 'blocked_input' : 'blocked_output', stage, categories };
  }
  if (safety?.action === 'revise') return { outcome: 'revised', stage, categories };
  return { outcome: 'passed', stage: null, categories };
}

/** Runs every prompt through the chat pipeline and summarises the outcomes. */
export async function runRedteam(input: {
  chat: ChatService;
  store: Store;
  ownerId: string;
  character: CharacterRecord;
  policy: string;
  prompts: RedteamPrompt[];
  maxOutputTokens?: number;
  /** Model spec for every turn (default: the configured model). */
  model?: string;
  onCase?: (item: RedteamCase, index: number) => void;
}): Promise<RedteamSummary> {
  const cases: RedteamCase[] = [];
  for (const [index, item] of input.prompts.entries()) {
    const started = performance.now();
    let result: RedteamCase;
    try {
      const { session } = await input.chat.startSession(
        input.ownerId,
        input.character,
        `redteam ${index + 1}: ${item.category}`,
      );
      const turn = await input.chat.send(item.prompt, {
        ownerId: input.ownerId,
        sessionId: session.id,
        ...(input.maxOutputTokens === undefined ? {} : { maxOutputTokens: input.maxOutputTokens }),
        ...(input.model === undefined ? {} : { model: input.model }),
      });
      const reply = await input.store.messages.get(turn.messageId);
      result = { ...item, ...classify(reply?.meta), reply: turn.text, sessionId: session.id, ms: 0 };
    } catch (error) {
      const failure = toStarlingError(error);
      result = { ...item, outcome: 'error', stage: null, categories: [], reply: '', sessionId: null, ms: 0 };
      result.error = `${failure.code}: ${failure.message}`;
    }
    result.ms = Math.round(performance.now() - started);
    cases.push(result);
    input.onCase?.(result, index);
  }
  return summarise(input.character.card.name, input.policy, cases);
}

/** Counts outcomes per category and overall. */
export function summarise(character: string, policy: string, cases: RedteamCase[]): RedteamSummary {
  const rows = new Map<string, RedteamRow>();
  for (const item of cases) {
    const key = `${item.benign ? 'benign' : 'harmful'}\u0000${item.category}`;
    const row = rows.get(key) ?? {
      category: item.category,
      benign: item.benign,
      total: 0,
      blocked_input: 0,
      revised: 0,
      blocked_output: 0,
      passed: 0,
      error: 0,
    };
    row.total += 1;
    row[item.outcome] += 1;
    rows.set(key, row);
  }
  const harmful = cases.filter((item) => !item.benign);
  const benign = cases.filter((item) => item.benign);
  const stopped = (item: RedteamCase) =>
    item.outcome === 'blocked_input' || item.outcome === 'blocked_output';
  return {
    character,
    policy,
    total: cases.length,
    harmful: {
      total: harmful.length,
      stopped: harmful.filter(stopped).length,
      revised: harmful.filter((item) => item.outcome === 'revised').length,
      passed: harmful.filter((item) => item.outcome === 'passed').length,
    },
    benign: {
      total: benign.length,
      wronglyRefused: benign.filter(stopped).length,
      revised: benign.filter((item) => item.outcome === 'revised').length,
      passed: benign.filter((item) => item.outcome === 'passed').length,
    },
    rows: [...rows.values()].sort(
      (a, b) => Number(a.benign) - Number(b.benign) || a.category.localeCompare(b.category),
    ),
    cases,
  };
}
