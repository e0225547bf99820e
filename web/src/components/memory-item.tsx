/** One remembered item in the memory panel: its text (as text, never as markup), edit and forget. */
import { useState } from 'react';
import type { Memory } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';

/** What a summary covers (its `subject`), as written by the `memory.summary` job. */
const SUMMARY_SCOPES = ['chunk', 'session', 'relationship'] as const;

interface MemoryItemProps {
  memory: Memory;
  onSave: (text: string) => void;
  onForget: () => void;
}

/** A memory row with inline editing. */
export function MemoryItem({ memory, onSave, onForget }: MemoryItemProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(memory.text);
  const date = new Date(memory.timestamp).toLocaleDateString();
  const scope =
    memory.kind === 'summary' ? SUMMARY_SCOPES.find((name) => name === memory.subject) : undefined;
  return (
    <li className="memory-item" data-memory-id={memory.id}>
      <div className="muted small">
        {t(`memory.kind.${memory.kind}`)}
        {scope ? ` (${t(`memory.summary.${scope}`)})` : ''} · {date}
        {memory.speaker ? ` · ${memory.speaker}` : ''}
      </div>
      {editing ? (
        <>
          <textarea
            aria-label={t('memory.editText')}
            value={text}
            rows={3}
            onChange={(event) => setText(event.target.value)}
          />
          <div className="row end">
            <button type="button" className="button ghost small" onClick={() => setEditing(false)}>
              {t('dialog.cancel')}
            </button>
            <button
              type="button"
              className="button small"
              disabled={text.trim() === ''}
              onClick={() => {
                onSave(text);
                setEditing(false);
              }}
            >
              {t('chat.save')}
            </button>
          </div>
        </>
      ) : (
        <>
          {memory.quarantined ? (
            <p className="memory-quarantined" role="note">
              {t('memory.quarantined')}
            </p>
          ) : null}
          <p className="memory-text">{memory.text}</p>
          <div className="row end">
            <button
              type="button"
              className="button ghost small"
              onClick={() => {
                setText(memory.text);
                setEditing(true);
              }}
            >
              {t('chat.edit')}
            </button>
            <button type="button" className="button ghost small" onClick={onForget}>
              {t('memory.forget')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
