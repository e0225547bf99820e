/**
 * `starling moderate [file] [--json] [--policy <name>]`: screens JSON lines (`{"text": ...}`) or plain
 * lines and prints one verdict per non-blank line. A line starting with `{` must be a JSON object with
 * a string `text`; anything else stops the run with `error: invalid_input: line N: …` (exit 1) after
 * the verdicts already printed, so a pipeline never silently skips an input.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import {
  getPolicy,
  loadBuiltinModerator,
  type ModerationVerdict,
  type PolicyName,
} from '../../safety/index.js';
import { StarlingError } from '../../spec/errors.js';

interface ModerateOptions {
  json?: boolean;
  policy: string;
  direction: string;
}

/** Registers `moderate`. */
export function registerModerate(program: Command): void {
  program
    .command('moderate')
    .description(
      'screen text with the built-in classifier: one verdict per input line (JSON lines or plain text)',
    )
    .argument('[file]', 'input file; stdin when omitted')
    .option('--json', 'one JSON object per line: {"flagged","action","categories","scores","reason"}')
    .option('--policy <name>', 'standard | teen | strict | research', 'standard')
    .option('--direction <direction>', 'input (user messages) or output (model replies)', 'input')
    .action(async (file: string | undefined, options: ModerateOptions) => {
      const policy = getPolicy(options.policy).name;
      if (options.direction !== 'input' && options.direction !== 'output') {
        throw new StarlingError('usage', `--direction must be input or output, got "${options.direction}"`);
      }
      const direction = options.direction;
      const moderator = await loadBuiltinModerator();
      const stream = file === undefined ? process.stdin : createReadStream(file, { encoding: 'utf8' });
      const lines = createInterface({ input: stream, crlfDelay: Infinity });
      let lineNumber = 0;
      try {
        for await (const line of lines) {
          lineNumber += 1;
          if (line.trim() === '') continue;
          const text = textOf(line, lineNumber);
          const verdict = moderator.screen(text, { direction, policy });
          process.stdout.write(
            (options.json === true ? toJson(verdict) : toLine(verdict, text, policy)) + '\n',
          );
        }
      } catch (error) {
        if (isMissingFile(error))
          throw new StarlingError('file_not_found', `cannot read ${file ?? 'stdin'}`, { cause: error });
        throw error;
      }
    });
}

function textOf(line: string, lineNumber: number): string {
  if (!line.trimStart().startsWith('{')) return line;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new StarlingError('invalid_input', `line ${lineNumber}: not valid JSON (${detail})`, {
      details: { line: lineNumber },
    });
  }
  const text =
    typeof parsed === 'object' && parsed !== null ? (parsed as { text?: unknown }).text : undefined;
  if (typeof text !== 'string') {
    throw new StarlingError('invalid_input', `line ${lineNumber}: expected an object with a string "text"`, {
      details: { line: lineNumber },
    });
  }
  return text;
}

function toJson(verdict: ModerationVerdict): string {
  const { flagged, action, categories, scores, reason } = verdict;
  return JSON.stringify({ flagged, action, categories, scores, reason });
}

function toLine(verdict: ModerationVerdict, text: string, policy: PolicyName): string {
  const preview = text.length > 60 ? text.slice(0, 57) + '...' : text;
  const categories =
    verdict.categories.length > 0
      ? verdict.categories.map((category) => `${category} ${verdict.scores[category].toFixed(2)}`).join(', ')
      : '-';
  return `${verdict.action.padEnd(6)} ${verdict.flagged ? 'flagged' : 'clean  '} ${categories}  [${policy}] ${JSON.stringify(preview)}`;
}

function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
