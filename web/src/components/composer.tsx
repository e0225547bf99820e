/** The message box: Enter sends, Shift+Enter adds a line; Stop ends a reply that is streaming. */
import { useI18n } from '../i18n/i18n-context.js';

interface ComposerProps {
  name: string;
  draft: string;
  onDraft: (text: string) => void;
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
}

/** The composer at the bottom of the chat. */
export function Composer({ name, draft, onDraft, busy, onSend, onStop }: ComposerProps) {
  const { t } = useI18n();
  const submit = () => {
    if (!busy && draft.trim() !== '') onSend(draft);
  };
  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <textarea
        aria-label={t('chat.messageLabel')}
        placeholder={t('chat.placeholder', { name })}
        rows={1}
        value={draft}
        onChange={(event) => onDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      {busy ? (
        <button type="button" className="button danger" onClick={onStop}>
          {t('chat.stop')}
        </button>
      ) : (
        <button type="submit" className="button primary" disabled={draft.trim() === ''}>
          {t('chat.send')}
        </button>
      )}
    </form>
  );
}
