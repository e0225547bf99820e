/** The character's past chats, newest first; a drawer on phones, a column on wide screens. */
import { useState } from 'react';
import type { SessionRecord } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { Icon } from './icon.js';

interface SessionListProps {
  sessions: SessionRecord[];
  currentId: string | null;
  open: boolean;
  onClose: () => void;
  onOpen: (id: string) => void;
  onNew: () => void;
  onDelete: (id: string) => void;
}

/** The sessions column. */
export function SessionList({
  sessions,
  currentId,
  open,
  onClose,
  onOpen,
  onNew,
  onDelete,
}: SessionListProps) {
  const { t, language } = useI18n();
  const [deleting, setDeleting] = useState<string | null>(null);
  const format = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <aside className={open ? 'session-list open' : 'session-list'} aria-label={t('chat.sessions')}>
      <div className="session-list-head">
        <h2>{t('chat.sessions')}</h2>
        <button
          type="button"
          className="button icon close-drawer"
          aria-label={t('common.close')}
          onClick={onClose}
        >
          <Icon name="close" />
        </button>
      </div>
      <button type="button" className="button primary wide" onClick={onNew}>
        {t('chat.newSession')}
      </button>
      <ul>
        {sessions.map((session) => (
          <li key={session.id} className={session.id === currentId ? 'current' : undefined}>
            <button
              type="button"
              className="session-link"
              aria-current={session.id === currentId ? 'page' : undefined}
              onClick={() => onOpen(session.id)}
            >
              <span className="session-title">{session.title}</span>
              <span className="session-date">{format.format(session.updatedAt)}</span>
            </button>
            <button
              type="button"
              className="button icon small"
              aria-label={`${t('chat.deleteSession')}: ${session.title}`}
              onClick={() => setDeleting(session.id)}
            >
              <Icon name="trash" size={16} />
            </button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        message={t('chat.confirmDeleteSession')}
        confirmLabel={t('chat.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) onDelete(deleting);
          setDeleting(null);
        }}
      />
    </aside>
  );
}
