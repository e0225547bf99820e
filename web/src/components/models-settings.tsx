/** Model backends: the configured ones with a connection test, a form with presets, and downloads. */
import { useCallback, useEffect, useState } from 'react';
import type { ModelList } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { errorMessage } from '../lib/errors.js';
import { AddModelForm } from './add-model-form.js';
import { ModelDownload } from './model-download.js';

/** The models section. */
export function ModelsSettings() {
  const { t } = useI18n();
  const { api, reportError, user } = useApp();
  const [models, setModels] = useState<ModelList | null>(null);
  const [results, setResults] = useState<Record<string, string>>({});

  const load = useCallback(() => {
    api.models.list().then(setModels).catch(reportError);
  }, [api, reportError]);
  useEffect(load, [load]);

  async function test(name: string) {
    setResults((old) => ({ ...old, [name]: t('common.loading') }));
    try {
      const result = await api.models.test(name);
      setResults((old) => ({
        ...old,
        [name]: t('settings.testOk', { model: result.model, ms: result.ms, text: result.text }),
      }));
    } catch (error) {
      setResults((old) => ({ ...old, [name]: errorMessage(error, t) }));
    }
  }

  const admin = user.role === 'admin';
  return (
    <section className="panel" aria-labelledby="models-heading">
      <h2 id="models-heading">{t('settings.models')}</h2>
      <h3>{t('settings.configured')}</h3>
      {models && models.configured.length === 0 && <p className="muted small">{t('settings.noModels')}</p>}
      <ul className="model-list">
        {models?.configured.map((model) => (
          <li key={model.name}>
            <div>
              <strong>{model.name}</strong>
              <span className="muted small">
                {' '}
                {model.provider} · {model.model}
                {model.baseUrl ? ` · ${model.baseUrl}` : ''}
              </span>
              {results[model.name] && (
                <p className="small" role="status">
                  {results[model.name]}
                </p>
              )}
            </div>
            <button type="button" className="button secondary small" onClick={() => void test(model.name)}>
              {t('settings.test')}
            </button>
          </li>
        ))}
      </ul>
      {admin ? (
        <>
          <AddModelForm onSaved={load} />
          <ModelDownload catalog={models?.catalog ?? []} onDone={load} />
        </>
      ) : (
        <p className="muted small">{t('settings.adminOnly')}</p>
      )}
    </section>
  );
}
