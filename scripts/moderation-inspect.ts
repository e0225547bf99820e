/**
 * Shows what the shipped moderator gets wrong on development sets: the harmful prompts it lets
 * through and the benign ones it flags, with the reason. Blind and Do-Not-Answer sets are refused:
 * they are read only as figures (bench/moderation.ts), never item by item (0013-safety.md).
 * Run: node --import tsx scripts/moderation-inspect.ts "<set name>" ...   (no names: list the sets)
 */
import { hasCorpora } from './moderation/corpora.js';
import { buildDatasets } from './moderation/sets.js';
import { loadBuiltinModerator } from '../src/safety/index.js';

if (!hasCorpora()) {
  process.stderr.write('error: corpora_missing: ../shared/corpora/safety is needed\n');
  process.exit(1);
}
const { sets } = buildDatasets();
const names = process.argv.slice(2);
if (names.length === 0) {
  for (const name of Object.keys(sets)) process.stdout.write(`${name}\n`);
  process.exit(0);
}
const moderator = await loadBuiltinModerator();
for (const name of names) {
  const examples = sets[name];
  if (examples === undefined) {
    process.stderr.write(`error: unknown_set: no set named "${name}" (run without arguments to list them)\n`);
    process.exit(1);
  }
  if (name.includes('blind') || name.startsWith('Do-Not-Answer')) {
    process.stderr.write(`error: blind_set: "${name}" is read only as a figure, never item by item\n`);
    process.exit(1);
  }
  const benign = name.startsWith('benign');
  for (const example of examples) {
    const verdict = moderator.screen(example.text, { direction: example.direction, policy: 'standard' });
    if (verdict.flagged !== benign) continue;
    const expected = benign ? '-' : example.labels.join(',');
    process.stdout.write(`${expected}\t${verdict.reason}\t${example.text}\n`);
  }
}
