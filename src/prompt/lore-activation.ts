/**
 * Lorebook activation: which entries fire for this turn, why, and within what token budget. Pure
 * apart from the optional cache; used by the assembler and by a "test activation" view.
 */
import type { Lorebook, LorePosition, LoreRole } from '../spec/index.js';
import type { LoreCache, MatchDefaults, PreparedEntry } from './lore-entry.js';
import { createLoreCache } from './lore-entry.js';
import type { ScanText } from './lore-keys.js';
import { createScanText } from './lore-keys.js';
import { matchEntry } from './lore-match.js';
import { unitFromParts } from './seeded-random.js';

export interface LoreActivationInput {
  lorebooks: readonly { id: string; book: Lorebook }[];
  /** Message texts, oldest first; the newest ones are scanned. */
  messages: readonly string[];
  scanDepth: number;
  /** Recursive steps after the first scan; 0 turns recursion off. */
  recursionDepthLimit: number;
  defaults: MatchDefaults;
  chatSeed: number;
  turnIndex: number;
  /** Tokens all activated entries may use together. */
  tokenBudget: number;
  countTokens: (text: string) => number;
  /** Expands macros in entry content before it is counted and scanned. */
  expand?: (text: string) => string;
  cache?: LoreCache;
}

export interface ActivatedEntry {
  id: string;
  bookId: string;
  name: string;
  /** Content as inserted: decorators stripped, macros expanded. */
  content: string;
  /** `constant`, `decorator @@activate`, `key "x"`, `regex /x/`, `recursion via <name>`. */
  reason: string;
  /** Constant and `@@activate` entries: the same every turn, so they may sit in the stable prefix. */
  stable: boolean;
  position: LorePosition;
  depth: number;
  role: LoreRole;
  insertionOrder: number;
  priority: number;
  tokens: number;
  /** Recursion step that activated it (0 = the first scan). */
  step: number;
}

export interface SkippedEntry {
  id: string;
  name: string;
  /** `budget`, `probability`, or `quarantined: <why>` (hidden instructions found on import). */
  reason: string;
}

export interface LoreActivation {
  /** Activated entries within budget, ordered by position then insertion order. */
  entries: ActivatedEntry[];
  skipped: SkippedEntry[];
  /** `<entry id>: <problem>` for unsafe regexes and ignored decorators of scanned entries. */
  warnings: string[];
  tokens: number;
  /** Scan steps run, the first included. */
  steps: number;
}

const POSITION_ORDER: Record<LorePosition, number> = {
  before_char: 0,
  after_char: 1,
  before_examples: 2,
  after_examples: 3,
  at_depth: 4,
};

/** Decides which lorebook entries fire for the newest messages. */
export function activateLore(input: LoreActivationInput): LoreActivation {
  const cache = input.cache ?? createLoreCache();
  const expand = input.expand ?? ((text: string) => text);
  const warnings: string[] = [];
  const skipped: SkippedEntry[] = [];
  const pending: { prepared: PreparedEntry; book: Lorebook; order: number }[] = [];
  let order = 0;
  for (const { id, book } of input.lorebooks) {
    for (const entry of book.entries) {
      const prepared = cache.prepare(id, book, entry, input.defaults);
      order += 1;
      if (!isEligible(prepared, input.turnIndex)) continue;
      const quarantine = entry.extensions.starling_quarantine;
      if (typeof quarantine === 'string') {
        // Flagged on import as holding instructions aimed at the model: never activates.
        skipped.push({ id: prepared.id, name: prepared.name, reason: `quarantined: ${quarantine}` });
        continue;
      }
      for (const warning of prepared.warnings) warnings.push(`${prepared.id}: ${warning}`);
      pending.push({ prepared, book, order });
    }
  }

  const historyScans = new Map<number, ScanText>();
  const historyScan = (depth: number): ScanText => {
    let scan = historyScans.get(depth);
    if (!scan) {
      scan = createScanText(depth > 0 ? input.messages.slice(-depth).join('\n\n') : '');
      historyScans.set(depth, scan);
    }
    return scan;
  };

  const activated: ActivatedEntry[] = [];
  const spent = new Map<string, number>();
  let tokens = 0;
  const loreSegments: { name: string; scan: ScanText }[] = [];
  let loreScan: ScanText | undefined;
  let steps = 0;
  let remaining = pending;
  for (let step = 0; step <= input.recursionDepthLimit && remaining.length > 0; step++) {
    if (step > 0 && !loreScan) break;
    steps += 1;
    const fired: { prepared: PreparedEntry; order: number; reason: string }[] = [];
    const next: typeof pending = [];
    for (const candidate of remaining) {
      const { prepared, book } = candidate;
      if (step > 0 && (prepared.entry.excludeRecursion || !book.recursiveScanning)) continue;
      const history = historyScan(prepared.scanDepth ?? input.scanDepth);
      const reason = matchEntry(prepared, history, step > 0 ? loreScan : undefined, loreSegments);
      if (reason === undefined) {
        next.push(candidate);
        continue;
      }
      if (prepared.probability !== null && !prepared.forced) {
        const roll = unitFromParts(input.chatSeed, input.turnIndex, prepared.id) * 100;
        if (roll >= prepared.probability) {
          skipped.push({ id: prepared.id, name: prepared.name, reason: 'probability' });
          continue;
        }
      }
      fired.push({ prepared, order: candidate.order, reason });
    }
    remaining = next;

    // Fill the budget by priority (higher first), then insertion order, then book order.
    fired.sort(
      (a, b) =>
        b.prepared.entry.priority - a.prepared.entry.priority ||
        a.prepared.entry.insertionOrder - b.prepared.entry.insertionOrder ||
        a.order - b.order,
    );
    let newText = false;
    for (const { prepared, reason } of fired) {
      const content = expand(prepared.body).trim();
      const cost = input.countTokens(content);
      const bookBudget = findBook(input.lorebooks, prepared.bookId)?.tokenBudget ?? Infinity;
      const bookSpent = spent.get(prepared.bookId) ?? 0;
      if (tokens + cost > input.tokenBudget || bookSpent + cost > bookBudget) {
        skipped.push({ id: prepared.id, name: prepared.name, reason: 'budget' });
        continue;
      }
      tokens += cost;
      spent.set(prepared.bookId, bookSpent + cost);
      activated.push(toActivated(prepared, content, reason, cost, step));
      if (!prepared.entry.preventRecursion && content !== '') {
        loreSegments.push({ name: prepared.name, scan: createScanText(content) });
        newText = true;
      }
    }
    if (!newText) break;
    loreScan = createScanText(loreSegments.map((segment) => segment.scan.text).join('\n\n'));
  }

  activated.sort(
    (a, b) =>
      POSITION_ORDER[a.position] - POSITION_ORDER[b.position] ||
      b.depth - a.depth ||
      a.insertionOrder - b.insertionOrder,
  );
  return { entries: activated, skipped, warnings, tokens, steps };
}

function isEligible(prepared: PreparedEntry, turnIndex: number): boolean {
  if (prepared.disabled) return false;
  if (prepared.activateOnlyAfter !== null && turnIndex < prepared.activateOnlyAfter) return false;
  if (prepared.activateOnlyEvery !== null && turnIndex % prepared.activateOnlyEvery !== 0) return false;
  return true;
}

function findBook(books: LoreActivationInput['lorebooks'], id: string): Lorebook | undefined {
  return books.find((candidate) => candidate.id === id)?.book;
}

function toActivated(
  prepared: PreparedEntry,
  content: string,
  reason: string,
  tokens: number,
  step: number,
): ActivatedEntry {
  return {
    id: prepared.id,
    bookId: prepared.bookId,
    name: prepared.name,
    content,
    reason,
    stable: prepared.constant || prepared.forced,
    position: prepared.position,
    depth: prepared.depth,
    role: prepared.role,
    insertionOrder: prepared.entry.insertionOrder,
    priority: prepared.entry.priority,
    tokens,
    step,
  };
}
