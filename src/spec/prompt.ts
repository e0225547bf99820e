/** What the prompt module produces: the messages to send, and an account of how they were made. */
import type { LoreRole } from './lorebook.js';

/** Named parts of the prompt, for budgets and the prompt inspector. */
export type PromptSection =
  | 'system'
  | 'lore_before'
  | 'description'
  | 'personality'
  | 'scenario'
  | 'persona'
  | 'lore_after'
  | 'examples'
  | 'summary'
  | 'history'
  | 'lore_depth'
  | 'memory'
  | 'post_history';

export interface PromptMessage {
  role: LoreRole;
  content: string;
  /** The sections this message was built from, in order. */
  sections: PromptSection[];
  /** Source message id for history messages. */
  messageId?: string;
}

export interface ActivatedLore {
  /** `<lorebook id>:<entry id>`. */
  id: string;
  name: string;
  /** Why it fired: `constant`, `key "x"`, `regex /x/`, `recursion via <entry>`. */
  reason: string;
  /** Where it went: a position name, or `depth N (role)`. */
  placement: string;
  tokens: number;
}

export interface AssembledPrompt {
  messages: PromptMessage[];
  tokens: {
    total: number;
    /** Context size minus the reply reserve. */
    budget: number;
    bySection: Partial<Record<PromptSection, number>>;
  };
  lore: ActivatedLore[];
  /** History messages that did not fit (oldest first), by id. */
  droppedMessageIds: string[];
  /** Example dialogue blocks dropped for space. */
  droppedExampleBlocks: number;
  /** Recalled memories placed in the prompt (absent when memory was not asked for). */
  memories?: PromptMemory[];
  /** Recalled memories left out because they carry instructions aimed at the model. */
  quarantinedMemories?: QuarantinedMemory[];
}

/** A recalled memory kept out of the prompt by the hidden-instruction scan. */
export interface QuarantinedMemory {
  id: string;
  /** Rule ids that fired, e.g. `override`, `exfiltration`. */
  rules: string[];
  /** Shown in the prompt inspector as a warning. */
  reason: string;
}

/** A recalled memory as placed in a prompt: traceable to the messages it stands for. */
export interface PromptMemory {
  id: string;
  /** The line as placed in the prompt (quoted data), for the prompt inspector. */
  text: string;
  /** Why it was recalled, e.g. `matched the new message (turn, rank 1)`. */
  reason: string;
  citedMessageIds: string[];
  tokens: number;
}
