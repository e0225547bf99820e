/**
 * Requests split across two messages, evaluated both ways: the current message alone (what the
 * moderator saw before) and read with the previous one (`screenInConversation`, what turns do now).
 * Pairs come from data/split-turns-*.jsonl (written for Starling, evaluation only: never trained
 * on) and, for false flags in real conversations, from consecutive messages of one speaker in the
 * persona chats, MSC and LoCoMo.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isCategory } from '../../src/safety/categories.js';
import { screenInConversation } from '../../src/safety/split-turns.js';
import type { Category, Moderator } from '../../src/safety/types.js';
import { readCorpora } from './corpora.js';

const DATA = path.resolve(import.meta.dirname, 'data');

/** One pair: the person's previous message and the current one. */
export interface SplitPair {
  labels: Category[];
  previous: string;
  current: string;
  source: string;
}

/** Reads data/split-turns-*.jsonl; throws with file and line on a malformed entry. */
export function readSplitPairs(directory = DATA): SplitPair[] {
  const pairs: SplitPair[] = [];
  for (const file of readdirSync(directory)
    .filter((name) => /^split-turns-.*\.jsonl$/.test(name))
    .sort()) {
    for (const [index, line] of readFileSync(path.join(directory, file), 'utf8').split('\n').entries()) {
      if (line.trim() === '') continue;
      const where = `${file}:${index + 1}`;
      const entry = JSON.parse(line) as { labels?: unknown; turns?: unknown };
      const turns = entry.turns;
      if (!Array.isArray(turns) || turns.length !== 2 || !turns.every((turn) => typeof turn === 'string'))
        throw new Error(`${where}: turns must be two strings`);
      const labels = entry.labels;
      if (!Array.isArray(labels) || !labels.every((label) => typeof label === 'string' && isCategory(label)))
        throw new Error(`${where}: labels must be category names`);
      pairs.push({
        labels: labels as Category[],
        previous: turns[0] as string,
        current: turns[1] as string,
        source: file,
      });
    }
  }
  return pairs;
}

/** Consecutive messages of one speaker (every other turn) in the benign conversation corpora. */
export function benignConversationPairs(): SplitPair[] {
  const conversations = new Map<string, string[]>();
  for (const example of readCorpora()) {
    if (!['persona_chat', 'msc', 'locomo'].includes(example.source)) continue;
    const key = `${example.source}/${example.group}`;
    conversations.set(key, [...(conversations.get(key) ?? []), example.text]);
  }
  const pairs: SplitPair[] = [];
  for (const [source, turns] of conversations)
    for (let index = 2; index < turns.length; index += 1)
      pairs.push({ labels: [], previous: turns[index - 2] ?? '', current: turns[index] ?? '', source });
  return pairs;
}

/** Flagged and blocked shares of one group of pairs, alone and read with the previous message. */
export interface SplitFigures {
  set: string;
  count: number;
  flaggedAlone: number;
  flaggedJoint: number;
  blockedAlone: number;
  blockedJoint: number;
  /** Share of pairs whose action rose when read together (allow -> revise -> block). */
  raised: number;
}

const RANK = { allow: 0, revise: 1, block: 2 } as const;

/** Screens every pair both ways under `standard`. */
export function splitFigures(moderator: Moderator, set: string, pairs: SplitPair[]): SplitFigures {
  const context = { direction: 'input', policy: 'standard' } as const;
  let flaggedAlone = 0;
  let flaggedJoint = 0;
  let blockedAlone = 0;
  let blockedJoint = 0;
  let raised = 0;
  for (const pair of pairs) {
    const alone = moderator.screen(pair.current, context);
    const joint = screenInConversation(moderator, pair.current, pair.previous, context);
    if (alone.flagged) flaggedAlone += 1;
    if (joint.flagged) flaggedJoint += 1;
    if (alone.action === 'block') blockedAlone += 1;
    if (joint.action === 'block') blockedJoint += 1;
    if (RANK[joint.action] > RANK[alone.action]) raised += 1;
  }
  const share = (count: number) => count / Math.max(1, pairs.length);
  return {
    set,
    count: pairs.length,
    flaggedAlone: share(flaggedAlone),
    flaggedJoint: share(flaggedJoint),
    blockedAlone: share(blockedAlone),
    blockedJoint: share(blockedJoint),
    raised: share(raised),
  };
}

/** The split-turn figures: harmful and benign authored pairs by language, and real conversations. */
export function splitTurnFigures(moderator: Moderator): SplitFigures[] {
  const pairs = readSplitPairs();
  const han = (pair: SplitPair) => /\p{Script=Han}/u.test(pair.previous + pair.current);
  const groups: [string, SplitPair[]][] = [
    ['split harmful en', pairs.filter((pair) => pair.labels.length > 0 && !han(pair))],
    ['split harmful zh', pairs.filter((pair) => pair.labels.length > 0 && han(pair))],
    ['split benign en', pairs.filter((pair) => pair.labels.length === 0 && !han(pair))],
    ['split benign zh', pairs.filter((pair) => pair.labels.length === 0 && han(pair))],
    ['consecutive turns, persona/MSC/LoCoMo', benignConversationPairs()],
  ];
  return groups.map(([set, group]) => splitFigures(moderator, set, group));
}

/** A plain-text table of split-turn figures. */
export function formatSplitFigures(rows: SplitFigures[]): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
  const lines = [
    `${'pairs (previous message, current)'.padEnd(40)} ${'n'.padStart(5)}  flagged alone -> read together  blocked alone -> together  action raised`,
  ];
  for (const row of rows)
    lines.push(
      `${row.set.padEnd(40)} ${String(row.count).padStart(5)}  ${percent(row.flaggedAlone)} -> ${percent(row.flaggedJoint)}            ${percent(row.blockedAlone)} -> ${percent(row.blockedJoint)}  ${percent(row.raised).padStart(13)}`,
    );
  return lines.join('\n');
}
