/** Reads the examples Starling's authors wrote (data/*.tsv: `labels<TAB>text`, `-` for benign). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isCategory } from '../../src/safety/categories.js';
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

/** All authored examples; files named `eval-*` are evaluation-only and never trained on. */
export function readAuthored(directory = DATA): LabeledText[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.tsv'))
    .sort()
    .flatMap((file) => {
      const name = file.replace(/\.tsv$/, '');
      return parseAuthored(
        readFileSync(path.join(directory, file), 'utf8'),
        `authored:${name}`,
        !name.startsWith('eval-'),
      );
    });
}
