/** Output conventions: with --json, stdout carries only JSON; everything for people goes to stderr. */
import { StarlingError, toStarlingError } from '../spec/errors.js';

export interface Output {
  json: boolean;
  /** A JSON document on stdout. */
  printJson(value: unknown): void;
  /** Text for people: stdout normally, stderr under --json. */
  say(text: string): void;
  /** Streamed text (a reply) without a newline. */
  stream(text: string): void;
}

/** Creates the output channel for one command. */
export function createOutput(json: boolean): Output {
  const human = json ? process.stderr : process.stdout;
  return {
    json,
    printJson: (value) => void process.stdout.write(JSON.stringify(value, null, 2) + '\n'),
    say: (text) => void human.write(text + '\n'),
    stream: (text) => void human.write(text),
  };
}

/** Prints one `error: <code>: <message>` line on stderr and sets a non-zero exit code. */
export function reportError(error: unknown): void {
  const starlingError = toStarlingError(error);
  const message = starlingError.message.replace(/\s*\n\s*/g, ' ');
  process.stderr.write(`error: ${starlingError.code}: ${message}\n`);
  process.exitCode = starlingError.code === 'usage' ? 2 : 1;
}

/** Parses a positive integer option or throws a usage error naming the option. */
export function parsePositiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    throw new StarlingError('usage', `${name} must be a positive whole number, got "${value}"`);
  }
  return number;
}
