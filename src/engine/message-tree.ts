/**
 * Operations on a session's message tree that need no model: choose a swipe, list swipes, edit,
 * branch and delete. Each checks that the session belongs to the caller and the message to the
 * session, reading no more than that.
 */
import { StarlingError } from '../spec/errors.js';
import type { MessageRecord, SessionRecord, Store } from '../spec/store.js';
import { messageInSession } from './context.js';

/** Creates the tree operations over a store. */
export function createMessageTree(store: Store) {
  async function ownedSession(ownerId: string, sessionId: string): Promise<SessionRecord> {
    const session = await store.sessions.get(sessionId);
    if (!session || session.ownerId !== ownerId) {
      throw new StarlingError('session_not_found', `no session with id ${sessionId}`);
    }
    return session;
  }

  async function ownedMessage(ownerId: string, sessionId: string, messageId: string): Promise<MessageRecord> {
    await ownedSession(ownerId, sessionId);
    return messageInSession(store, sessionId, messageId);
  }

  return {
    /** Makes `messageId` the shown swipe: the head moves to its most recent descendant. */
    async selectSwipe(ownerId: string, sessionId: string, messageId: string): Promise<SessionRecord> {
      await ownedMessage(ownerId, sessionId, messageId);
      let head = messageId;
      for (;;) {
        const latest = (await store.messages.children(head)).at(-1);
        if (!latest) break;
        head = latest.id;
      }
      await store.sessions.setHead(sessionId, head);
      return ownedSession(ownerId, sessionId);
    },

    /** The swipes of a message: its siblings (same parent, same role), oldest first. */
    async swipes(ownerId: string, sessionId: string, messageId: string): Promise<MessageRecord[]> {
      const message = await ownedMessage(ownerId, sessionId, messageId);
      const siblings = message.parentId
        ? await store.messages.children(message.parentId)
        : await store.messages.roots(sessionId);
      return siblings.filter((sibling) => sibling.role === message.role);
    },

    /** Replaces a message's text in place (the tree shape stays). */
    async editMessage(ownerId: string, sessionId: string, messageId: string, content: string) {
      await ownedMessage(ownerId, sessionId, messageId);
      return store.messages.update(messageId, { content, status: 'complete' });
    },

    /** Continues the conversation from an earlier message: the next message starts a new branch there. */
    async branch(ownerId: string, sessionId: string, messageId: string): Promise<void> {
      await ownedMessage(ownerId, sessionId, messageId);
      await store.sessions.setHead(sessionId, messageId);
    },

    /** Deletes a message and everything after it on every branch. */
    async deleteMessage(ownerId: string, sessionId: string, messageId: string): Promise<number> {
      await ownedMessage(ownerId, sessionId, messageId);
      return store.messages.deleteSubtree(messageId);
    },
  };
}
