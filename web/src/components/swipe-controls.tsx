/** ‹ 2 / 3 › between a message's swipes; past the last reply, › generates a new one. */
import { useI18n } from '../i18n/i18n-context.js';
import type { PathEntry } from '../lib/tree.js';

interface SwipeControlsProps {
  entry: PathEntry;
  busy: boolean;
  /** Whether › on the last swipe generates another reply (the last reply of the chat). */
  canGenerate: boolean;
  onSwipe: (messageId: string) => void;
  onGenerate: () => void;
}

/** The swipe arrows and position. */
export function SwipeControls({ entry, busy, canGenerate, onSwipe, onGenerate }: SwipeControlsProps) {
  const { t } = useI18n();
  const previous = entry.swipes[entry.index - 1];
  const next = entry.swipes[entry.index + 1];
  return (
    <div
      className="swipes"
      role="group"
      aria-label={t('chat.swipeCount', { index: entry.index + 1, count: entry.swipes.length })}
    >
      <button
        type="button"
        className="button icon small"
        aria-label={t('chat.previous')}
        disabled={busy || !previous}
        onClick={() => previous && onSwipe(previous.id)}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <span className="swipe-count">
        {entry.index + 1}/{entry.swipes.length}
      </span>
      <button
        type="button"
        className="button icon small"
        aria-label={t('chat.next')}
        disabled={busy || (!next && !canGenerate)}
        onClick={() => (next ? onSwipe(next.id) : onGenerate())}
      >
        <span aria-hidden="true">›</span>
      </button>
    </div>
  );
}
