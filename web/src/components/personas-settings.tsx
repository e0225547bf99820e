/** Personas: who you are in chats. Create, edit, delete, and choose the default. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Persona } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';

interface Draft {
  id: string | null;
  name: string;
  description: string;
}

const emptyDraft: Draft = { id: null, name: '', description: '' };

/** The personas section of the settings page. */
export function PersonasSettings() {
  const { t } = useI18n();
  const { api, reportError } = useApp();
  const [personas, setPersonas] = useState<Persona[]>([]);
  const [draft, setDraft] = useState<Draft>(emptyDraft);

  const load = useCallback(() => {
    api.personas.list().then(setPersonas).catch(reportError);
  }, [api, reportError]);
  useEffect(load, [load]);

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      load();
    } catch (error) {
      reportError(error);
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const fields = { name: draft.name.trim(), description: draft.description };
    void run(async () => {
      if (draft.id) await api.personas.update(draft.id, fields);
      else await api.personas.create({ ...fields, isDefault: personas.length === 0 });
      setDraft(emptyDraft);
    });
  }

  return (
    <section className="panel" aria-labelledby="personas-heading">
      <h2 id="personas-heading">{t('personas.title')}</h2>
      <p className="muted small">{t('personas.hint')}</p>
      {personas.length === 0 ? (
        <p className="muted small">{t('personas.empty')}</p>
      ) : (
        <ul className="model-list">
          {personas.map((persona) => (
            <li key={persona.id}>
              <div>
                <strong>{persona.name}</strong>
                {persona.isDefault && <span className="badge subtle"> {t('personas.default')}</span>}
                <span className="muted small"> {persona.description.slice(0, 120)}</span>
              </div>
              <div className="row">
                {!persona.isDefault && (
                  <button
                    type="button"
                    className="button ghost small"
                    aria-label={`${t('personas.makeDefault')}: ${persona.name}`}
                    onClick={() => void run(() => api.personas.setDefault(persona.id))}
                  >
                    {t('personas.makeDefault')}
                  </button>
                )}
                <button
                  type="button"
                  className="button ghost small"
                  aria-label={`${t('personas.edit')}: ${persona.name}`}
                  onClick={() =>
                    setDraft({ id: persona.id, name: persona.name, description: persona.description })
                  }
                >
                  {t('personas.edit')}
                </button>
                <button
                  type="button"
                  className="button ghost small danger-text"
                  aria-label={`${t('personas.delete')}: ${persona.name}`}
                  onClick={() => void run(() => api.personas.remove(persona.id))}
                >
                  {t('personas.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="stack" onSubmit={save}>
        <label className="field">
          <span>{t('personas.name')}</span>
          <input
            required
            maxLength={100}
            value={draft.name}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('personas.description')}</span>
          <textarea
            rows={3}
            maxLength={20_000}
            value={draft.description}
            onChange={(event) => setDraft({ ...draft, description: event.target.value })}
          />
        </label>
        <div className="row">
          <button type="submit" className="button primary">
            {draft.id ? t('personas.save') : t('personas.create')}
          </button>
          {draft.id && (
            <button type="button" className="button ghost" onClick={() => setDraft(emptyDraft)}>
              {t('personas.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
