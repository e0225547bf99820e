/**
 * The lorebooks of one character in the editor: the book embedded in the card (saved through
 * `PUT /api/characters/{id}`, so each save is a new card version) and the caller's own books
 * attached to the character (saved through `PUT /api/lorebooks/{id}`). A card without a book can
 * start one here.
 */
import { useEffect, useState } from 'react';
import type { Character, Lorebook, LorebookRecord } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { emptyBook } from '../lib/lorebook-edit.js';
import { LorebookPanel } from './lorebook-panel.js';

interface CharacterLorebooksProps {
  character: Character;
  /** Changes when the embedded book was replaced from outside (a restored version): drafts reset. */
  resetKey: number;
  /** The character after the embedded book was saved (a new version). */
  onEmbeddedSaved: (character: Character) => void;
}

/** The lorebook column of the editor. */
export function CharacterLorebooks({ character, resetKey, onEmbeddedSaved }: CharacterLorebooksProps) {
  const { t } = useI18n();
  const { api, reportError } = useApp();
  const [attached, setAttached] = useState<LorebookRecord[]>([]);
  const [started, setStarted] = useState<Lorebook | null>(null);
  const characterId = character.id;
  const fallbackName = t('lore.defaultName', { name: character.card.name });

  useEffect(() => {
    let active = true;
    api.lorebooks
      .list()
      .then((books) =>
        Promise.all(
          books
            .filter((book) => book.characterIds.includes(characterId))
            .map((book) => api.lorebooks.get(book.id)),
        ),
      )
      .then((records) => {
        if (active) setAttached(records);
      })
      .catch(reportError);
    return () => {
      active = false;
    };
  }, [api, characterId, reportError]);

  async function saveEmbedded(book: Lorebook) {
    const saved = await api.characters.update(characterId, { lorebook: book });
    onEmbeddedSaved(saved);
    setStarted(null);
    return { book: saved.card.lorebook ?? book, message: t('lore.savedVersion', { version: saved.version }) };
  }

  const embedded = character.card.lorebook ?? started;
  return (
    <>
      {embedded ? (
        <LorebookPanel
          key={`embedded-${resetKey}`}
          book={embedded}
          isNew={character.card.lorebook === null}
          note={t('lore.embeddedNote')}
          fallbackName={fallbackName}
          onSave={saveEmbedded}
        />
      ) : (
        <section className="panel" aria-labelledby="lore-heading">
          <h2 id="lore-heading">{t('editor.lorebook')}</h2>
          <p className="muted small">{t('editor.noLorebook')}</p>
          <button
            type="button"
            className="button secondary small"
            onClick={() => setStarted(emptyBook(fallbackName))}
          >
            {t('lore.create')}
          </button>
        </section>
      )}
      {attached.map((record) => (
        <LorebookPanel
          key={record.id}
          book={record.book}
          note={t('lore.attachedNote')}
          fallbackName={record.book.name || fallbackName}
          onSave={async (book) => {
            const stored = await api.lorebooks.update(record.id, book);
            return { book: stored.book, message: t('lore.saved') };
          }}
        />
      ))}
    </>
  );
}
