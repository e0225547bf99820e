/**
 * Anchored lore (setting `anchorLore`): each turn's newly fired entries go in a block just before
 * that turn's user message and stay there on later turns, like history, until the next history
 * trim. An entry already shown in a kept block is not repeated. The prompt then only ever grows at
 * its end between trims, so an inference engine can reuse nearly all of its KV cache.
 */
import type { DepthInsert } from './layout.js';
import type { ActivatedEntry } from './lore-activation.js';

export interface LoreAnchor {
  /** The history message the block is inserted before. */
  messageId: string;
  content: string;
  entryIds: string[];
}

export interface AnchorPlan {
  /** Earlier blocks still anchored in the older history. */
  retained: LoreAnchor[];
  /** This turn's block (entries not already in a retained block), if any. */
  current: LoreAnchor | undefined;
}

/** Keeps earlier blocks whose message is still in history and puts the rest of this turn's lore in a new block. */
export function planAnchors(
  perTurn: readonly ActivatedEntry[],
  previous: readonly LoreAnchor[],
  olderIds: ReadonlySet<string>,
  newestId: string,
): AnchorPlan {
  const retained = previous.filter((anchor) => olderIds.has(anchor.messageId));
  const shown = new Set(retained.flatMap((anchor) => anchor.entryIds));
  const fresh = perTurn.filter((entry) => !shown.has(entry.id) && entry.content !== '');
  const current =
    fresh.length === 0
      ? undefined
      : {
          messageId: newestId,
          content: fresh.map((entry) => entry.content).join('\n\n'),
          entryIds: fresh.map((entry) => entry.id),
        };
  return { retained, current };
}

/** Turns anchors into depth inserts for the kept history; anchors outside it are left out. */
export function anchorInserts(anchors: readonly LoreAnchor[], keptIds: readonly string[]): DepthInsert[] {
  const inserts: DepthInsert[] = [];
  for (const anchor of anchors) {
    const index = keptIds.indexOf(anchor.messageId);
    const depth = index === -1 ? 0 : keptIds.length - index;
    if (index === -1 && anchor.messageId !== END_OF_HISTORY) continue;
    inserts.push({ depth, role: 'system', section: 'lore_depth', content: anchor.content });
  }
  return inserts;
}

/** Anchor id for a block placed after the last message (no new user message this turn). */
export const END_OF_HISTORY = '\u0000end';
