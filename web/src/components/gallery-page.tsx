/** The character gallery: search, tag filter, import, create, and a card per character. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CharacterSummary } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { editableFields } from '../lib/card-fields.js';
import { CharacterTile } from './character-tile.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { ImportPanel } from './import-panel.js';
import { NewCharacterForm } from './new-character-form.js';

/** The home page. */
export function GalleryPage() {
  const { t } = useI18n();
  const { api, navigate, reportError } = useApp();
  const [characters, setCharacters] = useState<CharacterSummary[] | null>(null);
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState('');
  const [deleting, setDeleting] = useState<CharacterSummary | null>(null);

  const load = useCallback(() => {
    api.characters.list({ includeShared: true, limit: 500 }).then(setCharacters).catch(reportError);
  }, [api, reportError]);
  useEffect(load, [load]);

  const tags = useMemo(
    () =>
      [...new Set((characters ?? []).flatMap((character) => character.tags))].sort((a, b) =>
        a.localeCompare(b),
      ),
    [characters],
  );
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (characters ?? []).filter(
      (character) =>
        (needle === '' || character.name.toLowerCase().includes(needle)) &&
        (tag === '' || character.tags.includes(tag)),
    );
  }, [characters, search, tag]);

  async function duplicate(summary: CharacterSummary) {
    try {
      const { card } = await api.characters.get(summary.id);
      await api.characters.create({
        ...editableFields(card),
        name: t('gallery.copyOf', { name: card.name }),
      });
      load();
    } catch (error) {
      reportError(error);
    }
  }

  async function remove(summary: CharacterSummary) {
    setDeleting(null);
    try {
      await api.characters.remove(summary.id);
      load();
    } catch (error) {
      reportError(error);
    }
  }

  return (
    <div className="page gallery-page">
      <div className="page-heading">
        <h1>{t('gallery.title')}</h1>
        <NewCharacterForm onCreated={(id) => navigate({ name: 'editor', characterId: id })} />
      </div>
      <ImportPanel onImported={load} />
      <div className="filters" role="search">
        <input
          type="search"
          className="search"
          placeholder={t('gallery.search')}
          aria-label={t('gallery.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <select
          aria-label={t('gallery.tagFilter')}
          value={tag}
          onChange={(event) => setTag(event.target.value)}
        >
          <option value="">{t('gallery.allTags')}</option>
          {tags.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {characters === null ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : shown.length === 0 ? (
        <p className="empty-state">{characters.length === 0 ? t('gallery.empty') : t('gallery.noMatch')}</p>
      ) : (
        <ul className="character-grid">
          {shown.map((character) => (
            <CharacterTile
              key={character.id}
              character={character}
              onDuplicate={() => void duplicate(character)}
              onDelete={() => setDeleting(character)}
              onTag={setTag}
            />
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={deleting !== null}
        message={t('gallery.confirmDelete', { name: deleting?.name ?? '' })}
        confirmLabel={t('gallery.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && void remove(deleting)}
      />
    </div>
  );
}
