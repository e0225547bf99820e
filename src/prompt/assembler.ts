/**
 * Prompt assembly: required parts first, then lore within its share, then history newest-first,
 * then examples; laid out most-stable-first so consecutive turns share their prefix.
 */
import type { ActivatedLore, AssembledPrompt, PromptMessage, PromptSection } from '../spec/index.js';
import { StarlingError } from '../spec/index.js';
import type { FitResult, WindowState } from './budget.js';
import { assertRequiredFits, fitHistoryAndExamples } from './budget.js';
import { layoutMessages } from './layout.js';
import type { DepthInsert, LayoutPart } from './layout.js';
import type { AnchorPlan, LoreAnchor } from './lore-anchoring.js';
import { anchorInserts, END_OF_HISTORY, planAnchors } from './lore-anchoring.js';
import type { LoreActivation, SkippedEntry } from './lore-activation.js';
import { activateLore } from './lore-activation.js';
import type { LoreCache } from './lore-entry.js';
import { createLoreCache } from './lore-entry.js';
import type { LorePlacement } from './lore-placement.js';
import { placeLore } from './lore-placement.js';
import type { MacroContext } from './macros.js';
import { expandMacros, expandNameMacros } from './macros.js';
import { buildMemoryBlock, type MemoryBlock } from './memory-block.js';
import { buildPromptParts } from './prompt-parts.js';
import { buildSummaryBlock, type PlacedSummary } from './summary-block.js';
import type { PromptParts } from './prompt-parts.js';
import { hashParts, seededRandom } from './seeded-random.js';
import type { PromptInput, PromptSettings } from './settings.js';
import { resolveSettings } from './settings.js';
import type { TokenCache } from './token-cache.js';
import { createTokenCache } from './token-cache.js';

/** The assembled prompt plus what the prompt inspector shows beyond the contract. */
export interface AssembledPromptReport extends AssembledPrompt {
  /** Unsafe regex keys, ignored decorators. */
  warnings: string[];
  /** Entries that matched but were left out (budget, probability). */
  skippedLore: SkippedEntry[];
  /** Long-term summaries placed (absent when none were given). */
  summaries?: PlacedSummary[];
}

export interface PromptAssembler {
  /**
   * Assembles one turn's prompt, reusing token counts, compiled lore and the history cut. With
   * `preview`, the chat's remembered cut and lore anchors are read but not updated, so a dry run
   * (the prompt inspector) never changes what the next real turn sends.
   */
  assemble(input: PromptInput, options?: { preview?: boolean }): AssembledPromptReport;
}

export interface PromptAssemblerOptions {
  settings?: Partial<PromptSettings>;
  /** Distinct texts whose token counts are kept (per token counter). */
  tokenCacheSize?: number;
  /** Chats whose history cut is remembered. */
  chatStateSize?: number;
}

interface Caches {
  tokens: TokenCache;
  lore: LoreCache;
  windows: Map<string, WindowState>;
  chatStateSize: number;
  settings: Partial<PromptSettings> | undefined;
}

/** Creates an assembler that keeps caches across the turns it assembles. */
export function createPromptAssembler(options: PromptAssemblerOptions = {}): PromptAssembler {
  const caches: Caches = {
    tokens: createTokenCache(options.tokenCacheSize),
    lore: createLoreCache(),
    windows: new Map(),
    chatStateSize: options.chatStateSize ?? 256,
    settings: options.settings,
  };
  return { assemble: (input, assembleOptions) => assemble(input, caches, assembleOptions?.preview === true) };
}

/** One-shot assembly without caches kept between calls. */
export function assemblePrompt(input: PromptInput): AssembledPromptReport {
  return createPromptAssembler().assemble(input);
}

const MAX_FIT_ATTEMPTS = 4;

function assemble(input: PromptInput, caches: Caches, preview: boolean): AssembledPromptReport {
  const settings = resolveSettings({ ...caches.settings, ...input.settings });
  const counter = input.tokenCounter;
  const count = (text: string): number => caches.tokens.count(counter, text);
  const overhead = counter.messageOverhead;
  const separator = count('\n\n');
  const budget = input.contextSize - input.replyReserve;
  const context = macroContext(input);
  const parts = buildPromptParts(input, context);
  const history = input.history.map((message) => ({
    id: message.id,
    role: message.role,
    content: expandNameMacros(message.content, context.char, context.user),
  }));
  const last = history.at(-1);
  const newest = last?.role === 'user' ? last : undefined;
  const older = newest ? history.slice(0, -1) : history;

  const definition = [parts.system, parts.description, parts.personality, parts.scenario, parts.persona];
  const joined = (texts: string[]): number => {
    const present = texts.filter((text) => text !== '');
    return present.reduce((sum, text) => sum + count(text), 0) + separator * Math.max(0, present.length - 1);
  };
  const stableRequired =
    joined(definition) + overhead + (parts.postHistory ? count(parts.postHistory) + overhead : 0);
  const newestTokens = newest ? count(newest.content) + overhead : 0;
  const required = stableRequired + newestTokens;
  assertRequiredFits(required, budget, sectionSizes(parts, count, newestTokens));

  const loreShare = Math.floor(settings.loreBudgetShare * budget);
  const activation = activateLore({
    lorebooks: input.lorebooks,
    messages: history.map((message) => message.content),
    scanDepth: settings.scanDepth,
    recursionDepthLimit: settings.recursionDepthLimit,
    defaults: { caseSensitive: settings.caseSensitive, matchWholeWords: settings.matchWholeWords },
    chatSeed: input.chatSeed,
    turnIndex: input.turnIndex,
    // Leave room for the separators and message overheads the lore will bring.
    tokenBudget: Math.max(0, Math.min(loreShare, budget - required - 4 * (overhead + separator))),
    countTokens: count,
    expand: (text) => expandMacros(text, context),
    cache: caches.lore,
  });
  const stateKey = `${input.chatSeed}\u0000${input.character.name}\u0000${budget}`;
  const previousState = caches.windows.get(stateKey);
  const anchored = settings.anchorLore && !settings.strictLorePositions;
  const perTurn = anchored ? activation.entries.filter((entry) => !entry.stable) : [];
  const placement = placeLore(
    anchored ? activation.entries.filter((entry) => entry.stable) : activation.entries,
    settings.strictLorePositions,
    settings.loreDepth,
  );
  const positioned = Object.values(placement.byPosition).flat();
  const fixedLoreCost =
    positioned.reduce((sum, text) => sum + count(text) + separator, 0) +
    placement.inserts.reduce((sum, insert) => sum + count(insert.content) + overhead, 0);

  const nominalHistory = budget - stableRequired - loreShare;
  const step = Math.max(1, settings.historyTrimStep * (nominalHistory > 0 ? nominalHistory : budget));
  const olderIds = older.map((message) => message.id);
  const keptTail = newest ? [newest] : [];
  const plan = (previous: readonly LoreAnchor[]): AnchorPlan =>
    planAnchors(perTurn, previous, new Set(olderIds), newest?.id ?? END_OF_HISTORY);
  let anchors = anchored ? plan(previousState?.anchors ?? []) : { retained: [], current: undefined };
  const previousCut = previousState?.cutMessageId
    ? Math.max(0, olderIds.indexOf(previousState.cutMessageId))
    : 0;
  const exampleTokens = parts.examples.map((block) => count(block) + separator);
  // Reserved whenever memory is asked for (even with nothing recalled) so the history cut does not
  // move with what each turn happens to recall.
  const memoryReserve =
    input.memories === undefined
      ? 0
      : Math.max(
          0,
          Math.min(Math.floor(settings.memoryBudgetShare * budget), budget - required - fixedLoreCost),
        );
  // Its own share of the budget, not what is left after history: the block changes only when a
  // summary does, and the cut does not move with it.
  const summaryBlock = buildSummaryBlock({
    summaries: input.summaries ?? [],
    char: context.char,
    user: context.user,
    historyIds: new Set(history.map((message) => message.id)),
    budget:
      Math.min(
        Math.floor(settings.summaryBudgetShare * budget),
        budget - required - fixedLoreCost - memoryReserve,
      ) - separator,
    count,
  });
  const summaryCost = summaryBlock.content === '' ? 0 : summaryBlock.tokens + separator;
  const summaryIds = summaryBlock.summaries.map((summary) => summary.id);
  let memoryBlock: MemoryBlock = { content: '', memories: [], tokens: 0 };
  let shrink = 0;
  let fit: FitResult | undefined;
  let messages: PromptMessage[] = [];
  let inserts: DepthInsert[] = [];
  let total = 0;
  for (let attempt = 0; attempt < MAX_FIT_ATTEMPTS; attempt++) {
    const currentCost = anchors.current ? count(anchors.current.content) + overhead : 0;
    fit = fitHistoryAndExamples({
      historyTokens: anchoredTokens(older, anchors.retained, (text) => count(text) + overhead),
      historyIds: olderIds,
      exampleTokens,
      available: budget - required - fixedLoreCost - currentCost - memoryReserve - summaryCost - shrink,
      step,
      previous: previousState,
    });
    if (anchors.retained.length > 0 && fit.cut !== previousCut) {
      // History is trimmed this turn, so the prefix breaks anyway: start anchoring afresh.
      anchors = plan([]);
      attempt -= 1;
      continue;
    }
    const kept = [...older.slice(fit.cut), ...keptTail];
    memoryBlock = buildMemoryBlock({
      memories: input.memories ?? [],
      char: context.char,
      // What the summary block already says is not recalled again.
      keptMessageIds: new Set([...kept.map((message) => message.id), ...summaryIds]),
      budget: memoryReserve - overhead - shrink,
      count,
      maxItems: settings.memoryMaxItems,
    });
    inserts = [
      ...placement.inserts,
      ...anchorInserts(
        [...anchors.retained, ...(anchors.current ? [anchors.current] : [])],
        kept.map((message) => message.id),
      ),
      { role: 'system', section: 'memory', depth: settings.memoryDepth, content: memoryBlock.content },
    ];
    messages = layoutMessages({
      head: [
        ...headParts(parts, placement, fit.keptExamples),
        { role: 'system', section: 'summary', content: summaryBlock.content },
      ],
      history: kept,
      inserts,
      tail: [{ role: 'system', section: 'post_history', content: parts.postHistory }],
    });
    total = messages.reduce((sum, message) => sum + count(message.content) + overhead, 0);
    if (total <= budget) break;
    // Estimates from separate parts can be a few tokens short of the joined text: tighten and redo.
    shrink += total - budget;
  }
  if (!fit || total > budget) {
    throw new StarlingError(
      'prompt_too_large',
      `The prompt needs ${total} tokens but the budget is ${budget}.`,
      {
        details: { total, budget },
      },
    );
  }
  const keptOlder = new Set(olderIds.slice(fit.cut));
  const savedAnchors = [
    ...anchors.retained.filter((anchor) => keptOlder.has(anchor.messageId)),
    ...(anchors.current ? [anchors.current] : []),
  ];
  if (!preview) remember(caches, stateKey, { ...fit.state, anchors: savedAnchors });
  return {
    messages,
    tokens: {
      total,
      budget,
      bySection: {
        ...bySection(messages, count, parts, fit.keptExamples, placement, inserts),
        ...(summaryBlock.content === '' ? {} : { summary: count(summaryBlock.content) }),
      },
    },
    lore: reportLore(
      activation,
      new Map([
        ...placement.placements,
        ...anchorPlacements(savedAnchors, [
          ...olderIds.slice(fit.cut),
          ...keptTail.map((message) => message.id),
        ]),
      ]),
    ),
    droppedMessageIds: older.slice(0, fit.cut).map((message) => message.id),
    droppedExampleBlocks: parts.examples.length - fit.keptExamples,
    warnings: activation.warnings,
    skippedLore: activation.skipped,
    ...(input.memories === undefined ? {} : { memories: memoryBlock.memories }),
    ...(input.summaries === undefined ? {} : { summaries: summaryBlock.summaries }),
  };
}

function macroContext(input: PromptInput): MacroContext {
  const char = input.character.nickname.trim() || input.character.name;
  return {
    char,
    user: input.userName.trim() || 'User',
    now: input.now,
    chatSeed: input.chatSeed,
    // Reproducible per turn: a regenerated prompt equals the original.
    random: seededRandom(hashParts(input.chatSeed, input.turnIndex, 'random')),
    ...(input.lastUserMessageAt === undefined ? {} : { lastUserMessageAt: input.lastUserMessageAt }),
    ...(input.variables === undefined ? {} : { variables: input.variables }),
  };
}

function headParts(parts: PromptParts, placement: LorePlacement, keptExamples: number): LayoutPart[] {
  return [
    { role: 'system', section: 'system', content: parts.system },
    ...placement.byPosition.before_char.map((content) => loreBefore(content)),
    { role: 'system', section: 'description', content: parts.description },
    { role: 'system', section: 'personality', content: parts.personality },
    { role: 'system', section: 'scenario', content: parts.scenario },
    { role: 'system', section: 'persona', content: parts.persona },
    ...placement.byPosition.after_char.map((content) => loreAfter(content)),
    ...placement.byPosition.before_examples.map((content) => loreAfter(content)),
    ...parts.examples
      .slice(0, keptExamples)
      .map((content): LayoutPart => ({ role: 'system', section: 'examples', content })),
    ...placement.byPosition.after_examples.map((content) => loreAfter(content)),
  ];
}

/** Message costs with each retained lore block added to the message it is anchored before. */
function anchoredTokens(
  older: readonly { id: string; content: string }[],
  retained: readonly LoreAnchor[],
  cost: (text: string) => number,
): number[] {
  const extra = new Map<string, number>();
  for (const anchor of retained)
    extra.set(anchor.messageId, (extra.get(anchor.messageId) ?? 0) + cost(anchor.content));
  return older.map((message) => cost(message.content) + (extra.get(message.id) ?? 0));
}

function anchorPlacements(anchors: readonly LoreAnchor[], keptIds: readonly string[]): Map<string, string> {
  const placements = new Map<string, string>();
  for (const anchor of anchors) {
    const index = keptIds.indexOf(anchor.messageId);
    const depth = index === -1 ? 0 : keptIds.length - index;
    for (const id of anchor.entryIds) placements.set(id, `depth ${depth} (system)`);
  }
  return placements;
}

function loreBefore(content: string): LayoutPart {
  return { role: 'system', section: 'lore_before', content };
}

function loreAfter(content: string): LayoutPart {
  return { role: 'system', section: 'lore_after', content };
}

function sectionSizes(
  parts: PromptParts,
  count: (text: string) => number,
  newestTokens: number,
): Partial<Record<PromptSection | 'new_message', number>> {
  return {
    system: count(parts.system),
    description: count(parts.description),
    personality: count(parts.personality),
    scenario: count(parts.scenario),
    persona: count(parts.persona),
    post_history: count(parts.postHistory),
    new_message: newestTokens,
  };
}

function bySection(
  messages: PromptMessage[],
  count: (text: string) => number,
  parts: PromptParts,
  keptExamples: number,
  placement: LorePlacement,
  inserts: readonly DepthInsert[],
): Partial<Record<PromptSection, number>> {
  const sizes: Partial<Record<PromptSection, number>> = {};
  const add = (section: PromptSection, tokens: number): void => {
    if (tokens > 0) sizes[section] = (sizes[section] ?? 0) + tokens;
  };
  add('system', count(parts.system));
  add('description', count(parts.description));
  add('personality', count(parts.personality));
  add('scenario', count(parts.scenario));
  add('persona', count(parts.persona));
  for (const block of parts.examples.slice(0, keptExamples)) add('examples', count(block));
  for (const message of messages) if (message.messageId !== undefined) add('history', count(message.content));
  for (const text of placement.byPosition.before_char) add('lore_before', count(text));
  const {
    after_char: afterChar,
    before_examples: beforeExamples,
    after_examples: afterExamples,
  } = placement.byPosition;
  for (const text of [...afterChar, ...beforeExamples, ...afterExamples]) add('lore_after', count(text));
  for (const insert of inserts) add(insert.section, count(insert.content));
  add('post_history', count(parts.postHistory));
  return sizes;
}

function reportLore(activation: LoreActivation, placements: Map<string, string>): ActivatedLore[] {
  return activation.entries.map((entry) => ({
    id: entry.id,
    name: entry.name,
    reason: entry.reason,
    placement: placements.get(entry.id) ?? entry.position,
    tokens: entry.tokens,
  }));
}

function remember(caches: Caches, key: string, state: WindowState): void {
  caches.windows.delete(key);
  caches.windows.set(key, state);
  if (caches.windows.size > caches.chatStateSize) {
    const oldest = caches.windows.keys().next();
    if (!oldest.done) caches.windows.delete(oldest.value);
  }
}
