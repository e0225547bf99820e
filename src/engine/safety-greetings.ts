/**
 * A character's greetings are messages out like any reply: before a chat starts they are screened
 * under the chat's policy (the deployment's, made stricter by the card or a minor user). A greeting
 * the policy blocks is withheld (the chat starts without it) and audited; a flagged one stays and is
 * audited. No model is opened here, so nothing is rewritten.
 */
import type { AuditDraft } from '../spec/audit-store.js';
import type { CharacterRecord, Store } from '../spec/store.js';
import { detectLanguage } from '../safety/index.js';
import { auditDraft, resolvePolicy, turnSubject } from './safety-policy.js';
import type { TurnSafety } from './safety-turn.js';

/** One greeting to screen, with the id its stored message will have and its place on the card. */
export interface GreetingDraft {
  id: string;
  text: string;
  index: number;
}

/** The greetings that may be shown, and audit rows for the session once it exists. */
export interface ScreenedGreetings {
  kept: GreetingDraft[];
  /** Rows without a session id; the caller adds it after creating the session. */
  audits: AuditDraft[];
}

/** Screens greetings for `ownerId`; without safety every greeting is kept. */
export async function screenGreetings(
  safety: TurnSafety | undefined,
  store: Store,
  ownerId: string,
  character: CharacterRecord,
  greetings: GreetingDraft[],
): Promise<ScreenedGreetings> {
  if (safety === undefined || greetings.length === 0) return { kept: greetings, audits: [] };
  const subject = await turnSubject(store, ownerId, null, character);
  const policy = resolvePolicy(safety.policy, subject.extensions, subject.minor);
  const moderator = await safety.moderator();
  const kept: GreetingDraft[] = [];
  const audits: AuditDraft[] = [];
  for (const greeting of greetings) {
    const verdict = moderator.screen(greeting.text, {
      direction: 'output',
      policy,
      language: detectLanguage(greeting.text),
      characterName: subject.characterName,
    });
    const withheld = verdict.action === 'block';
    if (!withheld) kept.push(greeting);
    if (!withheld && !verdict.flagged) continue;
    const reason = `greeting ${withheld ? 'withheld' : 'shown'}: ${verdict.reason}`;
    audits.push({
      ...auditDraft(
        subject,
        policy,
        'output',
        { ...verdict, reason },
        greeting.text,
        withheld ? 'block' : 'flag',
      ),
      messageId: withheld ? null : greeting.id,
    });
  }
  return { kept, audits };
}
