/** Counts tokens for one model. Exact for GGUF models (their own tokenizer); estimated for remote ones. */
export interface TokenCounter {
  /** Tokens of `text` as message content, without template overhead. */
  count(text: string): number;
  /** Tokens the chat template adds around one message (role markers, separators). */
  readonly messageOverhead: number;
  /** `exact` when counted with the model's tokenizer. */
  readonly kind: 'exact' | 'estimate';
}
