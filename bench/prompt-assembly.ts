/**
 * Prompt assembly at lorebook scale, on the shared scenario (200 and 2,000 world-info entries, a
 * 500-message chat), counted with the real Qwen2 tokenizer. Prints median and p99 assembly time,
 * warm (one assembler, caches kept) and cold (a new assembler each run), next to SillyTavern's
 * published figures for the same data.
 * Run: NODE_LLAMA_CPP_GPU=false node --import tsx bench/prompt-assembly.ts
 */
import type { Lorebook } from '../src/spec/index.js';
import type { HistoryMessage, PromptInput } from '../src/prompt/index.js';
import {
  activateLore,
  createLoreCache,
  createPromptAssembler,
  createTokenCache,
} from '../src/prompt/index.js';
import { loadLoreScenario } from './support/lore-scenario.js';
import { loadQwenTokenizer } from './support/qwen-tokenizer.js';
import { ms, quantile } from './support/stats.js';

const RUNS = Number(process.env.RUNS ?? 50);
const SILLYTAVERN: Record<string, string> = {
  '200 on': '1,520 ms (scan 987 ms), 34 entries, 16,049 tokens',
  '2000 on': '2,303 ms (scan 1,755 ms), 34 entries, 16,073 tokens',
  '200 off': '521 ms (scan 121 ms), 3 entries, 16,062 tokens',
  '2000 off': '1,177 ms (scan 671 ms), 11 entries, 16,025 tokens',
};

const tokenizer = await loadQwenTokenizer();
const scenario = loadLoreScenario();

function userMessage(run: number): HistoryMessage {
  const names = scenario.names;
  const first = names[(run * 7) % names.length] ?? 'Valanor';
  const second = names[(run * 13 + 5) % names.length] ?? 'Valanor';
  return {
    id: `new${run}`,
    role: 'user',
    content: `Tell me more about ${first}. Did it have anything to do with ${second}?`,
    createdAt: Date.parse('2025-01-02T10:00:00Z'),
  };
}

function inputFor(size: 200 | 2000, book: Lorebook, recursion: boolean, run: number): PromptInput {
  return {
    character: scenario.card(size),
    lorebooks: [{ id: `BenchLore${size}`, book }],
    history: [...scenario.chat, userMessage(run)],
    userName: 'User',
    persona: '',
    contextSize: 16_384,
    replyReserve: 0,
    tokenCounter: tokenizer.counter,
    now: new Date('2025-01-02T10:00:00Z'),
    chatSeed: 1234,
    turnIndex: 251,
    settings: {
      scanDepth: 2,
      loreBudgetShare: 0.25,
      matchWholeWords: true,
      recursionDepthLimit: recursion ? 3 : 0,
    },
  };
}

console.log(
  `Prompt assembly, ${RUNS} runs each, 16,384-token context, scan depth 2, lore budget 25%, Qwen2 tokenizer`,
);
for (const size of [200, 2000] as const) {
  // SillyTavern world files carry no recursion flag (recursion is its global default, on).
  const book: Lorebook = { ...scenario.book(size), recursiveScanning: true };
  for (const recursion of [true, false]) {
    const card = scenario.card(size);
    const inputs = Array.from({ length: RUNS + 1 }, (_, run) => ({
      ...inputFor(size, book, recursion, run),
      character: card,
    }));
    const assembler = createPromptAssembler();
    const warm: number[] = [];
    let last = assembler.assemble(inputs[0] as PromptInput);
    for (const input of inputs.slice(1)) {
      const started = performance.now();
      last = assembler.assemble(input);
      warm.push(performance.now() - started);
    }
    const cold: number[] = [];
    for (const input of inputs.slice(1, 11)) {
      const started = performance.now();
      createPromptAssembler().assemble(input);
      cold.push(performance.now() - started);
    }
    const scan: number[] = [];
    const loreCache = createLoreCache();
    const counts = createTokenCache();
    for (const input of inputs) {
      const started = performance.now();
      activateLore({
        lorebooks: input.lorebooks,
        messages: input.history.map((message) => message.content),
        scanDepth: 2,
        recursionDepthLimit: recursion ? 3 : 0,
        defaults: { caseSensitive: false, matchWholeWords: true },
        chatSeed: input.chatSeed,
        turnIndex: input.turnIndex,
        tokenBudget: 4096,
        countTokens: (text) => counts.count(tokenizer.counter, text),
        cache: loreCache,
      });
      scan.push(performance.now() - started);
    }
    const label = `${size} entries, recursion ${recursion ? 'on' : 'off'}`;
    console.log(`\n${label}`);
    console.log(`  warm assemble: median ${ms(quantile(warm, 0.5))}, p99 ${ms(quantile(warm, 0.99))}`);
    console.log(
      `  cold assemble (new assembler, all 501 messages counted): median ${ms(quantile(cold, 0.5))}, p99 ${ms(quantile(cold, 0.99))}`,
    );
    console.log(`  lore activation alone (warm caches): median ${ms(quantile(scan, 0.5))}`);
    console.log(
      `  entries activated: ${last.lore.length} (last run), prompt ${last.tokens.total} tokens, ` +
        `kept ${last.messages.filter((message) => message.messageId).length} messages, warnings ${last.warnings.length}`,
    );
    console.log(`  SillyTavern 1.19.0: ${SILLYTAVERN[`${size} ${recursion ? 'on' : 'off'}`]}`);
  }
}
await tokenizer.dispose();
