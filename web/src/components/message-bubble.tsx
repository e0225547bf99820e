/**
 * One message: avatar, author, sanitized markdown, swipe arrows, and the message actions (edit,
 * branch, delete; regenerate on the last reply). A pending bubble shows text still streaming in.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import type { PathEntry } from '../lib/tree.js';
import { Avatar } from './avatar.js';
import { MessageEditor } from './message-editor.js';
import { MessageMarkdown } from './message-markdown.js';
import { SwipeControls } from './swipe-controls.js';

interface StoredProps {
  entry: PathEntry;
  isLast: boolean;
  busy: boolean;
  onSwipe: (messageId: string) => void;
  onRegenerate: (messageId?: string) => void;
  onEdit: (messageId: string, content: string) => void;
  onBranch: (messageId: string) => void;
  onDelete: (messageId: string) => void;
  pending?: undefined;
}

interface PendingProps {
  pending: { role: 'user' | 'assistant'; text: string };
  entry?: undefined;
}

type MessageBubbleProps = (StoredProps | PendingProps) & { characterId: string; characterName: string };

/** A chat bubble. */
export function MessageBubble(props: MessageBubbleProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const role = props.pending ? props.pending.role : props.entry.message.role;
  const text = props.pending ? props.pending.text : props.entry.message.content;
  const fromUser = role === 'user';
  const author = fromUser ? t('chat.you') : props.characterName;
  const status = props.entry?.message.status;
  const lore = props.entry?.message.meta['lore'];
  const loreCount = Array.isArray(lore) ? lore.length : 0;

  return (
    <article
      className={`message ${fromUser ? 'from-user' : 'from-character'}${props.pending ? ' pending' : ''}`}
      aria-label={author}
    >
      {!fromUser && <Avatar characterId={props.characterId} size="small" />}
      <div className="bubble-column">
        <div className="message-meta">
          <span className="author">{author}</span>
          {status === 'incomplete' && <span className="badge">{t('chat.incomplete')}</span>}
          {status === 'error' && <span className="badge danger">{t('chat.failed')}</span>}
          {loreCount > 0 && <span className="badge subtle">{t('chat.loreFired', { count: loreCount })}</span>}
        </div>
        <div className="bubble">
          {props.pending && text === '' ? (
            <span
              className="typing"
              role="status"
              aria-label={t('chat.typing', { name: props.characterName })}
            >
              <span />
              <span />
              <span />
            </span>
          ) : editing && props.entry ? (
            <MessageEditor
              initial={text}
              onCancel={() => setEditing(false)}
              onSave={(content) => {
                setEditing(false);
                props.onEdit(props.entry.message.id, content);
              }}
            />
          ) : (
            <MessageMarkdown text={text} />
          )}
        </div>
        {props.entry && !editing && (
          <div className="message-actions">
            {props.entry.swipes.length > 1 ||
            (props.isLast && role === 'assistant' && props.entry.message.parentId) ? (
              <SwipeControls
                entry={props.entry}
                busy={props.busy}
                canGenerate={props.isLast && role === 'assistant' && props.entry.message.parentId !== null}
                onSwipe={props.onSwipe}
                onGenerate={() => props.onRegenerate(props.entry.message.id)}
              />
            ) : null}
            <div className="action-buttons">
              {props.isLast && role === 'assistant' && props.entry.message.parentId !== null && (
                <button
                  type="button"
                  className="button ghost small"
                  disabled={props.busy}
                  onClick={() => props.onRegenerate(props.entry.message.id)}
                >
                  {t('chat.regenerate')}
                </button>
              )}
              <button
                type="button"
                className="button ghost small"
                disabled={props.busy}
                onClick={() => setEditing(true)}
              >
                {t('chat.edit')}
              </button>
              {!props.isLast && (
                <button
                  type="button"
                  className="button ghost small"
                  disabled={props.busy}
                  onClick={() => props.onBranch(props.entry.message.id)}
                >
                  {t('chat.branch')}
                </button>
              )}
              <button
                type="button"
                className="button ghost small danger-text"
                disabled={props.busy}
                onClick={() => props.onDelete(props.entry.message.id)}
              >
                {t('chat.delete')}
              </button>
            </div>
          </div>
        )}
      </div>
    </article>
  );
}
