/**
 * Key matching for lorebook entries. Scan text is indexed once (lower-cased copy and a set of its
 * words) so that thousands of keys cost a set lookup each; a key is compiled once per entry and
 * reused across scans and recursion steps.
 */
import { compileSafeRegex, MAX_REGEX_TEXT_LENGTH, parseSlashRegex } from './regex-safety.js';

/** Scripts written without spaces between words: keys in them match as substrings. */
const NO_SPACE_SCRIPT =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}]/u;
const WORD_RUN =
  /(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}])[\p{L}\p{N}\p{M}_])+/gu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/** Text to scan, with lazily built indexes. */
export interface ScanText {
  readonly text: string;
  readonly lower: string;
  /** The newest part of the text, the only part regex keys see. */
  readonly regexText: string;
  words(caseSensitive: boolean): ReadonlySet<string>;
}

/** Indexes `text` for key matching. */
export function createScanText(text: string): ScanText {
  let lower: string | undefined;
  let words: Set<string> | undefined;
  let wordsLower: Set<string> | undefined;
  return {
    text,
    get lower() {
      lower ??= text.toLowerCase();
      return lower;
    },
    regexText: text.length > MAX_REGEX_TEXT_LENGTH ? text.slice(-MAX_REGEX_TEXT_LENGTH) : text,
    words(caseSensitive) {
      if (caseSensitive) {
        words ??= new Set(text.match(WORD_RUN));
        return words;
      }
      wordsLower ??= new Set(this.lower.match(WORD_RUN));
      return wordsLower;
    },
  };
}

export interface KeyOptions {
  useRegex: boolean;
  caseSensitive: boolean;
  matchWholeWords: boolean;
}

export interface CompiledKey {
  /** How the key reports itself in an activation reason: `key "x"` or `regex /x/i`. */
  readonly label: string;
  test(scan: ScanText): boolean;
}

export type KeyCompileResult = { ok: true; key: CompiledKey } | { ok: false; key: string; reason: string };

/** Compiles one key: a regex (`useRegex` or `/pattern/flags`) or a plain word/phrase. */
export function compileKey(rawKey: string, options: KeyOptions): KeyCompileResult | undefined {
  const key = rawKey.trim();
  if (key === '') return undefined;
  const slash = parseSlashRegex(key);
  if (slash || options.useRegex) {
    const source = slash ? slash.source : key;
    const flags = slash ? slash.flags : options.caseSensitive ? '' : 'i';
    const compiled = compileSafeRegex(source, flags);
    if (!compiled.ok) return { ok: false, key, reason: compiled.reason };
    const regex = compiled.regex;
    return {
      ok: true,
      key: { label: `regex /${source}/${regex.flags}`, test: (scan) => regex.test(scan.regexText) },
    };
  }
  return { ok: true, key: compilePlainKey(key, options) };
}

function compilePlainKey(key: string, options: KeyOptions): CompiledKey {
  const { caseSensitive } = options;
  const needle = caseSensitive ? key : key.toLowerCase();
  const label = `key "${key}"`;
  const keyWords = needle.match(WORD_RUN) ?? [];
  const substring = !options.matchWholeWords || NO_SPACE_SCRIPT.test(key) || keyWords.length === 0;
  if (substring) {
    return { label, test: (scan) => (caseSensitive ? scan.text : scan.lower).includes(needle) };
  }
  const checkStart = WORD_CHAR.test(needle[0] ?? '');
  const checkEnd = WORD_CHAR.test(needle.at(-1) ?? '');
  return {
    label,
    test(scan) {
      const words = scan.words(caseSensitive);
      // Cheap rejection: every word of the key must occur as a whole word somewhere.
      for (const word of keyWords) if (!words.has(word)) return false;
      if (keyWords.length === 1 && keyWords[0] === needle) return true;
      return findWholeWord(caseSensitive ? scan.text : scan.lower, needle, checkStart, checkEnd);
    },
  };
}

function findWholeWord(haystack: string, needle: string, checkStart: boolean, checkEnd: boolean): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at === -1) return false;
    const before = haystack[at - 1] ?? ' ';
    const after = haystack[at + needle.length] ?? ' ';
    const startOk = !checkStart || !isWordChar(before);
    const endOk = !checkEnd || !isWordChar(after);
    if (startOk && endOk) return true;
    from = at + 1;
  }
}

function isWordChar(char: string): boolean {
  return WORD_CHAR.test(char) && !NO_SPACE_SCRIPT.test(char);
}
