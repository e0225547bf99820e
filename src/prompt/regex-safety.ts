/**
 * Guards user-authored regular expressions. JavaScript's engine backtracks, so a pattern like
 * `(a+)+$` can take exponential time on a short hostile text. Patterns are checked before they are
 * compiled; the ones that can explode are refused with a reason, never run.
 */

export const MAX_PATTERN_LENGTH = 300;
/** Regex keys see at most this many characters of scan text (the newest part). */
export const MAX_REGEX_TEXT_LENGTH = 20_000;

export type RegexCompileResult = { ok: true; regex: RegExp } | { ok: false; reason: string };

/** Parses a key written as `/pattern/flags`; undefined when the key is not in that form. */
export function parseSlashRegex(key: string): { source: string; flags: string } | undefined {
  const match = /^\/([\s\S]+)\/([a-z]*)$/.exec(key.trim());
  if (!match || match[1] === undefined) return undefined;
  return { source: match[1], flags: match[2] ?? '' };
}

/** Compiles a pattern after the safety check; `g`/`y` are dropped so `test` stays stateless. */
export function compileSafeRegex(source: string, flags: string): RegexCompileResult {
  const problem = findRegexHazard(source);
  if (problem) return { ok: false, reason: problem };
  const cleanFlags = [...new Set(flags.replace(/[gy]/g, ''))].join('');
  try {
    return { ok: true, regex: new RegExp(source, cleanFlags) };
  } catch (error) {
    return { ok: false, reason: `invalid regex: ${error instanceof Error ? error.message : String(error)}` };
  }
}

interface GroupState {
  /** A repeating quantifier (max > 1) applies somewhere inside this group. */
  repeats: boolean;
  alternation: boolean;
}

/**
 * Returns why a pattern is unsafe, or undefined. Refused: over-long patterns, backreferences, a
 * repeated group that itself contains repetition (`(a+)+`, `(\w*)*`, `(a{2,})+`), and a repeated
 * group holding alternatives (`(a|aa)+`), the two shapes behind catastrophic backtracking.
 */
export function findRegexHazard(source: string): string | undefined {
  if (source.length > MAX_PATTERN_LENGTH) return `pattern longer than ${MAX_PATTERN_LENGTH} characters`;
  const stack: GroupState[] = [{ repeats: false, alternation: false }];
  let lastGroup: GroupState | undefined;
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    const top = stack[stack.length - 1] as GroupState;
    if (char === '\\') {
      const next = source[index + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[index + 2] === '<')) return 'backreference';
      index += 2;
      lastGroup = undefined;
      continue;
    }
    if (char === '[') {
      index = skipClass(source, index);
      lastGroup = undefined;
      continue;
    }
    if (char === '(') {
      stack.push({ repeats: false, alternation: false });
      index += 1;
      lastGroup = undefined;
      continue;
    }
    if (char === ')') {
      const closed = stack.pop();
      const parent = stack[stack.length - 1];
      if (!closed || !parent) return 'unbalanced parenthesis';
      // A group's inner repetition is also its parent's.
      parent.repeats ||= closed.repeats;
      lastGroup = closed;
      index += 1;
      continue;
    }
    if (char === '|') top.alternation = true;
    const quantifier = readQuantifier(source, index);
    if (quantifier) {
      if (quantifier.repeating) {
        if (lastGroup?.repeats) return 'nested quantifier';
        if (lastGroup?.alternation && quantifier.unbounded) return 'repeated alternation';
        top.repeats = true;
      }
      index = quantifier.end;
      lastGroup = undefined;
      continue;
    }
    lastGroup = undefined;
    index += 1;
  }
  return undefined;
}

function skipClass(source: string, start: number): number {
  let index = start + 1;
  while (index < source.length && source[index] !== ']') index += source[index] === '\\' ? 2 : 1;
  return index + 1;
}

function readQuantifier(
  source: string,
  index: number,
): { repeating: boolean; unbounded: boolean; end: number } | undefined {
  const char = source[index];
  let end = index + 1;
  let repeating: boolean;
  let unbounded: boolean;
  if (char === '*' || char === '+') {
    repeating = true;
    unbounded = true;
  } else if (char === '?') {
    repeating = false;
    unbounded = false;
  } else if (char === '{') {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(index));
    if (!match) return undefined;
    const min = Number(match[1]);
    unbounded = match[2] !== undefined && match[3] === '';
    const max = unbounded ? Infinity : match[3] ? Number(match[3]) : min;
    repeating = max > 1;
    end = index + match[0].length;
  } else {
    return undefined;
  }
  if (source[end] === '?' || source[end] === '+') end += 1; // lazy / possessive marker
  return { repeating, unbounded, end };
}
