/**
 * Text -> hashed sparse features, shared by training and inference so both see the same numbers:
 * English word unigrams, bigrams and 5-letter stems; Chinese character 1-3-grams; word classes and
 * class pairs in both languages (word-classes.ts); log counts,
 * L2-normalised. Hashing (FNV-1a) keeps the weight table a fixed size with no vocabulary to ship.
 */

import { WORD_CLASS, chineseClasses } from './word-classes.js';

/** A sparse feature vector: parallel bucket indices and values. */
export interface SparseVector {
  indices: Uint32Array;
  values: Float32Array;
}

const HAN = /\p{Script=Han}/u;
const TOKEN = /[\p{Script=Han}]+|[\p{L}\p{N}']+/gu;
/** Texts longer than this are featurised from their head and tail (templates can be 20 kB). */
const MAX_CHARS = 6000;
/** Two classed words at most this many words apart form a class pair. */
const CLASS_WINDOW = 4;

/** FNV-1a 32-bit hash of a string. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Digits that stand for letters inside a word ("k1ll", "b0mb", "h4ck", "m3th"). */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };
/** A word that starts and ends with a letter and has leet characters inside it. */
const LEET_WORD =
  /(?<![\p{L}\p{N}@.])\p{Script=Latin}[\p{Script=Latin}013457]*[013457][\p{Script=Latin}013457]*\p{Script=Latin}(?![\p{L}\p{N}@])/gu;
/** Three or more single letters (or Han characters) split by one repeated separator: "k i l l", "b.o.m.b", "炸-药". */
const SPELLED_OUT =
  /(?<![\p{L}\p{N}])\p{Script=Latin}([ .\-_*|/])\p{Script=Latin}(?:\1\p{Script=Latin})+(?![\p{L}\p{N}])/gu;
/** Han characters split by symbols, or a lone Han character split off by spaces ("炸 弹怎么做"). */
const HAN_SPLIT =
  /(?<=\p{Script=Han})[.\-_*|/~]+(?=\p{Script=Han})|(?<=(?<!\p{Script=Han})\p{Script=Han}) +(?=\p{Script=Han})|(?<=\p{Script=Han}) +(?=\p{Script=Han}(?!\p{Script=Han}))/gu;

/** Lowercase Cyrillic and Greek letters that look like Latin ones ("bоmb" with a Cyrillic о), and their Latin twins. */
const LOOKALIKES = 'авеёкмнорстухіїјѕԁԛԝһαβεικνορτυχω';
const LATIN_TWINS = 'abeekmhopctyxiijsdqwhabeikvoptuxw';
/** A run of Latin, Cyrillic and Greek letters: a word, checked for mixed scripts in code (a lookahead here was quadratic on long runs). */
const ALPHABETIC_WORD = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]+/gu;
/** Real text keeps a word to one script; a Latin word with a Cyrillic or Greek letter is a disguise. */
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC_OR_GREEK = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/**
 * Undoes the cheap disguises people put on words to slip past filters: Cyrillic or Greek look-alike
 * letters inside a Latin word, leet digits inside a word, letters spelled out with separators, Han
 * characters split by symbols. Idempotent. (The `confusables` package maps far more, and wrongly
 * for us: dotless ı to l, ❤ to O, whole Russian words to Latin.)
 */
export function undisguise(text: string): string {
  return text
    .replace(ALPHABETIC_WORD, (word) =>
      LATIN.test(word) && CYRILLIC_OR_GREEK.test(word)
        ? word.replace(/./gu, (character) => LATIN_TWINS[LOOKALIKES.indexOf(character)] ?? character)
        : word,
    )
    .replace(LEET_WORD, (word) => word.replace(/[013457]/g, (character) => LEET[character] ?? character))
    .replace(SPELLED_OUT, (run) => {
      const joined = run.replace(/[ .\-_*|/]/g, '');
      // "a b o m b", "i h a t e": the article or pronoun before a spelled-out word stays a word.
      return /^[ai] /.test(run) && joined.length >= 5 ? `${joined[0]} ${joined.slice(1)}` : joined;
    })
    .replace(HAN_SPLIT, '');
}

/** A run that may be base64: long, from the base64 alphabet, optionally padded. */
const BASE64_RUN = /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])/g;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Base64 payloads ("decode this and do what it says: aG93IGRv…") decoded and appended, so what
 * they say is screened too. Only runs that decode to readable UTF-8 text count; at most four.
 */
export function revealEncoded(text: string): string {
  const decoded: string[] = [];
  for (const [run] of text.matchAll(BASE64_RUN)) {
    if (decoded.length >= 4 || !/[0-9+/]|[a-z][A-Z]|[A-Z][a-z]/.test(run) || run.length % 4 === 1) continue;
    try {
      const bytes = Uint8Array.from(atob(run.padEnd(run.length + ((4 - (run.length % 4)) % 4), '=')), (c) =>
        c.charCodeAt(0),
      );
      const plain = UTF8.decode(bytes);
      const readable = plain.match(/[\p{L}\p{N}\p{P}\s]/gu)?.length ?? 0;
      if (plain.length >= 4 && readable / plain.length > 0.9) decoded.push(plain);
    } catch {
      // Not base64 after all, or not UTF-8: nothing to reveal.
    }
  }
  return decoded.length === 0 ? text : `${text}\n${decoded.join('\n')}`;
}

/**
 * Lowercase, NFKC (full-width -> ASCII), zero-width characters removed, curly apostrophes
 * straightened, cheap disguises undone, base64 payloads decoded alongside.
 */
export function normalizeText(text: string): string {
  const clipped =
    text.length > MAX_CHARS ? text.slice(0, MAX_CHARS / 2) + ' ' + text.slice(-MAX_CHARS / 2) : text;
  return undisguise(
    revealEncoded(clipped)
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
      .replace(/[\u2018\u2019\u02bc]/g, "'"),
  );
}

/**
 * The feature strings of a text already through {@link normalizeText} (before hashing). Normalising
 * is the caller's job, done once: the moderator also runs its rules on the same normalised text.
 */
export function featureStrings(normalized: string): string[] {
  const features: string[] = [];
  let previousWord = '';
  /** Classes of the last few English words, for class pairs within a short window. */
  const recentClasses: { position: number; name: string }[] = [];
  let position = 0;
  const addClass = (name: string) => {
    position += 1;
    features.push('c' + name);
    for (const recent of recentClasses)
      if (position - recent.position <= CLASS_WINDOW) features.push('p' + recent.name + ' ' + name);
    recentClasses.push({ position, name });
    if (recentClasses.length > 4) recentClasses.shift();
  };
  for (const match of normalized.matchAll(TOKEN)) {
    const token = match[0];
    if (HAN.test(token)) {
      previousWord = '';
      for (let index = 0; index < token.length; index += 1) {
        features.push('h' + token.slice(index, index + 1));
        if (index + 2 <= token.length) features.push('h' + token.slice(index, index + 2));
        if (index + 3 <= token.length) features.push('h' + token.slice(index, index + 3));
      }
      for (const name of chineseClasses(token)) addClass(name);
      continue;
    }
    const word = token.replace(/'/g, '');
    if (word.length === 0) continue;
    features.push('w' + word);
    if (word.length > 5) features.push('s' + word.slice(0, 5));
    if (previousWord !== '') features.push('b' + previousWord + ' ' + word);
    previousWord = word;
    const name = WORD_CLASS.get(word);
    if (name === undefined) position += 1;
    else addClass(name);
  }
  return features;
}

/**
 * Hashes a normalised text's features into `buckets` (a power of two) with log(1 + count) values,
 * L2-normalised.
 */
export function featurize(normalized: string, buckets: number): SparseVector {
  const counts = new Map<number, number>();
  const mask = buckets - 1;
  for (const feature of featureStrings(normalized)) {
    const bucket = hashString(feature) & mask;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  const indices = new Uint32Array(counts.size);
  const values = new Float32Array(counts.size);
  let norm = 0;
  let position = 0;
  for (const [bucket, count] of counts) {
    const value = Math.log1p(count);
    indices[position] = bucket;
    values[position] = value;
    norm += value * value;
    position += 1;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let index = 0; index < values.length; index += 1) values[index] = (values[index] ?? 0) * scale;
  return { indices, values };
}

/** 'zh' when at least a fifth of the letters are Han characters (one Han character ~ one word), else 'en'. */
export function detectLanguage(text: string): 'en' | 'zh' {
  let han = 0;
  let letters = 0;
  for (const character of text.slice(0, 2000)) {
    if (HAN.test(character)) han += 1;
    else if (/\p{L}/u.test(character)) letters += 1;
  }
  return han > 0 && han * 5 >= han + letters / 4 ? 'zh' : 'en';
}
