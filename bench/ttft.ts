/**
 * Time to first token of the embedded provider: a later turn of a session (KV-cache prefix reuse)
 * against a cold prompt of the same length, on the generated tiny and medium test models.
 * Run: NODE_LLAMA_CPP_GPU=false node --import tsx bench/ttft.ts [--runs N] [--prompt-words N]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { writeTinyModel } from '../scripts/tiny-model/write-tiny-model.js';
import { loadLlamaModel } from '../src/models/llama/load-llama-model.js';
import type { ChatModelHandle } from '../src/spec/model.js';

interface Measure {
  ttftMs: number;
  promptTokens: number;
  reusedPromptTokens: number;
}

const { values } = parseArgs({ options: { runs: { type: 'string' }, 'prompt-words': { type: 'string' } } });
const runs = Number(values.runs ?? 3);
const promptWords = Number(values['prompt-words'] ?? 600);

function longText(label: string): string {
  const words =
    'the dragon told a story about the old castle by the river and the young princess who lived there'.split(
      ' ',
    );
  return `${label}. ${Array.from({ length: promptWords }, (_, index) => words[index % words.length]).join(' ')}`;
}

async function measure(
  handle: ChatModelHandle,
  prompt: LanguageModelV3Prompt,
  sessionKey: string,
): Promise<Measure & { text: string }> {
  const started = performance.now();
  const { stream } = await handle.model.doStream({
    prompt,
    maxOutputTokens: 4,
    temperature: 0,
    providerOptions: { starling: { sessionKey } },
  });
  let ttftMs = Number.NaN;
  let text = '';
  let promptTokens = 0;
  let reusedPromptTokens = 0;
  for await (const part of stream) {
    if (part.type === 'text-delta') {
      if (Number.isNaN(ttftMs)) ttftMs = performance.now() - started;
      text += part.delta;
    } else if (part.type === 'finish') {
      const meta = part.providerMetadata?.['starling'] as {
        promptTokens: number;
        reusedPromptTokens: number;
      };
      ({ promptTokens, reusedPromptTokens } = meta);
    } else if (part.type === 'error') throw part.error;
  }
  return { ttftMs, promptTokens, reusedPromptTokens, text };
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function benchModel(path: string): Promise<{ warm: Measure; cold: Measure }> {
  const handle = await loadLlamaModel({ modelPath: path, contextSize: 4096 });
  const warm: Measure[] = [];
  const cold: Measure[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const system = { role: 'system' as const, content: longText(`Warm run ${run}`) };
      const firstUser = {
        role: 'user' as const,
        content: [{ type: 'text' as const, text: 'Tell me the story.' }],
      };
      const first = await measure(handle, [system, firstUser], `warm-${run}`);
      const secondPrompt: LanguageModelV3Prompt = [
        system,
        firstUser,
        { role: 'assistant', content: [{ type: 'text', text: first.text }] },
        { role: 'user', content: [{ type: 'text', text: 'And then what happened?' }] },
      ];
      warm.push(await measure(handle, secondPrompt, `warm-${run}`));
      // Same messages, different first words: nothing of it is in any cache.
      const coldPrompt: LanguageModelV3Prompt = [
        { ...system, content: longText(`Cold run ${run}`) },
        ...secondPrompt.slice(1),
      ];
      cold.push(await measure(handle, coldPrompt, `cold-${run}`));
    }
  } finally {
    await handle.dispose();
  }
  const summarize = (list: Measure[]): Measure => ({
    ttftMs: Math.round(median(list.map((item) => item.ttftMs))),
    promptTokens: median(list.map((item) => item.promptTokens)),
    reusedPromptTokens: median(list.map((item) => item.reusedPromptTokens)),
  });
  return { warm: summarize(warm), cold: summarize(cold) };
}

const directory = await mkdtemp(join(tmpdir(), 'starling-bench-'));
try {
  const rows: Array<Record<string, string | number>> = [];
  for (const size of ['tiny', 'medium'] as const) {
    const model = await writeTinyModel(join(directory, `${size}.gguf`), { size, context: 8192 });
    const { warm, cold } = await benchModel(model.path);
    rows.push({
      model: size,
      parameters: model.parameters,
      promptTokens: warm.promptTokens,
      warmReused: warm.reusedPromptTokens,
      warmTtftMs: warm.ttftMs,
      coldReused: cold.reusedPromptTokens,
      coldTtftMs: cold.ttftMs,
      speedup: Number((cold.ttftMs / Math.max(1, warm.ttftMs)).toFixed(1)),
    });
  }
  console.table(rows);
  console.log(JSON.stringify({ bench: 'ttft', runs, rows }));
} finally {
  await rm(directory, { recursive: true, force: true });
}
