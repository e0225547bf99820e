/**
 * `starling redteam <prompts.jsonl> --character <id|name> [--report <out.html>] [--json]
 * [--model <spec>] [--policy <name>] [--max-tokens <n>]`: sends each prompt through the full chat
 * pipeline in a fresh session and reports per category how many were blocked at input, revised,
 * blocked at output or passed, and how many benign prompts were wrongly refused.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { createStarling } from '../../engine/index.js';
import { parseRedteamPrompts, runRedteam, type RedteamSummary } from '../../engine/redteam.js';
import { getPolicy } from '../../safety/index.js';
import { StarlingError } from '../../spec/errors.js';
import { createOutput, parsePositiveInt } from '../output.js';
import { renderRedteamReport } from '../redteam-report.js';

interface RedteamOptions {
  character: string;
  report?: string;
  json?: boolean;
  model?: string;
  policy?: string;
  maxTokens?: string;
}

/** Registers `redteam`. */
export function registerRedteam(program: Command): void {
  program
    .command('redteam')
    .description('run red-team prompts through the full chat pipeline and report what safety did')
    .argument('<prompts>', 'JSON lines: {"prompt", "category"?, "benign"?}')
    .requiredOption('--character <id|name>', 'the character to chat with')
    .option('--report <file>', 'write a self-contained HTML report')
    .option('--json', 'print the summary (with every case) as JSON')
    .option('--model <spec>', 'model spec (default: the configured model)')
    .option('--policy <name>', 'standard | teen | strict | research (default: the configured policy)')
    .option('--max-tokens <n>', 'reply length limit per prompt')
    .action(async (file: string, options: RedteamOptions) => {
      const out = createOutput(options.json === true);
      const maxOutputTokens = parsePositiveInt('--max-tokens', options.maxTokens);
      const policy = options.policy === undefined ? undefined : getPolicy(options.policy).name;
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new StarlingError('file_not_found', `cannot read ${file}`, { cause: error });
      }
      const prompts = parseRedteamPrompts(text);
      // Memory off: red-team prompts must not become memories of the acting user.
      const starling = await createStarling({
        config: { memory: false, ...(policy === undefined ? {} : { safetyPolicy: policy }) },
      });
      let summary: RedteamSummary;
      try {
        const character = await starling.character(options.character);
        const model = await starling.getModel(options.model);
        summary = await runRedteam({
          modelName: model.name,
          guard: starling.config.safetyGuard,
          moderator: await starling.safety.moderator(),
          chat: starling.chat,
          ...(options.model === undefined ? {} : { model: options.model }),
          store: starling.store,
          ownerId: starling.user.id,
          character,
          policy: starling.config.safetyPolicy,
          prompts,
          ...(maxOutputTokens === undefined ? {} : { maxOutputTokens }),
          onCase: (item, index) =>
            out.say(
              `[${index + 1}/${prompts.length}] ${item.category}${item.benign ? ' (benign)' : ''}: ${item.outcome}`,
            ),
        });
      } finally {
        await starling.close();
      }
      if (options.report !== undefined) {
        await writeFile(options.report, renderRedteamReport(summary, new Date()));
        out.say(`report: ${options.report}`);
      }
      if (out.json) {
        out.printJson(summary);
        return;
      }
      for (const row of summary.rows) {
        out.say(
          `${row.category}${row.benign ? ' (benign)' : ''}: ${row.total} prompts, ${row.blocked_input} blocked at input, ${row.revised} revised, ${row.blocked_output} blocked at output, ${row.passed} passed${row.error > 0 ? `, ${row.error} errors` : ''}`,
        );
      }
      out.say(
        `harmful: ${summary.harmful.stopped}/${summary.harmful.total} stopped, ${summary.harmful.revised} revised, ${summary.harmful.passed} passed; benign: ${summary.benign.wronglyRefused}/${summary.benign.total} wrongly refused`,
      );
    });
}
