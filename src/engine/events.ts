/** The typed events of one turn, as the CLI, the server (SSE) and library users receive them. */
export interface TurnUsage {
  inputTokens: number | null;
  outputTokens: number | null;
}

/** `abort`: stopped by the caller; the partial reply is kept and marked incomplete. */
export type TurnFinishReason = 'stop' | 'length' | 'abort' | 'content-filter' | 'error' | 'other';

export type TurnEvent =
  | { type: 'turn-start'; sessionId: string; parentId: string | null }
  | { type: 'text-delta'; delta: string }
  | {
      type: 'turn-end';
      sessionId: string;
      userMessageId: string | null;
      messageId: string;
      text: string;
      finishReason: TurnFinishReason;
      usage: TurnUsage;
    };

export interface TurnResult {
  sessionId: string;
  userMessageId: string | null;
  messageId: string;
  text: string;
  finishReason: TurnFinishReason;
  usage: TurnUsage;
}
