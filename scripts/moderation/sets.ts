/** The evaluation sets, built the same way by the training script, the bench and the tests. */
import { readAuthored } from './authored.js';
import { readCorpora, type LabeledText } from './corpora.js';
import { DEFAULT_TRAIN_OPTIONS, isHeldOut } from './trainer.js';
import { hashString } from '../../src/safety/features.js';

const LEET_OUT: Record<string, string> = { a: '4', e: '3', i: '1', o: '0' };

/**
 * The disguises people use to slip past filters, applied deterministically (by a hash of each
 * word): leet digits in some English words, one word spelled out with spaces, separators between
 * some Han characters. Measures `undisguise` in features.ts on sets written without disguises.
 */
export function disguise(text: string): string {
  let spelled = false;
  return text
    .replace(/[a-z]{4,}/gi, (word) => {
      const pick = hashString(word) % 6;
      if (pick === 0 && !spelled) {
        spelled = true;
        return word.split('').join(' ');
      }
      return pick <= 2
        ? word.replace(/[aeio]/gi, (letter) => LEET_OUT[letter.toLowerCase()] ?? letter)
        : word;
    })
    .replace(/\p{Script=Han}{2}/gu, (pair) =>
      hashString(pair) % 3 === 0 ? `${pair[0]}${'* -'[hashString(pair) % 9 === 0 ? 1 : 0]}${pair[1]}` : pair,
    );
}

/** Training examples and named evaluation sets (held-out splits, evaluation-only corpora). */
export interface Datasets {
  train: LabeledText[];
  heldOut: LabeledText[];
  sets: Record<string, LabeledText[]>;
}

/** Case, spacing and punctuation aside: how two writers' identical sentences are recognised. */
export function textKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Splits everything by the seeded group hash; evaluation-only data never reaches `train`, nor does
 * a training sentence that an evaluation set or the held-out split also contains (separate
 * writers do write "why is the sky blue" alike, and training on it would inflate that figure).
 */
export function buildDatasets(seed = DEFAULT_TRAIN_OPTIONS.seed): Datasets {
  const all = [...readCorpora(), ...readAuthored()];
  const evalOnly = all.filter((example) => !example.trainable);
  const heldOut = all.filter((example) => example.trainable && isHeldOut(example, seed));
  const measured = new Set([...evalOnly, ...heldOut].map((example) => textKey(example.text)));
  const train = all.filter(
    (example) => example.trainable && !isHeldOut(example, seed) && !measured.has(textKey(example.text)),
  );
  const pick = (list: LabeledText[], test: (example: LabeledText) => boolean) => list.filter(test);
  /** An authored evaluation-only file's examples, in one language or both. */
  const authoredEval = (file: string, language: 'en' | 'zh' | 'both' = 'both') =>
    evalOnly.filter(
      (example) =>
        example.source === `authored:${file}` &&
        (language === 'both' || /\p{Script=Han}/u.test(example.text) === (language === 'zh')),
    );
  /** The same file with the disguises people use to slip past filters (see `disguise`). */
  const disguisedEval = (file: string) =>
    authoredEval(file).map((example) => ({ ...example, text: disguise(example.text) }));
  const sets: Record<string, LabeledText[]> = {
    'held-out JADE zh (harmful)': pick(heldOut, (example) => example.source === 'jade_zh'),
    'held-out JADE en (harmful)': pick(heldOut, (example) => example.source === 'jade_en'),
    'held-out forbidden questions en (harmful)': pick(
      heldOut,
      (example) => example.source === 'forbidden_questions',
    ),
    'held-out JADE unsafe answers zh (output)': pick(
      heldOut,
      (example) => example.source === 'jade_unsafe_answer',
    ),
    'held-out jailbreak templates (in the wild)': pick(
      heldOut,
      (example) => example.source === 'jailbreak_wild',
    ),
    'held-out authored harmful en/zh': pick(heldOut, (example) =>
      example.source.startsWith('authored:harmful'),
    ),
    'held-out authored harmful en, incl. framed (dev)': pick(
      heldOut,
      (example) =>
        example.source.startsWith('authored:') && example.harmful && !/\p{Script=Han}/u.test(example.text),
    ),
    'held-out authored jailbreaks': pick(
      heldOut,
      (example) => example.source === 'authored:manipulation' && example.labels.length > 0,
    ),
    'own held-out harmful en (eval only)': authoredEval('eval-harmful-en'),
    'fresh harmful en, dev2 (eval only)': authoredEval('eval-harmful-dev2', 'en'),
    'fresh harmful zh, dev2 (eval only)': authoredEval('eval-harmful-dev2', 'zh'),
    'fresh harmful en, dev3 (eval only)': authoredEval('eval-harmful-dev3', 'en'),
    'fresh harmful zh, dev3 (eval only)': authoredEval('eval-harmful-dev3', 'zh'),
    'fresh harmful en, blind2 (eval only)': authoredEval('eval-harmful-blind2', 'en'),
    'fresh harmful zh, blind2 (eval only)': authoredEval('eval-harmful-blind2', 'zh'),
    'fresh harmful en, blind3 (eval only)': authoredEval('eval-harmful-blind3', 'en'),
    'fresh harmful zh, blind3 (eval only)': authoredEval('eval-harmful-blind3', 'zh'),
    'fresh harmful en, blind4 (eval only)': authoredEval('eval-harmful-blind4', 'en'),
    'fresh harmful zh, blind4 (eval only)': authoredEval('eval-harmful-blind4', 'zh'),
    'fresh jailbreaks en/zh, blind4 (eval only)': authoredEval('eval-jailbreak-blind4'),
    'fresh harmful en, dev4, other writer (eval only)': authoredEval('eval-harmful-dev4', 'en'),
    'fresh harmful zh, dev4, other writer (eval only)': authoredEval('eval-harmful-dev4', 'zh'),
    'harmful contrasts en, dev5 (eval only)': authoredEval('eval-harmful-scary-dev5', 'en'),
    'harmful contrasts zh, dev5 (eval only)': authoredEval('eval-harmful-scary-dev5', 'zh'),
    'fresh harmful en, dev6, fine-grained taxonomy (eval only)': authoredEval('eval-harmful-dev6', 'en'),
    'fresh harmful zh, dev6, fine-grained taxonomy (eval only)': authoredEval('eval-harmful-dev6', 'zh'),
    'fresh harmful en, dev7, voices (eval only)': authoredEval('eval-harmful-dev7', 'en'),
    'fresh harmful zh, dev7, voices (eval only)': authoredEval('eval-harmful-dev7', 'zh'),
    'fresh jailbreaks en, dev7 (eval only)': authoredEval('eval-jailbreak-dev7', 'en'),
    'fresh jailbreaks zh, dev7 (eval only)': authoredEval('eval-jailbreak-dev7', 'zh'),
    'fresh harmful en/zh, dev3, disguised (eval only)': disguisedEval('eval-harmful-dev3'),
    'Do-Not-Answer en, all (eval only)': pick(evalOnly, (example) => example.source.startsWith('dna:')),
    'Do-Not-Answer en, excl. "treat chatbot as human"': pick(
      evalOnly,
      (example) => example.source.startsWith('dna:') && example.source !== 'dna:Treat Chatbot as a Human',
    ),
    'benign: held-out persona chat turns': pick(heldOut, (example) => example.source === 'persona_chat'),
    'benign: MSC turns (eval only)': pick(evalOnly, (example) => example.source === 'msc'),
    'benign: LoCoMo turns (eval only)': pick(evalOnly, (example) => example.source === 'locomo'),
    'benign: held-out RoleBench en': pick(heldOut, (example) => example.source === 'rolebench_en'),
    'benign: held-out RoleBench zh': pick(heldOut, (example) => example.source === 'rolebench_zh'),
    'benign: held-out BFCL/ToolBench/InCharacter questions': pick(heldOut, (example) =>
      ['bfcl', 'toolbench', 'incharacter'].includes(example.source),
    ),
    'benign: held-out JADE safe answers zh (output)': pick(
      heldOut,
      (example) => example.source === 'jade_safe_answer',
    ),
    'benign: held-out authored look-alikes + cards': pick(
      heldOut,
      (example) => example.source.startsWith('authored:') && !example.harmful && example.labels.length === 0,
    ),
    'benign: safe-but-scary en/zh (eval only)': authoredEval('eval-safe-but-scary'),
    'benign: everyday en, own held-out (eval only)': authoredEval('eval-benign-en'),
    'benign: everyday zh, own held-out (eval only)': authoredEval('eval-benign-zh'),
    'benign: safe-but-scary en, fresh (eval only)': authoredEval('eval-safe-but-scary-fresh'),
    'benign: everyday en+zh, fresh held-out (eval only)': authoredEval('eval-benign-fresh'),
    'benign: everyday + look-alikes en, dev3 (eval only)': authoredEval('eval-benign-dev3', 'en'),
    'benign: everyday + look-alikes zh, dev3 (eval only)': authoredEval('eval-benign-dev3', 'zh'),
    'benign: everyday + look-alikes en, dev4, other writer (eval only)': authoredEval(
      'eval-benign-dev4',
      'en',
    ),
    'benign: everyday + look-alikes zh, dev4, other writer (eval only)': authoredEval(
      'eval-benign-dev4',
      'zh',
    ),
    'benign: safe-but-scary en, dev5, other writer (eval only)': authoredEval('eval-benign-scary-dev5', 'en'),
    'benign: safe-but-scary zh, dev5, other writer (eval only)': authoredEval('eval-benign-scary-dev5', 'zh'),
    'benign: look-alikes + everyday en, dev6 (eval only)': authoredEval('eval-benign-dev6', 'en'),
    'benign: look-alikes + everyday zh, dev6 (eval only)': authoredEval('eval-benign-dev6', 'zh'),
    'benign: look-alikes + everyday en, dev7, voices (eval only)': authoredEval('eval-benign-dev7', 'en'),
    'benign: look-alikes + everyday zh, dev7, voices (eval only)': authoredEval('eval-benign-dev7', 'zh'),
    'benign: look-alikes + companion chat zh, dev8 (eval only)': authoredEval('eval-benign-dev8', 'zh'),
    'benign: creator setups + jailbreak look-alikes en/zh, dev7 (eval only)': authoredEval(
      'eval-benign-jailbreak-dev7',
    ),
    'benign: everyday + look-alikes en/zh, dev3, disguised (eval only)': disguisedEval('eval-benign-dev3'),
    'benign: everyday + safe-but-scary en/zh, blind2 (eval only)': authoredEval('eval-benign-blind2'),
    'benign: companion chat + look-alikes en, blind3 (eval only)': authoredEval('eval-benign-blind3', 'en'),
    'benign: companion chat + look-alikes zh, blind3 (eval only)': authoredEval('eval-benign-blind3', 'zh'),
    'benign: look-alikes + companion chat en, blind4 (eval only)': authoredEval('eval-benign-blind4', 'en'),
    'benign: look-alikes + companion chat zh, blind4 (eval only)': authoredEval('eval-benign-blind4', 'zh'),
    'benign: creator setups + jailbreak look-alikes en/zh, blind4 (eval only)': authoredEval(
      'eval-benign-jailbreak-blind4',
    ),
  };
  for (const [name, examples] of Object.entries(sets)) {
    for (const example of examples)
      if ((example.harmful || example.labels.length > 0) === name.startsWith('benign'))
        throw new Error(`mislabelled set ${name}`);
  }
  return { train, heldOut, sets };
}
