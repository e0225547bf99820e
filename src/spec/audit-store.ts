/**
 * The safety audit log: one row per moderation decision that changed or flagged a turn (block,
 * revise, flag) or an import finding. Rows outlive the sessions and messages they name (admins
 * review them after a user deleted a chat), so they keep ids and only the text the decision was
 * about, capped at `AUDIT_TEXT_LIMIT` characters.
 */

/** Longest text an audit row keeps (original text and each revision). */
export const AUDIT_TEXT_LIMIT = 2000;

/**
 * Where the audited text was: the user's message, the model's reply, imported content, or untrusted
 * text scanned when used (a recalled memory, a tool's output).
 */
export type AuditDirection = 'input' | 'output' | 'import' | 'memory' | 'tool';

/**
 * Who decided: the built-in classifier, the LLM guard (the chat model judging the uncertain band),
 * or the hidden-instruction scan of untrusted text.
 */
export type AuditSource = 'classifier' | 'llm_guard' | 'injection_scan';

/** Every audit source, for validation at the edges. */
export const AUDIT_SOURCES: readonly AuditSource[] = ['classifier', 'llm_guard', 'injection_scan'];

/** What the pipeline did: stopped it, rewrote or steered it, or only recorded it. */
export type AuditAction = 'block' | 'revise' | 'flag';

/** One critique-and-revise round as the audit log keeps it. */
export interface AuditRevision {
  critique: string;
  revision: string;
}

/** A row to append; ids and time are filled in by the store when absent. */
export interface AuditDraft {
  ownerId: string;
  sessionId?: string | null;
  messageId?: string | null;
  characterId?: string | null;
  direction: AuditDirection;
  action: AuditAction;
  /** Default `classifier`. */
  source?: AuditSource;
  policy: string;
  categories: string[];
  scores: Record<string, number>;
  reason: string;
  /** The text the decision was about (truncated to `AUDIT_TEXT_LIMIT`). */
  text: string;
  revisions?: AuditRevision[];
  at?: number;
}

/** A stored audit row. */
export interface AuditRecord {
  id: string;
  at: number;
  ownerId: string;
  sessionId: string | null;
  messageId: string | null;
  characterId: string | null;
  direction: AuditDirection;
  action: AuditAction;
  source: AuditSource;
  policy: string;
  categories: string[];
  scores: Record<string, number>;
  reason: string;
  /** Empty once the owner's account was deleted (the decision stays, the content goes). */
  text: string;
  revisions: AuditRevision[];
}

/** Filters for `AuditStore.list`; newest first. */
export interface AuditQuery {
  ownerId?: string;
  sessionId?: string;
  action?: AuditAction;
  source?: AuditSource;
  /** Rows at or after this time (Unix ms). */
  since?: number;
  /** At most this many rows (default 100, max 1000). */
  limit?: number;
}

/** Append-only audit log of safety decisions. */
export interface AuditStore {
  /** Appends one row in one transaction; returns it as stored. */
  append(draft: AuditDraft): Promise<AuditRecord>;
  /** Rows matching every given filter, newest first. */
  list(query?: AuditQuery): Promise<AuditRecord[]>;
}
