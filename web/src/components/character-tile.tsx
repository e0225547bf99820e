/** One character in the gallery: avatar, name, tags, and its actions. */
import type { CharacterSummary } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { Avatar } from './avatar.js';

interface CharacterTileProps {
  character: CharacterSummary;
  onDuplicate: () => void;
  onDelete: () => void;
  onTag: (tag: string) => void;
}

/** A gallery card. The name is text; nothing from the card is ever treated as markup. */
export function CharacterTile({ character, onDuplicate, onDelete, onTag }: CharacterTileProps) {
  const { t } = useI18n();
  const { api, navigate, user } = useApp();
  const mine = character.ownerId === user.id;
  const chat = () => navigate({ name: 'chat', characterId: character.id, sessionId: null });
  return (
    <li className="character-tile">
      <button
        type="button"
        className="tile-main"
        onClick={chat}
        aria-label={`${t('gallery.chat')}: ${character.name}`}
      >
        <Avatar characterId={character.id} size="large" />
        <span className="tile-name">{character.name}</span>
      </button>
      {character.tags.length > 0 && (
        <ul className="tag-list" aria-label={t('editor.field.tags')}>
          {character.tags.slice(0, 5).map((tag) => (
            <li key={tag}>
              <button type="button" className="tag" onClick={() => onTag(tag)}>
                {tag}
              </button>
            </li>
          ))}
        </ul>
      )}
      {character.shared && <span className="badge">{t('gallery.shared')}</span>}
      <div className="tile-actions" role="group" aria-label={t('gallery.more', { name: character.name })}>
        <button type="button" className="button primary small" onClick={chat}>
          {t('gallery.chat')}
        </button>
        {mine && (
          <button
            type="button"
            className="button ghost small"
            onClick={() => navigate({ name: 'editor', characterId: character.id })}
          >
            {t('gallery.edit')}
          </button>
        )}
        <button type="button" className="button ghost small" onClick={onDuplicate}>
          {t('gallery.duplicate')}
        </button>
        <a className="button ghost small" href={api.characters.exportPath(character.id, 'png')} download>
          {t('gallery.export')}
        </a>
        {mine && (
          <button type="button" className="button ghost small danger-text" onClick={onDelete}>
            {t('gallery.delete')}
          </button>
        )}
      </div>
    </li>
  );
}
