/**
 * Requests split across messages: "my neighbour's dog barks all night" then "what would make it
 * sick enough to stop for good". Each message alone is harmless; read together they are not. The
 * current message is screened alone and together with the person's previous message; the joint
 * reading counts only when it is more severe than both the current message and the previous one
 * alone (the previous one was judged on its own turn already, and a harmless follow-up to a refused
 * message must not be refused again for it); after a self-harm disclosure the care carries on. The
 * joint reading only ever raises the verdict: a "game" or "story" said one message earlier must not
 * unlock what the current message asks for.
 */
import type { ModerationVerdict, Moderator, ScreenContext } from './types.js';

/** How much of the previous message is read with the current one (its end, nearest the current). */
export const PREVIOUS_TURN_CHARS = 1500;

/** Only actions count: a joint reading that merely flags adds an audit row and no protection. */
function severity(verdict: ModerationVerdict): number {
  return verdict.action === 'block' ? 2 : verdict.action === 'revise' ? 1 : 0;
}

/** Screens `text` as the next message after `previous` (the same person's last message, if any). */
export function screenInConversation(
  moderator: Moderator,
  text: string,
  previous: string | null,
  context: ScreenContext,
): ModerationVerdict {
  const alone = moderator.screen(text, context);
  if (previous === null || previous.trim() === '' || alone.action === 'block') return alone;
  const earlier = previous.length > PREVIOUS_TURN_CHARS ? previous.slice(-PREVIOUS_TURN_CHARS) : previous;
  // A space, not a newline: rules read across the join as they read within one message.
  const joint = moderator.screen(`${earlier} ${text}`, context);
  if (severity(joint) <= severity(alone)) return alone;
  const before = moderator.screen(earlier, context);
  // After a self-harm disclosure, care carries into the next turn ("how many would be enough").
  const care =
    joint.action === 'revise' && before.action === 'revise' && joint.categories.includes('self_harm');
  if (!care && severity(joint) <= severity(before)) return alone;
  return { ...joint, reason: `read with the previous message: ${joint.reason}` };
}
