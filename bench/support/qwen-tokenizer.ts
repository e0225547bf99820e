/**
 * A real tokenizer for benches: the Qwen2 vocabulary-only GGUF that ships inside node-llama-cpp's
 * git bundle, loaded on the CPU. Wrapped as a TokenCounter plus a ChatML renderer, so prompts are
 * counted as the model sees them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLlama } from 'node-llama-cpp';
import type { TokenCounter } from '../../src/spec/index.js';

export interface BenchTokenizer {
  counter: TokenCounter;
  /** Tokens of a ChatML-rendered message list (special tokens parsed). */
  tokenizeChat(messages: readonly { role: string; content: string }[]): number[];
  /** Tokens of plain text appended to a rendered prompt (e.g. the reply). */
  tokenizeText(text: string): number[];
  /** Tokens of text with special markers such as `<|im_start|>` parsed. */
  tokenizeSpecial(text: string): number[];
  dispose(): Promise<void>;
}

/** Extracts the vocab GGUF once into the temp folder and returns its path. */
export function qwenVocabPath(): string {
  const folder = join(tmpdir(), 'starling-bench-vocab');
  const file = join(folder, 'qwen2-vocab.gguf');
  if (existsSync(file)) return file;
  const bundle = findBundle();
  const clone = join(folder, 'repo');
  mkdirSync(folder, { recursive: true });
  if (!existsSync(clone)) execFileSync('git', ['clone', '--quiet', '--no-checkout', bundle, clone]);
  const bytes = execFileSync('git', ['-C', clone, 'show', 'HEAD:models/ggml-vocab-qwen2.gguf'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  writeFileSync(file, bytes);
  return file;
}

function findBundle(): string {
  // The package does not export package.json, so walk up from its entry point.
  let folder = dirname(fileURLToPath(import.meta.resolve('node-llama-cpp')));
  while (!existsSync(join(folder, 'llama', 'gitRelease.bundle'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('node-llama-cpp git bundle not found');
    folder = parent;
  }
  return join(folder, 'llama', 'gitRelease.bundle');
}

/** ChatML, the Qwen chat template: `<|im_start|>role\ncontent<|im_end|>\n` per message. */
export function renderChatML(messages: readonly { role: string; content: string }[]): string {
  return messages.map((message) => `<|im_start|>${message.role}\n${message.content}<|im_end|>\n`).join('');
}

/** Loads the tokenizer; messageOverhead is measured from the ChatML markers. */
export async function loadQwenTokenizer(): Promise<BenchTokenizer> {
  process.env.NODE_LLAMA_CPP_GPU = 'false';
  const llama = await getLlama({ gpu: false, build: 'never' });
  const model = await llama.loadModel({ modelPath: qwenVocabPath(), vocabOnly: true });
  const tokenize = (text: string, special: boolean): number[] =>
    Array.from(model.tokenize(text, special), Number);
  const sample = 'Hello there.';
  const overhead =
    tokenize(renderChatML([{ role: 'assistant', content: sample }]), true).length -
    tokenize(sample, false).length;
  return {
    counter: { kind: 'exact', messageOverhead: overhead, count: (text) => tokenize(text, false).length },
    tokenizeChat: (messages) => tokenize(renderChatML(messages), true),
    tokenizeText: (text) => tokenize(text, false),
    tokenizeSpecial: (text) => tokenize(text, true),
    async dispose() {
      await model.dispose();
      await llama.dispose();
    },
  };
}
