/**
 * Where activated lore goes. Stable entries (constant, `@@activate`) keep their author's position:
 * they are the same every turn, so they cost the prompt prefix nothing. Entries that fire per turn
 * go into one block at a shallow depth, so a change in what fires only touches the prompt's tail;
 * `strict` places them where the author said instead.
 */
import type { LorePosition } from '../spec/index.js';
import type { DepthInsert } from './layout.js';
import type { ActivatedEntry } from './lore-activation.js';

export interface LorePlacement {
  byPosition: Record<Exclude<LorePosition, 'at_depth'>, string[]>;
  inserts: DepthInsert[];
  /** Entry id -> `before_char` … or `depth N (role)`. */
  placements: Map<string, string>;
}

/** Groups activated entries by where they will be inserted. */
export function placeLore(
  entries: readonly ActivatedEntry[],
  strict: boolean,
  blockDepth: number,
): LorePlacement {
  const byPosition: LorePlacement['byPosition'] = {
    before_char: [],
    after_char: [],
    before_examples: [],
    after_examples: [],
  };
  const inserts: DepthInsert[] = [];
  const placements = new Map<string, string>();
  const block: string[] = [];
  for (const entry of entries) {
    if (entry.content === '') continue;
    if (!entry.stable && !strict) {
      block.push(entry.content);
      placements.set(entry.id, `depth ${blockDepth} (system)`);
      continue;
    }
    if (entry.position === 'at_depth') {
      const last = inserts.at(-1);
      if (last && last.depth === entry.depth && last.role === entry.role)
        last.content += `\n\n${entry.content}`;
      else
        inserts.push({ depth: entry.depth, role: entry.role, section: 'lore_depth', content: entry.content });
      placements.set(entry.id, `depth ${entry.depth} (${entry.role})`);
      continue;
    }
    byPosition[entry.position].push(entry.content);
    placements.set(entry.id, entry.position);
  }
  if (block.length > 0) {
    inserts.push({ depth: blockDepth, role: 'system', section: 'lore_depth', content: block.join('\n\n') });
  }
  return { byPosition, inserts, placements };
}
