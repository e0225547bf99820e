/**
 * The moderation contract. A moderator screens one text in one direction (user input before the
 * model, model output while it streams) under a policy and returns a graded verdict; callers
 * (the turn pipeline, the LLM guard, critique-and-revise, the audit log, the CLI) consume only these
 * types, so every moderator implementation is interchangeable.
 */

/** Harm categories (MLCommons AILuminate / Llama Guard hazard taxonomy, adapted for character chat). */
export type Category =
  | 'violence_weapons'
  | 'self_harm'
  | 'sexual'
  | 'sexual_minors'
  | 'hate_harassment'
  | 'crime_drugs'
  | 'cybercrime'
  | 'extremism'
  | 'privacy'
  | 'dangerous_advice'
  | 'manipulation';

/** What the policy does with a text: pass it, pass it with steering/rewrite, or stop it. */
export type ModerationAction = 'allow' | 'revise' | 'block';

/** Where the text is in a turn: the user's input, or the model's output. */
export type Direction = 'input' | 'output';

/** The built-in policy profiles. */
export type PolicyName = 'standard' | 'teen' | 'strict' | 'research';

/** Language of the text; detected from the script when not given. */
export type Language = 'en' | 'zh';

/** Per-category thresholds on a 0..1 score. */
export interface CategoryThresholds {
  /** At or above: `flagged` (recorded, handed to the LLM guard when one is configured). */
  flag: number;
  /** At or above: the policy's strong action (block, or revise for supportive categories). */
  block: number;
}

/** A readable policy profile: thresholds per category and how uncertain scores are handled. */
export interface Policy {
  name: PolicyName;
  description: string;
  /** False for `research`: verdicts are flagged and logged but the action is always `allow`. */
  blocks: boolean;
  thresholds: Record<Category, CategoryThresholds>;
  /**
   * Categories answered with care rather than refused on input (self-harm disclosures get an
   * empathetic, in-character reply with help resources): a flagged or confident input score gives
   * `revise`, since a warm answer costs little when the flag is wrong and much when it is right.
   */
  supportive: readonly Category[];
  /** Action for an input score in the uncertain band (flag <= score < block). */
  uncertainInput: ModerationAction;
  /** Action for an output score in the uncertain band. */
  uncertainOutput: ModerationAction;
}

/** What the moderator knows about the text beyond its words. */
export interface ScreenContext {
  direction: Direction;
  /** A policy name or a full policy object (per deployment, character or user). */
  policy: PolicyName | Policy;
  language?: Language;
  /** The character's name, so lines addressed to or spoken by it are not read as hijacking. */
  characterName?: string;
}

/** The verdict for one text. */
export interface ModerationVerdict {
  action: ModerationAction;
  /** True when any category's score reached the policy's flag threshold (also under `research`). */
  flagged: boolean;
  /** Categories at or above their flag threshold, highest score first. */
  categories: Category[];
  /** Every category's score, 0..1, rounded to 3 decimals. */
  scores: Record<Category, number>;
  /** One human-readable sentence: why this action (rules matched, top category, policy). */
  reason: string;
}

/** Where untrusted text came from; each source has its own notion of what is out of place. */
export type UntrustedSource = 'card' | 'lorebook' | 'tool' | 'memory';

/** One suspicious stretch of untrusted text. */
export interface SuspiciousSpan {
  start: number;
  end: number;
  /** Stable rule id, e.g. `override`, `role_spoof`, `exfiltration`. */
  rule: string;
  text: string;
}

/** The result of scanning untrusted text for hidden instructions. */
export interface UntrustedScan {
  suspicious: boolean;
  spans: SuspiciousSpan[];
  reason: string;
}

/** A moderator: the built-in classifier, the LLM guard, or a chain of both. */
export interface Moderator {
  /** Screens one text; synchronous work only, so it is cheap enough for every streamed sentence. */
  screen(text: string, context: ScreenContext): ModerationVerdict;
  /** Scans card, lorebook, tool or memory text for instructions aimed at the model. */
  scanUntrusted(text: string, source: UntrustedSource): UntrustedScan;
}
