/**
 * CLI: writes the random-weights test GGUF.
 * Usage: npm run --silent make-tiny-model -- <out.gguf> [--context N] [--size tiny|medium] [--seed N]
 * Prints one line of JSON `{path, parameters, bytes}`.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeTinyModel } from './tiny-model/write-tiny-model.js';

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { context: { type: 'string' }, size: { type: 'string' }, seed: { type: 'string' } },
});

const outPath = positionals[0];
if (outPath === undefined)
  fail('missing output path: make-tiny-model <out.gguf> [--context N] [--size tiny|medium]');
const size = values.size ?? 'tiny';
if (size !== 'tiny' && size !== 'medium') fail(`--size must be tiny or medium, got "${size}"`);
const context = values.context === undefined ? undefined : Number(values.context);
if (context !== undefined && !(Number.isInteger(context) && context > 0)) {
  fail(`--context must be a positive integer, got "${values.context}"`);
}
const seed = values.seed === undefined ? undefined : Number(values.seed);

const result = await writeTinyModel(resolve(outPath), { size, context, seed });
process.stdout.write(`${JSON.stringify(result)}\n`);
