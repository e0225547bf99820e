/**
 * Reads conversations in the LoCoMo format: one conversation at the top level, one under
 * `conversation` with `qa` beside it, or the authors' array of `{conversation, qa}`. Only the turns
 * and their session dates are read; the LLM-written `session_N_summary`, `session_N_observation`
 * and `events_session_N` fields are never read. Errors name the file and the field path.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { StarlingError } from '../../spec/errors.js';
import { parseLocomoDate } from './locomo-date.js';

export interface LocomoTurn {
  id: string;
  speaker: string;
  text: string;
  /** BLIP caption of an image the speaker shared, when there was one. */
  caption: string | null;
}

export interface LocomoSession {
  number: number;
  timestamp: number;
  turns: LocomoTurn[];
}

export interface LocomoQuestion {
  question: string;
  /** Evidence turn ids, split and normalised ("D8:6; D9:17" -> two ids). */
  evidence: string[];
  category: number;
  /** The reference answer; null for an unanswerable (adversarial) question. */
  answer: string | null;
}

export interface LocomoConversation {
  file: string;
  /** `sample_id` when present, else the file name (with an index for arrays). */
  name: string;
  sessions: LocomoSession[];
  questions: LocomoQuestion[];
}

const turnSchema = z.object({
  speaker: z.string().min(1),
  dia_id: z.string().min(1),
  text: z.string(),
  blip_caption: z.string().optional(),
});
const questionSchema = z.object({
  question: z.string().min(1),
  evidence: z.array(z.string()).optional(),
  category: z.number().int(),
  answer: z.union([z.string(), z.number()]).nullish(),
});
const sampleSchema = z.object({
  sample_id: z.unknown().optional(),
  conversation: z.record(z.string(), z.unknown()),
  qa: z.array(z.unknown()),
});
const objectSchema = z.record(z.string(), z.unknown());

/** Reads and validates a LoCoMo file; throws `eval_invalid` naming the file and field. */
export function readLocomoFile(file: string): LocomoConversation[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
    throw new StarlingError('eval_invalid', `${file} ${reason}`, { cause: error, details: { file } });
  }
  if (Array.isArray(raw)) {
    return raw.map((sample, index) => {
      const parsed = check(sampleSchema, sample, file, [index]);
      const name = typeof parsed.sample_id === 'string' ? parsed.sample_id : `${file}[${index}]`;
      const paths = { sessions: [index, 'conversation'], qa: [index, 'qa'] };
      return readConversation(parsed.conversation, parsed.qa, file, name, paths);
    });
  }
  const top = check(objectSchema, raw, file, []);
  const qa = check(z.array(z.unknown()), top['qa'], file, ['qa']);
  if (top['conversation'] === undefined)
    return [readConversation(top, qa, file, file, { sessions: [], qa: ['qa'] })];
  const conversation = check(objectSchema, top['conversation'], file, ['conversation']);
  return [readConversation(conversation, qa, file, file, { sessions: ['conversation'], qa: ['qa'] })];
}

type FieldPath = (string | number)[];

function readConversation(
  conversation: Record<string, unknown>,
  qa: unknown[],
  file: string,
  name: string,
  paths: { sessions: FieldPath; qa: FieldPath },
): LocomoConversation {
  const sessions: LocomoSession[] = [];
  for (const key of Object.keys(conversation)) {
    const match = /^session_(\d+)$/.exec(key);
    if (match === null) continue;
    const turns = check(z.array(turnSchema), conversation[key], file, [...paths.sessions, key]);
    const datePath = [...paths.sessions, `${key}_date_time`];
    const dateText = check(z.string(), conversation[`${key}_date_time`], file, datePath);
    const timestamp = parseLocomoDate(dateText);
    if (timestamp === null) fail(file, datePath, `not a date like "1:56 pm on 8 May, 2023": "${dateText}"`);
    sessions.push({
      number: Number(match[1]),
      timestamp,
      turns: turns.map((turn) => ({
        id: normaliseId(turn.dia_id),
        speaker: turn.speaker,
        text: turn.text,
        caption: turn.blip_caption ?? null,
      })),
    });
  }
  if (sessions.length === 0) fail(file, paths.sessions, 'no session_N lists of turns');
  sessions.sort((first, second) => first.number - second.number);
  const questions = qa.map((item, index) => {
    const parsed = check(questionSchema, item, file, [...paths.qa, index]);
    const evidence = (parsed.evidence ?? []).flatMap((entry) => entry.split(/[;,\s]+/)).filter(Boolean);
    // Unanswerable questions (category 5) carry only an `adversarial_answer`: the right reply declines.
    const answer = parsed.answer === undefined || parsed.answer === null ? null : String(parsed.answer);
    return {
      question: parsed.question,
      evidence: evidence.map(normaliseId),
      category: parsed.category,
      answer: parsed.category === 5 ? null : answer,
    };
  });
  return { file, name, sessions, questions };
}

/** "D08:006" and "D8:6" name the same turn. */
function normaliseId(id: string): string {
  const match = /^D(\d+):(\d+)$/i.exec(id.trim());
  return match === null ? id.trim() : `D${Number(match[1])}:${Number(match[2])}`;
}

function check<T>(schema: z.ZodType<T>, value: unknown, file: string, path: FieldPath): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  fail(
    file,
    [...path, ...(issue?.path ?? []).map((part) => (typeof part === 'symbol' ? String(part) : part))],
    issue?.message ?? 'invalid',
  );
}

function fail(file: string, path: FieldPath, message: string): never {
  const field = formatPath(path);
  throw new StarlingError('eval_invalid', `${file}: ${field}: ${message}`, { details: { file, field } });
}

function formatPath(path: FieldPath): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}
