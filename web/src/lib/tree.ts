/**
 * The message tree as the chat shows it: the path from a root to the head, and for each message on
 * it the swipes (siblings with the same parent and role) with its place among them.
 */
import type { MessageRecord } from '../../../src/client/index.js';

export interface PathEntry {
  message: MessageRecord;
  /** The message and its alternatives, oldest first. */
  swipes: MessageRecord[];
  index: number;
}

/** The shown conversation: root-to-head messages with their swipes. */
export function conversationPath(messages: readonly MessageRecord[], headId: string | null): PathEntry[] {
  const byId = new Map(messages.map((message) => [message.id, message]));
  const children = new Map<string | null, MessageRecord[]>();
  for (const message of messages) {
    const siblings = children.get(message.parentId) ?? [];
    siblings.push(message);
    children.set(message.parentId, siblings);
  }
  const path: MessageRecord[] = [];
  let current = headId === null ? undefined : byId.get(headId);
  // Guarded against cycles in malformed data: a path is never longer than the tree.
  while (current && path.length <= messages.length) {
    path.unshift(current);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return path.map((message) => {
    const swipes = (children.get(message.parentId) ?? [])
      .filter((sibling) => sibling.role === message.role)
      .sort((a, b) => a.createdAt - b.createdAt);
    return {
      message,
      swipes,
      index: Math.max(
        0,
        swipes.findIndex((swipe) => swipe.id === message.id),
      ),
    };
  });
}
