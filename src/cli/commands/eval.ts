/** `starling eval memory`: evidence recall of memory retrieval on LoCoMo-format conversations. */
import type { Command } from 'commander';
import { evaluateConversations, readLocomoFile, type EvalReport } from '../../memory/index.js';
import { createOutput, parsePositiveInt, type Output } from '../output.js';

interface EvalMemoryOptions {
  k?: string;
  json?: boolean;
  captions: boolean;
}

/** Registers `eval` and its `memory` subcommand. */
export function registerEval(program: Command): void {
  const evalCommand = program.command('eval').description('measure Starling against evaluation sets');
  evalCommand
    .command('memory')
    .description('evidence recall@k of memory retrieval on LoCoMo conversations (no model needed)')
    .argument('<conversation...>', 'LoCoMo JSON files (one conversation, or an array of {conversation, qa})')
    .option('--k <n>', 'how many memories are retrieved per question', '10')
    .option('--no-captions', 'do not ingest image captions as "[image: …]" text')
    .option('--json', 'print {k, questions, recallAtK, byCategory, msPerQuery, baseline} as JSON')
    .action((files: string[], options: EvalMemoryOptions) => {
      const output = createOutput(options.json === true);
      const k = parsePositiveInt('--k', options.k) ?? 10;
      const conversations = files.flatMap((file) => readLocomoFile(file));
      const report = evaluateConversations(conversations, { k, captions: options.captions });
      if (output.json) return output.printJson(report);
      printReport(output, report);
    });
}

function printReport(output: Output, report: EvalReport): void {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
  const k = report.k;
  output.say(`${report.questions} questions with evidence (${report.skipped} without evidence left out)`);
  output.say(`${'category'.padEnd(16)}${'n'.padStart(5)}  recall@${k}  recall@5  all@${k}   baseline@${k}`);
  const row = (label: string, figures: Omit<EvalReport['baseline'], 'byCategory'>, baseline: number) =>
    output.say(
      `${label.padEnd(16)}${String(figures.questions).padStart(5)}  ${percent(figures.recallAtK)}  ${percent(figures.recallAt5)}  ${percent(figures.allEvidenceAtK)}  ${percent(baseline)}`,
    );
  for (const [category, figures] of Object.entries(report.byCategory)) {
    row(`${category} ${figures.name}`, figures, report.baseline.byCategory[category]?.recallAtK ?? 0);
  }
  row('all', report, report.baseline.recallAtK);
  output.say(`${report.msPerQuery.toFixed(2)} ms per query; baseline: plain BM25 over raw turns`);
}
