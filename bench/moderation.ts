/**
 * The built-in moderator: per-message latency (median, p99) over everyday, harmful and long
 * jailbreak texts, then the evaluation tables (per-category precision/recall on the held-out split,
 * flagged/blocked shares per set, including Do-Not-Answer, MSC and LoCoMo, which are never trained on),
 * and requests split across two messages, screened alone and read with the previous message.
 * Run: node --import tsx bench/moderation.ts
 */
import { hasCorpora } from '../scripts/moderation/corpora.js';
import { categoryFigures, formatTables, setFigures } from '../scripts/moderation/evaluate.js';
import { buildDatasets } from '../scripts/moderation/sets.js';
import { formatSplitFigures, splitTurnFigures } from '../scripts/moderation/split-turns.js';
import { loadBuiltinModerator } from '../src/safety/index.js';
import { ms, quantile } from './support/stats.js';

if (!hasCorpora()) {
  process.stderr.write('error: corpora_missing: ../shared/corpora/safety is needed for this bench\n');
  process.exit(1);
}
const loadStarted = performance.now();
const moderator = await loadBuiltinModerator();
const loadMs = performance.now() - loadStarted;
const { heldOut, sets } = buildDatasets();
const texts = Object.values(sets).flat();
for (const example of texts.slice(0, 500))
  moderator.screen(example.text, { direction: 'input', policy: 'standard' });
const timings: number[] = [];
for (const example of texts) {
  const started = performance.now();
  moderator.screen(example.text, { direction: example.direction, policy: 'standard' });
  timings.push(performance.now() - started);
}
timings.sort((a, b) => a - b);
console.log(`weights loaded in ${ms(loadMs)}; ${timings.length} messages screened`);
console.log(
  `latency per message: median ${ms(quantile(timings, 0.5))}, p99 ${ms(quantile(timings, 0.99))}, max ${ms(timings.at(-1) ?? 0)}`,
);
// Long texts built to make patterns backtrack: each is screened once; a quadratic pattern shows
// here as hundreds of milliseconds (a mixed-script lookahead did, on 18k Han characters).
const adversarial: Record<string, string> = {
  'repeated override words': 'ignore '.repeat(3000),
  'repeated method frames': 'how do i kill '.repeat(1500),
  'repeated Han frames': '怎么杀了我要'.repeat(3000),
  'repeated quotes': `'a' "b" `.repeat(2500),
  'mixed-script words': 'bоmb '.repeat(4000),
  'one long Latin word': 'abcdefgh'.repeat(2500),
  'a long character card': 'You are Luna, a gentle healer who never breaks character. '.repeat(350),
};
const worst = Object.entries(adversarial).map(([name, text]) => {
  const started = performance.now();
  moderator.screen(text, { direction: 'input', policy: 'standard' });
  return `${name} ${ms(performance.now() - started)}`;
});
console.log(`adversarial ~20k-character texts: ${worst.join(', ')}`);
console.log('');
console.log(formatTables(categoryFigures(moderator, heldOut), setFigures(moderator, sets)));
console.log('');
console.log(formatSplitFigures(splitTurnFigures(moderator)));
