/** The shown branch of the conversation, plus the turn that is streaming in. */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import type { PathEntry } from '../lib/tree.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { MessageBubble } from './message-bubble.js';

export interface StreamingTurn {
  /** The user's message being answered; null for a regenerate. */
  userText: string | null;
  text: string;
}

interface MessageListProps {
  characterId: string;
  characterName: string;
  path: PathEntry[];
  streaming: StreamingTurn | null;
  onSwipe: (messageId: string) => void;
  onRegenerate: (messageId?: string) => void;
  onEdit: (messageId: string, content: string) => void;
  onBranch: (messageId: string) => void;
  onDelete: (messageId: string) => void;
}

/** The message column; keeps the newest text in view while streaming. */
export function MessageList(props: MessageListProps) {
  const { t } = useI18n();
  const { path, streaming } = props;
  const end = useRef<HTMLDivElement>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [path.length, streaming?.text]);

  const busy = streaming !== null;
  const last = path.at(-1);
  // While regenerating, the reply being replaced is hidden and the new one streams in its place.
  const shown =
    streaming && streaming.userText === null && last?.message.role === 'assistant' ? path.slice(0, -1) : path;
  return (
    <div className="message-list" role="log" aria-live="polite" aria-busy={busy}>
      {shown.map((entry, index) => (
        <MessageBubble
          key={entry.message.id}
          entry={entry}
          characterId={props.characterId}
          characterName={props.characterName}
          isLast={index === path.length - 1}
          busy={busy}
          onSwipe={props.onSwipe}
          onRegenerate={props.onRegenerate}
          onEdit={props.onEdit}
          onBranch={props.onBranch}
          onDelete={setDeleting}
        />
      ))}
      {streaming?.userText != null && (
        <MessageBubble
          pending={{ role: 'user', text: streaming.userText }}
          characterId={props.characterId}
          characterName={props.characterName}
        />
      )}
      {streaming && (
        <MessageBubble
          pending={{ role: 'assistant', text: streaming.text }}
          characterId={props.characterId}
          characterName={props.characterName}
        />
      )}
      <div ref={end} />
      <ConfirmDialog
        open={deleting !== null}
        message={t('chat.confirmDelete')}
        confirmLabel={t('chat.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) props.onDelete(deleting);
          setDeleting(null);
        }}
      />
    </div>
  );
}
