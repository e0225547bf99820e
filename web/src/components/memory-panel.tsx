/**
 * The memory panel beside a chat: what the character remembers about you (searchable), the
 * relationship state, and controls to correct, forget or export it. Memory text is shown as plain
 * text: it is what people said, never markup or instructions.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Memory, Relationship } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { Icon } from './icon.js';
import { MemoryItem } from './memory-item.js';

interface MemoryPanelProps {
  characterId: string;
  /** Changes when the conversation does, to refresh. */
  version: number;
  onClose: () => void;
}

const PAGE = 200;
const MOODS = ['neutral', 'happy', 'sad', 'hurt'] as const;

/** The memory drawer of the chat page. */
export function MemoryPanel({ characterId, version, onClose }: MemoryPanelProps) {
  const { t } = useI18n();
  const { api, reportError } = useApp();
  const [memories, setMemories] = useState<Memory[] | null>(null);
  const [relationship, setRelationship] = useState<Relationship | null>(null);
  const [search, setSearch] = useState('');
  const [forgetting, setForgetting] = useState<string | null>(null);

  const load = useCallback(() => {
    api.memories
      .list({ characterId, search: search.trim() || undefined, limit: PAGE })
      // Newest first reads best in a side panel.
      .then((list) => setMemories([...list].reverse()))
      .catch(reportError);
    api.memories.relationship(characterId).then(setRelationship).catch(reportError);
  }, [api, characterId, search, reportError]);
  useEffect(() => load(), [load, version]);

  async function act(action: () => Promise<unknown>) {
    try {
      await action();
      load();
    } catch (error) {
      reportError(error);
    }
  }

  async function download() {
    try {
      const body = await api.memories.export(characterId);
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = 'starling-memories.json';
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      reportError(error);
    }
  }

  return (
    <aside className="inspector memory-panel" aria-label={t('memory.title')}>
      <div className="inspector-head">
        <h2>{t('memory.title')}</h2>
        <button type="button" className="button ghost small" onClick={() => void download()}>
          {t('memory.export')}
        </button>
        <button type="button" className="button icon" aria-label={t('memory.close')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      {relationship && (
        <p className="muted small" data-testid="relationship">
          {t('memory.relationship', {
            affinity: relationship.affinity.toFixed(2),
            trust: relationship.trust.toFixed(2),
            mood: t(`memory.mood.${MOODS.find((mood) => mood === relationship.mood) ?? 'neutral'}`),
          })}
        </p>
      )}
      <input
        type="search"
        aria-label={t('memory.search')}
        placeholder={t('memory.search')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {memories !== null && memories.length === 0 && <p className="muted small">{t('memory.empty')}</p>}
      <ul className="memory-list">
        {(memories ?? []).map((memory) => (
          <MemoryItem
            key={`${memory.id}:${memory.updatedAt}`}
            memory={memory}
            onSave={(text) => void act(() => api.memories.edit(memory.id, { text }))}
            onForget={() => setForgetting(memory.id)}
          />
        ))}
      </ul>
      <ConfirmDialog
        open={forgetting !== null}
        message={t('memory.confirmForget')}
        confirmLabel={t('memory.forget')}
        onCancel={() => setForgetting(null)}
        onConfirm={() => {
          const id = forgetting;
          setForgetting(null);
          if (id) void act(() => api.memories.forget(id));
        }}
      />
    </aside>
  );
}
