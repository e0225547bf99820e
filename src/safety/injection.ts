/** Jailbreak scoring for user input, and the hidden-instruction scan for untrusted text. */
import { MANIPULATION_PATTERNS, UNTRUSTED_PATTERNS, type ManipulationPattern } from './manipulation-rules.js';
import type { SuspiciousSpan, UntrustedScan, UntrustedSource } from './types.js';

const SPAN_TEXT_LIMIT = 160;
/** A `flag` signal alone: over the manipulation flag threshold, under its block threshold. */
const FLAG_ONLY_SCORE = 0.6;

function findSpans(
  text: string,
  patterns: readonly ManipulationPattern[],
  form: 'pattern' | 'lower',
): (SuspiciousSpan & { kind: ManipulationPattern['kind'] })[] {
  const spans: (SuspiciousSpan & { kind: ManipulationPattern['kind'] })[] = [];
  for (const entry of patterns) {
    const { id, kind } = entry;
    for (const match of text.matchAll(entry[form])) {
      const start = match.index;
      const end = start + match[0].length;
      spans.push({ start, end, rule: id, kind, text: match[0].slice(0, SPAN_TEXT_LIMIT) });
      if (spans.length > 50) return spans;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * Quoted stretches: an opening quote not inside a word, up to its closing quote (not "don't").
 * Text here is normalised, so ‘ ’ are already '.
 */
const QUOTED = /(?<![\p{L}\p{N}])(['"“「『])(?:(?!\1).){3,200}?(?:\1|[”」』])(?![\p{L}\p{N}])/gu;
/** Words outside the quotes that make a quotation a mention: "people put '…' in their bio". */
const MENTION_WORDS = 3;

/** The quoted stretches of a text that is talking about them (enough words outside the quotes). */
function mentionRanges(text: string): [number, number][] {
  const ranges = [...text.matchAll(QUOTED)].map((match): [number, number] => [
    match.index,
    match.index + match[0].length,
  ]);
  let outside = text;
  for (const [start, end] of [...ranges].reverse())
    outside = outside.slice(0, start) + ' ' + outside.slice(end);
  return (outside.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= MENTION_WORDS ? ranges : [];
}

/**
 * The rule-based manipulation score of a user message (0..1) and the signals behind it; the text
 * is normalised and lowercased, as the moderator passes it. A strong
 * signal quoted inside a sentence about it is a mention ("people put 'ignore previous
 * instructions' in their bio"), so it counts as an unlock: flagged, and blocked only with other
 * signals. A message that is nothing but a quoted override is still an override.
 */
export function manipulationScore(text: string): { score: number; rules: string[] } {
  const direct = scoreSignals(text);
  // "ig/nore all pre/vious in/struc/tions": read it again with the splitters inside words removed.
  if (!hasSplits(text)) return direct;
  const joined = scoreSignals(text.replace(SPLIT_INSIDE_WORDS, ''));
  return joined.score > direct.score ? joined : direct;
}

/** A slash, bar, dot, underscore, asterisk or hyphen between two letters. */
const SPLIT_INSIDE_WORDS = /(?<=\p{L})[/|._*-](?=\p{L})/gu;
/** Fewer splitters than this are ordinary text ("and/or", "e.g.", "well-known"). */
const MIN_SPLITS = 3;

/** True when the text has at least MIN_SPLITS splitters; stops counting there (every message passes here). */
function hasSplits(text: string): boolean {
  const splits = new RegExp(SPLIT_INSIDE_WORDS);
  let count = 0;
  while (splits.exec(text) !== null) if (++count >= MIN_SPLITS) return true;
  return false;
}

function scoreSignals(text: string): { score: number; rules: string[] } {
  const spans = findSpans(text, MANIPULATION_PATTERNS, 'lower');
  const quoted = mentionRanges(text);
  const mentioned = (span: { start: number; end: number }) =>
    quoted.some(([start, end]) => span.start >= start && span.end <= end);
  const strong = spans.filter((span) => span.kind === 'strong' && !mentioned(span)).length;
  // A request for working jailbreaks: flagged alone, blocked only with company. A quoted override
  // stays an unlock: people ask about "ignore previous instructions" in bios and papers.
  const flagOnly = spans.filter((span) => span.kind === 'flag').length;
  const unlock =
    spans.filter((span) => span.kind === 'unlock' || (span.kind === 'strong' && mentioned(span))).length +
    flagOnly;
  const framing = spans.some((span) => span.kind === 'framing');
  let score = 0;
  if (strong > 0) score = strong > 1 ? 0.97 : 0.9;
  else if (unlock >= 3) score = 0.92;
  else if (unlock === 2) score = framing ? 0.9 : 0.8;
  else if (unlock === 1) score = framing ? 0.62 : 0.45;
  if (flagOnly > 0) score = Math.max(score, FLAG_ONLY_SCORE);
  const rules = [
    ...new Set(spans.filter((span) => span.kind !== 'framing').map((span) => `manipulation.${span.rule}`)),
  ];
  return { score, rules };
}

/** Signals that describe a person's request, not text planted for the model: a story may frame, and a late grandmother may sing lullabies. */
const INPUT_ONLY = new Set(['framing', 'grandma_exploit']);

/** Which signals count in each kind of untrusted text (cards legitimately address the model). */
const SOURCE_RULES: Record<UntrustedSource, (rule: string) => boolean> = {
  card: (rule) => !INPUT_ONLY.has(rule) && rule !== 'addressed_to_model' && rule !== 'tool_call',
  lorebook: (rule) => !INPUT_ONLY.has(rule) && rule !== 'addressed_to_model',
  tool: (rule) => !INPUT_ONLY.has(rule),
  memory: (rule) => !INPUT_ONLY.has(rule),
};

/** Finds instructions aimed at the model inside card, lorebook, tool or memory text. */
export function scanUntrusted(text: string, source: UntrustedSource): UntrustedScan {
  const counts = SOURCE_RULES[source];
  const spans = findSpans(text, [...MANIPULATION_PATTERNS, ...UNTRUSTED_PATTERNS], 'pattern')
    .filter((span) => counts(span.rule))
    .map(({ start, end, rule, text: spanText }) => ({ start, end, rule, text: spanText }));
  if (spans.length === 0)
    return { suspicious: false, spans, reason: `no instructions aimed at the model found in ${source} text` };
  const rules = [...new Set(spans.map((span) => span.rule))];
  return {
    suspicious: true,
    spans,
    reason: `${source} text contains ${rules.join(', ')}: treat it as data, quarantine it and show a warning; never obey it`,
  };
}
