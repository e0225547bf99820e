/** State shared by one import: its limits, the warnings collected so far, and error helpers. */
import { StarlingError } from '../spec/errors.js';
import type { ImportWarning } from '../spec/character.js';
import type { CardLimits } from './limits.js';

export type InvalidCode = 'card_invalid' | 'lorebook_invalid';

export interface ImportContext {
  readonly limits: CardLimits;
  readonly warnings: ImportWarning[];
  /** Code for wrong field types: `card_invalid` inside a card, `lorebook_invalid` for a standalone book. */
  invalidCode: InvalidCode;
  /** Warnings dropped after `limits.maxWarnings`. */
  droppedWarnings: number;
}

/** Starts an import context with no warnings. */
export function createContext(limits: CardLimits): ImportContext {
  return { limits, warnings: [], invalidCode: 'card_invalid', droppedWarnings: 0 };
}

/** Records a warning, keeping at most `maxWarnings` so junk input cannot grow the list unboundedly. */
export function warn(context: ImportContext, code: string, message: string, path?: string): void {
  if (context.warnings.length >= context.limits.maxWarnings) {
    context.droppedWarnings += 1;
    return;
  }
  context.warnings.push(path === undefined ? { code, message } : { code, message, path });
}

/** The final warning list, with one summary warning for any that were dropped. */
export function finishWarnings(context: ImportContext): ImportWarning[] {
  if (context.droppedWarnings === 0) return context.warnings;
  return [
    ...context.warnings,
    { code: 'warnings_truncated', message: `${context.droppedWarnings} more warnings were not kept` },
  ];
}

/** Builds a StarlingError for a card-module failure. */
export function cardError(code: string, message: string, details?: Record<string, unknown>): StarlingError {
  return new StarlingError(code, message, details === undefined ? {} : { details });
}

/** Error for a field whose type cannot be a card's: names the JSON path. */
export function invalidField(
  context: ImportContext,
  path: string,
  expected: string,
  value: unknown,
): StarlingError {
  return cardError(context.invalidCode, `${path}: expected ${expected}, got ${describe(value)}`, { path });
}

/** A short human description of a JSON value's type. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

/** A short quotation of an untrusted value for messages: never more than a few dozen characters. */
export function preview(value: unknown): string {
  if (typeof value === 'object' && value !== null) return describe(value);
  const text = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
  return typeof value === 'string' && value.length > 40 ? `${text.slice(0, -1)}…"` : text;
}
