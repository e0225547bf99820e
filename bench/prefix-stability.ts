/**
 * Prefix stability over a 100-turn scripted conversation at a 16K context that overflows partway.
 * For each turn N: the share of turn N's prompt tokens (ChatML, Qwen2 tokenizer) that equal a
 * prefix of turn N-1's prompt followed by its reply, i.e. what an inference engine's KV cache can
 * reuse. Target: 95% or more once the window is full.
 * Run: NODE_LLAMA_CPP_GPU=false node --import tsx bench/prefix-stability.ts
 */
import type { Lorebook } from '../src/spec/index.js';
import type { HistoryMessage, PromptSettings } from '../src/prompt/index.js';
import { createPromptAssembler } from '../src/prompt/index.js';
import { loadLoreScenario } from './support/lore-scenario.js';
import { loadQwenTokenizer } from './support/qwen-tokenizer.js';
import { quantile } from './support/stats.js';

const TURNS = 100;
const tokenizer = await loadQwenTokenizer();
const scenario = loadLoreScenario();
const card = scenario.card(200);
const book: Lorebook = { ...scenario.book(200), recursiveScanning: true };
// The generation prompt ends with the assistant header; the reply then follows and is closed.
const header = (): number[] => tokenizer.tokenizeSpecial('<|im_start|>assistant\n');
const footer = (): number[] => tokenizer.tokenizeSpecial('<|im_end|>\n');

/** The scripted turn: a question naming two entities, and a reply taken from the scenario chat. */
function script(turn: number): { user: string; reply: string } {
  const names = scenario.names;
  const chatUser = scenario.chat[(2 * turn + 1) % scenario.chat.length]?.content ?? '';
  const chatReply = scenario.chat[(2 * turn + 2) % scenario.chat.length]?.content ?? '';
  const first = names[(turn * 7) % names.length] ?? '';
  const second = names[(turn * 13 + 5) % names.length] ?? '';
  return {
    user: `${chatUser} Tell me more about ${first}. Did it have anything to do with ${second}?`,
    reply: `${chatReply} ${scenario.chat[(2 * turn + 4) % scenario.chat.length]?.content ?? ''}`,
  };
}

function sharedPrefix(a: readonly number[], b: readonly number[]): number {
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index++;
  return index;
}

function runConversation(label: string, settings: Partial<PromptSettings>): void {
  const assembler = createPromptAssembler();
  const history: HistoryMessage[] = [
    { id: 'greeting', role: 'assistant', content: card.firstMessage, createdAt: 0 },
  ];
  let previous: number[] | undefined;
  const shares: number[] = [];
  let firstOverflow = -1;
  let totalTokens = 0;
  let lore = 0;
  for (let turn = 1; turn <= TURNS; turn++) {
    const { user, reply } = script(turn);
    history.push({ id: `u${turn}`, role: 'user', content: user, createdAt: turn * 120_000 });
    const prompt = assembler.assemble({
      character: card,
      lorebooks: [{ id: 'BenchLore200', book }],
      history,
      userName: 'User',
      persona: '',
      contextSize: 16_384,
      replyReserve: 1024,
      tokenCounter: tokenizer.counter,
      now: new Date(Date.UTC(2025, 0, 2, 10)),
      chatSeed: 99,
      turnIndex: turn,
      settings,
    });
    if (firstOverflow === -1 && prompt.droppedMessageIds.length > 0) firstOverflow = turn;
    const tokens = [...tokenizer.tokenizeChat(prompt.messages), ...header()];
    if (previous) shares.push(sharedPrefix(tokens, previous) / tokens.length);
    previous = [...tokens, ...tokenizer.tokenizeText(reply), ...footer()];
    totalTokens = prompt.tokens.total;
    lore += prompt.lore.length;
    history.push({ id: `a${turn}`, role: 'assistant', content: reply, createdAt: turn * 120_000 + 60_000 });
  }
  const steady = firstOverflow > 1 ? shares.slice(firstOverflow - 1) : [];
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  console.log(`\n${label}`);
  console.log(
    `  first history trim at turn ${firstOverflow}; last prompt ${totalTokens} tokens; ${(lore / TURNS).toFixed(1)} lore entries/turn`,
  );
  console.log(
    `  shared prefix, all turns: median ${percent(quantile(shares, 0.5))}, mean ${percent(shares.reduce((a, b) => a + b, 0) / shares.length)}, min ${percent(Math.min(...shares))}`,
  );
  if (steady.length > 0) {
    console.log(
      `  steady state (from turn ${firstOverflow}): median ${percent(quantile(steady, 0.5))}, ` +
        `mean ${percent(steady.reduce((a, b) => a + b, 0) / steady.length)}, min ${percent(Math.min(...steady))}, ` +
        `turns below 90%: ${steady.filter((share) => share < 0.9).length}/${steady.length}`,
    );
  }
}

console.log(
  `Prefix stability, ${TURNS} turns, 16,384-token context (1,024 reply reserve), BenchLore200, Qwen2 tokenizer`,
);
runConversation('defaults (anchored lore, recursion 3)', {});
runConversation('one lore block at depth 4, recursion 3', { anchorLore: false });
runConversation('one lore block at depth 4, recursion off', { anchorLore: false, recursionDepthLimit: 0 });
runConversation('one lore block at depth 1, recursion off', {
  anchorLore: false,
  recursionDepthLimit: 0,
  loreDepth: 1,
});
runConversation('anchored lore, recursion off', { recursionDepthLimit: 0 });
runConversation('strict lore positions (recursion off)', {
  recursionDepthLimit: 0,
  strictLorePositions: true,
});
await tokenizer.dispose();
