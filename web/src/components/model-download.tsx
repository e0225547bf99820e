/** GGUF downloads: a catalog entry or a URL, with a progress bar fed by the server's SSE events. */
import { useState, type FormEvent } from 'react';
import type { ModelList } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApp } from '../lib/app-context.js';
import { errorMessage } from '../lib/errors.js';

interface Progress {
  received: number;
  total: number | null;
}

/** The downloads block. */
export function ModelDownload({ catalog, onDone }: { catalog: ModelList['catalog']; onDone: () => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const [source, setSource] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function pull(what: string) {
    setProgress({ received: 0, total: null });
    setMessage(null);
    try {
      for await (const event of api.models.pull(what)) {
        if (event.type === 'progress') setProgress({ received: event.received, total: event.total });
        else if (event.type === 'error') setMessage(event.message);
        else setMessage(t('settings.downloadDone'));
      }
      onDone();
    } catch (error) {
      setMessage(errorMessage(error, t));
    } finally {
      setProgress(null);
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (source.trim()) void pull(source.trim());
  };
  const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1);
  return (
    <div className="stack">
      <h3>{t('settings.catalog')}</h3>
      <ul className="model-list">
        {catalog.map((entry) => (
          <li key={entry.name}>
            <div>
              <strong>{entry.name}</strong>
              <span className="muted small"> {entry.description}</span>
            </div>
            {entry.downloaded ? (
              <span className="badge subtle">{t('settings.downloaded')}</span>
            ) : (
              <button
                type="button"
                className="button secondary small"
                disabled={progress !== null}
                onClick={() => void pull(entry.name)}
              >
                {t('settings.download')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form className="row wrap" onSubmit={submit}>
        <label className="field grow">
          <span>{t('settings.downloadUrl')}</span>
          <input value={source} onChange={(event) => setSource(event.target.value)} />
        </label>
        <button type="submit" className="button secondary" disabled={progress !== null || !source.trim()}>
          {t('settings.download')}
        </button>
      </form>
      {progress && (
        <div className="download-progress">
          <progress
            aria-label={t('settings.progress')}
            max={progress.total ?? undefined}
            value={progress.total ? progress.received : undefined}
          />
          <span className="small muted">
            {megabytes(progress.received)} MB{progress.total ? ` / ${megabytes(progress.total)} MB` : ''}
          </span>
        </div>
      )}
      {message && (
        <p className="small" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
