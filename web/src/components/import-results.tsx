/** Per-file outcome of an import: stored (with any warnings) or failed, with the reason. */
import type { ImportWarning } from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';

export type ImportResult =
  | { file: string; ok: true; name: string; kind: 'character' | 'lorebook' | null; warnings: ImportWarning[] }
  | { file: string; ok: false; message: string };

/** The list of results, announced politely. */
export function ImportResults({ results, onDismiss }: { results: ImportResult[]; onDismiss: () => void }) {
  const { t } = useI18n();
  return (
    <div className="import-results" role="status">
      <ul>
        {results.map((result, index) => (
          <li key={`${result.file}-${index}`} className={result.ok ? 'ok' : 'failed'}>
            <span className="result-status">{result.ok ? t('import.imported') : t('import.failed')}</span>
            <span className="result-file">{result.file}</span>
            {result.ok ? (
              <>
                <span>
                  → {result.name}
                  {result.kind === 'lorebook' ? ` (${t('import.lorebook')})` : ''}
                </span>
                {result.warnings.length > 0 && (
                  <details>
                    <summary>{t('import.warnings', { count: result.warnings.length })}</summary>
                    <ul className="warnings">
                      {result.warnings.map((warning, warningIndex) => (
                        <li key={warningIndex}>{warning.message}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </>
            ) : (
              <span className="result-message">{result.message}</span>
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="button ghost small" onClick={onDismiss}>
        {t('import.dismiss')}
      </button>
    </div>
  );
}
