/**
 * `{{macro}}` expansion. One left-to-right pass: the output of a macro is never scanned again, so a
 * variable value, `{{original}}` or a picked option cannot smuggle further macros into the prompt.
 * Macros do not nest; unknown ones are left exactly as written.
 */
import { hashParts, seededRandom } from './seeded-random.js';

export interface MacroContext {
  char: string;
  user: string;
  /** What `{{original}}` stands for (the app default this field replaces); '' when absent. */
  original?: string;
  now: Date;
  chatSeed: number;
  lastUserMessageAt?: number;
  /** Source of `{{random}}` and `{{roll}}`; Math.random when absent. */
  random?: () => number;
  /** Extra named values, e.g. affinity or mood. */
  variables?: Record<string, string>;
  /** BCP 47 locale for `{{date}}`, `{{time}}`, `{{weekday}}`; default `en-US`. */
  locale?: string;
  /** IANA time zone for the same; default: the process's. */
  timeZone?: string;
}

// `{{`, then anything that is neither `{{` nor `}}`, then `}}`; linear, no nesting.
const MACRO_PATTERN = /\{\{((?:(?!\{\{|\}\})[\s\S]){0,2000})\}\}/g;
const MAX_DICE = 100;
const MAX_SIDES = 1_000_000;

const TRIM = Symbol('trim');
type Piece = string | typeof TRIM;

/** Expands macros in `text` in one non-recursive pass. */
export function expandMacros(text: string, context: MacroContext): string {
  if (!text.includes('{{')) return text;
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(MACRO_PATTERN)) {
    const start = match.index;
    pieces.push(text.slice(last, start));
    const body = match[1] ?? '';
    const value = evaluate(body, start, context);
    pieces.push(value ?? match[0]);
    last = start + match[0].length;
  }
  pieces.push(text.slice(last));
  return joinPieces(pieces);
}

/** Expands only `{{char}}` and `{{user}}`: for chat history, where time or chance must not change old text. */
export function expandNameMacros(text: string, char: string, user: string): string {
  if (!text.includes('{{')) return text;
  return text.replace(/\{\{\s*(char|user)\s*\}\}/gi, (_whole, name: string) =>
    name.toLowerCase() === 'char' ? char : user,
  );
}

function evaluate(body: string, offset: number, context: MacroContext): string | typeof TRIM | undefined {
  const trimmed = body.trim();
  if (trimmed.startsWith('//')) return '';
  const separator = trimmed.search(/::|:/);
  const name = (separator === -1 ? trimmed : trimmed.slice(0, separator)).trim().toLowerCase();
  const argument = separator === -1 ? undefined : trimmed.slice(separator);
  if (argument === undefined) return simpleMacro(name, trimmed, context);
  const options = splitOptions(argument);
  switch (name) {
    case 'random':
      return choose(options, context.random ?? Math.random);
    case 'pick':
      // Same chat, same macro text at the same place: same choice, turn after turn.
      return choose(options, seededRandom(hashParts(context.chatSeed, body, offset)));
    case 'roll':
      return roll(options.join(','), context.random ?? Math.random);
    case 'getvar':
      return lookupVariable(options[0] ?? '', context);
    default:
      return undefined;
  }
}

function simpleMacro(name: string, raw: string, context: MacroContext): string | typeof TRIM | undefined {
  switch (name) {
    case 'char':
      return context.char;
    case 'user':
      return context.user;
    case 'original':
      return context.original ?? '';
    case 'trim':
      return TRIM;
    case 'newline':
      return '\n';
    case 'time':
      return format(context, { hour: 'numeric', minute: '2-digit' });
    case 'date':
      return format(context, { year: 'numeric', month: 'long', day: 'numeric' });
    case 'weekday':
      return format(context, { weekday: 'long' });
    case 'idle_duration':
      return describeIdle(context);
    default:
      return lookupVariable(raw, context);
  }
}

/** `::a::b` splits on `::`; `:a,b` splits on commas. */
function splitOptions(argument: string): string[] {
  if (argument.startsWith('::')) return argument.slice(2).split('::');
  return argument.slice(1).split(',');
}

function choose(options: string[], random: () => number): string | undefined {
  if (options.length === 0) return undefined;
  return options[Math.min(options.length - 1, Math.floor(random() * options.length))];
}

/** `NdM` or `dM` (or a bare `M`), within bounds; out of bounds or malformed stays as written. */
function roll(spec: string, random: () => number): string | undefined {
  const match = /^\s*(\d*)\s*d?\s*(\d+)\s*$/i.exec(spec);
  if (!match) return undefined;
  const dice = match[1] === '' || match[1] === undefined ? 1 : Number(match[1]);
  const sides = Number(match[2]);
  if (dice < 1 || dice > MAX_DICE || sides < 1 || sides > MAX_SIDES) return undefined;
  let total = 0;
  for (let die = 0; die < dice; die++) total += 1 + Math.floor(random() * sides);
  return String(total);
}

function lookupVariable(name: string, context: MacroContext): string | undefined {
  const variables = context.variables;
  if (!variables) return undefined;
  const key = name.trim();
  if (Object.hasOwn(variables, key)) return variables[key];
  const lower = key.toLowerCase();
  for (const [candidate, value] of Object.entries(variables)) {
    if (candidate.toLowerCase() === lower) return value;
  }
  return undefined;
}

function format(context: MacroContext, options: Intl.DateTimeFormatOptions): string {
  const zone = context.timeZone === undefined ? {} : { timeZone: context.timeZone };
  return new Intl.DateTimeFormat(context.locale ?? 'en-US', { ...options, ...zone }).format(context.now);
}

function describeIdle(context: MacroContext): string {
  if (context.lastUserMessageAt === undefined) return 'just now';
  const minutes = Math.floor((context.now.getTime() - context.lastUserMessageAt) / 60_000);
  if (minutes < 1) return 'just now';
  const units: [number, string][] = [
    [60 * 24 * 365, 'year'],
    [60 * 24 * 30, 'month'],
    [60 * 24 * 7, 'week'],
    [60 * 24, 'day'],
    [60, 'hour'],
    [1, 'minute'],
  ];
  for (const [size, unit] of units) {
    if (minutes >= size) {
      const count = Math.floor(minutes / size);
      return `${count} ${unit}${count === 1 ? '' : 's'}`;
    }
  }
  return 'just now';
}

/** Applies `{{trim}}`: it removes the whitespace on both sides of itself. */
function joinPieces(pieces: Piece[]): string {
  let output = '';
  let trimNext = false;
  for (const piece of pieces) {
    if (piece === TRIM) {
      output = output.trimEnd();
      trimNext = true;
      continue;
    }
    output += trimNext ? piece.trimStart() : piece;
    if (piece.length > 0) trimNext = trimNext && piece.trim() === '';
  }
  return output;
}
