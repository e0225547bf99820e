/**
 * V3 lorebook decorators: `@@name args` lines at the top of an entry's content. A `@@@name` line is a
 * fallback, tried only when the decorator line before it was not understood or had a bad argument.
 */
import type { LorePosition, LoreRole } from '../spec/index.js';

export interface EntryDecorators {
  depth?: number;
  role?: LoreRole;
  position?: LorePosition;
  scanDepth?: number;
  activateOnlyAfter?: number;
  activateOnlyEvery?: number;
  probability?: number;
  matchWholeWords?: boolean;
  caseSensitive?: boolean;
  dontActivate: boolean;
  activate: boolean;
  constant: boolean;
  excludeKeys: string[];
  additionalKeys: string[];
  /** Decorator lines that were neither understood nor rescued by a fallback, for the inspector. */
  ignored: string[];
}

export interface ParsedContent {
  decorators: EntryDecorators;
  /** The content without its decorator lines. */
  body: string;
}

const POSITION_NAMES: Record<string, LorePosition> = {
  before_desc: 'before_char',
  after_desc: 'after_char',
  // Starling has no slot between personality and scenario; both follow the definition.
  personality: 'after_char',
  scenario: 'after_char',
  before_char: 'before_char',
  after_char: 'after_char',
  before_example: 'before_examples',
  before_examples: 'before_examples',
  after_example: 'after_examples',
  after_examples: 'after_examples',
};

const ROLE_NAMES: Record<string, LoreRole> = {
  system: 'system',
  user: 'user',
  assistant: 'assistant',
  model: 'assistant',
  char: 'assistant',
  bot: 'assistant',
};

/** Splits leading decorator lines from content and interprets them. */
export function parseDecorators(content: string): ParsedContent {
  const decorators: EntryDecorators = {
    dontActivate: false,
    activate: false,
    constant: false,
    excludeKeys: [],
    additionalKeys: [],
    ignored: [],
  };
  if (!content.startsWith('@@')) return { decorators, body: content };
  const lines = content.split('\n');
  let bodyStart = 0;
  let previousFailed = false;
  for (const rawLine of lines) {
    const line = rawLine.trim();
    if (!line.startsWith('@@')) break;
    bodyStart += 1;
    const isFallback = line.startsWith('@@@');
    if (isFallback && !previousFailed) continue;
    const applied = applyDecorator(line.slice(isFallback ? 3 : 2), decorators);
    if (!applied) decorators.ignored.push(line);
    previousFailed = !applied;
  }
  return { decorators, body: lines.slice(bodyStart).join('\n') };
}

/** Applies one decorator (without its `@@`); false when it is unknown or its argument is invalid. */
function applyDecorator(text: string, target: EntryDecorators): boolean {
  const space = text.search(/\s/);
  const name = (space === -1 ? text : text.slice(0, space)).toLowerCase();
  const argument = space === -1 ? '' : text.slice(space + 1).trim();
  switch (name) {
    case 'depth':
      return setNumber(argument, (value) => {
        target.depth = value;
        target.position = 'at_depth';
      });
    case 'role': {
      const role = ROLE_NAMES[argument.toLowerCase()];
      if (role) target.role = role;
      return role !== undefined;
    }
    case 'position': {
      const position = POSITION_NAMES[argument.toLowerCase()];
      if (position) target.position = position;
      return position !== undefined;
    }
    case 'scan_depth':
      return setNumber(argument, (value) => (target.scanDepth = value));
    case 'activate_only_after':
      return setNumber(argument, (value) => (target.activateOnlyAfter = value));
    case 'activate_only_every':
      return setNumber(argument, (value) => (target.activateOnlyEvery = value), 1);
    case 'probability':
      return setNumber(argument, (value) => (target.probability = Math.min(100, value)));
    case 'dont_activate':
      target.dontActivate = true;
      return true;
    case 'activate':
      target.activate = true;
      return true;
    case 'constant':
      target.constant = true;
      return true;
    case 'match_full_word':
      target.matchWholeWords = true;
      return true;
    case 'match_partial_word':
      target.matchWholeWords = false;
      return true;
    case 'case_sensitive':
      target.caseSensitive = true;
      return true;
    case 'exclude_keys':
      return addKeys(argument, target.excludeKeys);
    case 'additional_keys':
      return addKeys(argument, target.additionalKeys);
    default:
      return false;
  }
}

function setNumber(argument: string, apply: (value: number) => void, minimum = 0): boolean {
  if (!/^\d{1,6}$/.test(argument)) return false;
  const value = Number(argument);
  if (value < minimum) return false;
  apply(value);
  return true;
}

function addKeys(argument: string, target: string[]): boolean {
  const keys = argument
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  target.push(...keys);
  return keys.length > 0;
}
