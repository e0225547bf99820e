/** Above the conversation: who you talk to, who you are (persona), the model, and the inspector switch. */
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { Avatar } from './avatar.js';
import { Icon } from './icon.js';
import { PersonaSelect } from './persona-select.js';

interface ChatToolbarProps {
  characterId: string;
  name: string;
  model: string;
  onModel: (model: string) => void;
  persona: string;
  onPersona: (personaId: string) => void;
  inspecting: boolean;
  onInspect: () => void;
  remembering: boolean;
  onMemory: () => void;
  onShowSessions: () => void;
}

/** The chat header bar. */
export function ChatToolbar(props: ChatToolbarProps) {
  const { t } = useI18n();
  const { api, navigate } = useApp();
  const [models, setModels] = useState<string[]>([]);
  useEffect(() => {
    api.models
      .list()
      .then((list) =>
        setModels([
          ...list.configured.map((entry) => entry.name),
          ...list.catalog.filter((entry) => entry.downloaded).map((entry) => entry.name),
        ]),
      )
      // The model list is a convenience; without it the default model is used.
      .catch(() => setModels([]));
  }, [api]);
  return (
    <div className="chat-toolbar">
      <button
        type="button"
        className="button icon sessions-toggle"
        aria-label={t('chat.showSessions')}
        onClick={props.onShowSessions}
      >
        <Icon name="menu" />
      </button>
      <Avatar characterId={props.characterId} size="small" />
      <h1 className="chat-title">{props.name}</h1>
      <div className="chat-tools">
        <PersonaSelect value={props.persona} onChange={props.onPersona} />
        {models.length > 0 && (
          <select
            aria-label={t('chat.model')}
            value={props.model}
            onChange={(event) => props.onModel(event.target.value)}
          >
            <option value="">{t('chat.defaultModel')}</option>
            {models.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
        <button
          type="button"
          className="button ghost small"
          onClick={() => navigate({ name: 'editor', characterId: props.characterId })}
        >
          {t('chat.editCharacter')}
        </button>
        <button
          type="button"
          className="button secondary small"
          aria-pressed={props.inspecting}
          onClick={props.onInspect}
        >
          {t('chat.inspect')}
        </button>
        <button
          type="button"
          className="button secondary small"
          aria-pressed={props.remembering}
          onClick={props.onMemory}
        >
          {t('memory.open')}
        </button>
      </div>
    </div>
  );
}
