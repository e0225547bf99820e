/** API keys: list, create (the secret is shown once) and revoke. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiKeyInfo } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';

/** The API keys section. */
export function KeysSettings() {
  const { t, language } = useI18n();
  const { api, reportError } = useApp();
  const [keys, setKeys] = useState<ApiKeyInfo[]>([]);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);

  const load = useCallback(() => {
    api.keys.list().then(setKeys).catch(reportError);
  }, [api, reportError]);
  useEffect(load, [load]);

  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      const created = await api.keys.create({ name: name.trim() });
      setSecret(created.key);
      setName('');
      load();
    } catch (error) {
      reportError(error);
    }
  }

  async function revoke(id: string) {
    try {
      await api.keys.revoke(id);
      load();
    } catch (error) {
      reportError(error);
    }
  }

  const format = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium' });
  return (
    <section className="panel" aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('settings.keys')}</h2>
      {secret && (
        <div className="notice" role="status">
          <p>{t('settings.newKey')}</p>
          <code className="secret">{secret}</code>
        </div>
      )}
      {keys.length === 0 ? (
        <p className="muted small">{t('settings.noKeys')}</p>
      ) : (
        <ul className="model-list">
          {keys.map((key) => (
            <li key={key.id}>
              <div>
                <strong>{key.name}</strong>
                <span className="muted small">
                  {' '}
                  {key.prefix}… · {key.scopes.join(', ')} · {format.format(key.createdAt)}
                </span>
              </div>
              {key.revokedAt ? (
                <span className="badge subtle">{t('settings.revoked')}</span>
              ) : (
                <button
                  type="button"
                  className="button ghost small danger-text"
                  aria-label={`${t('settings.revoke')}: ${key.name}`}
                  onClick={() => void revoke(key.id)}
                >
                  {t('settings.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="row wrap" onSubmit={(event) => void create(event)}>
        <label className="field grow">
          <span>{t('settings.keyName')}</span>
          <input required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <button type="submit" className="button primary">
          {t('settings.createKey')}
        </button>
      </form>
    </section>
  );
}
