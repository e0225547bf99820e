/** In-place editing of a message's text. */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';

/** A textarea with save and cancel; Escape cancels. */
export function MessageEditor({
  initial,
  onSave,
  onCancel,
}: {
  initial: string;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  return (
    <form
      className="message-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(text);
      }}
    >
      <textarea
        aria-label={t('chat.editMessage')}
        value={text}
        autoFocus
        rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
      />
      <div className="row end">
        <button type="button" className="button ghost small" onClick={onCancel}>
          {t('chat.cancel')}
        </button>
        <button type="submit" className="button primary small">
          {t('chat.save')}
        </button>
      </div>
    </form>
  );
}
