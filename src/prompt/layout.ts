/**
 * Turns the chosen parts into chat messages, most stable first: one system message (system prompt,
 * definition, persona, lore at author positions, examples), then history with depth insertions, then
 * post-history instructions. Adjacent non-history parts with the same role merge into one message.
 */
import type { LoreRole, PromptMessage, PromptSection } from '../spec/index.js';

export interface LayoutPart {
  role: LoreRole;
  section: PromptSection;
  content: string;
}

export interface DepthInsert extends LayoutPart {
  /** Messages from the end of history; 0 = after the newest message. */
  depth: number;
}

export interface LayoutInput {
  /** The stable head, in order. */
  head: LayoutPart[];
  history: readonly { id: string; role: LoreRole; content: string }[];
  /** Inserted into history; equal depths keep their given order. */
  inserts: readonly DepthInsert[];
  tail: LayoutPart[];
}

interface Block extends LayoutPart {
  messageId?: string;
}

/** Lays out the parts as messages. */
export function layoutMessages(input: LayoutInput): PromptMessage[] {
  const blocks: Block[] = input.head.filter(nonEmpty).map((part) => ({ ...part }));
  const history = input.history;
  const inserts = input.inserts.filter(nonEmpty);
  for (let index = 0; index <= history.length; index++) {
    const depth = history.length - index;
    for (const insert of inserts) {
      // Deeper than the kept history: goes to its top.
      const target = Math.min(insert.depth, history.length);
      if (target === depth)
        blocks.push({ role: insert.role, section: insert.section, content: insert.content });
    }
    const message = history[index];
    if (message)
      blocks.push({
        role: message.role,
        section: 'history',
        content: message.content,
        messageId: message.id,
      });
  }
  blocks.push(...input.tail.filter(nonEmpty));
  return mergeBlocks(blocks);
}

function nonEmpty(part: LayoutPart): boolean {
  return part.content.trim() !== '';
}

function mergeBlocks(blocks: Block[]): PromptMessage[] {
  const messages: PromptMessage[] = [];
  let previous: PromptMessage | undefined;
  for (const block of blocks) {
    const mergeable =
      previous !== undefined &&
      previous.messageId === undefined &&
      block.messageId === undefined &&
      previous.role === block.role;
    if (mergeable && previous) {
      previous.content += `\n\n${block.content}`;
      if (previous.sections.at(-1) !== block.section) previous.sections.push(block.section);
      continue;
    }
    const message: PromptMessage = { role: block.role, content: block.content, sections: [block.section] };
    if (block.messageId !== undefined) message.messageId = block.messageId;
    messages.push(message);
    previous = message;
  }
  return messages;
}
