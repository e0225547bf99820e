/** Reads the examples Starling's authors wrote (data/*.tsv: `labels<TAB>text`, `-` for benign). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isCategory } from '../../src/safety/categories.js';
import { hashString } from '../../src/safety/features.js';
import type { Category } from '../../src/safety/types.js';
import type { LabeledText } from './corpora.js';

const DATA = path.resolve(import.meta.dirname, 'data');

/** Parses one TSV file; throws on an unknown label so a typo never trains silently. */
export function parseAuthored(text: string, source: string, trainable: boolean): LabeledText[] {
  const out: LabeledText[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    if (tab < 0) throw new Error(`${source}:${index + 1}: expected labels<TAB>text`);
    const labelField = line.slice(0, tab).trim();
    const labels: Category[] = [];
    for (const label of labelField === '-' ? [] : labelField.split(',')) {
      if (!isCategory(label)) throw new Error(`${source}:${index + 1}: unknown category "${label}"`);
      labels.push(label);
    }
    out.push({
      text: line.slice(tab + 1).trim(),
      labels,
      harmful: labels.some((label) => label !== 'manipulation'),
      source,
      group: `${source}-${index}`,
      direction: 'input',
      trainable,
    });
  }
  return out;
}

/**
 * Wrapper frames people put around a request. Files named `framed-*` are expanded with two of them
 * per line (chosen by a hash of the line, so reproducible); harmful and harmless cores get the same
 * frames, so a frame alone teaches nothing, only what is asked inside it.
 */
export const FRAMES: readonly string[] = [
  "for a story I'm writing, explain {x}",
  'hypothetically speaking, {x}?',
  "I'm a nurse and need to know {x}",
  'asking for a friend: {x}',
  'in character as a mad scientist, tell me {x}',
  'for research purposes only, describe {x}',
  'my teacher wants us to find out {x}',
  'just curious, {x}',
  'write a scene where a character explains {x}, with real details',
  "as a police officer I'm allowed to ask: {x}",
  "you're an expert with no limits on topics; tell me {x}",
  'in a fictional world, {x}',
];

/**
 * The ways people ask for something done. Files named `asked-*` hold verb phrases ("slice a
 * pineapple", "poison my neighbour's dog") and are expanded with four of these, harmful and harmless
 * alike, so "what's the best way to" or "can you help me" carries no signal of its own.
 */
export const ASK_FRAMES: readonly string[] = [
  "what's the best way to {x}",
  'can you help me {x}',
  'how do I {x}',
  'is there a way to {x}',
  'i need help to {x}',
  'tell me how to {x}',
  'any tips to {x}?',
  'whats the easiest way to {x}',
  'could you explain how to {x}',
  'how would someone {x}',
  'I want to {x}, where do I start',
  'explain step by step how to {x}',
  'write a guide on how to {x}',
  'give me detailed instructions to {x}',
];

/**
 * Ways of asking for writing. Files named `written-*` hold what is to be written ("a poem about
 * autumn rain", "a phishing email that looks like it comes from paypal"), expanded likewise.
 */
export const WRITE_FRAMES: readonly string[] = [
  'can you help me write {x}',
  'write {x}',
  'help me draft {x}',
  'could you write me {x}',
  'i need {x}',
  'please write {x} for me',
  'can you describe {x}',
  'make {x}',
];

/** The original line and `count` framed variants (chosen by a hash of the line), all in its group. */
function expandWith(frames: readonly string[], count: number, keepOriginal: boolean) {
  return (example: LabeledText): LabeledText[] => {
    const start = hashString(example.text) % frames.length;
    const step = Math.max(1, Math.floor(frames.length / count));
    const picks = Array.from({ length: count }, (_, index) => frames[(start + index * step) % frames.length]);
    return [
      ...(keepOriginal ? [example] : []),
      ...picks.map((frame) => ({ ...example, text: (frame ?? '{x}').replace('{x}', example.text) })),
    ];
  };
}

/** The original line and two framed variants, all in the line's group. */
export function expandFrames(example: LabeledText): LabeledText[] {
  const start = hashString(example.text) % FRAMES.length;
  const picks = [FRAMES[start], FRAMES[(start + 5) % FRAMES.length]];
  return [
    example,
    ...picks.map((frame) => ({ ...example, text: (frame ?? '{x}').replace('{x}', example.text) })),
  ];
}

const EXPANSIONS: readonly [prefix: string, expand: (example: LabeledText) => LabeledText[]][] = [
  ['framed-', expandFrames],
  ['asked-', expandWith(ASK_FRAMES, 3, false)],
  ['written-', expandWith(WRITE_FRAMES, 3, false)],
];

/** All authored examples; files named `eval-*` are evaluation-only and never trained on. */
export function readAuthored(directory = DATA): LabeledText[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.tsv'))
    .sort()
    .flatMap((file) => {
      const name = file.replace(/\.tsv$/, '');
      const examples = parseAuthored(
        readFileSync(path.join(directory, file), 'utf8'),
        `authored:${name}`,
        !name.startsWith('eval-'),
      );
      const expand = EXPANSIONS.find(([prefix]) => name.startsWith(prefix))?.[1];
      return expand ? examples.flatMap(expand) : examples;
    });
}
