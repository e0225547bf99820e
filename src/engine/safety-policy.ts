/**
 * Who a turn's safety is about and what it records: the subject (owner, session, character), the
 * policy for the turn (the deployment's, made stricter by the character or a minor user), and the
 * audit rows.
 */
import type { AuditDraft } from '../spec/audit-store.js';
import type { Store } from '../spec/store.js';
import { getPolicy } from '../safety/index.js';
import type { ModerationVerdict, PolicyName } from '../safety/index.js';

/** Who and what a turn is about, for policy choice and audit rows. */
export interface SafetySubject {
  ownerId: string;
  sessionId: string | null;
  characterId: string;
  characterName: string;
  extensions: Record<string, unknown>;
  /** The user is a minor: the turn runs under `teen` at least. */
  minor?: boolean;
}

/** The safety subject of a turn with this owner, session and character. */
export function safetySubject(
  ownerId: string,
  sessionId: string | null,
  character: { id: string; card: { name: string; nickname: string; extensions: Record<string, unknown> } },
): SafetySubject {
  return {
    ownerId,
    sessionId,
    characterId: character.id,
    characterName: character.card.nickname || character.card.name,
    extensions: character.card.extensions,
  };
}

/** The subject of a turn, with the owner's `minor` flag read from the store. */
export async function turnSubject(
  store: Store,
  ownerId: string,
  sessionId: string | null,
  character: Parameters<typeof safetySubject>[2],
): Promise<SafetySubject> {
  const owner = await store.users.get(ownerId);
  return { ...safetySubject(ownerId, sessionId, character), minor: owner?.minor === true };
}

const STRICTNESS: Record<PolicyName, number> = { research: 0, standard: 1, strict: 2, teen: 3 };

/** The turn's policy: the deployment's, made stricter (never looser) by the character or the user. */
export function resolvePolicy(
  deployment: PolicyName,
  extensions: Record<string, unknown>,
  minor = false,
): PolicyName {
  let chosen = deployment;
  const starling = extensions.starling;
  const wanted =
    typeof starling === 'object' && starling !== null
      ? (starling as Record<string, unknown>).safetyPolicy
      : undefined;
  if (typeof wanted === 'string' && Object.hasOwn(STRICTNESS, wanted)) {
    const name = wanted as PolicyName;
    if (STRICTNESS[name] > STRICTNESS[chosen]) chosen = name;
  }
  if (minor && STRICTNESS.teen > STRICTNESS[chosen]) chosen = 'teen';
  return chosen;
}

/** Appends audit rows, tying input rows to the user message and output rows to the reply. */
export async function recordAudits(
  store: Store,
  audits: AuditDraft[],
  ids: { userMessageId: string | null; replyId: string | null },
): Promise<void> {
  for (const draft of audits) {
    const messageId = draft.direction === 'input' ? ids.userMessageId : ids.replyId;
    await store.audit.append({ ...draft, messageId });
  }
}

/** One audit row for a verdict, keeping only the flagged categories' scores. */
export function auditDraft(
  subject: SafetySubject,
  policy: PolicyName,
  direction: 'input' | 'output',
  verdict: Pick<ModerationVerdict, 'action' | 'categories' | 'scores' | 'reason'>,
  text: string,
  action: AuditDraft['action'] = verdict.action === 'allow' ? 'flag' : verdict.action,
): AuditDraft {
  // Only the flagged categories' scores: the row stays small and readable.
  const scores = Object.fromEntries(
    verdict.categories.map((category) => [category, verdict.scores[category]]),
  );
  return {
    ownerId: subject.ownerId,
    sessionId: subject.sessionId,
    characterId: subject.characterId,
    direction,
    action: getPolicy(policy).blocks ? action : 'flag',
    policy,
    categories: verdict.categories,
    scores,
    reason: verdict.reason,
    text,
  };
}
