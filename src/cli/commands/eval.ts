/** `starling eval memory`: evidence recall of memory retrieval on LoCoMo-format conversations. */
import type { Command } from 'commander';
import { resolveHome } from '../../engine/index.js';
import {
  evaluateAnswers,
  evaluateConversations,
  type AnswerFigures,
  evaluateConversationsWithEmbedder,
  readLocomoFile,
  type EvalReport,
  type HybridEvalReport,
} from '../../memory/index.js';
import { openEmbedder, openModel, resolveModel } from '../../models/index.js';
import type { ChatModelHandle } from '../../spec/model.js';
import type { Embedder } from '../../spec/embedder.js';
import { openStore } from '../../store/index.js';
import { createOutput, parsePositiveInt, type Output } from '../output.js';

interface EvalMemoryOptions {
  k?: string;
  json?: boolean;
  captions: boolean;
  embedder?: string;
  model?: string;
  answerLimit?: string;
}

/** Opens an embedding model by configured name or `.gguf` path, as `config.embedder` would be. */
async function openEvalEmbedder(spec: string): Promise<Embedder> {
  const home = resolveHome();
  const store = openStore(home);
  try {
    return await openEmbedder(await resolveModel(spec, { home, configs: (name) => store.models.get(name) }));
  } finally {
    await store.close();
  }
}

/** Opens a chat model by configured name, catalog name or `.gguf` path, for answering questions. */
async function openEvalModel(spec: string): Promise<ChatModelHandle> {
  const home = resolveHome();
  const store = openStore(home);
  try {
    return await openModel(await resolveModel(spec, { home, configs: (name) => store.models.get(name) }));
  } finally {
    await store.close();
  }
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
    .option(
      '--embedder <model>',
      'also measure hybrid retrieval (BM25 fused with this embedding model: a configured name or a .gguf path)',
    )
    .option(
      '--model <model>',
      'also answer each question from its top k memories with this chat model and report answer accuracy',
    )
    .option('--answer-limit <n>', 'answer at most this many questions (with --model)')
    .option(
      '--json',
      'print {k, questions, recallAtK, byCategory, msPerQuery, baseline, hybrid?, answers?} as JSON',
    )
    .action(async (files: string[], options: EvalMemoryOptions) => {
      const output = createOutput(options.json === true);
      const k = parsePositiveInt('--k', options.k) ?? 10;
      const answerLimit = parsePositiveInt('--answer-limit', options.answerLimit);
      const conversations = files.flatMap((file) => readLocomoFile(file));
      let report: EvalReport | HybridEvalReport;
      if (options.embedder === undefined) {
        report = evaluateConversations(conversations, { k, captions: options.captions });
      } else {
        const embedder = await openEvalEmbedder(options.embedder);
        try {
          report = await evaluateConversationsWithEmbedder(conversations, {
            k,
            captions: options.captions,
            embedder,
          });
        } finally {
          await embedder.dispose();
        }
      }
      let answers: AnswerFigures | undefined;
      if (options.model !== undefined) {
        const handle = await openEvalModel(options.model);
        try {
          answers = await evaluateAnswers(conversations, {
            k,
            captions: options.captions,
            model: handle.model,
            modelName: handle.name,
            ...(answerLimit === undefined ? {} : { limit: answerLimit }),
            // Progress on a terminal only, on stderr, so `--json` stdout stays pure.
            onAnswer: (done) => {
              if (process.stderr.isTTY) process.stderr.write(`\ranswered ${done} questions`);
            },
          });
        } finally {
          if (process.stderr.isTTY) process.stderr.write('\n');
          await handle.dispose();
        }
      }
      if (output.json) return output.printJson(answers === undefined ? report : { ...report, answers });
      printReport(output, report);
      if ('hybrid' in report) printHybrid(output, report);
      if (answers !== undefined) printAnswers(output, answers);
    });
}

function printAnswers(output: Output, answers: AnswerFigures): void {
  output.say('');
  output.say(
    `answers by ${answers.model} from the top ${answers.k} memories (${answers.questions} questions)`,
  );
  output.say(`${'category'.padEnd(16)}${'n'.padStart(5)}  score`);
  for (const [category, figures] of Object.entries(answers.byCategory)) {
    output.say(
      `${`${category} ${figures.name}`.padEnd(16)}${String(figures.questions).padStart(5)}  ${figures.score.toFixed(3)}`,
    );
  }
  output.say(
    `token F1 (answerable) ${answers.meanF1.toFixed(3)}; unanswerable declined ${(answers.declinedUnanswerable * 100).toFixed(1)}%; ${answers.msPerAnswer.toFixed(0)} ms per answer`,
  );
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

function printHybrid(output: Output, report: HybridEvalReport): void {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
  const { hybrid, k } = report;
  output.say('');
  output.say(`hybrid: BM25 fused (RRF) with ${hybrid.embedder.name} vectors`);
  output.say(`${'category'.padEnd(16)}${'n'.padStart(5)}  recall@${k}  recall@5  all@${k}   BM25@${k}`);
  for (const [category, figures] of Object.entries(hybrid.byCategory)) {
    output.say(
      `${`${category} ${figures.name}`.padEnd(16)}${String(figures.questions).padStart(5)}  ${percent(figures.recallAtK)}  ${percent(figures.recallAt5)}  ${percent(figures.allEvidenceAtK)}  ${percent(report.byCategory[category]?.recallAtK ?? 0)}`,
    );
  }
  output.say(
    `${'all'.padEnd(16)}${String(hybrid.questions).padStart(5)}  ${percent(hybrid.recallAtK)}  ${percent(hybrid.recallAt5)}  ${percent(hybrid.allEvidenceAtK)}  ${percent(report.recallAtK)}`,
  );
  output.say(
    `${hybrid.msPerQuery.toFixed(2)} ms per query (question embedding included); ${hybrid.embedMsPerMemory.toFixed(2)} ms per memory to embed`,
  );
}
