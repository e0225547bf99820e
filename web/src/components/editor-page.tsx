/**
 * The character editor: every card field with a live token estimate and a total, the avatar,
 * versions (restore = save the old card, its lorebook included, as a new version) and the
 * character's lorebooks with a test box. The card fields are one form; the lorebooks sit outside it
 * and save on their own, so Enter in a lore field never saves the card.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { CardFields, Character, Lorebook } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { editableFields } from '../lib/card-fields.js';
import { estimateTokens } from '../lib/tokens.js';
import { Avatar } from './avatar.js';
import { GreetingsField } from './greetings-field.js';
import { CharacterLorebooks } from './character-lorebooks.js';
import { TextField } from './text-field.js';
import { VersionsPanel } from './versions-panel.js';

type Fields = ReturnType<typeof editableFields>;
type TextKey = {
  [K in keyof Fields]-?: Fields[K] extends string | undefined ? K : never;
}[keyof Fields];

const longFields: { key: TextKey; rows: number }[] = [
  { key: 'description', rows: 8 },
  { key: 'personality', rows: 4 },
  { key: 'scenario', rows: 4 },
  { key: 'firstMessage', rows: 6 },
];
const advancedFields: { key: TextKey; rows: number }[] = [
  { key: 'exampleDialogues', rows: 6 },
  { key: 'systemPrompt', rows: 4 },
  { key: 'postHistoryInstructions', rows: 3 },
  { key: 'creatorNotes', rows: 3 },
];

/** The editor page of one character. */
export function EditorPage({ characterId }: { characterId: string }) {
  const { t } = useI18n();
  const { api, navigate, reportError } = useApp();
  const [character, setCharacter] = useState<Character | null>(null);
  const [fields, setFields] = useState<Fields | null>(null);
  const [tags, setTags] = useState('');
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [versionsKey, setVersionsKey] = useState(0);
  const [lorebookKey, setLorebookKey] = useState(0);
  const formId = useId();

  const adopt = useCallback((loaded: Character) => {
    setCharacter(loaded);
    setFields(editableFields(loaded.card));
    setTags(loaded.card.tags.join(', '));
    setDirty(false);
  }, []);

  useEffect(() => {
    api.characters.get(characterId).then(adopt).catch(reportError);
  }, [api, characterId, adopt, reportError]);

  if (!character || !fields) {
    return (
      <p className="muted center" role="status">
        {t('common.loading')}
      </p>
    );
  }

  const update = (change: Partial<Fields>) => {
    setFields({ ...fields, ...change });
    setDirty(true);
  };
  const tagList = tags
    .split(/[,，]/)
    .map((tag) => tag.trim())
    .filter(Boolean);

  async function save(
    change: CardFields & { lorebook?: Lorebook | null },
    message: (version: number) => string,
  ) {
    try {
      const saved = await api.characters.update(characterId, change);
      adopt(saved);
      setNotice(message(saved.version));
      setVersionsKey((key) => key + 1);
    } catch (error) {
      reportError(error);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!fields) return;
    void save({ ...fields, tags: tagList }, (version) => t('editor.saved', { version }));
  }

  async function restore(version: number) {
    // Restoring saves the old card's fields as a new version, so nothing is ever lost.
    try {
      const old = await api.characters.version(characterId, version);
      // The lorebook is part of a version now; it is sent only when it differs, so restoring an
      // old imported book the API would refuse (one without a name, say) cannot block the fields.
      const sameBook = JSON.stringify(old.card.lorebook) === JSON.stringify(character?.card.lorebook ?? null);
      const lorebook = sameBook ? {} : { lorebook: old.card.lorebook };
      await save({ ...editableFields(old.card), ...lorebook }, () => t('editor.restored', { version }));
      if (!sameBook) setLorebookKey((key) => key + 1);
    } catch (error) {
      reportError(error);
    }
  }

  const textTotal =
    [...longFields, ...advancedFields].reduce((sum, { key }) => sum + estimateTokens(fields[key] ?? ''), 0) +
    estimateTokens(fields.name) +
    (fields.alternateGreetings ?? []).reduce((sum, text) => sum + estimateTokens(text), 0);

  return (
    <div className="page editor-page">
      <div className="page-heading sticky">
        <h1>{t('editor.title', { name: character.card.name })}</h1>
        <div className="row">
          {dirty && <span className="badge">{t('editor.unsaved')}</span>}
          <button
            type="button"
            className="button ghost"
            onClick={() => navigate({ name: 'chat', characterId, sessionId: null })}
          >
            {t('editor.chat')}
          </button>
          <button type="submit" form={formId} className="button primary" disabled={!dirty}>
            {t('editor.save')}
          </button>
        </div>
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <div className="editor-grid">
        <form
          id={formId}
          className="editor-fields"
          onSubmit={submit}
          aria-label={t('editor.title', { name: character.card.name })}
        >
          <div className="editor-identity">
            <div className="avatar-field">
              <Avatar
                characterId={characterId}
                size="large"
                label={t('gallery.avatarOf', { name: fields.name })}
              />
              <p className="muted small">{t('editor.avatarHint')}</p>
            </div>
            <div className="stack grow">
              <TextField
                label={t('editor.field.name')}
                value={fields.name}
                required
                onChange={(name) => update({ name })}
              />
              <TextField
                label={t('editor.field.nickname')}
                value={fields.nickname ?? ''}
                onChange={(nickname) => update({ nickname })}
              />
              <label className="field">
                <span className="field-label">{t('editor.field.tags')}</span>
                <input
                  value={tags}
                  onChange={(event) => {
                    setTags(event.target.value);
                    setDirty(true);
                  }}
                />
              </label>
            </div>
          </div>
          {longFields.map(({ key, rows }) => (
            <TextField
              key={key}
              label={t(`editor.field.${key}`)}
              value={fields[key] ?? ''}
              multiline
              rows={rows}
              onChange={(value) => update({ [key]: value })}
            />
          ))}
          <GreetingsField
            greetings={fields.alternateGreetings ?? []}
            onChange={(alternateGreetings) => update({ alternateGreetings })}
          />
          {advancedFields.map(({ key, rows }) => (
            <TextField
              key={key}
              label={t(`editor.field.${key}`)}
              value={fields[key] ?? ''}
              multiline
              rows={rows}
              onChange={(value) => update({ [key]: value })}
            />
          ))}
          <div className="row wrap">
            <TextField
              label={t('editor.field.creator')}
              value={fields.creator ?? ''}
              onChange={(creator) => update({ creator })}
            />
            <TextField
              label={t('editor.field.characterVersion')}
              value={fields.characterVersion ?? ''}
              onChange={(characterVersion) => update({ characterVersion })}
            />
          </div>
          <p className="token-total">
            <strong>{t('editor.totalTokens', { count: textTotal })}</strong>
            <span className="muted small"> {t('editor.tokenRule')}</span>
          </p>
        </form>
        <div className="editor-side">
          <VersionsPanel
            key={versionsKey}
            characterId={characterId}
            current={character.version}
            onRestore={(version) => void restore(version)}
          />
          <CharacterLorebooks
            character={character}
            resetKey={lorebookKey}
            onEmbeddedSaved={(saved) => {
              // Only the version changed for the card fields: unsaved edits there are kept.
              setCharacter(saved);
              setVersionsKey((key) => key + 1);
            }}
          />
        </div>
      </div>
    </div>
  );
}
